"""
kiosk_pty: drive the real ./kiosk through a pseudo-terminal, as a person
at a terminal would, and read back what the screen shows.

A Kiosk owns one child process whose stdin/stdout/stderr are the slave side
of a pty, and a pyte Screen that every byte the child writes is fed to.
Coordinates are pyte's: (row, col) from 0, a column is one terminal cell
(a wide character takes two cells; its second cell holds "").

The traps listed in shared/pty-testing.md are handled here:
  - the child gets a minimal environment (PATH, HOME, TERM, LANG, the
    sanitizer options, plus what the test adds), never COLUMNS or LINES;
  - SIGHUP, SIGINT, SIGPIPE, SIGQUIT and SIGTERM are reset to their default
    action in the child before exec, so a hangup test means something;
  - pyte's handlers are wrapped so an exception in one of them is counted
    (self.parser_errors) instead of silently stopping the parser; if the
    parser itself dies a fresh stream is attached and that is counted too;
  - `CSI > ...` and `CSI = ...` sequences (which pyte would take as plain
    ones, e.g. `CSI > 4;1 m` as bold+underline) are removed before pyte
    sees them, and recorded as queries when they end in 'c' or 'q';
  - zero-width characters that are not combining marks (ZWJ, ZWSP,
    variation selectors) are kept out of pyte, which would otherwise drop
    the rest of the chunk; they are counted in self.dropped_chars;
  - terminal queries: DSR 5/6 and primary DA are answered (pyte computes
    the reply, we write it back to the child); every other query is
    deliberately ignored and listed in self.queries;
  - "done" means: the expected text is on the screen and then nothing came
    for a quiet spell (150 ms); silence before any output is not a frame.

The parent keeps its own descriptor of the slave open, so the child's last
bytes are never lost when it exits, and so the terminal modes the child
leaves behind can be read back (self.termios_now()).

Every raw byte is kept in self.raw, for checks on what the program sent to
the terminal (stream_problems, assert_raw_lacks).
"""

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
import unicodedata

import pyte
from pyte.streams import Stream
from wcwidth import wcwidth

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
# The binary under test: ./kiosk, or $KIOSK_BIN (e.g. a sanitizer build).
KIOSK = os.environ.get("KIOSK_BIN") or os.path.join(ROOT, "kiosk")

LSAN_SUPP = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lsan.supp")
QUIET = 0.15          # seconds without output that end a frame
DEFAULT_TIMEOUT = 10  # seconds to wait for expected text

# Keys by name -> terminfo capability (what the program expects when it has
# turned keypad mode on); fallbacks are xterm's sequences.
_KEY_CAPS = {
    "up": ("kcuu1", "\x1bOA"), "down": ("kcud1", "\x1bOB"),
    "right": ("kcuf1", "\x1bOC"), "left": ("kcub1", "\x1bOD"),
    "home": ("khome", "\x1bOH"), "end": ("kend", "\x1bOF"),
    "pgup": ("kpp", "\x1b[5~"), "pgdn": ("knp", "\x1b[6~"),
    "btab": ("kcbt", "\x1b[Z"), "f1": ("kf1", "\x1bOP"),
    "backspace": ("kbs", "\x7f"),
}
_PLAIN_KEYS = {"enter": "\r", "esc": "\x1b", "tab": "\t", "space": " "}
_DECCKM = 1 << 5  # pyte stores private mode N as N << 5

_tput_cache = {}


def _tput(term, cap):
    """The terminfo string cap for term (cached), or None when absent."""
    key = (term, cap)
    if key not in _tput_cache:
        r = subprocess.run(["tput", "-T", term, cap], capture_output=True)
        _tput_cache[key] = r.stdout.decode("latin-1") if r.returncode == 0 and r.stdout else None
    return _tput_cache[key]


def terminfo(term, cap):
    """Public helper: terminfo string (str) of cap for term, or None."""
    return _tput(term, cap)


def text_width(s):
    """Display columns of s: wide (W/F) 2, combining and other zero-width 0."""
    w = 0
    for ch in s:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        w += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return w


