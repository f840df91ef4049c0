"""
Fault tests: the real ./kiosk in a pty, fed what can go wrong in a clinic.

  - content folders that are missing, empty, or not folders at all;
  - whatever a terminal (or a cat on the keyboard) can send: every byte,
    floods of escape sequences, mouse reports with absurd coordinates,
    bracketed paste, 10,000 keys in one write, resizes in mid-burst;
  - limits: a 1,000,000-line article, 50,000 glossary terms, 10,000-level
    nesting, a file that grows while it is read, a small address-space
    limit, SIGTERM and SIGPIPE.

The rule for all of them: never a crash in front of a patient.  After the
abuse the kiosk still runs, and going home shows exactly the home screen
of a fresh start (so no garbage is left on the screen), or, when it has to
stop, it says why and leaves the terminal as it found it.

The tests bring their own small content (make_content), so edits to the
bundled articles do not change them.  Known bugs in src/ that a test
exposes get xfail(strict=True) markers naming the bug until it is fixed
(the three this file found are fixed: invalid UTF-8 bytes ending the
kiosk, libcmark aborting on out-of-memory, SIGPIPE on a closed stderr).
"""

import os
import random
import re
import signal
import termios
import threading
import time

import pytest

from kiosk_pty import KIOSK, Kiosk, terminfo

TITLE = "Fault Test Clinic"
ART1 = "Before your visit"
ART2 = "Caring for your skin"
ART3 = "Fibroblast treatments"
LAST = ART3  # the last title on the home screen

ARTICLES = {
    "01-visits/before-your-visit.md": f"""---
title: {ART1}
description: What to bring, and what happens at the Şişli clinic.
order: 1
---
# {ART1}

Bring a list of your medicines. Autologous treatment uses your own cells.

## What happens on the day

A nurse from Uzunçakmak will check your details. “Ask us anything” — the
team is happy to explain [the basics](../02-skin/fibroblasts.md).

- Arrive ten minutes early.
- Bring your photo ID.

## After the visit

You may feel tired. A fibroblast is a skin cell.
""",
    "01-visits/skin-care.txt": f"""{ART2}

Your skin may feel tight for a few days. This is normal.

What to avoid
Do not scratch the treated area. Avoid hot baths for two days.
""",
    "02-skin/fibroblasts.md": f"""---
title: {ART3}
order: 1
---
# {ART3}

Fibroblast cells are grown from a small sample of your skin.

## Risks

Redness and swelling are common. Autologous cells rarely cause allergy.
""",
}
GLOSSARY = """# Glossary

## Autologous
Also: own-cell

Cells or tissue that come from your own body.

## Fibroblast

A skin cell that makes collagen.
"""

def _sanitized(path):
    """True for an AddressSanitizer build, which reserves terabytes of
    address space for its shadow memory and so cannot run under an
    address-space limit at all."""
    with open(path, "rb") as f:
        return b"__asan_init" in f.read()


# Time allowances grow under AddressSanitizer (`make asan`), which is
# several times slower on floods and huge files.
SLOW = 4 if os.access(KIOSK, os.R_OK) and _sanitized(KIOSK) else 1

RMCUP = (terminfo("xterm-256color", "rmcup") or "\x1b[?1049l").encode("latin-1")
SMCUP = (terminfo("xterm-256color", "smcup") or "\x1b[?1049h").encode("latin-1")


# ----- helpers ---------------------------------------------------------------

@pytest.fixture
def spawn_with(spawn, request):
    """Like spawn, for another program in front of the kiosk (prlimit, a
    wrapper); the kiosk is hung up after the test all the same."""
    def _spawn(program, args, **kw):
        k = Kiosk(args, program=program, **kw)
        request.node._kiosks.append(k)
        return k
    return _spawn


@pytest.fixture
def content(make_content):
    return make_content(ARTICLES, glossary=GLOSSARY)


@pytest.fixture
def normal_args(content, make_config):
    return ["--config", make_config(content, title=TITLE)]


