"""
fleet_harness: three kiosk SSH "hosts" behind a real HAProxy, and the
content repository with its hook, on one machine (test_fleet.py).

Hosts.  Each host is a network namespace (`ip netns`) joined to this one
by a veth pair, with its own address (198.18.P.4i+2, from the benchmark
range RFC 2544 sets aside, P from the run's pid) and its sshd on port 22
there; "the host goes down" is its link going down, as in a power cut
seen from the network.  Where namespaces cannot be made (no CAP_SYS_ADMIN,
no iproute2) the hosts are loopback addresses 127.P.0.1i with a port each,
and going down is its sshd and every process under it being killed.
Net.mode says which; FLEET_NET=loopback in the environment asks for the
second kind.

The hosts share what real ones share: one guest account (made by
deploy/ssh/create-account.sh, sshd_harness.KioskAccount), the drop-in
deploy/ssh/50-kiosk.conf and one SSH host key.  Each has its own
kiosk.conf (title "Clinic host N", so a test sees which host a session
reached; its own session slots and log) and its own content folder
hostN/current, kept by deploy/content/kiosk-content-update from the bare
repository git/content.git, which has deploy/content/pre-receive as its
hook.

HAProxy runs deploy/ssh/haproxy.cfg with the bind and server lines
replaced, the daemon/user/chroot lines dropped, its log on stdout
(haproxy.log) and an admin socket for `show stat`.

Everything made here (namespaces, veth links, processes) is found again
by name or by pid and removed at the end; namespaces and links left by a
run that was killed are removed by the next run.
"""

import csv
import io
import os
import re
import shutil
import signal
import socket
import subprocess
import time

from kiosk_pty import ROOT
from sshd_harness import SSHD, KioskAccount, Sshd, cmdline, free_port

HAPROXY = "/usr/sbin/haproxy"
GIT = "/usr/bin/git"
UNSHARE = "/usr/bin/unshare"
IP = shutil.which("ip", path="/usr/sbin:/usr/bin:/sbin:/bin") or "/usr/sbin/ip"
HAPROXY_CFG = os.path.join(ROOT, "deploy", "ssh", "haproxy.cfg")
PRE_RECEIVE = os.path.join(ROOT, "deploy", "content", "pre-receive")
UPDATE = os.path.join(ROOT, "deploy", "content", "kiosk-content-update")
BACKEND = "kiosk_hosts"
TAG = "kf"  # names: kfPID-N (namespaces), kfPIDrN / kfPIDhN (veth ends)


def missing_tools():
    return [t for t in (HAPROXY, GIT, UNSHARE, "/usr/bin/tar", "/usr/bin/flock") if not os.access(t, os.X_OK)]


def run(args, timeout=30, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=timeout, **kw)


def _kill(pid, sig=signal.SIGKILL):
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def _pids():
    return [int(d) for d in os.listdir("/proc") if d.isdigit()]


def descendants(pid):
    """pid's children, grandchildren, ... (by ppid, from /proc)."""
    parent = {}
    for p in _pids():
        try:
            with open(f"/proc/{p}/stat") as f:
                s = f.read()
            parent[p] = int(s[s.rindex(")") + 2:].split()[1])
        except (OSError, ValueError, IndexError):
            pass
    out, todo = [], [pid]
    while todo:
        q = todo.pop()
        kids = [p for p, pp in parent.items() if pp == q]
        out += kids
        todo += kids
    return out


