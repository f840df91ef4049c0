"""
End-to-end tests of the SSH deployment (deploy/ssh/, docs/deploy-ssh.md):
a real sshd on 127.0.0.1 with the clinic's drop-in, an account made by the
clinic's script, and real ssh, scp and sftp clients, the interactive ones
in a pty read with pyte (kiosk_pty.Kiosk running /usr/bin/ssh).

They need root and openssh-server/openssh-client; elsewhere the whole file
is one skip with the reason (pytest -rs shows it).  Set-up and helpers:
sshd_harness.py.  Figures (timings, memory) are printed as the tests run.
"""

import grp
import os
import pwd
import re
import signal
import socket
import stat
import statistics
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from sshd_harness import SSH, KioskAccount, Sshd, alive, free_port, memory, proc_stat, skip_reason

_why = skip_reason()
if _why:
    pytest.skip(f"SSH deployment tests: {_why}", allow_module_level=True)

from kiosk_pty import Kiosk  # noqa: E402

TITLE = "Riverside Test Clinic"
ARTICLES = ["What is stem cell therapy?", "Stem cells for healing and recovery",
            "Fibroblast treatments for the skin", "Stem cells for skin and hair"]
HOME_DONE = re.escape(ARTICLES[-1])
THERAPY = ARTICLES[0]
AUTOLOGOUS_DEF = "Cells or tissue that come from your own body."
BUSY = "The kiosk is busy, please try again in a few minutes."
CLK_TCK = os.sysconf("SC_CLK_TCK")


# ----- fixtures --------------------------------------------------------------

@pytest.fixture(scope="session")
def account():
    a = KioskAccount()
    try:
        a.create()
        yield a
    finally:
        a.remove()


@pytest.fixture(scope="session")
def sshd(account):
    s = Sshd(account).start()
    try:
        yield s
    finally:
        s.stop()


@pytest.fixture
def server(sshd, account, request):
    """The main sshd, with no kiosk left from an earlier test (one that
    failed may leave some: they are ended by pid) and the default test
    settings; the test may call account.write_config()."""
    for pid in account.wait_no_kiosk(5):
        os.kill(pid, signal.SIGKILL)
    account.write_config(session_idle=0, max_sessions=20)
    started = []
    request.node._kiosks = started
    yield sshd
    for k in started:
        k.close()
    account.write_config(session_idle=0, max_sessions=20)


@pytest.fixture
def connect(server, request):
    """connect(*ssh_options, command=(), key=True, cols=, rows=) -> Kiosk
    running ssh -tt in a pty; closed after the test."""
    def _connect(*opts, command=(), key=True, cols=80, rows=24, env=None):
        e = server.client_env()
        e.update(env or {})
        k = Kiosk(server.ssh_args(*opts, key=key, command=command), cols=cols, rows=rows,
                  program=SSH, env=e, cwd=server.account.client_home)
        request.node._kiosks.append(k)
        return k
    return _connect


def report(capsys, text):
    """Prints figures past pytest's capture, so `make check` shows them."""
    with capsys.disabled():
        print(f"\n    [ssh] {text}", end="")


# ----- helpers ---------------------------------------------------------------

def the_kiosk_pid(account, before=(), timeout=5):
    """The one server-side kiosk that is not in before."""
    end = time.monotonic() + timeout
    while True:
        new = [p for p in account.kiosk_pids() if p not in before]
        if len(new) == 1:
            return new[0]
        if time.monotonic() >= end:
            raise AssertionError(f"expected one new kiosk process on the server, found {new}")
        time.sleep(0.02)


def vm_hwm(pid):
    """Peak resident memory of pid in KiB (0 when gone)."""
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def environ(pid):
    with open(f"/proc/{pid}/environ", "rb") as f:
        return dict(e.split(b"=", 1) for e in f.read().split(b"\0") if b"=" in e)


def focus_term(k, word, max_tabs=30):
    """Tab until word on screen changes its look (the focus is on it)."""
    plain = k.style(*k.must_find(word))
    for _ in range(max_tabs):
        k.send("tab")
        k.wait_quiet()
        if k.style(*k.must_find(word)) != plain:
            return
    raise k.failure(f"{max_tabs} Tabs never focused {word!r}")


def section(k):
    m = re.search(r"Section (\d+) of (\d+)", k.lines()[0])
    if not m:
        raise k.failure("the header does not say which section is shown")
    return int(m.group(1))