@pytest.fixture
def locked_args(content, make_config):
    """Waiting-room mode: raw terminal, no key quits or suspends."""
    return ["--config", make_config(content, title=TITLE, extra="mode = waiting-room\n")]


def start(spawn, args, **kw):
    k = spawn(args, **kw)
    k.wait_for(re.escape(LAST), timeout=20)
    return k


def go_home(k, ref=None, tries=6):
    """Esc until the home screen shows, then Home: the state of a fresh
    start (first article selected).  First a pause longer than the
    kiosk's ESCDELAY (100 ms) with nothing sent, so that a sequence left
    incomplete by the abuse (an X10 mouse report waiting for its three
    bytes) times out instead of swallowing the keys sent here."""
    k.wait_quiet(quiet=0.4, first=0.2, timeout=30 * SLOW)
    for _ in range(tries):
        if k.find("Choose an article") and k.find(LAST) and k.find(TITLE):
            break
        k.send("esc")
        k.wait_quiet(first=0.5)
    k.send("home")
    k.wait_quiet(first=0.5)
    if ref is not None and k.lines() != ref:
        k.wait_quiet(quiet=0.4, first=0.2)  # one more go, after a pause
        k.send("home")
        k.wait_quiet(first=0.5)


def assert_alive(k, what):
    k._pump(0.2)
    if not k.alive():
        raise k.failure(f"the kiosk ended (status {k.status}) after {what}")


def assert_same_screen(k, ref, what):
    now = k.lines()
    if now != ref:
        diff = "\n".join(f"{i:3d} want|{a.rstrip()}\n    got |{b.rstrip()}"
                         for i, (a, b) in enumerate(zip(ref, now)) if a != b)
        raise k.failure(f"after {what} the home screen differs from a fresh one:\n{diff}")


def assert_restored(k, what):
    """The child has exited; the alternate screen was left after it was last
    entered, the cursor shown, and the tty modes are the ones it started
    with."""
    raw = bytes(k.raw)
    if SMCUP in raw:
        assert raw.rfind(RMCUP) > raw.rfind(SMCUP), \
            f"{what}: the alternate screen was not left; output ends {raw[-120:]!r}"
        assert raw.rfind(b"\x1b[?25h") > raw.rfind(b"\x1b[?25l"), f"{what}: the cursor was left hidden"
    now = k.termios_now()
    for name, idx, flag in (("ICANON", 3, termios.ICANON), ("ECHO", 3, termios.ECHO),
                            ("ISIG", 3, termios.ISIG), ("ICRNL", 0, termios.ICRNL),
                            ("IXON", 0, termios.IXON), ("OPOST", 1, termios.OPOST)):
        assert (now[idx] & flag) == (k.termios_start[idx] & flag), f"{what}: tty mode {name} not restored"


def write_slowly(k, chunks, gap=0.004):
    """Each chunk is its own write, with a short pause so that the kiosk
    reads them one by one (as keys typed, not as one paste)."""
    for c in chunks:
        k._write(c)
        k._pump(gap)


# ----- the content folder ----------------------------------------------------

def test_missing_content_folder_exits_2_with_a_message(spawn, tmp_path, make_config):
    missing = tmp_path / "no-such-folder"
    k = spawn(["--config", make_config(str(missing), title=TITLE)])
    assert k.wait_exit(10) == 2, k.failure(f"exit status {k.status}, expected 2")
    k._pump(0.1)
    text = bytes(k.raw).decode("utf-8", "replace")
    assert "no-such-folder" in text and re.search(r"not found|not a folder|cannot", text), \
        k.failure(f"no clear message naming the folder: {text!r}")
    assert SMCUP not in bytes(k.raw), "the screen was taken over before the content was checked"


