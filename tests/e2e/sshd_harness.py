"""
sshd_harness: a private sshd on 127.0.0.1 in front of a throwaway kiosk
account, built from the files a clinic installs (deploy/ssh/), for the
SSH end-to-end tests (test_ssh.py).

Layout of one test set-up, all in a fresh folder under /run (root's, mode
755 all the way up, as sshd's StrictModes wants for the keys file):

  ROOT/bin/kiosk         copy of the binary under test (root's, 755): the
                         account's login shell and ForceCommand
  ROOT/content/          copy of the bundled content (read-only)
  ROOT/home/             the account's home (root's, made by
                         create-account.sh) holding kiosk.conf, which the
                         kiosk as a login shell reads first
  ROOT/state/            the only folder the account may write: session
                         slots (lock_dir) and kiosk.log
  ROOT/ssh/              host key, client key, authorized_keys, and per
                         sshd: NAME.conf, NAME-50-kiosk.conf (the drop-in
                         with the test's paths), NAME.pid, NAME.log
  ROOT/client/           HOME of the ssh clients

KioskAccount makes the folder and the account (deploy/ssh/create-account.sh
--open), installs deploy/ssh/limits-kiosk.conf for it as
/etc/security/limits.d/kiosk-ssh-test.conf (not for a sanitizer build), and
removes all of it.  Sshd renders deploy/ssh/50-kiosk.conf for the
account (its Match line, ForceCommand and AuthorizedKeysFile; any other
keyword can be overridden), writes a main config like Debian's stock one
(UsePAM, AcceptEnv LANG LC_*, Subsystem sftp) plus ListenAddress, Port,
HostKey and PidFile, checks it with sshd -t, and runs sshd -D -e as a child.

Server-side processes are found by their owner (the account's uid) and
their executable, never through the process tree: a kiosk whose sshd went
away is re-parented, and a zombie counts as gone.
"""

import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time

from kiosk_pty import KIOSK, LSAN_SUPP, ROOT

SSHD = "/usr/sbin/sshd"
SSH = "/usr/bin/ssh"
DEPLOY = os.path.join(ROOT, "deploy", "ssh")
DROPIN = os.path.join(DEPLOY, "50-kiosk.conf")
CREATE_ACCOUNT = os.path.join(DEPLOY, "create-account.sh")
LIMITS = os.path.join(DEPLOY, "limits-kiosk.conf")
LIMITS_DIR = "/etc/security/limits.d"
# One account per test run, named after the run's process, so runs on one
# machine (developers and CI at once) never touch each other's.
USER_PREFIX = "kiosktest-"
PREFIX = "kiosk-ssh-test."

_TOOLS = [SSHD, SSH, "/usr/bin/scp", "/usr/bin/sftp", "/usr/bin/ssh-keygen",
          "/usr/sbin/useradd", "/usr/sbin/userdel", "/usr/sbin/runuser"]


def skip_reason():
    """Why the SSH tests cannot run here, or None."""
    if os.geteuid() != 0:
        return "needs root (makes an account and runs sshd)"
    missing = [t for t in _TOOLS if not os.access(t, os.X_OK)]
    if missing:
        return ("needs openssh-server and openssh-client "
                f"(missing {', '.join(missing)}): make deps")
    return None


def _leftover_accounts():
    """(name, home folder) of test accounts whose run has ended: the
    process they are named after is gone, and their home is one of ours."""
    out = []
    for pw in pwd.getpwall():
        m = re.fullmatch(re.escape(USER_PREFIX) + r"(\d+)", pw.pw_name)
        if not m or os.path.exists(f"/proc/{m.group(1)}"):
            continue
        if re.fullmatch(r"/(run|var/lib|opt)/" + re.escape(PREFIX) + r"[^/]+/home", pw.pw_dir):
            out.append((pw.pw_name, os.path.dirname(pw.pw_dir)))
    return out