def max_exit_ticks(account):
    """CPU a kiosk may use between a hangup and its end: ending itself
    (a tick at most; a sanitizer build also checks for leaks).  A kiosk
    that kept running would use far more."""
    return 20 if account.sanitized else 2


def watch_until_gone(pid, timeout):
    """Polls pid until it has ended (or timeout); returns (seconds, CPU
    ticks it used meanwhile, still alive)."""
    t0 = time.monotonic()
    first = last = proc_stat(pid)
    while first is not None and time.monotonic() - t0 < timeout:
        st = proc_stat(pid)
        if st is None:
            break
        last = st
        if st[0] in ("Z", "X"):
            break
        time.sleep(0.01)
    took = time.monotonic() - t0
    used = last[1] - first[1] if first is not None else 0
    return took, used, alive(pid)


# ----- the deployment files --------------------------------------------------

def test_dropin_settings_apply_to_the_kiosk_account_only(server, account):
    eff = server.effective(account.user)
    want = {
        "forcecommand": f"{account.kiosk} --config {account.home}/kiosk.conf",
        "permittty": "yes", "disableforwarding": "yes", "permittunnel": "no",
        "permituserrc": "no", "x11forwarding": "no", "allowtcpforwarding": "no",
        "allowagentforwarding": "no", "allowstreamlocalforwarding": "no",
        "permitlisten": "none", "permitopen": "none", "permituserenvironment": "no",
        "maxsessions": "1", "clientaliveinterval": "10", "clientalivecountmax": "2",
        "permitemptypasswords": "yes", "authorizedkeysfile": account.keys,
    }
    for k, v in want.items():
        assert eff.get(k) == [v], f"sshd -T for {account.user}: {k} is {eff.get(k)}, expected {v}"
    assert "LC_ALL=C.UTF-8" in eff["setenv"]
    # The Match block ends with the drop-in: another account gets none of it.
    other = server.effective("root")
    assert other.get("forcecommand") == ["none"], other.get("forcecommand")
    assert other.get("permitemptypasswords") == ["no"]
    assert other.get("x11forwarding") == ["yes"]


def test_sessions_get_a_cpu_share(connect, account):
    """One flooding client must not hold a core: each session's kiosk runs
    at nice 10 with a CPU-time cap (pam_limits, limits-kiosk.conf), and the
    account's systemd slice caps and shares the CPU of all its sessions
    (slice-kiosk.conf, installed by create-account.sh)."""
    slice_conf = f"/etc/systemd/system/user-{account.uid}.slice.d/50-kiosk.conf"
    assert os.path.exists(slice_conf), "create-account.sh installed no slice drop-in"
    with open(slice_conf) as f:
        text = f.read()
    assert re.search(r"(?m)^\[Slice\]", text) and re.search(r"(?m)^CPUQuota=\d+%", text), text
    if not account.limits:
        pytest.skip("pam limits are not installed for a sanitizer build")
    k = connect()
    k.wait_for(HOME_DONE)
    pid = the_kiosk_pid(account)
    with open(f"/proc/{pid}/stat") as f:
        nice = int(f.read().rsplit(")", 1)[1].split()[16])
    assert nice == 10, f"the session's kiosk runs at nice {nice}"
    with open(f"/proc/{pid}/limits") as f:
        cpu = next(ln for ln in f if ln.startswith("Max cpu time"))
    assert "unlimited" not in cpu.split()[4], cpu


def test_account_is_locked_down(account):
    pw = pwd.getpwnam(account.user)
    assert pw.pw_shell == account.kiosk
    assert pw.pw_dir == account.home
    st = os.stat(account.home)
    assert st.st_uid == 0 and stat.S_IMODE(st.st_mode) == 0o755, "home must be root's, 755"
    for n in os.listdir(account.home):
        s = os.lstat(os.path.join(account.home, n))
        assert s.st_uid == 0 and not s.st_mode & 0o022, f"{n} in home is not root's read-only file"
    groups = [g.gr_name for g in grp.getgrall() if account.user in g.gr_mem]
    assert groups == [], f"{account.user} is in groups {groups}"
    with open("/etc/shells") as f:
        assert account.kiosk not in f.read().split(), "the kiosk was added to /etc/shells"
    # Running the script again changes nothing.
    again = account.run_script("--open")
    assert "made the account" not in again and "now owned by root" not in again \
        and "empty password" not in again and "login shell of" not in again, again