def test_waiting_room_waits_calmly_for_a_missing_folder(spawn, tmp_path, make_config):
    """Unattended, a missing content folder is not an exit: a calm screen
    that picks the content up by itself once the folder appears."""
    missing = tmp_path / "content-later"
    k = spawn(["--config", make_config(str(missing), title=TITLE,
                                       extra="mode = waiting-room\nattract_timeout = 0\n")])
    k.wait_for(r"No articles are available right now")
    k.must_find("update by itself")
    assert k.alive(), k.failure("the kiosk ended")
    arts = missing / "articles"
    arts.mkdir(parents=True)
    (arts / "back.md").write_text("---\ntitle: Back again\n---\n\nHello.\n")
    k.wait_for(r"Back again", timeout=8)


def test_content_path_that_is_a_file_exits_2(spawn, tmp_path, make_config):
    f = tmp_path / "content-is-a-file"
    f.write_text("not a folder\n")
    k = spawn(["--config", make_config(str(f), title=TITLE)])
    assert k.wait_exit(10) == 2, k.failure(f"exit status {k.status}, expected 2")
    text = bytes(k.raw).decode("utf-8", "replace")
    assert "content-is-a-file" in text, k.failure(f"the message does not name the path: {text!r}")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 folder anyway; "
                    "the not-a-folder case above covers an unusable path")
def test_unreadable_content_folder(spawn, make_content, make_config):
    root = make_content(ARTICLES, glossary=GLOSSARY)
    os.chmod(root, 0)
    try:
        k = spawn(["--config", make_config(root, title=TITLE)])
        assert k.wait_exit(10) == 2, k.failure(f"exit status {k.status}, expected 2")
    finally:
        os.chmod(root, 0o755)


@pytest.mark.parametrize("layout", ["empty-articles", "no-articles-folder", "only-bad-files"])
def test_content_without_articles_shows_a_calm_screen(spawn, tmp_path, make_config, layout):
    root = tmp_path / "c"
    if layout == "empty-articles":
        (root / "articles").mkdir(parents=True)
    elif layout == "no-articles-folder":
        root.mkdir()
    else:
        (root / "articles").mkdir(parents=True)
        (root / "articles" / "blank.md").write_text("   \n\n")
        (root / "articles" / "binary.md").write_bytes(b"\x00\x01\x02PNG\xff")
        (root / "articles" / "notes.doc").write_text("ignored")
    k = spawn(["--config", make_config(str(root), title=TITLE)])
    k.wait_for(r"No articles are available right now")
    k.send("down", "enter", "tab", "end", "pgdn", "]", "s", "u")
    k.wait_quiet(first=0.3)
    for key in ("?", "esc", "/", "esc"):
        k.send(key)
        k.wait_quiet(first=0.3)
    assert_alive(k, "keys on the empty home screen")
    k.wait_for(r"No articles are available right now")
    k.send("q")
    assert k.wait_exit() == 0
    assert_restored(k, "q on the empty screen")


# ----- what a terminal can send ----------------------------------------------

# In normal mode these bytes quit, suspend or stop output by design:
# q, Ctrl-C (SIGINT), Ctrl-Z (SIGTSTP), Ctrl-\ (SIGQUIT), Ctrl-S/Ctrl-Q
# (flow control).  Waiting-room mode makes them all plain keys.
NORMAL_MODE_SKIP = {ord("q"), 0x03, 0x1a, 0x1c, 0x13, 0x11}



@pytest.mark.parametrize("mode", ["normal", "waiting-room"])
def test_every_byte_one_at_a_time(spawn, normal_args, locked_args, mode):
    args = locked_args if mode == "waiting-room" else normal_args
    k = start(spawn, args)
    ref = k.lines()
    skip = NORMAL_MODE_SKIP if mode == "normal" else set()
    write_slowly(k, [bytes([b]) for b in range(256) if b not in skip])
    k.wait_quiet(first=0.5, timeout=20)
    assert_alive(k, "every byte 0x00-0xff, one write each")
    go_home(k, ref)
    assert_same_screen(k, ref, "every byte 0x00-0xff")
    k.assert_stream_clean()


