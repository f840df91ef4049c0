"""
End-to-end tests of waiting-room mode (docs/deploy-console.md) and of how
the kiosk looks on the terminals it is deployed on: the real ./kiosk in a
pty, checked by what a person at the keyboard sees.

Timeouts are short (idle_timeout = 2 or 3, attract_timeout = 1 or 3), so
the waits here are a few seconds each; the kiosks whose idle CPU use is
measured sit idle while the other tests run (fixture idle_kiosks).  The
one slow behaviour (the PIN box closing by itself after 20 s) runs only
with KIOSK_SLOW_TESTS=1.
"""

import os
import re
import shutil
import subprocess
import termios
import time

import pytest

from conftest import BUNDLED_CONTENT, BUNDLED_TITLE
from kiosk_pty import Kiosk, terminfo
from test_core import (ARTICLES, ARTICLES_SHOWN, THERAPY, THERAPY_FIRST_TEXT, THERAPY_SECTIONS,
                       TOPICS, focus_on, goto_section, header, home,
                       open_article, section_no, selected_article)

PIN = "246813"
WRONG_PIN = "135792"
CHORD = ("\x18", "\x05")            # Ctrl-X, then Ctrl-E
COUNTDOWN = r"In (\d+) seconds? this goes back"
ATTRACT = r"Press any key to start"
HOME_HINT = r"Choose an article"
PANE_HINT = r"Esc: Close"           # the glossary pane's last line
TERM_TEXT = "Stem cell therapy"     # a glossary term: THERAPY_FIRST_TEXT starts with it
PLAIN_TEXT = "uses living cells"    # plain words right after it


# ----- helpers ---------------------------------------------------------------

@pytest.fixture(scope="module")
def pin_line(kiosk_bin):
    """The kiosk.conf line for PIN, made as staff make it (--hash-pin)."""
    r = subprocess.run([kiosk_bin, "--hash-pin"], input=f"{PIN}\n".encode(),
                       capture_output=True, timeout=20)
    assert r.returncode == 0, f"--hash-pin failed ({r.returncode}): {r.stderr!r}"
    return r.stdout.decode().strip()


@pytest.fixture
def waiting_room(make_config, pin_line):
    """Factory: --config arguments for waiting-room mode on the bundled
    content (long idle timeout and no attract screen unless asked)."""
    def _args(idle=300, attract=0):
        extra = (f"mode = waiting-room\nidle_timeout = {idle}\n"
                 f"attract_timeout = {attract}\n{pin_line}\n")
        return ["--config", make_config(BUNDLED_CONTENT, extra=extra)]
    return _args


def proc_stat(pid):
    """(state, utime + stime in clock ticks) of a running process."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return fields[0], int(fields[11]) + int(fields[12])


def settle(k, seconds):
    """Reads the kiosk's output for `seconds` without typing anything."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        k.alive()
        time.sleep(0.05)


def open_chord(k):
    k.send(CHORD[0])
    k.send(CHORD[1])
    k.wait_for(r"Staff exit")


def try_pin(k, pin):
    """Types pin into the open PIN box and presses Enter; returns once the
    box has taken it (the stars are cleared again)."""
    k.send(pin)
    k.wait_for(r"PIN: \*{%d}" % len(pin))
    assert pin not in k.text(), k.failure("the PIN is shown in clear")
    k.send("enter")
    k.wait_gone(r"PIN: \*")


def assert_terminal_restored(k):
    """After exit: the alternate screen left, the cursor shown, and the
    terminal modes (including the ones raw mode turns off) as before."""
    raw = bytes(k.raw)
    rmcup = terminfo(k.term, "rmcup").encode("latin-1")
    smcup = terminfo(k.term, "smcup").encode("latin-1")
    assert smcup in raw and raw.rfind(rmcup) > raw.rfind(smcup), \
        f"the alternate screen was not left; stream ends {raw[-80:]!r}"
    assert raw.rfind(b"\x1b[?25h") > raw.rfind(b"\x1b[?25l"), "the cursor was left hidden"
    now, start = k.termios_now(), k.termios_start
    for name, idx, flag in (("ICANON", 3, termios.ICANON), ("ECHO", 3, termios.ECHO),
                            ("ISIG", 3, termios.ISIG), ("IXON", 0, termios.IXON),
                            ("ICRNL", 0, termios.ICRNL), ("OPOST", 1, termios.OPOST)):
        assert (now[idx] & flag) == (start[idx] & flag), f"terminal mode {name} not restored"


