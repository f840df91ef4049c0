"""
ptyrun: run one full-screen program in a pseudo-terminal and measure it
from outside.  Used by bench/run.py; no dependency on the test suite.

What it takes care of (see shared/pty-testing.md):
  - the child gets a minimal environment (PATH, HOME, TERM, LANG), never
    COLUMNS or LINES, so the pty size is what counts;
  - signal dispositions are reset to the default in the child before exec
    (Python ignores SIGPIPE; a harness started with nohup ignores SIGHUP);
  - the harness is a child subreaper, so a child's own children orphaned by
    a hangup stay ours and are accounted for;
  - CPU is read from /proc/PID/schedstat (nanoseconds of CPU, the
    scheduler's own sum) and from /proc/PID/stat (utime + stime, 10 ms
    ticks); peak memory is VmHWM from /proc/PID/status, never ru_maxrss;
  - the output is timestamped as it is read, in a tight loop that does not
    parse; pyte is fed only while the child is quiet, so parsing never
    delays a timestamp;
  - a frame is "done" when the expected text is on the screen and then
    nothing came for a quiet spell; its end is the last byte before that.

Times are time.monotonic_ns() (one clock for the whole machine).  t0 of a
session is written by the child itself as the last step before execve()
(Popen returns several ms after that, so its return is no start time).
"""

import ctypes
import errno
import fcntl
import os
import re
import select
import signal
import struct
import subprocess
import termios
import time

import pyte
from pyte.streams import Stream

PR_SET_CHILD_SUBREAPER = 36
_libc = ctypes.CDLL(None, use_errno=True)


def become_subreaper():
    if _libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


CLK_TCK = os.sysconf("SC_CLK_TCK")
GAP = 0.003          # a read loop pause this long lets pyte catch up
QUIET = 0.15         # seconds of silence that end a frame


# ---- pyte, with the 0.8 quirks worked around ----------------------------------

class _Screen(pyte.Screen):
    def __init__(self, owner, columns, lines):
        self._owner = owner
        self.errors = 0
        super().__init__(columns, lines)
        for name in _Stream.events:
            if hasattr(self, name):
                setattr(self, name, self._guard(getattr(self, name)))

    def _guard(self, fn):
        def guarded(*a, **k):
            try:
                return fn(*a, **k)
            except Exception:
                self.errors += 1
        return guarded

    def write_process_input(self, data):
        self._owner.reply(data)

    def scroll_up(self, count=1, *rest, **kw):
        top, bottom = self.margins or (0, self.lines - 1)
        y, x = self.cursor.y, self.cursor.x
        self.cursor.y = bottom
        for _ in range(max(1, count)):
            self.index()
        self.cursor.y, self.cursor.x = y, x

    def scroll_down(self, count=1, *rest, **kw):
        top, bottom = self.margins or (0, self.lines - 1)
        y, x = self.cursor.y, self.cursor.x
        self.cursor.y = top
        for _ in range(max(1, count)):
            self.reverse_index()
        self.cursor.y, self.cursor.x = y, x

    def repeat_last(self, count=1, *rest, **kw):
        pass  # only the text matters for "is the frame there"


class _Stream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down", b="repeat_last")
    events = Stream.events | {"scroll_up", "scroll_down", "repeat_last"}


_CSI_PRIV = re.compile(rb"\x1b\[[>=<][0-9;:]*[ -/]*[@-~]")
_ZW = re.compile("[\u200b-\u200f\u2060\ufe00-\ufe0f]")


# ---- /proc ------------------------------------------------------------------