def test_invalid_utf8_bytes_in_one_write(spawn, locked_args):
    """Every byte 0x80-0xff in a single write (a Latin-1 paste)."""
    k = start(spawn, locked_args)
    ref = k.lines()
    k.send(bytes(range(0x80, 0x100)) * 4)
    k.wait_quiet(first=0.5)
    assert_alive(k, "1,024 invalid UTF-8 bytes in one write")
    go_home(k, ref)
    assert_same_screen(k, ref, "invalid UTF-8 in one write")
    k.assert_stream_clean()


def test_escape_sequence_flood(spawn, normal_args):
    """From an article (the F1s in it open the help too)."""
    k = start(spawn, normal_args)
    ref = k.lines()
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(ART1))
    burst = b"\x1b[A\x1b[B\x1bOP\x1b[1;5C" * 2000
    t0 = time.monotonic()
    k.send(burst)
    k.wait_quiet(first=1, timeout=30 * SLOW)
    took = time.monotonic() - t0
    assert_alive(k, "2,000 copies of Up, Down, F1, Ctrl-Right")
    assert took < 20 * SLOW, k.failure(f"the kiosk needed {took:.1f}s to work through 32 KB of keys")
    go_home(k, ref)
    assert_same_screen(k, ref, "an escape-sequence flood")
    k.assert_stream_clean()


# Broken and partial sequences a line or a terminal can produce.
ODD_SEQUENCES = [
    b"\x1b[", b"\x1b[999999999999999999999A", b"\x1b[;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;;m",
    b"\x1b[?" + b"1;" * 500 + b"h", b"\x1bO", b"\x1bOZ", b"\x1b[1;5", b"\x1b[200",
    b"\x1b]0;title\x07", b"\x1b]8;;http://x\x1b\\", b"\x1bP+q544e\x1b\\", b"\x1b[>0c",
    b"\x1b[0n", b"\x1b[24;80R", b"\x1b[I", b"\x1b[O", b"\x1b\x1b\x1b\x1b", b"\x9b31m",
    b"\x1b[15~", b"\x1b[6;3~", b"\x1b[Z", b"\x1b[3;1000000~", b"\x1bN", b"\x1b[" + b"9" * 5000,
]


def test_broken_escape_sequences(spawn, locked_args):
    k = start(spawn, locked_args)
    ref = k.lines()
    for seq in ODD_SEQUENCES:
        k.send(seq)
        k._pump(0.02)
    k.send(b"".join(ODD_SEQUENCES) * 3)
    k.wait_quiet(first=1, timeout=30)
    assert_alive(k, "broken escape sequences")
    go_home(k, ref)
    assert_same_screen(k, ref, "broken escape sequences")


MOUSE_REPORTS = [
    # SGR (mode 1006): press/release far outside the screen, at 0, negative,
    # overlong numbers, wheel, drag, every modifier.
    b"\x1b[<0;9999;9999M", b"\x1b[<0;9999;9999m", b"\x1b[<0;0;0M", b"\x1b[<0;0;0m",
    b"\x1b[<0;-5;-5M", b"\x1b[<64;9999;1M", b"\x1b[<65;1;9999M", b"\x1b[<32;400;300M",
    b"\x1b[<0;99999999999999999999;1M", b"\x1b[<2;1;1M", b"\x1b[<127;1;1M",
    b"\x1b[<0;1M", b"\x1b[<;;M", b"\x1b[<0;5;5", b"\x1b[<" + b"1;" * 300 + b"M",
    # X10 / normal: "\x1b[M" then button, column and row, each + 32.
    b"\x1b[M \xff\xff", b"\x1b[M\x00\x00\x00", b"\x1b[M#!!", b"\x1b[M`\xff\xff",
    b"\x1b[Ma!!", b"\x1b[M", b"\x1b[M ", b"\x1b[M  ",
    # urxvt (1015).
    b"\x1b[32;9999;9999M",
]


