"""
End-to-end test of a clinic group's set-up (docs/deploy-fleet.md): three
kiosk SSH hosts behind HAProxy (deploy/ssh/haproxy.cfg), their content
from one git repository checked by deploy/content/pre-receive and
switched by deploy/content/kiosk-content-update.  Patients' ssh clients
run in ptys (kiosk_pty.Kiosk running /usr/bin/ssh) and are read with pyte;
they reach the balancer on 127.0.0.1 and pin the hosts' one shared host
key.  Set-up: fleet_harness.py (network namespaces, or loopback addresses
where those cannot be made; the first line printed says which).

Run by `make fleet-test` (called by .ci/run), as root: the whole file is
one skip with the reason elsewhere.  Figures are printed as it runs.
Every wait is bounded: the file takes about a minute.
"""

import os
import re
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))

from kiosk_pty import KIOSK, Kiosk  # noqa: E402
from sshd_harness import SSH, memory, skip_reason  # noqa: E402

import fleet_harness as fh  # noqa: E402

_why = skip_reason()
if _why:
    pytest.skip(f"fleet tests: {_why}", allow_module_level=True)
_missing = fh.missing_tools()
if _missing:
    pytest.fail(f"fleet tests need {', '.join(_missing)}: make deps", pytrace=False)

HOSTS = 3
SESSIONS = 60
RECOVERY = "Stem cells for healing and recovery"
# the bundled content as it is: language folders, the default (en) first
RECOVERY_FILE = "en/articles/01-stem-cell-basics/stem-cells-for-recovery.md"
HOME_DONE = re.escape("Stem cells for skin and hair")
CLK_TCK = os.sysconf("SC_CLK_TCK")


def report(capsys, text):
    with capsys.disabled():
        print(f"\n    [fleet] {text}", end="")


@pytest.fixture(scope="module")
def fleet():
    if not os.access(KIOSK, os.X_OK):
        pytest.fail(f"{KIOSK} is missing: make kiosk", pytrace=False)
    f = fh.Fleet(KIOSK, HOSTS)
    try:
        f.start()
        yield f
    finally:
        f.stop()


@pytest.fixture
def sessions(fleet, request):
    """open() -> a new patient's ssh session through the balancer, in a
    pty; all are hung up after the test."""
    started = []
    request.node._kiosks = started

    def _open():
        k = Kiosk(fleet.ssh_args(), program=SSH, env={"HOME": fleet.account.client_home},
                  cwd=fleet.account.client_home)
        started.append(k)
        return k

    _open.all = started
    yield _open
    for k in started:
        k.close()


def on_home(ks, timeout=60, t0=None):
    """Waits until every session shows the whole home screen; returns the
    seconds each took from t0 (default now)."""
    t0 = time.monotonic() if t0 is None else t0

    def wait(k):
        k.wait_for(HOME_DONE, timeout=timeout)
        return time.monotonic() - t0

    with ThreadPoolExecutor(max_workers=max(1, len(ks))) as ex:
        return list(ex.map(wait, ks))


def edit(path, old, new):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, f"{old!r} not in {path}: update the test to the bundled content"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


def responds(k, timeout=5):
    """True when the session answers a key (the screen is redrawn)."""
    before = len(k.raw)
    k.send("down")
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        k.alive()
        if len(k.raw) > before:
            return True
        time.sleep(0.05)
    return False


# ----- 1. content: push, check, switch on every kiosk ------------------------------