def cpu_ns(pid):
    """CPU time used so far (user + system), in ns, or None."""
    try:
        with open(f"/proc/{pid}/schedstat") as f:
            return int(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def cpu_ticks(pid):
    """utime + stime from /proc/PID/stat, in ticks (1/CLK_TCK s)."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            s = f.read()
    except OSError:
        return None
    rest = s[s.rindex(")") + 2:].split()
    return int(rest[11]) + int(rest[12])  # fields 14 and 15


def vm_hwm_kib(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for ln in f:
                if ln.startswith("VmHWM:"):
                    return int(ln.split()[1])
    except OSError:
        pass
    return None


def tree_pids(pid):
    """pid and its descendants (lynx and w3m may fork helpers)."""
    kids = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                s = f.read()
            ppid = int(s[s.rindex(")") + 2:].split()[1])
        except (OSError, ValueError):
            continue
        kids.setdefault(ppid, []).append(int(d))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(kids.get(p, []))
    return out


def _child_setup(stamp_fd):
    for s in (signal.SIGHUP, signal.SIGINT, signal.SIGPIPE, signal.SIGQUIT,
              signal.SIGTERM, signal.SIGWINCH, signal.SIGTSTP, signal.SIGTTIN,
              signal.SIGTTOU, signal.SIGCHLD, signal.SIGALRM, signal.SIGUSR1,
              signal.SIGUSR2):
        signal.signal(s, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
    # The exec moment: this is the child's last step before execve (only
    # closing descriptors comes after it).
    # Its CPU so far (the forked harness's Python) is sent too, so the
    # program's own start-up CPU can be told apart.
    try:
        with open("/proc/self/schedstat", "rb") as f:
            c0 = int(f.read().split()[0])
    except (OSError, ValueError):
        c0 = 0
    os.write(stamp_fd, b"%d %d" % (time.monotonic_ns(), c0))


class Timeout(Exception):
    pass


class Session:
    """One program in a pty of cols x rows."""

    def __init__(self, argv, cols, rows, cwd=None, env=None, home=None,
                 term="xterm-256color", lang="C.UTF-8"):
        self.argv = list(argv)
        self.cols, self.rows = cols, rows
        e = {"PATH": "/usr/local/bin:/usr/bin:/bin",
             "HOME": home or os.environ.get("HOME", "/root"),
             "TERM": term, "LANG": lang}
        e.update(env or {})
        for k in ("COLUMNS", "LINES"):
            e.pop(k, None)
        self.env = e
        self.chunks = []          # (t_ns, nbytes)
        self.raw = bytearray()    # everything the child wrote
        self.nbytes = 0
        self._unparsed = []
        self.replies = 0
        self.status = None
        self.rusage = None
        self.exit_ns = None

        self.master, slave = os.openpty()
        attrs = termios.tcgetattr(slave)
        attrs[0] |= getattr(termios, "IUTF8", 0)
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        self._winsize(cols, rows)
        self.screen = _Screen(self, cols, rows)
        self.stream = _Stream(self.screen)
        rfd, wfd = os.pipe()
        try:
            self.proc = subprocess.Popen(
                self.argv, stdin=slave, stdout=slave, stderr=slave, env=e,
                cwd=cwd, start_new_session=True, close_fds=True,
                preexec_fn=lambda: _child_setup(wfd))
        finally:
            os.close(wfd)
            os.close(slave)
        stamp = os.read(rfd, 64).split()
        os.close(rfd)
        self.t0 = int(stamp[0]) if stamp else time.monotonic_ns()
        self.cpu_at_exec = int(stamp[1]) if len(stamp) > 1 else 0
        self.pid = self.proc.pid
        self.pidfd = os.pidfd_open(self.pid)
        os.set_blocking(self.master, False)

    # ---- pty ----

    def _winsize(self, cols, rows):
        fcntl.ioctl(self.master, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))

    def reply(self, data):
        self.replies += 1
        try:
            os.write(self.master, data.encode())
        except OSError:
            pass

    def write(self, data):
        if isinstance(data, str):
            data = data.encode()
        while data:
            try:
                n = os.write(self.master, data)
                data = data[n:]
            except BlockingIOError:
                self.read_for(0.001)

    def resize(self, cols, rows):
        """As a terminal emulator does: TIOCSWINSZ on the master, and the
        kernel sends SIGWINCH to the foreground process group (the child
        leads it).  No second, explicit SIGWINCH: it would make some
        programs repaint twice and double their bytes."""
        self.parse()
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        self._winsize(cols, rows)

    # ---- reading ----

    def read_for(self, timeout, until_quiet=False):
        """Reads what arrives within timeout s (tight loop, timestamps only);
        until_quiet: until nothing came for timeout s.  Returns bytes read."""
        got = 0
        end = time.monotonic() + timeout
        while self.master is not None:
            if until_quiet and got:
                end = self.chunks[-1][0] / 1e9 + timeout
            left = end - time.monotonic()
            r, _, _ = select.select([self.master], [], [], max(0.0, left))
            if not r:
                break
            try:
                data = os.read(self.master, 1 << 16)
            except BlockingIOError:
                continue
            except OSError as e:
                if e.errno == errno.EIO:   # child gone, slave closed
                    break
                raise
            if not data:
                break
            t = time.monotonic_ns()
            if until_quiet:  # cheap: the main process only
                self._cpu_at_last = cpu_ns(self.pid) or 0
            self.chunks.append((t, len(data)))
            self.raw += data
            self.nbytes += len(data)
            self._unparsed.append(data)
            got += len(data)
        return got

    def parse(self):
        if not self._unparsed:
            return
        data = b"".join(self._unparsed)
        self._unparsed = []
        data = _CSI_PRIV.sub(b"", data)
        for m in re.finditer(rb"\x1b\[(?:0?c|[56]n|\?6n)", data):
            pass  # pyte answers DA and DSR through write_process_input
        try:
            self.stream.feed(data)
        except Exception:
            self.screen.errors += 1
            self.stream = _Stream(self.screen)

    def lines(self):
        self.parse()
        out = []
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            out.append("".join(row[x].data for x in range(self.screen.columns)))
        return out

    def text(self):
        return "\n".join(self.lines())

    def last_byte_ns(self):
        return self.chunks[-1][0] if self.chunks else None

    def settle(self, quiet=QUIET, eps_ns=100_000, timeout=30.0):
        """Waits until a whole window of `quiet` s passes with no output and
        (nearly) no CPU used by the child: it is back to waiting for input.
        Output alone is not enough: a program may print a little and then
        compute for a long time before the real repaint."""
        end = time.monotonic() + timeout
        c_prev = cpu_ns(self.pid) or 0
        while True:
            got = self.read_for(quiet, until_quiet=True)
            c = cpu_ns(self.pid) or 0
            # CPU since the window began (no output) or, after output,
            # since the last byte: the quiet tail must be CPU-quiet too
            if got:
                c_ref = self._cpu_at_last
            else:
                c_ref = c_prev
            if c - c_ref <= eps_ns:
                return
            if self.exited():
                return
            c_prev = c
            if time.monotonic() > end:
                raise Timeout(f"{self.argv[0]}: does not settle within {timeout}s\n" + self.dump())

    def wait_frame(self, ready, since_bytes=0, timeout=30.0, quiet=QUIET,
                   eps_ns=100_000):
        """ready(session) -> bool: waits until it holds for the screen
        (checked whenever the child pauses), then settles.  ready=None: only
        settles (a key whose effect is not known in advance).  Returns
        (t_last_byte_ns or None when nothing came, bytes since since_bytes)."""
        end = time.monotonic() + timeout
        if ready is not None:
            while True:
                if self.read_for(GAP) == 0:
                    self.parse()
                    if self.nbytes > since_bytes and ready(self):
                        break
                    if self.exited():
                        raise Timeout(f"{self.argv[0]} exited ({self.status}) before the frame\n" + self.dump())
                if time.monotonic() > end:
                    raise Timeout(f"{self.argv[0]}: frame not seen in {timeout}s\n" + self.dump())
        self.settle(quiet, eps_ns, timeout=max(1.0, end - time.monotonic()) + 5)
        self.parse()
        if self.nbytes <= since_bytes:
            return None, 0
        return self.last_byte_ns(), self.nbytes - since_bytes

    def dump(self):
        body = "\n".join(f"{i:3d}|{ln.rstrip()}" for i, ln in enumerate(self.lines()))
        return f"--- {self.cols}x{self.rows}\n{body}\n---"

    # ---- the process ----

    def exited(self):
        if self.status is not None:
            return True
        r, _, _ = select.select([self.pidfd], [], [], 0)
        if r:
            self._reap()
            return True
        return False

    def _reap(self):
        """Reaps the child (when it has exited) and keeps its rusage."""
        try:
            pid, st, ru = os.wait4(self.pid, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == self.pid:
            self.status = os.waitstatus_to_exitcode(st)
            self.rusage = ru

    def cpu(self):
        """(ns, ticks) of CPU of the child and its descendants so far."""
        ns = ticks = 0
        for p in tree_pids(self.pid):
            a, b = cpu_ns(p), cpu_ticks(p)
            ns += a or 0
            ticks += b or 0
        return ns, ticks

    def start_cpu_ns(self, settle=0.05, limit=10.0):
        """CPU the program itself has used since its execve(), once it
        has stopped using any (two readings settle s apart agree): the
        kiosk goes on loading its library after the first frame, with
        nothing to show for it on the screen."""
        end = time.monotonic() + limit
        last = self.cpu()[0]
        while time.monotonic() < end:
            self.read_for(settle)
            now = self.cpu()[0]
            if now == last:
                break
            last = now
        return last - self.cpu_at_exec

    def hwm_kib(self):
        return sum(vm_hwm_kib(p) or 0 for p in tree_pids(self.pid))

    def hangup(self, limit=2.0):
        """Closes the pty master as a terminal emulator that is closed does.
        Returns dict: exit_ms (None when still running after limit s),
        cpu_after_ns (CPU the child used after the close), ticks_after."""
        self.read_for(0)
        ns0, t0 = self.cpu()
        before = set(tree_pids(self.pid))
        tc = time.monotonic_ns()
        os.close(self.master)
        self.master = None
        r, _, _ = select.select([self.pidfd], [], [], limit)
        res = {"exit_ms": None, "cpu_after_ns": None, "ticks_after": None,
               "status": None}
        if r:
            te = time.monotonic_ns()
            res["exit_ms"] = (te - tc) / 1e6
            # A zombie still shows its final CPU totals.
            ns1, t1 = cpu_ns(self.pid), cpu_ticks(self.pid)
            others = [p for p in before if p != self.pid]
            for p in others:
                ns1 = (ns1 or 0) + (cpu_ns(p) or 0)
                t1 = (t1 or 0) + (cpu_ticks(p) or 0)
            self._reap()
            res["status"] = self.status
            if ns1 is not None:
                res["cpu_after_ns"] = max(0, ns1 - ns0)
                res["ticks_after"] = max(0, t1 - t0)
            # Orphans of the hangup are ours (subreaper): anything still
            # alive after 100 ms counts as not exited.
            time.sleep(0.1)
            for p in others:
                if cpu_ns(p) is not None and os.path.exists(f"/proc/{p}"):
                    try:
                        with open(f"/proc/{p}/stat") as f:
                            state = f.read().rsplit(")", 1)[1].split()[0]
                    except OSError:
                        continue
                    if state != "Z":
                        res["exit_ms"] = None
        else:
            ns1, t1 = self.cpu()
            res["cpu_after_ns"] = max(0, ns1 - ns0)
            res["ticks_after"] = max(0, t1 - t0)
        self.kill()
        return res

    def kill(self):
        if self.master is not None:
            try:
                os.close(self.master)
            except OSError:
                pass
            self.master = None
        if self.status is None:
            for p in reversed(tree_pids(self.pid)):
                try:
                    os.kill(p, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                pass
            self._reap()
        try:
            os.close(self.pidfd)
        except OSError:
            pass
        self.pidfd = -1