def home_is_fresh(k):
    """Fails unless the fresh home screen is shown: kiosk title, every
    article listed, the first one selected, no pane, no countdown."""
    text = k.text()
    assert BUNDLED_TITLE in header(k), k.failure("the home screen's title is not in the header")
    assert re.search(HOME_HINT, text), k.failure("this is not the home screen")
    for title, _ in ARTICLES_SHOWN:
        assert title in text, k.failure(f"{title!r} is not listed")
    assert not re.search(PANE_HINT, text), k.failure("a glossary pane is still open")
    assert not re.search(COUNTDOWN, text), k.failure("the countdown is shown on a fresh home screen")
    assert selected_article(k) == ARTICLES[0][0], k.failure("the first article is not the selected one")


def cells(k):
    return [(y, x, k.cell(y, x)) for y in range(k.rows) for x in range(k.cols)]


def assert_no_italic(k, where):
    it = [(y, x) for y, x, c in cells(k) if c["italic"]]
    assert not it, k.failure(f"{where}: {len(it)} cells are italic (first at {it[0]}); "
                             f"this terminal cannot show italics")


def assert_ascii(k, where):
    bad = sorted({c for c in k.text() if ord(c) > 127})
    assert not bad, k.failure(f"{where}: non-ASCII characters on the screen: {bad}")


def term_and_plain(k):
    """Styles of the glossary term at the start of THERAPY's first line and
    of the plain words after it (the article must be open at its top)."""
    row, col = k.must_find(THERAPY_FIRST_TEXT)
    term = [k.style(row, col + i) for i in range(len(TERM_TEXT))]
    assert all(s == term[0] for s in term), k.failure(f"the letters of {TERM_TEXT!r} are not drawn alike: {term}")
    plain = k.style(*k.must_find(PLAIN_TEXT))
    return term[0], plain


def assert_term_marked_without_colour(k):
    """The term differs from plain text by bold or underline, not only by
    colour (colour-blind readers, monochrome screens)."""
    term, plain = term_and_plain(k)
    assert term["bold"] or term["underline"], k.failure(f"the term is neither bold nor underlined: {term}")
    shape = [(s["bold"], s["underline"]) for s in (term, plain)]
    assert shape[0] != shape[1], k.failure(
        f"the term differs from plain text by colour alone: term {term}, plain {plain}")


# ----- keys that must not get anyone out -----------------------------------

def _fkey(n):
    return terminfo("xterm-256color", f"kf{n}").encode("latin-1")


CONTROL_KEYS = [
    ("q", b"q"), ("Q", b"Q"), ("Ctrl-C", b"\x03"), ("Ctrl-Z", b"\x1a"),
    ("Ctrl-\\", b"\x1c"), ("Ctrl-D", b"\x04"), ("Ctrl-S", b"\x13"),
    ("Ctrl-Q", b"\x11"), ("Ctrl-E alone", b"\x05"), ("Ctrl-X alone", b"\x18"),
]
F2_TO_F12 = b"".join(_fkey(n) for n in range(2, 13))


def test_escape_keys_do_nothing(spawn, waiting_room):
    # Each key is followed by ] or [ (next / previous section): once that
    # shows, the key before it has been handled, and the kiosk still
    # answers (a stopped process, or output held by Ctrl-S flow control,
    # would not).  The screen must then be exactly the one ] or [ gives.
    k = home(spawn, waiting_room())
    open_article(k, THERAPY)
    goto_section(k, 3)
    screens = {3: k.lines()}
    k.send("[")
    k.wait_for(r"Section 2 of")
    screens[2] = k.lines()
    keys = CONTROL_KEYS + [("F2 to F12", F2_TO_F12)]
    for i, (name, data) in enumerate(keys):
        probe, sec = ("]", 3) if i % 2 == 0 else ("[", 2)
        k.send(data, probe)
        try:
            k.wait_for(r"Section %d of" % sec, timeout=3)
        except AssertionError:
            state = proc_stat(k.pid)[0] if k.alive() else "exited"
            raise k.failure(f"after {name} the kiosk no longer answers keys (process state {state!r}, "
                            f"status {k.status})")
        assert k.alive(), k.failure(f"{name} ended the kiosk (status {k.status})")
        assert k.lines() == screens[sec], k.failure(f"{name} changed what the screen shows")
    # F1 is the documented help key: harmless, and Esc comes back.
    k.send("f1")
    k.wait_for(r"Help")
    k.send("esc")
    k.wait_for(r"Section %d of" % sec)
    assert k.lines() == screens[sec], k.failure("after F1 (help) and Esc the article is not as it was")