def cpu_ticks(pid, children=True):
    """utime+stime (and the reaped children's, cutime+cstime) of pid."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return 0
    fields = s[s.rindex(")") + 2:].split()
    t = int(fields[11]) + int(fields[12])
    if children:
        t += int(fields[13]) + int(fields[14])
    return t


class Net:
    """The hosts' addresses: hosts[i] = {"addr", "port", "ns", "link"}."""

    def __init__(self, n):
        self.n = n
        pid = os.getpid()
        self.prefix = f"{TAG}{pid}"
        self.octet = pid % 250 + 1
        self.hosts = []
        self.mode = None
        self.why = ""

    def setup(self):
        self._remove_leftovers()
        try:
            if os.environ.get("FLEET_NET") == "loopback":
                raise RuntimeError("FLEET_NET=loopback")
            self._namespaces()
            self.mode = "netns"
        except (OSError, RuntimeError, subprocess.SubprocessError) as e:
            self.why = str(e).strip().splitlines()[-1] if str(e).strip() else repr(e)
            self.teardown()
            self.hosts = [{"addr": f"127.{self.octet}.0.{10 + i}", "port": None, "ns": None,
                           "link": None} for i in range(1, self.n + 1)]
            self.mode = "loopback"
        return self

    def _ip(self, *args):
        r = run([IP] + list(args))
        if r.returncode != 0:
            raise RuntimeError(f"ip {' '.join(args)}: {r.stderr.strip()}")

    def _namespaces(self):
        if not os.access(IP, os.X_OK):
            raise RuntimeError("no ip command (iproute2)")
        for i in range(1, self.n + 1):
            ns, link, peer = f"{self.prefix}-{i}", f"{self.prefix}r{i}", f"{self.prefix}h{i}"
            base = 4 * i
            h = {"addr": f"198.18.{self.octet}.{base + 2}", "port": 22, "ns": ns, "link": link}
            self.hosts.append(h)
            self._ip("netns", "add", ns)
            self._ip("link", "add", link, "type", "veth", "peer", "name", peer, "netns", ns)
            self._ip("addr", "add", f"198.18.{self.octet}.{base + 1}/30", "dev", link)
            self._ip("link", "set", link, "up")
            self._ip("-n", ns, "addr", "add", f"{h['addr']}/30", "dev", peer)
            self._ip("-n", ns, "link", "set", peer, "up")
            self._ip("-n", ns, "link", "set", "lo", "up")

    def ns_pids(self, ns):
        """Processes whose network namespace is ns."""
        try:
            ino = os.stat(f"/run/netns/{ns}").st_ino
        except OSError:
            return []
        out = []
        for p in _pids():
            try:
                if os.stat(f"/proc/{p}/ns/net").st_ino == ino:
                    out.append(p)
            except OSError:
                pass
        return out

    def cut(self, i):
        """Host i goes off the network (netns mode): its link goes down."""
        self._ip("link", "set", self.hosts[i]["link"], "down")

    def kill_host(self, i):
        """Ends every process of host i (netns mode)."""
        ns = self.hosts[i]["ns"]
        for _ in range(3):
            pids = self.ns_pids(ns)
            if not pids:
                return
            for p in pids:
                _kill(p)
            time.sleep(0.1)

    def teardown(self):
        for h in self.hosts:
            if h.get("ns"):
                self.kill_host(self.hosts.index(h))
                run([IP, "netns", "del", h["ns"]])
            if h.get("link"):
                run([IP, "link", "del", h["link"]])

    def _remove_leftovers(self):
        """Namespaces and links of runs that have ended (the pid in their
        name is gone)."""
        if not os.access(IP, os.X_OK):
            return
        r = run([IP, "netns", "list"])
        for line in r.stdout.splitlines():
            name = line.split()[0] if line.split() else ""
            m = re.fullmatch(re.escape(TAG) + r"(\d+)-\d+", name)
            if m and not os.path.exists(f"/proc/{m.group(1)}"):
                for p in self.ns_pids(name):
                    _kill(p)
                run([IP, "netns", "del", name])
        r = run([IP, "-o", "link", "show"])
        for m in re.finditer(r"^\d+: (" + re.escape(TAG) + r"(\d+)r\d+)[@:]", r.stdout, re.M):
            if not os.path.exists(f"/proc/{m.group(2)}"):
                run([IP, "link", "del", m.group(1)])