def test_push_is_checked_and_every_kiosk_switches(fleet, sessions, capsys):
    report(capsys, f"hosts: {fleet.net.mode}"
           + (f" (namespaces unavailable: {fleet.net.why})" if fleet.net.why else "")
           + f"; haproxy on 127.0.0.1:{fleet.port}")
    # One open session on each host.
    by_host = {}
    for _ in range(3 * HOSTS):
        k = sessions()
        on_home([k])
        by_host.setdefault(fleet.host_of(k), k)
        if len(by_host) == HOSTS:
            break
    assert sorted(by_host) == list(range(1, HOSTS + 1)), f"sessions reached hosts {sorted(by_host)}"
    first = {i: fleet.current(i) for i in by_host}

    # A good push is accepted; each host's update switches; every open
    # session shows the new title.
    edit(f"{fleet.staff}/{RECOVERY_FILE}", f"title: {RECOVERY}", "title: Healing with stem cells")
    r = fleet.commit_and_push("Shorter title")
    assert r.returncode == 0, f"good push rejected:\n{r.stderr}"
    assert "0 errors, 0 warnings" in r.stderr, r.stderr
    good = fleet.git("-C", fleet.staff, "rev-parse", "HEAD").stdout.strip()
    shown = []
    for i, k in sorted(by_host.items()):
        u = fleet.update(i)
        assert u.returncode == 0, f"host {i}: update failed:\n{u.stderr}"
        t0 = time.monotonic()
        assert fleet.current(i) == f"releases/{good}"
        assert re.search(r"switched from \w+ to " + good[:12], u.stderr), u.stderr
        k.wait_for(r"Healing with stem cells", timeout=2)
        shown.append(time.monotonic() - t0)
    report(capsys, "good push accepted; after each host's update its session showed it in "
           + ", ".join(f"{t:.2f}" for t in shown) + " s")

    # The repository cannot be reached: the kiosk keeps its release.
    u = fleet.update(1, REPO=f"{fleet.root}/git/gone.git")
    assert u.returncode == 0 and "offline" in u.stderr, u.stderr
    assert fleet.current(1) == f"releases/{good}"

    # A symlink in the content (it could show any file of a host) is
    # refused by the hook.
    os.symlink("/etc/passwd", f"{fleet.staff}/en/articles/01-stem-cell-basics/passwords.md")
    r = fleet.commit_and_push("A link")
    assert r.returncode != 0, "a push with a symlink was accepted"
    assert "passwords.md: error: symlinks and submodules are not allowed" in r.stderr, r.stderr
    fleet.git("-C", fleet.staff, "reset", "--quiet", "--hard", "HEAD~1")

    # A broken article: the push is rejected with file:line, the branch
    # and the kiosks stay as they were.
    bad_file = "en/articles/01-stem-cell-basics/after-your-visit.md"
    with open(f"{fleet.staff}/{bad_file}", "w") as f:
        f.write("---\ntitle: [After your visit\n---\n\nRest for a day.\n")
    r = fleet.commit_and_push("New article")
    assert r.returncode != 0, "a push with a broken article was accepted"
    assert re.search(r"remote: " + re.escape(bad_file) + r":2:\d+: error: ", r.stderr), r.stderr
    assert "pre-receive hook declined" in r.stderr, r.stderr
    head = fleet.git("--git-dir", fleet.repo, "rev-parse", "main").stdout.strip()
    assert head == good, "the rejected commit reached the repository"
    for i, k in sorted(by_host.items()):
        u = fleet.update(i)
        assert u.returncode == 0 and fleet.current(i) == f"releases/{good}", u.stderr
    time.sleep(0.8)
    for i, k in by_host.items():
        k.alive()
        assert k.find("Healing with stem cells"), k.failure(f"host {i} changed its content")

    # A broken commit that got past the hook (a repository without it)
    # is refused by the kiosk's own check: current stays.
    hook = f"{fleet.repo}/hooks/pre-receive"
    os.chmod(hook, 0o644)
    try:
        r = fleet.git("-C", fleet.staff, "push", "origin", "main", check=False)
    finally:
        os.chmod(hook, 0o755)
    assert r.returncode == 0, r.stderr
    u = fleet.update(1)
    assert u.returncode == 1, f"update of a broken commit exited {u.returncode}:\n{u.stderr}"
    assert re.search(re.escape(bad_file) + r":2:\d+: error: ", u.stderr), u.stderr
    assert fleet.current(1) == f"releases/{good}"
    time.sleep(0.8)
    by_host[1].alive()
    assert by_host[1].find("Healing with stem cells"), by_host[1].failure("host 1 changed")

    # Rollback on host 1: one command, its session shows the first
    # release again; the other hosts are not touched.
    t0 = time.monotonic()
    u = fleet.update(1, "--rollback")
    assert u.returncode == 0, u.stderr
    assert fleet.current(1) == first[1]
    by_host[1].wait_for(re.escape(RECOVERY), timeout=2)
    report(capsys, f"bad push rejected with file:line; broken commit past the hook refused by "
                   f"kiosk-content-update; rollback shown in {time.monotonic() - t0:.2f} s")
    for i in range(2, HOSTS + 1):
        assert by_host[i].find("Healing with stem cells")

    # The fix is pushed: every host takes it (also host 1, past the
    # release it rolled back from).
    os.unlink(f"{fleet.staff}/{bad_file}")
    r = fleet.commit_and_push("Remove the broken article")
    assert r.returncode == 0, r.stderr
    for i in range(1, HOSTS + 1):
        u = fleet.update(i)
        assert u.returncode == 0, u.stderr
    fixed = fleet.git("-C", fleet.staff, "rev-parse", "HEAD").stdout.strip()
    assert {fleet.current(i) for i in range(1, HOSTS + 1)} == {f"releases/{fixed}"}
    by_host[1].wait_for(r"Healing with stem cells", timeout=2)

    # A release rolled back from is not taken again by the timer while
    # it is the newest commit.
    assert fleet.update(HOSTS, "--rollback").returncode == 0
    assert fleet.current(HOSTS) == f"releases/{good}"
    u = fleet.update(HOSTS)
    assert u.returncode == 0 and fleet.current(HOSTS) == f"releases/{good}", u.stderr