# ----- 1. the kiosk over ssh -tt ------------------------------------------------

def test_home_article_term_and_resize(connect, account, capsys):
    t0 = time.monotonic()
    k = connect()
    k.wait_for(HOME_DONE)
    took = time.monotonic() - t0
    lines = k.lines()
    assert TITLE in lines[0], k.failure("the kiosk title is not in the header")
    for t in ARTICLES:
        assert k.find(t), k.failure(f"{t!r} is not on the home screen")
    assert not re.search(r"Debian|Last login|Linux \S+ \d", k.text()), k.failure("a banner or motd shows")
    report(capsys, f"ssh -tt to the home screen: {took * 1000:.0f} ms")

    # Open the first article, go to section 4, focus "Autologous", explain it.
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(THERAPY))
    for _ in range(3):
        k.send("]")
        k.wait_quiet()
    assert section(k) == 4
    focus_term(k, "Autologous")
    k.send("enter")
    k.wait_for(r"Cells or tissue")
    flat = re.sub(r"\s+", " ", re.sub(r"[│┃|]", " ", k.text()))
    assert AUTOLOGOUS_DEF in flat, k.failure("the definition is not shown in full")
    row, col = k.must_find("Cells or tissue")
    assert row > 10 and col < 20, k.failure("at 80 columns the pane is not over the lower part")

    # The client's terminal grows: sshd passes the size on, the pane moves
    # to the right and the header spans the new width.
    k.resize(120, 30)
    k.wait_quiet()
    k.wait_for(r"Cells or tissue")
    row, col = k.must_find("Cells or tissue")
    assert col >= 60, k.failure(f"at 120 columns the definition starts at column {col}")
    head = k.lines()[0].rstrip()
    # the header's right text ends at the text column's edge, left of the pane
    assert "Section 4 of 8" in head and k.cell(0, 119)["bg"] == k.cell(0, 1)["bg"], \
        k.failure("the header does not fill 120 columns")
    # ... and shrinks again.
    k.resize(60, 20)
    k.wait_quiet()
    k.wait_for(r"Section 4 of 8")
    assert k.find("Autologous"), k.failure("the term is gone after shrinking")
    k.assert_stream_clean()
    k.send("q")
    assert k.wait_exit(10) == 0


# ----- 2. nothing but the kiosk ------------------------------------------------

CANARY = "pwned"


def _attempts(account):
    """Commands a visitor might try.  Each would leave a file in state/
    (the one folder the account can write) or print 'pwned' if it ran."""
    s = account.state
    return {
        "id": ["id"],
        "sh": ["/bin/sh", "-c", f"'echo {CANARY}; touch {s}/{CANARY}-sh'"],
        "touch-home": [f"touch {account.home}/{CANARY}-home {s}/{CANARY}-touch"],
        "kiosk-opts": [f"--content /etc --render /etc/passwd; touch {s}/{CANARY}-opts"],
    }


@pytest.mark.parametrize("name", ["id", "sh", "touch-home", "kiosk-opts"])
def test_commands_without_tty_run_only_the_kiosk(server, account, name):
    home, state = account.home_listing(), account.state_listing()
    r = server.run(SSH, server.ssh_args(tty=False, command=_attempts(account)[name]))
    out = (r.stdout + r.stderr).decode("utf-8", "replace")
    assert "uid=" not in out and CANARY not in out and "root:" not in out, out
    assert "kiosk: needs a terminal" in out, f"the kiosk did not run (status {r.returncode}): {out}"
    assert r.returncode != 0
    assert account.home_listing() == home
    assert [n for n in account.state_listing() if n not in state and CANARY in n] == []


@pytest.mark.parametrize("name", ["id", "sh"])
def test_commands_with_tty_get_the_kiosk(connect, account, name):
    k = connect(command=_attempts(account)[name])
    k.wait_for(HOME_DONE)
    k.send("q")
    k.wait_exit(10)
    raw = bytes(k.raw)
    assert b"uid=" not in raw and CANARY.encode() not in raw
    assert not any(CANARY in n for n in account.state_listing())