# ----- staff exit --------------------------------------------------------------

def try_pin_and_exit(k, pin):
    k.send(pin)
    k.wait_for(r"PIN: \*{%d}" % len(pin))
    k.send("enter")
    assert k.wait_exit(timeout=5) == 0, k.failure(f"the right PIN ended the kiosk with status {k.status}")
    assert_terminal_restored(k)


def test_staff_exit_with_pin_and_rate_limit(spawn, waiting_room):
    k = home(spawn, waiting_room())
    open_article(k, THERAPY)
    open_chord(k)
    assert re.search(r"Type the PIN", k.text()), k.failure("the box does not say what to do")
    try_pin(k, WRONG_PIN)
    assert re.search(r"Wrong PIN\.", k.text()), k.failure("a wrong PIN was not refused")
    assert k.alive(), k.failure("a wrong PIN ended the kiosk")
    k.send("esc")
    k.wait_gone(r"Staff exit")
    assert k.alive() and THERAPY in header(k), k.failure("Esc did not go back to the article")
    k.send("]")
    k.wait_for(r"Section 2 of")  # keys reach the article again
    open_chord(k)
    assert "Wrong PIN" not in k.text(), k.failure("a new box still shows the last message")
    # Two more wrong PINs: three in a row (closing the box does not
    # start the count again) ...
    for i in (2, 3):
        try_pin(k, WRONG_PIN)
        assert re.search(r"Wrong PIN\.", k.text()), k.failure(f"wrong PIN number {i} was not refused")
    third = time.monotonic()
    # ... so the fourth try must wait, even with the right PIN.
    try_pin(k, PIN)
    m = re.search(r"Too many tries\. Wait (\d+) s\.", k.text())
    assert m, k.failure("the fourth try, right after three wrong PINs, did not say to wait")
    assert 1 <= int(m.group(1)) <= 2, k.failure(f"after three wrong PINs the wait should be 2 s, not {m.group(1)} s")
    assert k.alive(), k.failure("the right PIN got through during the wait")
    settle(k, max(0.0, third + 2.2 - time.monotonic()))
    assert k.alive()
    # After the wait the right PIN ends the kiosk, status 0.
    try_pin_and_exit(k, PIN)


def test_pin_box_fits_at_40x12(spawn, waiting_room):
    k = spawn(waiting_room(), cols=40, rows=12)
    k.wait_for(TOPICS[0])
    open_chord(k)
    lines = k.lines()
    for want in ("Staff exit", "Type the PIN, then press Enter.", "PIN:", "Esc: back to the kiosk"):
        assert any(want in ln for ln in lines), k.failure(f"{want!r} is cut off or missing at 40x12")
    try_pin(k, WRONG_PIN)
    assert re.search(r"Wrong PIN\.", k.text()), k.failure("the message is cut off at 40x12")


@pytest.mark.skipif(not os.environ.get("KIOSK_SLOW_TESTS"),
                    reason="takes 20 s (the PIN box times out after 20 s); run with KIOSK_SLOW_TESTS=1")
def test_pin_box_closes_by_itself(spawn, waiting_room):
    k = home(spawn, waiting_room())
    open_article(k, THERAPY)
    open_chord(k)
    opened = time.monotonic()
    k.send("12")
    k.wait_for(r"PIN: \*\*")
    k.wait_gone(r"Staff exit", timeout=25)
    waited = time.monotonic() - opened
    assert 19 <= waited <= 22, k.failure(f"the box closed after {waited:.1f} s, not 20 s")
    assert k.alive() and THERAPY in header(k)
    open_chord(k)
    assert not re.search(r"PIN: \*", k.text()), k.failure("the half-typed PIN was kept")