@pytest.mark.parametrize("where", ["home", "article"])
def test_mouse_reports_with_absurd_coordinates(spawn, locked_args, where):
    k = start(spawn, locked_args)
    ref = k.lines()
    if where == "article":
        k.send("enter")
        k.wait_for(r"\A[^\n]*" + re.escape(ART1))
    for rep in MOUSE_REPORTS:
        k.send(rep)
        k._pump(0.02)
    k.send(b"".join(MOUSE_REPORTS) * 10)
    k.wait_quiet(first=1, timeout=30)
    assert_alive(k, "mouse reports with absurd coordinates")
    go_home(k, ref)
    assert_same_screen(k, ref, "mouse reports")
    k.assert_stream_clean()


def test_bracketed_paste(spawn, locked_args):
    """Waiting-room mode, so that a q in the pasted text is a plain key."""
    k = start(spawn, locked_args)
    ref = k.lines()
    text = ("Şişli and Uzunçakmak “quoted” — pasted text, quit\r\n" * 50
            + "\x1b[A\x1b[B\t\t\r" + "x" * 3000 + "\x1b[200~nested\x1b[201~")
    paste = b"\x1b[200~" + text.encode("utf-8") + b"\x1b[201~"
    k.send(paste)
    k.wait_quiet(first=1, timeout=30)
    assert_alive(k, "a bracketed paste")
    # And into the search box, where typed text goes.
    go_home(k)
    k.send("/")
    k.wait_quiet()
    k.send(paste)
    k.wait_quiet(first=1, timeout=30)
    assert_alive(k, "a bracketed paste into search")
    go_home(k, ref)
    assert_same_screen(k, ref, "bracketed paste")
    k.assert_stream_clean()


def test_ten_thousand_keys_in_one_write(spawn, normal_args):
    k = start(spawn, normal_args)
    ref = k.lines()
    rnd = random.Random(20261122)
    names = ["down", "up", "pgdn", "pgup", "tab", "btab", "enter", "esc", "home",
             "end", "left", "right", "space", "backspace", "f1"]
    plain = [b"]", b"[", b"s", b"?", b"n", b"N", b"/", b"x", b"7", "é".encode()]
    keys = [k.key_bytes(n) for n in names] + plain
    data = b"".join(rnd.choice(keys) for _ in range(10000))
    t0 = time.monotonic()
    k.send(data)
    k.wait_quiet(first=1, timeout=45 * SLOW)
    took = time.monotonic() - t0
    assert_alive(k, "10,000 keys in one write")
    assert took < 30 * SLOW, k.failure(f"10,000 keys took {took:.1f}s to settle")
    # Backspace and Left no longer leave a search box (issue 16), so the
    # walk can end deep in the history: as many Esc as it may hold
    go_home(k, ref, tries=70)
    assert_same_screen(k, ref, "10,000 keys")
    k.assert_stream_clean()