def _safe_base():
    """A folder for the set-up that sshd's StrictModes accepts: every
    component owned by root and not writable by group or others."""
    for base in ("/run", "/var/lib", "/opt"):
        p, ok = base, os.path.isdir(base)
        while ok and p != "/":
            st = os.stat(p)
            ok = st.st_uid == 0 and not st.st_mode & 0o022
            p = os.path.dirname(p)
        if ok:
            return base
    raise RuntimeError("no root-only folder for the test set-up (/run, /var/lib, /opt)")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _kill_pid(pid, sig=signal.SIGKILL):
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass


def proc_stat(pid):
    """(state, utime+stime in clock ticks, ppid) of pid, or None when gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    fields = s[s.rindex(")") + 2:].split()
    return fields[0], int(fields[11]) + int(fields[12]), int(fields[1])


def alive(pid):
    """True while pid runs (a zombie has ended)."""
    st = proc_stat(pid)
    return st is not None and st[0] not in ("Z", "X")


def memory(pid):
    """Rss, Pss and private (Uss) memory of pid in KiB, from smaps_rollup."""
    out = {}
    with open(f"/proc/{pid}/smaps_rollup") as f:
        for line in f:
            k, _, rest = line.partition(":")
            if k in ("Rss", "Pss", "Private_Clean", "Private_Dirty"):
                out[k] = int(rest.split()[0])
    return {"rss": out["Rss"], "pss": out["Pss"],
            "uss": out["Private_Clean"] + out["Private_Dirty"]}


def cmdline(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()
    except OSError:
        return ""


def user_pids(uid):
    """Every live process owned by uid."""
    pids = []
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                if os.stat(f"/proc/{d}").st_uid == uid and alive(int(d)):
                    pids.append(int(d))
            except OSError:
                pass
    return pids


class KioskAccount:
    """The temporary folder and the account kiosktest-PID, set up with the
    clinic's own script.  kiosk_bin: the binary under test."""

    def __init__(self, kiosk_bin=KIOSK, user=None):
        self.user = user or f"{USER_PREFIX}{os.getpid()}"
        self.kiosk_src = kiosk_bin
        self.root = None
        self.script_output = ""
        self.limits = False
        self.limits_file = f"{LIMITS_DIR}/{self.user}.conf"

    # ----- set-up and removal -------------------------------------------------

    def create(self):
        self._remove_leftovers()
        self.root = tempfile.mkdtemp(prefix=PREFIX, dir=_safe_base())
        os.chmod(self.root, 0o755)
        r = self.root
        self.kiosk = f"{r}/bin/kiosk"
        self.content = f"{r}/content"
        self.home = f"{r}/home"
        self.state = f"{r}/state"
        self.sshdir = f"{r}/ssh"
        self.client_home = f"{r}/client"
        self.keys = f"{self.sshdir}/authorized_keys"
        self.client_key = f"{self.sshdir}/client_ed25519"
        self.host_key = f"{self.sshdir}/host_ed25519"
        for d in ("bin", "ssh", "client", "home"):
            os.mkdir(f"{r}/{d}", 0o755)
        shutil.copy(self.kiosk_src, self.kiosk)
        os.chmod(self.kiosk, 0o755)
        with open(self.kiosk, "rb") as f:
            self.sanitized = b"__asan_init" in f.read()
        shutil.copytree(os.path.join(ROOT, "content"), self.content)
        shutil.copy(LSAN_SUPP, f"{r}/lsan.supp")
        subprocess.run(["chmod", "-R", "a+rX,go-w", self.content, f"{r}/lsan.supp"], check=True)
        for key in (self.host_key, self.client_key):
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "kiosk-test",
                            "-f", key], check=True)
        with open(self.client_key + ".pub") as f, open(self.keys, "w") as out:
            out.write(f.read())
        os.chmod(self.keys, 0o644)
        self.write_config()
        self.script_output = self.run_script("--open")
        self.uid = pwd.getpwnam(self.user).pw_uid
        self.limits = self.install_limits()
        # sshd's privilege separation folder (systemd makes it at boot);
        # left in place, as other runs may use it.
        os.makedirs("/run/sshd", 0o755, exist_ok=True)
        return self

    def run_script(self, signin):
        """Runs deploy/ssh/create-account.sh for this account; returns its
        output (fails on a non-zero exit)."""
        r = subprocess.run(
            ["sh", CREATE_ACCOUNT, signin, "--user", self.user, "--kiosk", self.kiosk,
             "--home", self.home, "--config", f"{self.home}/kiosk.conf",
             "--keys", self.keys, "--state", self.state],
            capture_output=True, text=True, timeout=60)
        out = r.stdout + r.stderr
        if r.returncode != 0:
            raise RuntimeError(f"create-account.sh {signin} failed ({r.returncode}):\n{out}")
        return out

    def install_limits(self):
        """Installs deploy/ssh/limits-kiosk.conf for the account (pam_limits
        reads it when sshd opens a session).  Not for a sanitizer build,
        which needs terabytes of address space: returns False then."""
        if self.sanitized:
            return False
        with open(LIMITS) as f:
            text = re.sub(r"(?m)^guest(\s)", lambda m: self.user + m.group(1), f.read())
        with open(self.limits_file, "w") as f:
            f.write(text)
        return True

    def remove(self):
        """Ends the account's processes (by pid), deletes the account, its
        group and the folder.  Safe to call more than once."""
        try:
            uid = pwd.getpwnam(self.user).pw_uid
        except KeyError:
            uid = None
        if uid is not None:
            for _ in range(3):
                pids = user_pids(uid)
                if not pids:
                    break
                for p in pids:
                    _kill_pid(p)
                time.sleep(0.1)
            if subprocess.run(["userdel", self.user], capture_output=True).returncode != 0:
                # e.g. a zombie of the account not reaped yet
                subprocess.run(["userdel", "--force", self.user], capture_output=True)
            subprocess.run(["groupdel", self.user], capture_output=True)
            # create-account.sh's CPU share for the account's sessions
            shutil.rmtree(f"/etc/systemd/system/user-{uid}.slice.d", ignore_errors=True)
        if self.root and os.path.isdir(self.root):
            shutil.rmtree(self.root, ignore_errors=True)
        if os.path.exists(self.limits_file):
            os.unlink(self.limits_file)

    def _remove_leftovers(self):
        """A run that was killed leaves its account, folder, limits file and
        sshd behind: remove those of runs that have ended (and an account
        with this run's own name, from an earlier process with this pid)."""
        found = _leftover_accounts()
        try:
            pw = pwd.getpwnam(self.user)
            if re.fullmatch(r"/(run|var/lib|opt)/" + re.escape(PREFIX) + r"[^/]+/home", pw.pw_dir):
                found.append((self.user, os.path.dirname(pw.pw_dir)))
            else:
                raise RuntimeError(f"account {self.user} exists and is not a test leftover")
        except KeyError:
            pass
        for user, old in found:
            sshdir = os.path.join(old, "ssh")
            for n in os.listdir(sshdir) if os.path.isdir(sshdir) else []:
                if not n.endswith(".pid"):
                    continue
                try:
                    with open(os.path.join(sshdir, n)) as f:
                        pid = int(f.read().strip())
                except (OSError, ValueError):
                    continue
                if old in cmdline(pid):
                    _kill_pid(pid, signal.SIGTERM)
            KioskAccount(user=user)._adopt(old).remove()

    def _adopt(self, root):
        self.root = root
        return self

    # ----- settings ---------------------------------------------------------

    def write_config(self, **ssh):
        """Writes home/kiosk.conf (root's, 644): the bundled content, a log
        in state/, and [ssh] keys (session_idle, session_max, max_sessions;
        lock_dir is state/sessions).  Replaced atomically; read by each new
        session."""
        ssh.setdefault("lock_dir", f"{self.state}/sessions")
        text = ("[kiosk]\ntitle = Riverside Test Clinic\ncontent = ../content\n"
                f"log = {self.state}/kiosk.log\n\n[ssh]\n"
                + "".join(f"{k} = {v}\n" for k, v in ssh.items()))
        tmp = f"{self.home}/.kiosk.conf.new"
        with open(tmp, "w") as f:
            f.write(text)
        os.chmod(tmp, 0o644)
        os.rename(tmp, f"{self.home}/kiosk.conf")

    # ----- the account's processes ------------------------------------------

    def kiosk_pids(self):
        """Live kiosk processes of the account (by uid and executable)."""
        out = []
        for p in user_pids(self.uid):
            try:
                if os.readlink(f"/proc/{p}/exe") == self.kiosk:
                    out.append(p)
            except OSError:
                pass
        return sorted(out)

    def wait_no_kiosk(self, timeout=5.0):
        """Waits until the account runs no kiosk; returns what is left."""
        end = time.monotonic() + timeout
        while True:
            left = self.kiosk_pids()
            if not left or time.monotonic() >= end:
                return left
            time.sleep(0.02)

    def home_listing(self):
        return sorted(os.listdir(self.home))

    def state_listing(self):
        out = []
        for dirpath, dirs, files in os.walk(self.state):
            for n in dirs + files:
                out.append(os.path.relpath(os.path.join(dirpath, n), self.state))
        return sorted(out)