def test_forwarding_is_refused(server, account):
    sport = server.port
    # -L: the client listens, but the server refuses the channel, so the
    # forwarded connection never reaches anything.
    lport = free_port()
    fwd = Kiosk(server.ssh_args("-N", "-L", f"{lport}:127.0.0.1:{sport}", tty=False),
                program=SSH, env=server.client_env())
    try:
        got = None
        end = time.monotonic() + 10
        while time.monotonic() < end and got is None:
            try:
                with socket.create_connection(("127.0.0.1", lport), 1) as c:
                    c.settimeout(3)
                    got = c.recv(64)
            except ConnectionRefusedError:
                time.sleep(0.05)
            except OSError as e:
                got = repr(e).encode()
        assert got is not None, "the -L listener never came up"
        assert not got.startswith(b"SSH-"), f"-L forwarding reached sshd: {got!r}"
    finally:
        fwd.close()
    assert "refused local port forward" in server.read_log()
    # -R: the server refuses to listen.
    rport = free_port()
    r = server.run(SSH, server.ssh_args("-N", "-o", "ExitOnForwardFailure=yes",
                                        "-R", f"{rport}:127.0.0.1:{sport}", tty=False), timeout=20)
    assert r.returncode != 0 and b"remote port forwarding failed" in r.stderr, r.stderr
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", rport), 1).close()
    # -W (stdio forwarding) and -D (SOCKS) are channels too.
    r = server.run(SSH, server.ssh_args("-W", f"127.0.0.1:{sport}", tty=False), timeout=20)
    assert r.returncode != 0 and b"SSH-2.0" not in r.stdout, r.stdout
    assert not account.kiosk_pids()


def test_connection_without_terminal_is_closed(account):
    """ssh -N (a connection kept only for forwarding) opens no channel:
    UnusedConnectionTimeout (shortened here from 30 s to 2 s) closes it."""
    s = Sshd(account, name="unused", overrides={"UnusedConnectionTimeout": "2"}).start()
    try:
        t0 = time.monotonic()
        r = s.run(SSH, s.ssh_args("-N", tty=False), timeout=20)
        took = time.monotonic() - t0
        assert r.returncode == 255 and b"closed by remote host" in r.stderr, r.stderr
        assert 2 <= took <= 8, f"ssh -N was closed after {took:.1f} s"
        assert "terminating inactive connection" in s.read_log()
    finally:
        s.stop()


def test_sftp_and_scp_are_refused(server, account, tmp_path):
    src = tmp_path / "upload.txt"
    src.write_text("should never arrive\n")
    os.chmod(tmp_path, 0o755)
    os.chmod(src, 0o644)
    dst = f"{account.state}/uploaded.txt"       # writable by the account
    got = tmp_path / "downloaded.txt"
    batch = tmp_path / "batch"
    batch.write_text(f"put {src} {dst}\nget /etc/hostname {got}\nls /\n")
    opts = server.client_options()
    port = str(server.port)
    target = f"{account.user}@127.0.0.1"
    runs = {
        "sftp": ("/usr/bin/sftp", opts + ["-P", port, "-b", str(batch), target]),
        "scp to": ("/usr/bin/scp", opts + ["-P", port, str(src), f"{target}:{dst}"]),
        "scp from": ("/usr/bin/scp", opts + ["-P", port, f"{target}:/etc/hostname", str(got)]),
        "scp -O to": ("/usr/bin/scp", opts + ["-O", "-P", port, str(src), f"{target}:{dst}"]),
        "scp -O from": ("/usr/bin/scp", opts + ["-O", "-P", port, f"{target}:/etc/hostname", str(got)]),
    }
    for name, (prog, args) in runs.items():
        r = server.run(prog, args, timeout=30)
        assert r.returncode != 0, f"{name} succeeded: {r.stdout!r} {r.stderr!r}"
        assert not os.path.exists(dst), f"{name} uploaded a file"
        assert not got.exists() or got.stat().st_size == 0, f"{name} downloaded /etc/hostname"
        got.unlink(missing_ok=True)
    assert account.home_listing() == ["kiosk.conf"]