def test_resizes_in_the_middle_of_a_burst(spawn, normal_args):
    k = start(spawn, normal_args)
    ref = k.lines()
    burst = (k.key_bytes("down") + b"\t" + k.key_bytes("pgdn") + b"]") * 300
    for cols, rows in ((120, 40), (20, 5), (200, 60), (2, 1), (1, 1), (45, 9),
                       (300, 100), (80, 24)):
        k._write(burst[: len(burst) // 2])
        k.resize(cols, rows)
        k._write(b"\r" + burst[len(burst) // 2:])
        k._pump(0.05)
        k.resize(cols, rows)  # the pyte screen follows the last size
    k.wait_quiet(first=1, timeout=30)
    assert_alive(k, "resizes in the middle of key bursts")
    go_home(k, ref)
    assert_same_screen(k, ref, "resizes in mid-burst")


# ----- limits ----------------------------------------------------------------

def test_million_line_article(spawn, make_content, make_config):
    body = "".join(f"Line {i}\n" for i in range(1, 1000001))
    root = make_content({"01-big/huge-leaflet.txt": "A very long leaflet\n\n" + body + "\nTHE END MARKER\n"})
    k = spawn(["--config", make_config(root, title=TITLE)])
    k.wait_for(r"A very long leaflet", timeout=40 * SLOW)
    k.send("enter")
    k.wait_for(r"Line 1\b", timeout=40 * SLOW)
    k.send("end")
    k.wait_for(r"THE END MARKER", timeout=20 * SLOW)
    k.send("home")
    k.wait_for(r"Line 1\b", timeout=20 * SLOW)
    k.send("q")
    assert k.wait_exit(20 * SLOW) == 0
    assert_restored(k, "q after the million-line article")


def test_fifty_thousand_glossary_terms(spawn, make_content, make_config):
    gl = "# Glossary\n\n" + "".join(f"## Term{i:05d}\n\nDefinition number {i}.\n\n" for i in range(50000))
    art = "# Many terms\n\nFirst Term00007 and then Term49999 in one line.\n"
    root = make_content({"a/many-terms.md": art}, glossary=gl)
    k = spawn(["--config", make_config(root, title=TITLE)])
    k.wait_for(r"Many terms", timeout=30 * SLOW)
    k.send("enter")
    k.wait_for(r"Term49999", timeout=20 * SLOW)
    k.send("tab", "tab", "enter")
    k.wait_for(r"Definition number 49999", timeout=10)
    assert_alive(k, "a 50,000-term glossary")


@pytest.mark.parametrize("kind", ["list", "ordered", "quote", "mixed"])
def test_ten_thousand_levels_of_nesting(spawn, make_content, make_config, kind):
    nest = {"list": "- " * 10000, "ordered": "1. " * 10000, "quote": "> " * 10000,
            "mixed": "> - 1. " * 3334}[kind]
    art = f"# Deep\n\nBefore it.\n\n{nest}the deepest words\n\nAfter it.\n"
    root = make_content({"a/deep.md": art})
    k = spawn(["--config", make_config(root, title=TITLE)])
    k.wait_for(r"Deep", timeout=20)
    k.send("enter")
    k.wait_for(r"the deepest words", timeout=20)
    k.wait_for(r"After it\.")
    for cols, rows in ((20, 6), (1, 1), (80, 24)):
        k.resize(cols, rows)
        k.wait_quiet(first=1)
    k.wait_for(r"the deepest words")
    assert_alive(k, f"10,000 levels of {kind}")
    k.send("q")
    assert k.wait_exit() == 0


def test_file_growing_while_it_is_read(spawn, make_content, make_config):
    root = make_content({"a/growing.md": "# Growing leaflet\n\nThe first paragraph.\n\n"})
    path = os.path.join(root, "articles", "a", "growing.md")
    stop = threading.Event()

    def grow():
        n = 0
        with open(path, "a", encoding="utf-8") as f:
            while not stop.is_set() and n < 40000:
                f.write(f"Paragraph {n}, appended while the kiosk reads.\n\n")
                f.flush()
                n += 1
                if n % 200 == 0:
                    time.sleep(0.01)
            f.write("## The end\n\nTHE END MARKER\n")

    t = threading.Thread(target=grow)
    k = spawn(["--config", make_config(root, title=TITLE)])
    t.start()
    try:
        k.wait_for(r"Growing leaflet", timeout=20)
        k.send("enter")
        k.wait_quiet(first=1, timeout=20)
        for _ in range(20):
            k.send("pgdn")
            k._pump(0.05)
    finally:
        stop.set()
        t.join()
    assert_alive(k, "reading a file that grows")
    # The watcher reloads about 0.3 s after the last change.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        k.send("end")
        k.wait_quiet(first=0.5)
        if k.find("THE END MARKER"):
            break
        k._pump(0.5)
    assert k.find("THE END MARKER"), k.failure("the finished file never showed its end")


def _vm_peak_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmPeak:"):
                return int(line.split()[1])
    return 0


@pytest.mark.parametrize("margin_mb", [12, 40, 120])
def test_small_address_space_limit(spawn, spawn_with, kiosk_bin, make_content, make_config,
                                   margin_mb):
    """Starts fine, but cannot afford to lay out a big article: the kiosk
    must say so and restore the terminal (the limit is measured: the
    start-up's own peak plus margin_mb)."""
    if _sanitized(kiosk_bin):
        pytest.skip("an AddressSanitizer build cannot start under an address-space limit")
    body = "".join(f"Paragraph {i} of a very long article.\n\n" for i in range(250000))
    root = make_content({"a/huge.md": "# Huge article\n\n" + body,
                         "a/small.md": "# Small article\n\nHello.\n"})
    args = ["--config", make_config(root, title=TITLE)]
    probe = spawn(args)
    probe.wait_for(r"Small article", timeout=20)
    peak = _vm_peak_kb(probe.pid)
    probe.close()
    limit = (peak + margin_mb * 1024) * 1024
    k = spawn_with("/usr/bin/prlimit", [f"--as={limit}", kiosk_bin] + args)
    k.wait_for(r"Small article", timeout=20)
    k.send("home", "enter")
    deadline = time.monotonic() + 30
    while k.alive() and time.monotonic() < deadline:
        if k.find("Paragraph 1 of"):
            break
        k._pump(0.1)
    if k.alive():
        # It fitted after all: still a pass if it stays usable.
        k.send("end")
        k.wait_quiet(first=1, timeout=30)
        assert_alive(k, "opening a big article under an address-space limit")
        return
    k.wait_exit()
    k._pump(0.2)
    assert_restored(k, f"running out of memory (limit start+{margin_mb} MB)")
    raw = bytes(k.raw)
    after = raw[raw.rfind(RMCUP) + len(RMCUP):] if RMCUP in raw else raw
    assert k.status == 70, k.failure(f"exit status {k.status}, expected 70 (out of memory)")
    assert b"out of memory" in after, \
        k.failure(f"no 'out of memory' message after the screen was restored: {after[-200:]!r}")


def test_sigterm_ends_cleanly(spawn, normal_args):
    k = start(spawn, normal_args)
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(ART1))
    os.kill(k.pid, signal.SIGTERM)
    st = k.wait_exit(10)
    assert st == 0 or st == 128 + signal.SIGTERM, k.failure(f"SIGTERM: exit status {st}")
    assert_restored(k, "SIGTERM")


def test_sigterm_in_waiting_room_mode(spawn, locked_args):
    k = start(spawn, locked_args)
    os.kill(k.pid, signal.SIGTERM)
    st = k.wait_exit(10)
    assert st == 0 or st == 128 + signal.SIGTERM, k.failure(f"SIGTERM: exit status {st}")
    assert_restored(k, "SIGTERM in waiting-room mode")


def test_sigpipe_is_ignored(spawn, normal_args):
    """term.h: SIGPIPE is ignored (a closed log pipe must not end the
    kiosk); a stray one changes nothing, and q still ends cleanly."""
    k = start(spawn, normal_args)
    for _ in range(3):
        os.kill(k.pid, signal.SIGPIPE)
    k._pump(0.3)
    assert_alive(k, "SIGPIPE")
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(ART1))
    k.send("q")
    assert k.wait_exit() == 0
    assert_restored(k, "q after SIGPIPE")


_BROKEN_STDERR = (
    "import os, signal, sys\n"
    "r, w = os.pipe()\n"
    "os.close(r)\n"
    "os.dup2(w, 2)\n"
    "signal.signal(signal.SIGPIPE, signal.SIG_DFL)\n"
    "os.execv(sys.argv[1], sys.argv[1:])\n")


def test_stderr_pipe_closed_by_its_reader(spawn_with, kiosk_bin, normal_args):
    """The log goes to stderr when stderr is not the screen; a reader that
    went away (a crashed logger) must not take the kiosk with it."""
    k = spawn_with("/usr/bin/python3", ["-c", _BROKEN_STDERR, kiosk_bin] + normal_args)
    k.wait_for(re.escape(LAST), timeout=20)
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(ART1))
    k.send("q")
    assert k.wait_exit() == 0
    assert_restored(k, "q with a broken stderr pipe")