class HostSshd(Sshd):
    """The sshd of one host: the test account's drop-in with ForceCommand
    naming the host's kiosk.conf, listening on the host's address only, in
    the host's namespace when there is one."""

    def __init__(self, account, name, host, home):
        super().__init__(account, name=name)
        self.host = host
        self.host_home = home

    def write(self):
        super().write()
        with open(self.config) as f:
            text = f.read()
        text = re.sub(r"(?m)^ListenAddress .*$", f"ListenAddress {self.host['addr']}", text)
        with open(self.config, "w") as f:
            f.write(text)

    def start(self):
        ns = self.host["ns"]
        for _ in range(3):
            if ns is None:
                with socket.socket() as s:
                    s.bind((self.host["addr"], 0))
                    self.host["port"] = s.getsockname()[1]
            self.port = self.host["port"]
            self.write()
            t = run([SSHD, "-t", "-f", self.config])
            if t.returncode != 0:
                raise RuntimeError(f"sshd -t rejects the config:\n{t.stderr}")
            self.log = open(self.logfile, "ab")
            # The host's own home folder (its kiosk.conf) over the shared
            # account's, in a mount namespace of its own: what a separate
            # machine with the same account has.
            cmd = ["/bin/sh", "-c", 'mount --bind "$0" "$1" && shift && exec "$@"', self.host_home,
                   self.account.home, SSHD, "-D", "-e", "-f", self.config]
            if ns is not None:
                cmd = [IP, "netns", "exec", ns] + cmd  # a new mount namespace too
            else:
                cmd = [UNSHARE, "--mount", "--propagation", "private"] + cmd
            self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=self.log,
                                         stderr=self.log, close_fds=True)
            if banner(self.host["addr"], self.port, 5.0, self.proc):
                return self
            self.stop()
        raise RuntimeError(f"sshd of {self.name} did not start:\n{self.read_log()}")


def banner(addr, port, timeout, proc=None):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc is not None and proc.poll() is not None:
            return False
        try:
            with socket.create_connection((addr, port), 0.5) as s:
                s.settimeout(2)
                if s.recv(64).startswith(b"SSH-2.0-"):
                    return True
        except OSError:
            time.sleep(0.05)
    return False