def test_client_environment_agent_and_x11_do_not_reach_the_kiosk(connect, account):
    k = connect("-A", "-X", "-o", "SetEnv=LC_ALL=C LANG=C KIOSK_EVIL=1 LD_PRELOAD=/tmp/x.so",
                env={"DISPLAY": ":0", "SSH_AUTH_SOCK": "/nonexistent"})
    k.wait_for(HOME_DONE)
    env = environ(the_kiosk_pid(account))
    for bad in (b"KIOSK_EVIL", b"LD_PRELOAD", b"SSH_AUTH_SOCK", b"DISPLAY", b"XAUTHORITY"):
        assert bad not in env, f"{bad!r} reached the kiosk: {env}"
    assert env[b"LC_ALL"] == b"C.UTF-8" and env[b"LANG"] == b"C.UTF-8", env
    assert b"SSH_CONNECTION" in env
    assert "▶" in k.text(), k.failure("the kiosk did not draw in UTF-8")


def test_su_cannot_choose_another_shell(account):
    """The kiosk is not in /etc/shells, so it is a "restricted shell": a
    local user's su -s /bin/sh to the passwordless account still gets only
    the kiosk.  (With the kiosk listed there, this gave a real shell.)"""
    r = subprocess.run(["runuser", "-u", "nobody", "--", "su", "-s", "/bin/sh", account.user,
                        "-c", "id"], capture_output=True, text=True, timeout=20,
                       stdin=subprocess.DEVNULL, cwd=account.home)
    out = r.stdout + r.stderr
    assert "uid=" not in out, out
    assert "restricted shell" in out, out


@pytest.mark.parametrize("args", [[], ["--config", "forged.conf"], ["--content", "forged"]],
                         ids=["working-folder", "config-argument", "content-argument"])
def test_su_to_the_guest_takes_no_arguments_and_no_working_folder(account, args):
    """su guest [-- ARGS] from a folder of one's own: the kiosk, as the
    account's login shell, ignores the arguments and the working folder's
    kiosk.conf, and uses the settings root installed (the home's)."""
    evil = f"{account.root}/evil"
    os.makedirs(f"{evil}/forged/articles", exist_ok=True)
    with open(f"{evil}/forged/articles/forged.md", "w") as f:
        f.write("# Forged article\n\nNot from the clinic.\n")
    for name in ("kiosk.conf", "forged.conf"):
        with open(f"{evil}/{name}", "w") as f:
            f.write("[kiosk]\ntitle = Forged title\ncontent = forged\n")
    subprocess.run(["chmod", "-R", "a+rX", evil], check=True)
    args = [f"{evil}/{a}" if a.startswith("forged") else a for a in args]
    k = Kiosk([account.user, "--"] + args if args else [account.user], program="/usr/bin/su",
              cwd=evil)
    try:
        k.wait_for(HOME_DONE)
        text = k.text()
        assert "Forged" not in text, k.failure("the kiosk used settings or content the caller chose")
        assert TITLE in text, k.failure("the installed settings were not used")
    finally:
        k.close()
        account.wait_no_kiosk(5)


def test_huge_window_is_contained(connect, account, capsys):
    """The client picks the window size; the kiosk's screen grows with it
    (1.3 GiB at 4000x4000 unchecked).  deploy/ssh/limits-kiosk.conf caps
    each process's address space."""
    if not account.limits:
        pytest.skip("sanitizer build: no address-space limit installed")
    k = connect()
    k.wait_for(HOME_DONE)
    pid = the_kiosk_pid(account)
    with open(f"/proc/{pid}/limits") as f:
        assert re.search(r"Max address space\s+134217728\s", f.read()), "pam_limits did not apply"
    k.resize(4000, 4000)
    peak, end = 0, time.monotonic() + 3
    while time.monotonic() < end and alive(pid):
        peak = max(peak, vm_hwm(pid))
        k._pump(0.05)
    assert peak <= 128 * 1024, f"the kiosk reached {peak} KiB"
    report(capsys, f"4000x4000 window: kiosk peak {peak / 1024:.0f} MiB under the 128 MiB cap, "
                   f"{'still running' if alive(pid) else 'ended'}")
    # The kiosk kept its old size (pyte's screen, cut from the top, is no
    # longer a picture of it): it still answers keys.
    k.resize(80, 24)
    if alive(pid):
        k.send("q")
        assert k.wait_exit(10) == 0


# ----- sign-in ---------------------------------------------------------------

def test_passwordless_guest_login(connect, server, account):
    k = connect(key=False)
    k.wait_for(HOME_DONE)
    assert f"Accepted none for {account.user}" in server.read_log()
    k.send("q")
    k.wait_exit(10)