def test_update_keeps_the_last_releases(fleet):
    # A kiosk of its own (no sessions): five pushes, KEEP=3.
    spare = f"{fleet.root}/spare"
    commits = []
    for n in range(5):
        with open(f"{fleet.staff}/{RECOVERY_FILE}", "a", encoding="utf-8") as f:
            f.write(f"\nOne more line, number {n + 1}.\n")
        r = fleet.commit_and_push(f"Line {n + 1}")
        assert r.returncode == 0, r.stderr
        commits.append(fleet.git("-C", fleet.staff, "rev-parse", "HEAD").stdout.strip())
        u = fleet.update(0, DIR=spare)
        assert u.returncode == 0, u.stderr
    assert os.readlink(f"{spare}/current") == f"releases/{commits[-1]}"
    kept = sorted(n for n in os.listdir(f"{spare}/releases") if not n.startswith("."))
    assert kept == sorted(commits[-3:]), f"kept {kept}, expected the last three of {commits}"
    with open(f"{spare}/update.log") as f:
        log = f.read()
    assert log.count("switched from") == 5 and log.count("removed old release") == 2, log
    # --status says what is served.
    u = fleet.update(0, "--status", DIR=spare)
    assert u.returncode == 0 and f"serving: {commits[-1]}" in u.stdout, u.stdout + u.stderr
    # A rollback by commit prefix, to a kept release.
    u = fleet.update(0, "--rollback", commits[-3][:8], DIR=spare)
    assert u.returncode == 0, u.stderr
    assert os.readlink(f"{spare}/current") == f"releases/{commits[-3]}"


# ----- 2. sixty sessions, then a host goes down ------------------------------------