class _Screen(pyte.Screen):
    """pyte.Screen with the 0.8 quirks worked around (see module comment)."""

    def __init__(self, owner, columns, lines):
        self._owner = owner
        self.parser_errors = []   # (event, args, repr(exception))
        self.dropped_chars = 0    # zero-width non-combining chars kept out
        self._last_char = ""      # for REP
        self.link = None          # the open OSC 8 hyperlink's address
        super().__init__(columns, lines)
        for name in _KioskStream.events:
            if hasattr(self, name):
                setattr(self, name, self._guard(name, getattr(self, name)))

    def _guard(self, name, fn):
        def guarded(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except Exception as e:  # pyte bug on an odd sequence: count it
                self.parser_errors.append((name, args, repr(e)))
        return guarded

    def draw(self, data):
        # pyte stops drawing the chunk at the first character whose width is
        # not 1 or 2 and that is not a combining mark: feed it runs of good
        # characters only.
        run = []
        for ch in data:
            w = wcwidth(ch)
            if w > 0 or (w == 0 and unicodedata.combining(ch)):
                run.append(ch)
            else:
                self.dropped_chars += 1
        if run:
            self._last_char = run[-1]
            super().draw("".join(run))

    # OSC 8 hyperlinks (pyte 0.8 ignores them): the address is kept in
    # the cells' unused strikethrough field, so it moves with them when
    # lines scroll, are inserted or deleted, and is gone where a cell is
    # written again without a link.

    def set_link(self, url):
        self.link = url or None
        self.cursor.attrs = self.cursor.attrs._replace(strikethrough=self.link or False)

    def select_graphic_rendition(self, *attrs):
        super().select_graphic_rendition(*attrs)
        self.cursor.attrs = self.cursor.attrs._replace(strikethrough=self.link or False)

    def write_process_input(self, data):
        self._owner._reply(data)

    # Sequences pyte 0.8 lacks but ncurses sends for xterm-256color:
    # SU/SD (indn/rin: CSI n S / CSI n T, scroll the region, cursor stays)
    # and REP (CSI n b, repeat the last graphic character).

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
        if self._last_char:
            self.draw(self._last_char * max(1, count))


class _KioskStream(pyte.ByteStream):
    """ByteStream that also dispatches SU, SD and REP (see _Screen)."""
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down", b="repeat_last")
    events = Stream.events | {"scroll_up", "scroll_down", "repeat_last"}


# Final bytes of the CSI sequences the stream acts on; others are recorded
# in Kiosk.unhandled ('t' window ops are ignored on purpose).
_HANDLED_CSI = set(_KioskStream.csi) | {"t"}


# OSC 8 hyperlinks, complete (the address in group 1) ...
_OSC8 = re.compile(rb"\x1b\]8;[^;\x07\x1b]*;([^\x07\x1b]*)(?:\x1b\\|\x07)")
# ... or cut off at the end of a chunk.
_OSC8_TAIL = re.compile(rb"\x1b(\](8(;[^\x07\x1b]*)?\x1b?)?)?\Z")

# CSI sequences with a '>' or '=' parameter prefix, complete ...
_CSI_GT = re.compile(rb"\x1b\[[>=<][0-9;:]*[ -/]*[@-~]")
# ... or cut off at the end of a chunk (kept back for the next one).
_CSI_GT_TAIL = re.compile(rb"\x1b(\[([>=<][0-9;:]*[ -/]*)?)?\Z")


class KioskError(AssertionError):
    pass


class Kiosk:
    """One running kiosk in a pty of cols x rows.

    args: arguments after the program name.  terminal_utf8: whether the
    terminal decodes UTF-8 (default: as LANG says).  env: extra/overriding
    environment entries (a value of None removes the entry).  cwd: folder
    to start in (default the project root).  program: path of the binary.
    """

    def __init__(self, args=(), cols=80, rows=24, env=None, cwd=None,
                 program=KIOSK, term="xterm-256color", lang="C.UTF-8",
                 terminal_utf8=None):
        if not os.access(program, os.X_OK):
            raise KioskError(
                f"{program} does not exist or is not executable: build it "
                f"with `make -C {ROOT} kiosk` first")
        self.args = list(args)
        self.cols, self.rows = cols, rows
        base = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": os.environ.get("HOME", "/root"),
            "TERM": term,
            "LANG": lang,
        }
        # Sanitizer settings pass through (for `make asan`); leaks that are
        # not the kiosk's own are suppressed by lsan.supp.
        for k in ("ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"):
            if os.environ.get(k):
                base[k] = os.environ[k]
        if "LSAN_OPTIONS" not in base:
            base["LSAN_OPTIONS"] = f"suppressions={LSAN_SUPP}:print_suppressions=0"
        # the slow unwinder sees through libraries built without frame
        # pointers, so suppressions can match their callers
        if "fast_unwind_on_malloc" not in base.get("ASAN_OPTIONS", ""):
            base["ASAN_OPTIONS"] = ":".join(
                x for x in (base.get("ASAN_OPTIONS"), "fast_unwind_on_malloc=0") if x)
        for k, v in (env or {}).items():
            if v is None:
                base.pop(k, None)
            else:
                base[k] = v
        for k in ("COLUMNS", "LINES"):
            if k in base:
                raise ValueError(f"{k} must not be passed to the kiosk (ncurses would use it instead of the pty size)")
        self.env = base
        self.term = base.get("TERM", "dumb")
        # Whether the terminal decodes UTF-8: as the locale says, unless
        # told (a UTF-8 terminal whose locale the SSH client did not pass)
        self.utf8 = (self._is_utf8_locale(base) if terminal_utf8 is None
                     else terminal_utf8)

        self.raw = bytearray()      # everything the child wrote
        self.queries = []           # terminal queries seen (bytes)
        self.replies = []           # what we answered (str)
        self.unhandled = set()      # CSI sequences pyte does not act on
        self._pending = b""         # held-back partial CSI-> sequence
        self._sent_mark = 0         # len(raw) when keys were last sent
        self.status = None          # exit status once the child ended
        self.stream_resets = 0      # parser restarts after a fatal error

        self.master, self.slave = os.openpty()
        attrs = termios.tcgetattr(self.slave)
        if self.utf8:
            attrs[0] |= getattr(termios, "IUTF8", 0)
        termios.tcsetattr(self.slave, termios.TCSANOW, attrs)
        self.termios_start = termios.tcgetattr(self.slave)
        self._set_winsize(cols, rows)

        self.screen = _Screen(self, cols, rows)
        self._new_stream()

        self.proc = subprocess.Popen(
            [program] + self.args, stdin=self.slave, stdout=self.slave,
            stderr=self.slave, env=self.env, cwd=cwd or ROOT,
            start_new_session=True, close_fds=True, preexec_fn=_child_setup)
        self.pid = self.proc.pid
        os.set_blocking(self.master, False)

    # ----- process and pty -------------------------------------------------

    @staticmethod
    def _is_utf8_locale(env):
        for k in ("LC_ALL", "LC_CTYPE", "LANG"):
            v = env.get(k)
            if v:
                return bool(re.search(r"utf-?8", v, re.I))
        return False

    def _set_winsize(self, cols, rows):
        fcntl.ioctl(self.master, termios.TIOCSWINSZ,
                    struct.pack("HHHH", rows, cols, 0, 0))

    def _new_stream(self):
        self.stream = _KioskStream(self.screen)
        self.stream.use_utf8 = self.utf8

    def _reply(self, data):
        self.replies.append(data)
        try:
            os.write(self.master, data.encode("utf-8"))
        except OSError:
            pass

    def _feed(self, data):
        self.raw += data
        data = self._pending + data
        self._pending = b""
        cut = len(data)
        for pattern in (_CSI_GT_TAIL, _OSC8_TAIL):
            tail = pattern.search(data)
            if tail and tail.start() < len(data):
                cut = min(cut, tail.start())
        self._pending = data[cut:]
        data = data[:cut]

        def strip(m):
            seq = m.group(0)
            if seq[-1:] in (b"c", b"q"):
                self.queries.append(seq)
            return b""
        data = _CSI_GT.sub(strip, data)
        for q in re.findall(rb"\x1b\[(?:0?c|[56]n|\?6n)|\x1b\][0-9]+;\?", data):
            self.queries.append(q)
        for m in re.finditer(rb"\x1b\[([?]?)[0-9;]*([ -/]*[@-~])", data):
            if m.group(2).decode("latin-1") not in _HANDLED_CSI:
                self.unhandled.add(m.group(0))
        try:
            pos = 0
            for m in _OSC8.finditer(data):
                self.stream.feed(data[pos:m.start()])
                self.screen.set_link(m.group(1).decode("utf-8", "replace"))
                pos = m.end()
            self.stream.feed(data[pos:])
        except Exception as e:  # the parser generator died: start afresh
            self.screen.parser_errors.append(("stream.feed", (), repr(e)))
            self.stream_resets += 1
            self._new_stream()

    def _pump(self, timeout):
        """Reads everything that arrives within timeout seconds (and what is
        already waiting); returns the number of bytes read."""
        got = 0
        end = time.monotonic() + timeout
        hard_end = end + 2.0  # a child that never stops writing
        while self.master is not None:
            now = time.monotonic()
            r, _, _ = select.select([self.master], [], [], max(0.0, end - now))
            if not r or now > hard_end:
                break
            try:
                chunk = os.read(self.master, 65536)
            except BlockingIOError:
                continue
            except OSError as e:
                if e.errno == errno.EIO:
                    break
                raise
            if not chunk:
                break
            self._feed(chunk)
            got += len(chunk)
        self._reap()
        return got

    def _reap(self):
        if self.status is None and self.proc.poll() is not None:
            self.status = self.proc.returncode
        return self.status

    def alive(self):
        """True while the child runs (drains pending output first)."""
        self._pump(0)
        return self._reap() is None

    # ----- input ------------------------------------------------------------

    def key_bytes(self, name):
        """The bytes a terminal of this TERM sends for key name."""
        if name in _PLAIN_KEYS:
            return _PLAIN_KEYS[name].encode()
        if name not in _KEY_CAPS:
            raise ValueError(f"unknown key name {name!r}")
        cap, fallback = _KEY_CAPS[name]
        seq = _tput(self.term, cap) or fallback
        if name in ("up", "down", "left", "right", "home", "end") and seq.startswith("\x1bO") \
                and _DECCKM not in self.screen.mode:
            seq = "\x1b[" + seq[2:]  # cursor keys in normal (not application) mode
        return seq.encode("latin-1")

    def send(self, *keys):
        """Types keys. Each argument is a key name (up, down, pgup, pgdn,
        home, end, enter, esc, tab, btab, backspace, left, right, f1, space)
        or literal text.  After an Esc that is followed by more keys, waits
        for the screen to settle, as a person would pause (otherwise the
        program may read Esc+key as Alt+key)."""
        self._pump(0)
        for i, k in enumerate(keys):
            if isinstance(k, bytes):
                data = k
            elif k in _PLAIN_KEYS or k in _KEY_CAPS:
                data = self.key_bytes(k)
            else:
                data = k.encode("utf-8")
            self._sent_mark = len(self.raw)
            self._write(data)
            if data == b"\x1b" and i + 1 < len(keys):
                self.wait_quiet()

    def _write(self, data):
        while data:
            try:
                n = os.write(self.master, data)
                data = data[n:]
            except BlockingIOError:
                self._pump(0.01)

    # ----- waiting ----------------------------------------------------------

    def wait_quiet(self, quiet=QUIET, first=1.0, timeout=DEFAULT_TIMEOUT):
        """Waits until output since the last send (up to `first` seconds for
        it to begin) has been followed by `quiet` seconds of silence."""
        end = time.monotonic() + timeout
        first_end = time.monotonic() + first
        while len(self.raw) <= self._sent_mark and time.monotonic() < first_end:
            if not self._pump(0.02) and self._reap() is not None:
                return
        while time.monotonic() < end:
            if not self._pump(quiet):
                return
        raise self.failure(f"output did not settle within {timeout}s")

    def wait_for(self, pattern, timeout=DEFAULT_TIMEOUT, flags=0):
        """Waits for regex pattern to match the screen text, then for a quiet
        spell.  Returns the match.  Fails with the screen shown."""
        rx = re.compile(pattern, flags)
        end = time.monotonic() + timeout
        while True:
            m = rx.search(self.text())
            if m:
                while time.monotonic() < end and self._pump(QUIET):
                    pass
                m2 = rx.search(self.text())
                if m2:
                    return m2
                # it went away again: keep waiting
            if time.monotonic() >= end:
                raise self.failure(f"timed out after {timeout}s waiting for /{pattern}/")
            if not self._pump(0.05) and self._reap() is not None:
                # child gone: one last read, then give up if still absent
                self._pump(0.05)
                m = rx.search(self.text())
                if m:
                    return m
                raise self.failure(f"kiosk exited (status {self.status}) while waiting for /{pattern}/")

    def wait_gone(self, pattern, timeout=DEFAULT_TIMEOUT, flags=0):
        """Waits until regex pattern no longer matches the screen text."""
        rx = re.compile(pattern, flags)
        end = time.monotonic() + timeout
        while rx.search(self.text()):
            if time.monotonic() >= end:
                raise self.failure(f"/{pattern}/ still on screen after {timeout}s")
            self._pump(0.05)
        self.wait_quiet(first=0)

    def wait_exit(self, timeout=5):
        """Waits for the child to end; returns its exit status (negative
        signal number when killed by a signal)."""
        end = time.monotonic() + timeout
        while self._reap() is None:
            if time.monotonic() >= end:
                raise self.failure(f"kiosk still running after {timeout}s")
            self._pump(0.05)
        self._pump(0.05)
        return self.status

    # ----- reading the screen -----------------------------------------------

    def lines(self):
        """The screen's rows as strings (trailing spaces kept; a wide
        character's second cell contributes nothing)."""
        self._pump(0)
        out = []
        for y in range(self.screen.lines):
            row = self.screen.buffer[y]
            out.append("".join(row[x].data for x in range(self.screen.columns)))
        return out

    def text(self):
        """The whole screen as one string, rows joined by newlines."""
        return "\n".join(self.lines())

    def dump(self):
        """The screen framed for failure messages, with row numbers."""
        ls = self.lines()
        w = self.screen.columns
        head = f"--- screen {w}x{self.screen.lines}, cursor {self.screen.cursor.y},{self.screen.cursor.x}"
        if self.status is not None:
            head += f", exited {self.status}"
        body = "\n".join(f"{i:3d}|{ln.rstrip()}" for i, ln in enumerate(ls))
        extra = ""
        if self.screen.parser_errors:
            extra += f"\npyte errors: {self.screen.parser_errors[:5]}"
        return f"{head}\n{body}\n---{extra}"

    def failure(self, msg):
        return KioskError(f"{msg}\n{self.dump()}")

    def cell(self, row, col):
        """Attributes of one cell: dict with char, fg, bg, bold, italic,
        underline, reverse."""
        self._pump(0)
        c = self.screen.buffer[row][col]
        return {"char": c.data, "fg": c.fg, "bg": c.bg, "bold": c.bold,
                "italic": c.italics, "underline": c.underscore,
                "reverse": c.reverse}

    def link(self, row, col):
        """The OSC 8 hyperlink address of a cell, or None."""
        self._pump(0)
        v = self.screen.buffer[row][col].strikethrough
        return v if isinstance(v, str) else None

    def style(self, row, col):
        """The cell's attributes without the character (for comparisons)."""
        d = self.cell(row, col)
        del d["char"]
        return d

    def col_of(self, row, index):
        """Column of character index `index` in lines()[row]."""
        rowbuf = self.screen.buffer[row]
        i = 0
        for x in range(self.screen.columns):
            d = rowbuf[x].data
            if d == "":
                continue
            if i == index:
                return x
            i += 1
        return self.screen.columns

    def find(self, text, start_row=0):
        """(row, col) of the first place text shows on screen at or below
        start_row, or None."""
        for y, ln in enumerate(self.lines()):
            if y < start_row:
                continue
            i = ln.find(text)
            if i >= 0:
                return (y, self.col_of(y, i))
        return None

    def find_all(self, text):
        """Every (row, col) where text shows."""
        res = []
        for y, ln in enumerate(self.lines()):
            i = ln.find(text)
            while i >= 0:
                res.append((y, self.col_of(y, i)))
                i = ln.find(text, i + 1)
        return res

    def must_find(self, text):
        pos = self.find(text)
        if pos is None:
            raise self.failure(f"{text!r} is not on the screen")
        return pos

    def cursor(self):
        return (self.screen.cursor.y, self.screen.cursor.x)

    # ----- size -------------------------------------------------------------

    def resize(self, cols, rows):
        """Resizes the terminal as a terminal emulator does: new pty size
        (TIOCSWINSZ, the kernel signals the foreground group) and an
        explicit SIGWINCH to the child; the pyte screen follows."""
        self._pump(0)
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        self._sent_mark = len(self.raw)
        self._set_winsize(cols, rows)
        try:
            os.kill(self.pid, signal.SIGWINCH)
        except ProcessLookupError:
            pass

    # ----- ending -----------------------------------------------------------

    def termios_now(self):
        return termios.tcgetattr(self.slave)

    def hangup(self, timeout=5):
        """Closes the terminal (the child gets SIGHUP) and waits for the
        child; returns its status, or None when it had to be killed."""
        if self.master is not None:
            try:
                self._pump(0)
            except OSError:
                pass
            os.close(self.master)
            self.master = None
        if self.slave is not None:
            os.close(self.slave)
            self.slave = None
        try:
            self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            return None
        self.status = self.proc.returncode
        return self.status

    def close(self):
        """Ends the session: hangup, killing the child if it ignores it."""
        if self.master is None and self.slave is None:
            return self.status
        return self.hangup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ----- checks on the raw stream -----------------------------------------

    def assert_raw_lacks(self, *needles):
        """Fails when any of needles (bytes) occurs in what the child wrote."""
        self._pump(0)
        for n in needles:
            i = self.raw.find(n)
            if i >= 0:
                ctx = bytes(self.raw[max(0, i - 40):i + len(n) + 40])
                raise self.failure(f"raw output contains {n!r} at byte {i}: ...{ctx!r}...")

    def stream_problems(self):
        """What in the raw output could only come from unsanitized content
        (a list of strings; empty when clean):
          - invalid UTF-8 under a UTF-8 locale, non-ASCII bytes otherwise;
          - C1 control characters (U+0080-U+009F);
          - OSC strings other than palette setting (4/104), and DCS, SOS,
            PM, APC strings (ncurses sends none of these for the terminals
            tested);
          - control characters other than BS, HT, LF, CR, BEL, ESC, SO, SI.
        """
        self._pump(0)
        raw = bytes(self.raw)
        probs = []
        if self.utf8:
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                probs.append(f"invalid UTF-8 at byte {e.start}: {raw[max(0, e.start - 30):e.start + 10]!r}")
                text = raw.decode("utf-8", "replace")
            c1 = re.search("[\x80-\x9f]", text)
            if c1:
                probs.append(f"C1 control U+{ord(c1.group()):04X} in output: {text[max(0, c1.start() - 30):c1.start() + 10]!r}")
        else:
            text = raw.decode("latin-1")
            hi = re.search(rb"[\x80-\xff]", raw)
            if hi:
                probs.append(f"non-ASCII byte {hi.group()!r} under a non-UTF-8 locale: {raw[max(0, hi.start() - 30):hi.start() + 10]!r}")
        for m in re.finditer(r"\x1b\](\d*)", text):
            if m.group(1) not in ("4", "104"):
                probs.append(f"OSC string in output: {text[m.start():m.start() + 40]!r}")
        for m in re.finditer(r"\x1b[P_^X]", text):
            probs.append(f"DCS/APC/PM/SOS string in output: {text[m.start():m.start() + 40]!r}")
        bad = re.search(r"[\x00-\x06\x0b\x0c\x10-\x1a\x1c-\x1f\x7f]", text)
        if bad:
            probs.append(f"control character {bad.group()!r} in output: {text[max(0, bad.start() - 30):bad.start() + 10]!r}")
        return probs

    def assert_stream_clean(self):
        probs = self.stream_problems()
        if probs:
            raise self.failure("raw output problems:\n  " + "\n  ".join(probs[:10]))


def _child_setup():
    """Runs in the child between fork and exec (after setsid and the dup2
    of the pty onto 0/1/2): default signal actions, and the pty as the
    controlling terminal."""
    for s in (signal.SIGHUP, signal.SIGINT, signal.SIGPIPE, signal.SIGQUIT,
              signal.SIGTERM, signal.SIGWINCH, signal.SIGTSTP, signal.SIGTTIN,
              signal.SIGTTOU, signal.SIGCHLD):
        signal.signal(s, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


# pytest shows an assert's message object with repr(): make that the text.
KioskError.__repr__ = KioskError.__str__