def test_keys_only_account_refuses_passwordless(server, account, connect):
    try:
        out = account.run_script("--keys-only")
        assert "password locked" in out, out
        r = server.run(SSH, server.ssh_args(tty=False, key=False, command=["id"]), timeout=20)
        assert r.returncode == 255 and b"Permission denied" in r.stderr, r.stderr
        k = connect()                       # a listed key still works
        k.wait_for(HOME_DONE)
        k.close()
    finally:
        account.run_script("--open")


# ----- 3. the client goes away -------------------------------------------------

@pytest.mark.parametrize("how", ["kill", "hangup"])
def test_client_gone_ends_the_kiosk(connect, account, capsys, how):
    k = connect()
    k.wait_for(HOME_DONE)
    pid = the_kiosk_pid(account)
    time.sleep(0.3)
    if how == "kill":
        os.kill(k.pid, signal.SIGKILL)      # the ssh process dies
    else:
        k.hangup()                          # the terminal window closes
    took, ticks, still = watch_until_gone(pid, 2.0)
    assert not still, f"the kiosk (pid {pid}) still runs {took:.1f} s after the client was {how}ed"
    assert ticks <= max_exit_ticks(account), f"the kiosk used {ticks} CPU ticks after the hangup"
    report(capsys, f"client {how}: server kiosk gone after {took * 1000:.0f} ms, "
                   f"{ticks * 1000 // CLK_TCK} ms CPU after the hangup")


def test_dead_link_is_noticed(account, capsys):
    """The client stops answering (SIGSTOP: a laptop lid closed).  sshd's
    ClientAlive probes (shortened here to 1 s x 2) end the connection and
    the kiosk with it, and the waiting kiosk uses no CPU."""
    left = account.wait_no_kiosk(5)
    assert not left
    account.write_config(session_idle=0, max_sessions=20)
    s = Sshd(account, name="alive", overrides={"ClientAliveInterval": "1",
                                               "ClientAliveCountMax": "2"}).start()
    k = None
    try:
        k = Kiosk(s.ssh_args(), program=SSH, env=s.client_env())
        k.wait_for(HOME_DONE)
        pid = the_kiosk_pid(account)
        os.kill(k.pid, signal.SIGSTOP)
        took, ticks, still = watch_until_gone(pid, 8.0)
        assert not still, "sshd did not drop a client that stopped answering"
        assert ticks <= max_exit_ticks(account), f"the kiosk used {ticks} CPU ticks while the link was dead"
        assert "Timeout, client not responding" in s.read_log()
        report(capsys, f"dead link (ClientAlive 1 s x 2): kiosk gone after {took:.1f} s, "
                       f"{ticks * 1000 // CLK_TCK} ms CPU while waiting")
    finally:
        if k is not None:
            os.kill(k.pid, signal.SIGKILL)
            os.kill(k.pid, signal.SIGCONT)
            k.close()
        s.stop()


def test_shell_alone_confines_without_forcecommand(account):
    """Even with ForceCommand missing from the drop-in, the login shell
    (the kiosk) runs nothing but the kiosk."""
    left = account.wait_no_kiosk(5)
    assert not left
    s = Sshd(account, name="noforce", overrides={"ForceCommand": None}).start()
    ks = []
    try:
        assert s.effective(account.user).get("forcecommand") == ["none"]
        r = s.run(SSH, s.ssh_args(tty=False, command=["id; touch", f"{account.state}/{CANARY}-nf"]))
        out = (r.stdout + r.stderr).decode("utf-8", "replace")
        assert "uid=" not in out and "kiosk: needs a terminal" in out, out
        # A login (argv[0] "-kiosk"), and a command with a terminal.
        for command in ((), ["/bin/sh"]):
            ks.append(Kiosk(s.ssh_args(command=command), program=SSH, env=s.client_env()))
            ks[-1].wait_for(HOME_DONE)
        assert not any(CANARY in n for n in account.state_listing())
    finally:
        for k in ks:
            k.close()
        s.stop()
        account.wait_no_kiosk(5)


# ----- 4. many sessions, then one too many --------------------------------------