class Sshd:
    """One sshd for account.  overrides: {Keyword: value or None} applied to
    the drop-in's Match block (None removes the keyword's line); extra:
    more lines for the main config."""

    def __init__(self, account, name="main", overrides=None, extra=()):
        self.account = account
        self.name = name
        self.overrides = dict(overrides or {})
        self.extra = list(extra)
        self.proc = None
        self.port = None
        a = account
        self.config = f"{a.sshdir}/{name}.conf"
        self.dropin = f"{a.sshdir}/{name}-50-kiosk.conf"
        self.pidfile = f"{a.sshdir}/{name}.pid"
        self.logfile = f"{a.sshdir}/{name}.log"

    def render_dropin(self):
        """deploy/ssh/50-kiosk.conf for the test account and paths."""
        a = self.account
        with open(DROPIN) as f:
            text = f.read()
        subs = {"ForceCommand": f"{a.kiosk} --config {a.home}/kiosk.conf",
                "AuthorizedKeysFile": a.keys}
        # Sanitizer settings (make asan) reach the kiosk only this way.
        setenv = {k: os.environ[k] for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")
                  if os.environ.get(k)}
        if "LSAN_OPTIONS" in setenv:
            setenv["LSAN_OPTIONS"] = re.sub(r"(?<![A-Za-z_])suppressions=[^:]*", f"suppressions={a.root}/lsan.supp",
                                            setenv["LSAN_OPTIONS"])
        subs.update(self.overrides)
        text, n = re.subn(r"(?m)^Match User guest$", f"Match User {a.user}", text)
        if n != 1:
            raise RuntimeError(f"{DROPIN}: no single 'Match User guest' line")
        for key, value in subs.items():
            rx = re.compile(rf"(?m)^(\s+){key}\s.*$")
            if not rx.search(text):
                if value is None:
                    continue
                text += f"\t{key} {value}\n"
            elif value is None:
                text = rx.sub("", text)
            else:
                text = rx.sub(lambda m: f"{m.group(1)}{key} {value}", text)
        if setenv:
            extra = " ".join(f'"{k}={v}"' for k, v in setenv.items())
            text = re.sub(r"(?m)^(\s+SetEnv .*)$", lambda m: m.group(1) + " " + extra, text)
        return text

    def write(self):
        a = self.account
        with open(self.dropin, "w") as f:
            f.write(self.render_dropin())
        lines = [
            f"Include {self.dropin}",
            # As Debian's stock /etc/ssh/sshd_config:
            "KbdInteractiveAuthentication no",
            "UsePAM yes",
            "X11Forwarding yes",
            "PrintMotd no",
            "AcceptEnv LANG LC_*",
            "Subsystem sftp /usr/lib/openssh/sftp-server",
            # The test's own:
            "ListenAddress 127.0.0.1",
            f"Port {self.port}",
            f"HostKey {a.host_key}",
            f"PidFile {self.pidfile}",
            "LogLevel VERBOSE",
            # 51 sessions start at once: no random early drops.
            "MaxStartups 200:30:300",
        ] + self.extra
        with open(self.config, "w") as f:
            f.write("\n".join(lines) + "\n")

    def effective(self, user):
        """sshd -T for a connection of user from 127.0.0.1: {keyword: [values]}."""
        r = subprocess.run([SSHD, "-T", "-f", self.config, "-C",
                            f"user={user},host=localhost,addr=127.0.0.1,laddr=127.0.0.1,lport={self.port}"],
                           capture_output=True, text=True, timeout=20)
        if r.returncode != 0:
            raise RuntimeError(f"sshd -T failed: {r.stderr}")
        out = {}
        for line in r.stdout.splitlines():
            k, _, v = line.partition(" ")
            out.setdefault(k, []).append(v)
        return out

    def start(self):
        for attempt in range(3):
            self.port = free_port()
            self.write()
            t = subprocess.run([SSHD, "-t", "-f", self.config], capture_output=True, text=True, timeout=20)
            if t.returncode != 0:
                raise RuntimeError(f"sshd -t rejects the config:\n{t.stderr}\n{self.render_dropin()}")
            self.log = open(self.logfile, "ab")
            self.proc = subprocess.Popen([SSHD, "-D", "-e", "-f", self.config],
                                         stdin=subprocess.DEVNULL, stdout=self.log,
                                         stderr=self.log, close_fds=True)
            if self._wait_ready(5.0):
                return self
            self.stop()
        raise RuntimeError(f"sshd did not start:\n{self.read_log()}")

    def _wait_ready(self, timeout):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                return False
            try:
                with socket.create_connection(("127.0.0.1", self.port), 0.5) as s:
                    s.settimeout(2)
                    if s.recv(64).startswith(b"SSH-2.0-"):
                        return True
            except OSError:
                time.sleep(0.05)
        return False

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None
        if getattr(self, "log", None):
            self.log.close()
            self.log = None

    def read_log(self):
        try:
            with open(self.logfile, errors="replace") as f:
                return f.read()
        except OSError:
            return ""

    # ----- clients ----------------------------------------------------------

    def client_options(self, key=True):
        """Options shared by ssh, scp and sftp: no user or system config, no
        agent, no known_hosts, only our key (or none: key=False)."""
        a = self.account
        opts = ["-F", "/dev/null",
                "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "GlobalKnownHostsFile=/dev/null",
                "-o", "LogLevel=ERROR", "-o", "ConnectTimeout=10",
                "-o", "IdentitiesOnly=yes", "-o", "IdentityAgent=none"]
        if key:
            opts += ["-i", a.client_key]
        else:
            opts += ["-o", "IdentityFile=none", "-o", "PubkeyAuthentication=no"]
        return opts

    def ssh_args(self, *extra, tty=True, key=True, command=()):
        """Arguments for /usr/bin/ssh (without the program name)."""
        return (self.client_options(key) + ["-p", str(self.port), "-e", "none"]
                + (["-tt"] if tty else ["-T"]) + list(extra)
                + ["--", f"{self.account.user}@127.0.0.1"] + list(command))

    def client_env(self):
        return {"HOME": self.account.client_home}

    def run(self, program, args, timeout=30, input=None):
        """Runs an ssh/scp/sftp client without a terminal; returns the
        CompletedProcess (text output)."""
        env = {"PATH": "/usr/bin:/bin", "HOME": self.account.client_home, "LANG": "C.UTF-8"}
        return subprocess.run([program] + list(args), capture_output=True, env=env,
                              timeout=timeout, stdin=subprocess.DEVNULL if input is None else None,
                              input=input, cwd=self.account.client_home)
