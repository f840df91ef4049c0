"""
Golden screens: each screen of the kiosk captured through the pty at 80x24
and 40x12, cell text AND attributes, compared with a file under
tests/e2e/golden/ (tmux's regress style).  A change to what a patient sees
shows up as a readable diff of these files in review.

File format (plain text):
    # golden: <name> <cols>x<rows>
    text:
    |<row 0 exactly as on screen>|
    ...
    attrs:
    |<one letter per cell: the style of that cell>|
    ...
    styles:
    <letter> fg=... bg=... bold ... (each style used, in order of first use)

To regenerate after an intended change, run this file with
KIOSK_GOLDEN_UPDATE=1 and review the diff:
    cd tests/e2e && KIOSK_GOLDEN_UPDATE=1 KIOSK_BIN=$PWD/../../kiosk \
        /usr/bin/python3 -m pytest -q -p no:cacheprovider test_golden.py

The content is tests/e2e/golden/content, written for these tests (not the
bundled content/, which changes with the clinic's articles).
"""

import os
import re
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
GOLDEN = os.path.join(HERE, "golden")
CONTENT = os.path.join(GOLDEN, "content")
TITLE = "Golden Test Clinic"
UPDATE = os.environ.get("KIOSK_GOLDEN_UPDATE") == "1"
PIN = "246813"
LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@pytest.fixture(scope="module")
def pin_line(kiosk_bin):
    r = subprocess.run([kiosk_bin, "--hash-pin"], input=f"{PIN}\n".encode(),
                       capture_output=True, timeout=20)
    assert r.returncode == 0
    return r.stdout.decode().strip()


def style_of(k, y, x):
    c = k.cell(y, x)
    parts = [f"fg={c['fg']}", f"bg={c['bg']}"]
    parts += [name for name in ("bold", "italic", "underline", "reverse") if c[name]]
    return " ".join(parts)


def capture(k, name, normalise=None):
    """The screen as golden text: rows, one style letter per cell, the
    legend of the letters."""
    rows = k.lines()
    if normalise:
        rows = [normalise(r) for r in rows]
    styles = {}
    attr_rows = []
    for y in range(k.screen.lines):
        line = []
        for x in range(k.screen.columns):
            s = style_of(k, y, x)
            if s not in styles:
                styles[s] = LETTERS[len(styles)]
            line.append(styles[s])
        attr_rows.append("".join(line))
    out = [f"# golden: {name} {k.screen.columns}x{k.screen.lines}", "text:"]
    out += [f"|{r}|" for r in rows]
    out.append("attrs:")
    out += [f"|{r}|" for r in attr_rows]
    out.append("styles:")
    out += [f"{letter} {s}" for s, letter in styles.items()]
    return "\n".join(out) + "\n"


def check(k, name, normalise=None):
    cols, rows = k.screen.columns, k.screen.lines
    path = os.path.join(GOLDEN, f"{name}-{cols}x{rows}.txt")
    got = capture(k, name, normalise)
    if UPDATE:
        with open(path, "w", encoding="utf-8") as f:
            f.write(got)
        return
    assert os.path.exists(path), f"{path} is missing: run with KIOSK_GOLDEN_UPDATE=1"
    with open(path, encoding="utf-8") as f:
        want = f.read()
    if got != want:
        import difflib
        diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                            "golden", "now", n=1))
        raise k.failure(f"{name} at {cols}x{rows} differs from {path}:\n{diff}")


SIZES = [(80, 24), (40, 12)]


def start(spawn, make_config, size, extra=""):
    conf = make_config(CONTENT, title=TITLE, extra=extra)
    k = spawn(["--config", conf], cols=size[0], rows=size[1])
    k.wait_for("Caring for|too small")
    return k


def open_knees(k):
    k.send("enter")
    k.wait_for(r"Your knees carry")


# Each scenario drives the kiosk to one screen and names the file.
def sc_home(k):
    pass


def sc_article(k):
    open_knees(k)


def sc_article_pane(k):
    open_knees(k)
    k.send("tab")
    k.wait_quiet()
    k.send("enter")
    k.wait_for(r"Esc: Close")


def sc_sections(k):
    open_knees(k)
    k.send("s")
    k.wait_for(r"Sections")


def sc_search(k):
    k.send("/")
    k.wait_for(r"Search:")
    k.send("knee")
    k.wait_for(r"results?")


def sc_words(k):
    k.send("w")
    k.wait_for(r"A to Z")


def sc_help(k):
    k.send("?")
    k.wait_for(r"What each key does")


def sc_take_home(k):
    open_knees(k)
    k.send("u")
    k.wait_for(r"Take it home")


SCENARIOS = [
    ("home", sc_home),
    ("article", sc_article),
    ("article-pane", sc_article_pane),
    ("sections", sc_sections),
    ("search", sc_search),
    ("words", sc_words),
    ("help", sc_help),
    ("take-home", sc_take_home),
]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("name,drive", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_golden_screen(spawn, make_config, size, name, drive):
    k = start(spawn, make_config, size)
    drive(k)
    k.wait_quiet()
    check(k, name)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_golden_attract(spawn, make_config, pin_line, size):
    k = start(spawn, make_config, size,
              f"mode = waiting-room\nidle_timeout = 60\nattract_timeout = 1\n{pin_line}\n")
    k.wait_for(r"Press any key to start", timeout=5)
    check(k, "waiting-attract")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_golden_countdown(spawn, make_config, pin_line, size):
    # idle_timeout below 10 s: the countdown shows from the first key,
    # one digit; the digit itself is the clock's and is left out.
    k = start(spawn, make_config, size,
              f"mode = waiting-room\nidle_timeout = 8\nattract_timeout = 0\n{pin_line}\n")
    k.send("down")
    k.wait_for(r"In \d seconds? this goes back")
    check(k, "waiting-countdown",
          lambda r: re.sub(r"In \d seconds?", "In # seconds", r))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_golden_pin(spawn, make_config, pin_line, size):
    k = start(spawn, make_config, size,
              f"mode = waiting-room\nidle_timeout = 300\nattract_timeout = 0\n{pin_line}\n")
    k.send("\x18", "\x05")
    k.wait_for(r"Staff exit")
    k.send("12")
    k.wait_for(r"PIN: \*\*")
    check(k, "waiting-pin")