# ----- idle reset, countdown, attract screen -----------------------------------

def test_idle_reset_forgets_everything(spawn, waiting_room):
    k = home(spawn, waiting_room(idle=3))
    # A session with history: the second article, its link to the first,
    # the third section there, and an explanation open.
    k.send("down")
    k.wait_quiet()
    assert selected_article(k) == ARTICLES[1][0]
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(ARTICLES[1][0]))
    focus_on(k, THERAPY)  # the link in its introduction
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(THERAPY))
    k.send("]", "]")
    k.wait_for(r"Section 3 of")
    k.send("tab")
    k.wait_quiet()
    k.send("enter")
    k.wait_for(PANE_HINT)
    last_key = time.monotonic()

    seen = []  # countdown numbers, in the order shown
    while not re.search(HOME_HINT, k.text()):
        m = re.search(COUNTDOWN, k.lines()[-1])
        if m and (not seen or seen[-1] != int(m.group(1))):
            seen.append(int(m.group(1)))
        if time.monotonic() - last_key > 6:
            raise k.failure(f"no reset 6 s after the last key (idle_timeout = 3); countdown seen: {seen}")
        assert k.alive()
        time.sleep(0.03)
    after = time.monotonic() - last_key
    k.wait_quiet(first=0)
    assert 2.7 <= after <= 4.5, k.failure(f"the reset came {after:.1f} s after the last key, not 3 s")
    assert seen, k.failure("no countdown was shown in the bottom line before the reset")
    assert seen == sorted(seen, reverse=True) and seen[-1] == 1 and len(seen) >= 2, \
        k.failure(f"the countdown did not count down to 1: {seen}")
    home_is_fresh(k)

    # The history is gone: Back keys stay on the home screen.
    for key in ("esc", "backspace", "left"):
        k.send(key)
        k.wait_quiet(first=0.2)
        assert BUNDLED_TITLE in header(k) and re.search(HOME_HINT, k.text()), \
            k.failure(f"{key} after the reset went back into the last patient's session")
        home_is_fresh(k)
    # Enter opens the first article, at its top, without the pane.
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(THERAPY))
    assert section_no(k)[0] == 1, k.failure("the first article did not open at its start")
    assert k.must_find(THERAPY_FIRST_TEXT)[0] <= 2, k.failure("the first article is not shown from the top")
    assert not re.search(PANE_HINT, k.text()), k.failure("the last patient's explanation pane came back")


def test_key_during_countdown_keeps_session(spawn, waiting_room):
    # idle 4 s: the countdown shows at once (it covers the last 10 s), and
    # the margins below leave room for a slow (sanitizer) build.
    k = home(spawn, waiting_room(idle=4))
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    k.send("]")
    last = time.monotonic()  # the session would end at last + 4
    k.wait_for(r"Section 2 of")
    k.wait_for(COUNTDOWN)
    settle(k, max(0.0, last + 2.0 - time.monotonic()))
    k.send("x")  # a key with no other meaning
    pressed = time.monotonic()
    # Past the time the session would have ended without that key:
    settle(k, max(0.0, last + 4.8 - time.monotonic()))
    if time.monotonic() - pressed >= 3.6:
        pytest.skip("the machine was too slow to check before the new deadline")
    assert THERAPY in header(k) and section_no(k)[0] == 2, \
        k.failure("a key during the countdown did not keep the article")
    # ... and the session does end idle_timeout after that key.
    k.wait_for(HOME_HINT, timeout=8)
    assert time.monotonic() - pressed >= 3.7, k.failure("the reset came too soon after the key")
    home_is_fresh(k)


def test_attract_screen(spawn, waiting_room):
    started = time.monotonic()
    k = spawn(waiting_room(idle=2, attract=3))
    k.wait_for(re.escape(ARTICLES_SHOWN[-1][0]))
    k.wait_for(ATTRACT, timeout=6)
    waited = time.monotonic() - started
    assert 2.8 <= waited <= 4.5, k.failure(f"the attract screen came after {waited:.1f} s, not 3 s")
    text = k.text()
    assert BUNDLED_TITLE in text, k.failure("the attract screen does not name the clinic")
    assert not any(t in text for t, _ in ARTICLES), k.failure("the article list shows through the attract screen")
    k.send("enter")  # would open the first article on the home screen
    k.wait_for(HOME_HINT)
    k.wait_quiet(first=0.3)
    assert not re.search(ATTRACT, k.text())
    assert THERAPY_FIRST_TEXT not in k.text(), k.failure("the key that woke the kiosk also opened an article")
    home_is_fresh(k)