def test_sixty_sessions_and_a_host_goes_down(fleet, sessions, capsys):
    acct = fleet.account
    t0 = time.monotonic()
    ks = [sessions() for _ in range(SESSIONS)]
    spawned = time.monotonic() - t0
    took = on_home(ks, t0=t0)
    all_home = max(took)
    hosts = [fleet.host_of(k) for k in ks]
    count = {i: hosts.count(i) for i in range(1, HOSTS + 1)}
    assert None not in hosts, "a session shows no host title"
    # leastconn: even spread (allow for sessions still starting when the
    # next ones were balanced).
    assert min(count.values()) >= SESSIONS // HOSTS - 5, f"sessions per host: {count}"
    report(capsys, f"{SESSIONS} sessions through haproxy: all on the home screen "
                   f"{all_home:.1f} s after the first ssh started ({spawned:.1f} s to start the "
                   f"clients, median {statistics.median(took):.1f} s); per host {count}")

    # What the hosts spend on them: memory, and CPU for the start.
    pids = acct.kiosk_pids()
    assert len(pids) == SESSIONS, f"{len(pids)} kiosks for {SESSIONS} sessions"
    groups = [fleet.server_side(p) for p in pids]
    pss = [sum(memory(p)["pss"] for p in g) for g in groups]
    start_cpu = [sum(fh.cpu_ticks(p) for p in g) for g in groups]
    report(capsys, f"server side per session (kiosk + 2 sshd): PSS {statistics.mean(pss):.0f} KiB "
                   f"(kiosk {statistics.mean(memory(p)['pss'] for p in pids):.0f} KiB); CPU to "
                   f"start {statistics.mean(start_cpu) * 1000 / CLK_TCK:.0f} ms")

    # Every patient reads: one key a second for 10 s.  CPU of the hosts'
    # processes and of haproxy meanwhile.
    before = sum(fh.cpu_ticks(p, children=False) for g in groups for p in g)
    hp_before = fh.cpu_ticks(fleet.haproxy.pid, children=False)
    t1 = time.monotonic()
    for step in range(10):
        for k in ks:
            k.send("down" if step % 2 == 0 else "up")
        end = t1 + step + 1
        while time.monotonic() < end:
            for k in ks:
                k.alive()
            time.sleep(0.02)
    span = time.monotonic() - t1
    used = sum(fh.cpu_ticks(p, children=False) for g in groups for p in g) - before
    hp_used = fh.cpu_ticks(fleet.haproxy.pid, children=False) - hp_before
    share = used / CLK_TCK / span / SESSIONS
    report(capsys, f"{SESSIONS} sessions pressing a key a second: hosts' CPU "
                   f"{used / CLK_TCK / span * 100:.1f}% of a core ({share * 100:.2f}% per session), "
                   f"haproxy {hp_used / CLK_TCK / span * 100:.1f}%")

    # Host 2 goes down.  Its sessions end (the balancer closes them once
    # its checks fail); the others go on; none hangs.
    down = 2
    mine = [k for k, h in zip(ks, hosts) if h == down]
    others = [k for k, h in zip(ks, hosts) if h != down]
    t2 = time.monotonic()
    fleet.stop_host(down)
    ended = {}
    end = t2 + 20
    while len(ended) < len(mine) and time.monotonic() < end:
        for n, k in enumerate(mine):
            if n not in ended and not k.alive():
                ended[n] = time.monotonic() - t2
        time.sleep(0.05)
    hung = [k for n, k in enumerate(mine) if n not in ended]
    assert not hung, hung[0].failure(f"{len(hung)} of {len(mine)} sessions of the stopped host "
                                     f"still run 20 s later")
    statuses = {k.status for k in mine}
    assert statuses == {255}, f"ssh exit statuses of the stopped host's sessions: {statuses}"
    # The balancer's banner check marks it down (with namespaces that is
    # what ended the sessions; on loopback its sshd's death did).
    end = time.monotonic() + 15
    while not (status := fleet.servers()[f"host{down}"]["status"]).startswith("DOWN"):
        assert time.monotonic() < end, f"haproxy still has host {down} as {status} 15 s after it stopped"
        time.sleep(0.1)
    marked = time.monotonic() - t2
    report(capsys, f"host {down} went down ({fleet.net.mode}): its {len(mine)} sessions ended "
                   f"{min(ended.values()):.1f}-{max(ended.values()):.1f} s later (ssh status 255); "
                   f"haproxy had it DOWN after {marked:.1f} s")
    fleet.remove_host(down)
    not_answering = [k for k in others if not responds(k)]
    assert not not_answering, not_answering[0].failure(
        f"{len(not_answering)} sessions of the other hosts stopped answering")

    # New patients reach the hosts that are up.
    t3 = time.monotonic()
    new = [sessions() for _ in range(12)]
    on_home(new, timeout=30)
    new_hosts = [fleet.host_of(k) for k in new]
    assert down not in new_hosts and None not in new_hosts, f"new sessions reached {new_hosts}"
    report(capsys, f"12 new sessions: all on hosts {sorted(set(new_hosts))}, home screen in "
                   f"{time.monotonic() - t3:.1f} s")

    # Everyone leaves: every client and every kiosk of the live hosts ends.
    t4 = time.monotonic()
    for k in others + new:
        assert k.hangup() is not None, "an ssh client had to be killed"
    left = acct.wait_no_kiosk(10)
    assert not left, f"{len(left)} kiosks still run after their clients hung up"
    report(capsys, f"{len(others) + len(new)} clients hung up: all kiosks gone in "
                   f"{time.monotonic() - t4:.2f} s")