def test_fifty_sessions_then_busy(connect, account, capsys):
    n = 50
    account.write_config(session_idle=0, max_sessions=n)
    t0 = time.monotonic()
    ks = [connect() for _ in range(n)]
    spawned = time.monotonic() - t0
    done = {}
    lock = threading.Lock()

    def wait(i):
        ks[i].wait_for(HOME_DONE, timeout=60)
        with lock:
            done[i] = time.monotonic() - t0

    with ThreadPoolExecutor(max_workers=n) as ex:
        list(ex.map(wait, range(n)))
    all_home = max(done.values())
    pids = account.kiosk_pids()
    assert len(pids) == n, f"{len(pids)} kiosk processes for {n} sessions"
    mem = [memory(p) for p in pids]
    pss = [m["pss"] for m in mem]
    # The two sshd processes behind each kiosk ([priv] and user@pts).
    per_session_sshd = []
    for p in pids[:5]:
        child = proc_stat(p)[2]
        priv = proc_stat(child)[2]
        per_session_sshd.append(memory(child)["pss"] + memory(priv)["pss"])
    report(capsys, f"{n} sessions: all on the home screen {all_home:.1f} s after the first ssh "
                   f"started ({spawned:.1f} s to start the clients), median "
                   f"{statistics.median(done.values()):.1f} s")
    report(capsys, f"kiosk memory: total PSS {sum(pss) / 1024:.1f} MiB, per session PSS "
                   f"{statistics.mean(pss):.0f} KiB (min {min(pss)}, max {max(pss)}), "
                   f"RSS {statistics.mean(m['rss'] for m in mem):.0f} KiB, "
                   f"private {statistics.mean(m['uss'] for m in mem):.0f} KiB")
    report(capsys, f"sshd behind each session: PSS {statistics.mean(per_session_sshd):.0f} KiB "
                   f"(2 processes)")

    t1 = time.monotonic()
    extra = connect()
    extra.wait_for(re.escape(BUSY))
    busy = time.monotonic() - t1
    assert extra.wait_exit(10) == 0
    report(capsys, f"session {n + 1}: busy message after {busy * 1000:.0f} ms, client ended "
                   f"after {time.monotonic() - t1:.1f} s")
    assert len(account.kiosk_pids()) == n
    t2 = time.monotonic()
    for k in ks:
        k.hangup()
    left = account.wait_no_kiosk(5)
    assert not left, f"{len(left)} kiosks still run after their clients hung up"
    report(capsys, f"{n} clients hung up: all kiosks gone in {time.monotonic() - t2:.2f} s")


# ----- 5. idle timeout -----------------------------------------------------------

def test_idle_session_ends(connect, account, capsys):
    account.write_config(session_idle=2, max_sessions=20)
    t0 = time.monotonic()
    k = connect()
    k.wait_for(HOME_DONE)
    home = time.monotonic() - t0
    k.wait_for(r"Session ended", timeout=8)
    ended = time.monotonic() - t0
    assert k.find("nothing was pressed"), k.failure("the reason is not shown")
    # The kiosk started after t0 and before the home screen showed.
    assert 2.0 <= ended <= home + 2.0 + 1.5, \
        f"the session ended {ended:.1f} s after ssh started (home screen at {home:.1f} s)"
    status = k.wait_exit(10)
    gone = time.monotonic() - t0
    assert status == 0
    assert not account.wait_no_kiosk(2)
    report(capsys, f"session_idle = 2: 'Session ended' {ended:.1f} s after ssh started "
                   f"(home screen at {home:.1f} s), ssh exited at {gone:.1f} s")


# ----- 5b. maximum session length --------------------------------------------

def test_session_ends_at_its_time_limit_even_while_keys_are_pressed(connect, account, capsys):
    account.write_config(session_idle=0, session_max=3, max_sessions=20)
    t0 = time.monotonic()
    k = connect()
    k.wait_for(HOME_DONE)
    home = time.monotonic() - t0
    # a patient still reading: a key every 0.4 s does not extend the session
    while time.monotonic() - t0 < home + 6 and not k.find("Session ended"):
        k.send("down")
        k.wait_quiet(quiet=0.05, first=0.4)
    k.wait_for(r"Session ended", timeout=3)
    ended = time.monotonic() - t0
    assert k.find("reached its time limit"), k.failure("the reason is not shown")
    assert 3.0 <= ended <= home + 3.0 + 1.5, \
        f"the session ended {ended:.1f} s after ssh started (home screen at {home:.1f} s)"
    assert k.wait_exit(10) == 0
    assert not account.wait_no_kiosk(2)
    report(capsys, f"session_max = 3: 'Session ended' {ended:.1f} s after ssh started "
                   f"(home screen at {home:.1f} s) while keys were pressed throughout")