IDLE_WINDOW = 5  # seconds: the shortest stretch the idle kiosks are measured over


@pytest.fixture(scope="module", autouse=True)
def idle_kiosks(kiosk_bin, pin_line, tmp_path_factory):
    """Three kiosks that sit idle while the rest of this module runs, for
    test_idle_uses_no_cpu (so its 5 s and more of idling cost no extra
    time): waiting-room mode on the attract screen, waiting-room mode on
    the home screen (no attract screen), and normal mode on an article.
    Each on its own copy of the content, which nothing edits.  Returns
    {name: (kiosk, ticks, bytes written, screen, time)} taken once each
    is idle."""
    d = tmp_path_factory.mktemp("idle")
    content = str(d / "content")
    shutil.copytree(BUNDLED_CONTENT, content)

    def conf(name, extra):
        path = d / f"{name}.conf"
        path.write_text(f"[kiosk]\ntitle = {BUNDLED_TITLE}\ncontent = {content}\n{extra}")
        return ["--config", str(path)]

    wr = f"mode = waiting-room\nidle_timeout = 2\n{pin_line}\n"
    kiosks = {
        "waiting-room, attract screen": Kiosk(conf("attract", wr + "attract_timeout = 1\n"), program=kiosk_bin),
        "waiting-room, home screen": Kiosk(conf("home", wr + "attract_timeout = 0\n"), program=kiosk_bin),
        "normal mode, article": Kiosk(conf("normal", ""), program=kiosk_bin),
    }
    try:
        attract, home_k, reader = kiosks.values()
        reader.wait_for(re.escape(ARTICLES_SHOWN[-1][0]))
        reader.send("enter")
        reader.wait_for(re.escape(THERAPY_FIRST_TEXT))
        home_k.wait_for(re.escape(ARTICLES_SHOWN[-1][0]))
        attract.wait_for(ATTRACT, timeout=5)
        base = {}
        for n, k in kiosks.items():
            k.wait_quiet(first=0)
            base[n] = (k, proc_stat(k.pid)[1], len(k.raw), k.lines(), time.monotonic())
        yield base
    finally:
        for k in kiosks.values():
            k.close()