class Fleet:
    """The whole set-up; start() builds it, stop() removes it."""

    def __init__(self, kiosk_bin, n=3):
        self.kiosk_bin = kiosk_bin
        self.n = n
        self.account = KioskAccount(kiosk_bin)
        self.net = Net(n)
        self.sshds = []
        self.haproxy = None

    # ----- set-up -----------------------------------------------------------

    def start(self):
        a = self.account.create()
        self.root = a.root
        self.net.setup()
        self._content()
        for i, h in enumerate(self.net.hosts, 1):
            # Each host's home folder, as create-account.sh makes it
            # (root's), with the kiosk.conf the kiosk reads as the
            # account's login shell.
            home = f"{self.root}/home-host{i}"
            os.mkdir(home, 0o755)
            conf = f"{home}/kiosk.conf"
            with open(conf, "w") as f:
                f.write(f"[kiosk]\ntitle = Clinic host {i}\ncontent = {self.host_dir(i)}/current\n"
                        f"log = {a.state}/host{i}.log\n\n[ssh]\nsession_idle = 0\n"
                        f"max_sessions = 30\nlock_dir = {a.state}/host{i}-sessions\n")
            os.chmod(conf, 0o644)
            self.sshds.append(HostSshd(a, f"host{i}", h, home).start())
        self._haproxy()
        with open(a.host_key + ".pub") as f:
            key = " ".join(f.read().split()[:2])
        # The client pins the one host key all hosts share: a host with
        # another key would fail the connection.
        self.known_hosts = f"{a.client_home}/known_hosts"
        with open(self.known_hosts, "w") as f:
            f.write(f"[127.0.0.1]:{self.port} {key}\n")
        return self

    def host_dir(self, i):
        return f"{self.root}/host{i}"

    def _content(self):
        """The bare repository with the hook, the staff's clone with the
        bundled content pushed, and each host's first release."""
        self.repo = f"{self.root}/git/content.git"
        self.staff = f"{self.root}/staff"
        os.makedirs(os.path.dirname(self.repo))
        self.git("init", "--quiet", "--bare", "--initial-branch=main", self.repo)
        shutil.copy(PRE_RECEIVE, f"{self.repo}/hooks/pre-receive")
        os.chmod(f"{self.repo}/hooks/pre-receive", 0o755)
        self.git("--git-dir", self.repo, "config", "kiosk.program", self.account.kiosk)
        self.git("clone", "--quiet", self.repo, self.staff)
        self.git("-C", self.staff, "checkout", "--quiet", "-b", "main")
        for name in os.listdir(os.path.join(ROOT, "content")):
            src = os.path.join(ROOT, "content", name)
            (shutil.copytree if os.path.isdir(src) else shutil.copy)(src, os.path.join(self.staff, name))
        r = self.commit_and_push("Bundled content")
        if r.returncode != 0:
            raise RuntimeError(f"the first push was rejected:\n{r.stderr}")
        for i in range(1, self.n + 1):
            r = self.update(i)
            if r.returncode != 0:
                raise RuntimeError(f"kiosk-content-update for host {i} failed:\n{r.stderr}")

    def git_env(self):
        return {"PATH": "/usr/bin:/bin", "HOME": self.account.client_home, "LANG": "C.UTF-8",
                "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Clinic staff",
                "GIT_AUTHOR_EMAIL": "staff@clinic.example", "GIT_COMMITTER_NAME": "Clinic staff",
                "GIT_COMMITTER_EMAIL": "staff@clinic.example"}

    def git(self, *args, check=True):
        r = run([GIT] + list(args), env=self.git_env())
        if check and r.returncode != 0:
            raise RuntimeError(f"git {' '.join(args)}: {r.stderr}")
        return r

    def commit_and_push(self, message):
        self.git("-C", self.staff, "add", "-A")
        self.git("-C", self.staff, "commit", "--quiet", "-m", message)
        return self.git("-C", self.staff, "push", "origin", "main", check=False)

    def update(self, i, *args, **settings):
        """deploy/content/kiosk-content-update for host i (what its timer
        runs), with its settings in the environment (settings: others)."""
        env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "KIOSK_CONTENT_CONF": "/nonexistent",
               "REPO": self.repo, "DIR": self.host_dir(i), "KIOSK": self.account.kiosk,
               "KEEP": "3", "HOME": self.account.client_home, "GIT_CONFIG_NOSYSTEM": "1"}
        env.update(settings)
        return run(["/bin/sh", UPDATE] + list(args), env=env, timeout=60)

    def current(self, i):
        return os.readlink(f"{self.host_dir(i)}/current")

    def _haproxy(self):
        with open(HAPROXY_CFG) as f:
            text = f.read()
        text = re.sub(r"(?m)^\s*(chroot|user|group|daemon)\b.*\n", "", text)
        text = re.sub(r"(?m)^(\s*)log /dev/log .*$", r"\1log stdout format raw local0 info", text)
        self.sock = f"{self.root}/haproxy.sock"
        text = re.sub(r"(?m)^global\n", f"global\n\tstats socket {self.sock} mode 600 level admin\n", text)
        text = re.sub(r"(?m)^\s*server .*\n", "", text)
        servers = "".join(f"\tserver host{i} {h['addr']}:{h['port']}\n"
                          for i, h in enumerate(self.net.hosts, 1))
        if not text.endswith("\n"):
            text += "\n"
        text += servers
        self.hlog_path = f"{self.root}/haproxy.log"
        for _ in range(3):
            self.port = free_port()
            cfg, n = re.subn(r"(?m)^(\s*)bind :22$", rf"\g<1>bind 127.0.0.1:{self.port}", text)
            if n != 1:
                raise RuntimeError(f"{HAPROXY_CFG}: no single 'bind :22' line")
            self.hcfg = f"{self.root}/haproxy.cfg"
            with open(self.hcfg, "w") as f:
                f.write(cfg)
            c = run([HAPROXY, "-c", "-f", self.hcfg])
            if c.returncode != 0:
                raise RuntimeError(f"haproxy -c rejects the config:\n{c.stdout}{c.stderr}")
            self.hlog = open(self.hlog_path, "ab")
            self.haproxy = subprocess.Popen([HAPROXY, "-db", "-f", self.hcfg], stdin=subprocess.DEVNULL,
                                            stdout=self.hlog, stderr=self.hlog, close_fds=True)
            end = time.monotonic() + 10
            while time.monotonic() < end and self.haproxy.poll() is None:
                try:
                    if all(s["status"] == "UP" for s in self.servers().values()):
                        return
                except OSError:
                    pass
                time.sleep(0.1)
            self._stop_haproxy()
        raise RuntimeError(f"haproxy did not start with every host up:\n{self.read_hlog()}")

    # ----- looking at it ----------------------------------------------------

    def servers(self):
        """HAProxy's view of each host: {"host1": {"status", "scur", ...}}."""
        with socket.socket(socket.AF_UNIX) as s:
            s.settimeout(5)
            s.connect(self.sock)
            s.sendall(b"show stat\n")
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
        text = data.decode("utf-8", "replace").lstrip("# ")
        return {r["svname"]: r for r in csv.DictReader(io.StringIO(text))
                if r.get("pxname") == BACKEND and r.get("svname") not in ("FRONTEND", "BACKEND")}

    def read_hlog(self):
        try:
            with open(self.hlog_path, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    def ssh_args(self):
        a = self.account
        return ["-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=yes",
                "-o", f"UserKnownHostsFile={self.known_hosts}", "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10", "-o", "IdentitiesOnly=yes",
                "-o", "IdentityAgent=none", "-i", a.client_key, "-p", str(self.port), "-e", "none",
                "-tt", "--", f"{a.user}@127.0.0.1"]

    def host_of(self, k):
        """Which host a session reached (its title), or None."""
        m = re.search(r"Clinic host (\d)", k.text())
        return int(m.group(1)) if m else None

    def server_side(self, kiosk_pid):
        """The kiosk and the two sshd processes behind it ([priv] and
        user@pts)."""
        from sshd_harness import proc_stat
        out = [kiosk_pid]
        st = proc_stat(kiosk_pid)
        if st:
            out.append(st[2])
            st2 = proc_stat(st[2])
            if st2:
                out.append(st2[2])
        return out

    # ----- hosts going down -------------------------------------------------

    def stop_host(self, i):
        """Host i (1-based) goes down: off the network (netns), or its
        sshd and everything under it killed (loopback)."""
        if self.net.mode == "netns":
            self.net.cut(i - 1)
        else:
            s = self.sshds[i - 1]
            pids = descendants(s.proc.pid) + [s.proc.pid]
            for p in pids:
                _kill(p)
            s.proc.wait(5)

    def remove_host(self, i):
        """Host i's processes are gone (a dead host runs nothing)."""
        if self.net.mode == "netns":
            self.net.kill_host(i - 1)
        self.sshds[i - 1].stop()

    # ----- removal ----------------------------------------------------------

    def _stop_haproxy(self):
        if self.haproxy is not None and self.haproxy.poll() is None:
            self.haproxy.terminate()
            try:
                self.haproxy.wait(5)
            except subprocess.TimeoutExpired:
                self.haproxy.kill()
                self.haproxy.wait()
        self.haproxy = None
        if getattr(self, "hlog", None):
            self.hlog.close()
            self.hlog = None

    def stop(self):
        self._stop_haproxy()
        for s in self.sshds:
            s.stop()
        self.net.teardown()
        # Session sshds of the account's connections (root's [priv]
        # processes) that outlived their listener, found by their command
        # line naming this run's account.
        rx = re.compile(r"sshd: " + re.escape(self.account.user) + r"[ @\[]")
        for p in _pids():
            if rx.match(cmdline(p)):
                _kill(p)
        self.account.remove()