def test_idle_uses_no_cpu(idle_kiosks):
    # 0 ticks expected (the kiosk blocks in poll() without a timeout);
    # 1 tick (10 ms) allowed for scheduling noise.
    since = min(t for *_, t in idle_kiosks.values())
    settle_for = since + IDLE_WINDOW - time.monotonic()
    if settle_for > 0:
        time.sleep(settle_for)
    used = {}
    for n, (k, ticks0, raw0, screen0, t0) in idle_kiosks.items():
        used[n] = proc_stat(k.pid)[1] - ticks0 if k.alive() else None
    window = time.monotonic() - since
    print(f"\nidle CPU over {window:.1f} s: " +
          "; ".join(f"{n}: {t} ticks ({t * 10} ms)" for n, t in used.items() if t is not None))
    for n, (k, ticks0, raw0, screen0, t0) in idle_kiosks.items():
        assert used[n] is not None, k.failure(f"{n}: the kiosk ended while idle (status {k.status})")
        allowed = 1
        if "attract" in n:
            # the attract text moves every 8 s so nothing burns in (issue
            # 16): one small frame each time, nothing in between
            moves = int(window // 8) + 1
            allowed += moves
            assert len(k.raw) - raw0 <= moves * 1500, k.failure(
                f"{n}: wrote {len(k.raw) - raw0} bytes for {moves} moves")
            assert re.search(ATTRACT, k.text()), k.failure(f"{n}: the attract screen went away")
        else:
            assert len(k.raw) == raw0, k.failure(f"{n}: wrote {len(k.raw) - raw0} bytes while idle")
            assert k.lines() == screen0, k.failure(f"{n}: the screen changed with no key pressed")
        assert used[n] <= allowed, k.failure(f"{n}: {used[n]} ticks ({used[n] * 10} ms) of CPU in "
                                             f"{window:.1f} s idle; expected at most {allowed}")
    # The attract screen still answers: a key brings the home screen back.
    k = idle_kiosks["waiting-room, attract screen"][0]
    k.send("enter")
    k.wait_for(HOME_HINT)


# ----- terminals and themes ------------------------------------------------------

def test_linux_console(spawn, bundled):
    k = home(spawn, bundled, term="linux")
    for name in TOPICS + [t for t, _ in ARTICLES_SHOWN]:
        k.must_find(name)
    assert_no_italic(k, "home screen")
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    assert THERAPY in header(k)
    assert_no_italic(k, "article")
    assert_term_marked_without_colour(k)
    k.send("tab")
    k.wait_quiet()
    k.send("enter")
    k.wait_for(PANE_HINT)
    assert_no_italic(k, "article with the glossary pane")


@pytest.mark.parametrize("term", ["vt100", "vt220"])
def test_old_terminals_ascii_and_readable(spawn, bundled, term):
    k = home(spawn, bundled, term=term)
    assert BUNDLED_TITLE in header(k)
    for name in TOPICS + [t for t, _ in ARTICLES_SHOWN]:
        k.must_find(name)
    assert selected_article(k) == ARTICLES[0][0]
    assert_ascii(k, "home screen")
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    assert THERAPY in header(k) and section_no(k) == (1, len(THERAPY_SECTIONS))
    assert_ascii(k, "article")
    assert_term_marked_without_colour(k)
    k.send("tab")
    k.wait_quiet()
    k.send("enter")
    k.wait_for(PANE_HINT)
    assert_ascii(k, "article with the glossary pane")
    k.send("esc")
    k.wait_gone(PANE_HINT)
    k.send("end")
    k.wait_quiet()
    assert_ascii(k, "end of the article")
    hi = [b for b in bytes(k.raw) if b > 127]
    assert not hi, f"{len(hi)} bytes above 127 sent to a {term}"


def test_no_color(spawn, bundled):
    k = home(spawn, bundled, env={"NO_COLOR": "1"})

    def assert_colourless(where):
        coloured = [(y, x, c["fg"], c["bg"]) for y, x, c in cells(k)
                    if c["fg"] != "default" or c["bg"] != "default"]
        assert not coloured, k.failure(f"{where}: {len(coloured)} cells have a colour under NO_COLOR, e.g. {coloured[:3]}")

    assert_colourless("home screen")
    assert selected_article(k) == ARTICLES[0][0]  # the selection shows without colour
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    assert_colourless("article")
    assert_term_marked_without_colour(k)
    k.send("tab")
    k.wait_quiet()
    row, col = k.must_find(TERM_TEXT)
    assert k.cell(row, col)["reverse"], k.failure(f"the focused term is not in reverse video: {k.style(row, col)}")
    k.send("enter")
    k.wait_for(PANE_HINT)
    assert_colourless("glossary pane")


@pytest.mark.parametrize("theme", ["high-contrast", "mono"])
def test_themes_mark_terms(spawn, make_config, theme):
    k = home(spawn, ["--config", make_config(BUNDLED_CONTENT, theme=theme)])
    assert BUNDLED_TITLE in header(k)
    assert selected_article(k) == ARTICLES[0][0]
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    term, plain = term_and_plain(k)
    assert term["underline"] or term["bold"], k.failure(f"{theme}: the term is neither underlined nor bold: {term}")
    assert_term_marked_without_colour(k)
    if theme == "mono":
        coloured = [(y, x) for y, x, c in cells(k) if c["fg"] != "default" or c["bg"] != "default"]
        assert not coloured, k.failure(f"the mono theme uses colour at {coloured[:3]}")
    k.send("tab")
    k.wait_quiet()
    assert k.style(*k.must_find(TERM_TEXT))["reverse"], k.failure(f"{theme}: the focused term is not in reverse video")


EMPHASIS_ARTICLE = ("---\ntitle: Emphasis test\ndescription: Words in italics.\n---\n\n"
                    "Before the visit, *do not eat* for six hours.\n")


@pytest.mark.parametrize("term,env", [
    ("linux", {}),
    ("xterm-256color", {"NO_COLOR": "1"}),
    ("xterm-256color", {}),
], ids=["linux", "no-color", "xterm"])
def test_emphasis_is_visible(spawn, make_content, make_config, term, env):
    content = make_content({"01-extra/emphasis.md": EMPHASIS_ARTICLE}, glossary="# Glossary\n")
    k = spawn(["--config", make_config(content)], term=term, env=env)
    k.wait_for(r"Emphasis test")
    k.send("enter")
    k.wait_for(r"do not eat")
    if term != "xterm-256color" or env:
        assert_no_italic(k, "article")
    emph = k.style(*k.must_find("do not eat"))
    plain = k.style(*k.must_find("Before the visit"))
    assert emph != plain, k.failure(f"on {term} the italic words look like plain text: {emph}")


# ----- the PIN hash ----------------------------------------------------------------

def test_hash_pin_refuses_short_pin(kiosk_bin):
    for short in (b"12", b"2468", b"24681"):
        r = subprocess.run([kiosk_bin, "--hash-pin"], input=short + b"\n", capture_output=True, timeout=20)
        assert r.returncode == 2, f"--hash-pin with {short!r} exited {r.returncode}"
        assert r.stdout == b"", f"--hash-pin printed a hash for the PIN {short!r}: {r.stdout!r}"
        assert re.search(rb"PIN must be 6 to", r.stderr), f"no message saying why: {r.stderr!r}"


def test_hash_pin_prints_config_line(kiosk_bin):
    r = subprocess.run([kiosk_bin, "--hash-pin"], input=f"{PIN}\n".encode(), capture_output=True, timeout=20)
    assert r.returncode == 0, r.stderr
    out = r.stdout.decode()
    assert len(out.splitlines()) == 1 and out.startswith("pin_hash = $y$"), f"unexpected output {out!r}"
    assert PIN not in out and PIN.encode() not in r.stderr, "the PIN itself was printed"
    # A second run makes a different hash (a fresh salt).
    r2 = subprocess.run([kiosk_bin, "--hash-pin"], input=f"{PIN}\n".encode(), capture_output=True, timeout=20)
    assert r2.stdout.decode() != out, "two hashes of the same PIN are identical (no salt)"


@pytest.mark.parametrize("value", [
    "$1$abcdefgh$W6XbWwZc5ex1Q6XU6hZmq.",      # md5-crypt: checkable, but weak
    "$$$$$$$$$$$$$$$$$$$$$$$$",                # matches no PIN
    "$y$j9T$abcdefghijklmnop$0123456789abcdefghijklmnopqrstuvwxyzABCDE",  # too long a result
], ids=["md5-crypt", "dollars", "wrong-length"])
def test_config_and_check_reject_weak_or_impossible_pin_hash(kiosk_bin, make_config, value):
    conf = make_config(BUNDLED_CONTENT, extra=f"mode = waiting-room\npin_hash = {value}\n")
    r = subprocess.run([kiosk_bin, "--config", conf], stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=20)
    assert r.returncode == 2, f"a config with pin_hash = {value} started (status {r.returncode})"
    assert b"pin_hash is not a PIN hash" in r.stderr, r.stderr
    r = subprocess.run([kiosk_bin, "--check", BUNDLED_CONTENT, "--config", conf],
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    assert r.returncode != 0 and b"pin_hash" in r.stdout + r.stderr, \
        f"--check accepted pin_hash = {value}: {r.stdout[-300:]!r}"


def test_config_rejects_plain_pin(kiosk_bin, make_config):
    conf = make_config(BUNDLED_CONTENT, extra="mode = waiting-room\npin_hash = 1234\n")
    with open(conf) as f:
        line = next(i for i, ln in enumerate(f, 1) if ln.startswith("pin_hash"))
    r = subprocess.run([kiosk_bin, "--config", conf], stdin=subprocess.DEVNULL,
                       capture_output=True, timeout=20)
    assert r.returncode == 2, f"a config with pin_hash = 1234 started (status {r.returncode})"
    err = r.stderr.decode()
    assert re.search(rf"kiosk\.conf:{line}: error: pin_hash is not a PIN hash", err), \
        f"expected kiosk.conf:{line}: error: pin_hash is not a PIN hash; got {err!r}"
