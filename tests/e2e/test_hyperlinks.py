"""OSC 8 hyperlinks, the SSH opt-in ([ssh] hyperlinks = yes).

A remote patient's terminal that knows OSC 8 makes web links clickable;
the kiosk then leaves the address out of the text.  curses knows nothing of
OSC 8, so the kiosk writes the link cells again inside the sequence after
each frame: these tests check that the links arrive with the right address
around the right text, and that doing so never disturbs what curses drew
(the screen, cell by cell, equals a kiosk without hyperlinks).  A session
is "remote" when SSH_CONNECTION is set, as sshd sets it (test_ssh.py runs a
real sshd)."""

import re

import pytest

SSH_ENV = {"SSH_CONNECTION": "192.0.2.7 50000 192.0.2.1 22"}
FDA = "https://www.fda.gov/consumers/consumer-updates/fda-warns-about-stem-cell-therapies"
NIH = "https://stemcells.nih.gov/info/basics/stc-basics"
PAGE = "https://clinic.example/articles/stem-cells?lang=en&size=2"

# Only autolinks: the text is the address, so the layout is the same with
# and without hyperlinks and the two screens can be compared cell by cell.
AUTOLINKS = ("---\ntitle: Where to read more\norder: 1\n---\n\n"
             + "".join(f"## Part {i}\n\nThe FDA has advice at <{FDA}> and "
                       f"the NIH explains the basics at <{NIH}>. Ask your "
                       f"care team which pages fit your case.\n\n"
                       for i in range(1, 9)))
TEXT_LINKS = ("---\ntitle: Stem cell basics\norder: 2\nurl: " + PAGE + "\n---\n\n"
              "Read the [FDA advice](" + FDA + ") before any treatment, and "
              "see [the glossary](other.md) for words.\n")

OSC8 = re.compile(rb"\x1b\]8;;([^\x1b\x07]*)\x1b\\(.*?)\x1b\]8;;\x1b\\", re.S)
ESCAPES = re.compile(rb"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b[()][0-9A-B]|\x1b[=>78]")


def links(raw):
    """(address, text) of every OSC 8 hyperlink in raw output, the text
    with its attribute changes removed."""
    return [(m.group(1).decode(), ESCAPES.sub(b"", m.group(2)).decode("utf-8"))
            for m in OSC8.finditer(bytes(raw))]


@pytest.fixture
def library(make_content, make_config):
    def _lib(hyperlinks="yes"):
        c = make_content({"a.md": AUTOLINKS, "b.md": TEXT_LINKS,
                          "other.md": "---\ntitle: Other\norder: 3\n---\n\nWords.\n"})
        extra = f"[ssh]\nhyperlinks = {hyperlinks}\nsession_idle = 0\nmax_sessions = 0\n"
        return ["--config", make_config(c, extra=extra)]
    return _lib


def check_link_cells(k, step):
    """Every underlined cell of the text (the links: the article has no
    glossary terms) carries its hyperlink, and no other cell carries one;
    each row's linked run of cells reads as a piece of its address."""
    # the end block's link to the next article stays inside the kiosk (no
    # hyperlink): its rows are the ones just above "Press Esc to go back."
    back = [r for r, ln in enumerate(k.lines()) if "Press Esc to go back." in ln]
    for r in range(1, k.rows - 1):
        if back and back[0] - 3 <= r <= back[0]:
            continue
        run, url = "", None
        for c in range(k.cols + 1):
            cell = k.cell(r, c) if c < k.cols else None
            link = k.link(r, c) if c < k.cols else None
            if cell is not None and cell["underline"] != (link is not None):
                raise k.failure(f"after {step}: cell {r},{c} {cell['char']!r} "
                                f"underlined={cell['underline']} link={link!r}")
            if link is not None and link == url:
                run += cell["char"]
                continue
            if url is not None:
                assert run in url, f"after {step}: row {r}: {run!r} linked to {url}"
            run, url = (cell["char"], link) if link is not None else ("", None)


def snapshot(k):
    k.wait_quiet()
    return [(ln, [k.style(r, c) for c in range(k.cols)]) for r, ln in enumerate(k.lines())]


def test_links_arrive_around_their_text_and_the_address_is_not_repeated(spawn, library):
    k = spawn(library(), cols=100, rows=30, env=SSH_ENV)
    k.wait_for("Where to read more")
    k.send("down", "enter")
    k.wait_for("FDA advice")
    k.wait_quiet()
    assert "fda.gov" not in k.text(), "the address is printed though it is a hyperlink"
    got = links(k.raw[k._sent_mark:])
    assert (FDA, "FDA advice") in got, got
    # links inside the kiosk (to another article) are not hyperlinks
    assert all(url.startswith("https://") for url, _ in got), got
    assert not any("glossary" in text for _, text in got), got
    # Enter on the link: the pane names the address, a hyperlink too
    k.send("tab", "enter")
    k.wait_for("This link goes to a web page")
    k.wait_quiet()
    pane = [t.strip() for u, t in links(k.raw[k._sent_mark:])
            if u == FDA and t != "FDA advice"]
    assert "".join(pane) == FDA, pane


def test_take_home_address_is_a_hyperlink_too(spawn, library):
    k = spawn(library(), cols=100, rows=40, env=SSH_ENV)
    k.wait_for("Stem cell basics")
    k.send("down", "enter")
    k.wait_for("FDA advice")
    k.send("u")
    k.wait_for("Point your phone")
    k.wait_quiet()
    assert PAGE in k.text(), "the address is shown as text under the code"
    # only the address under the code: the article's links are covered
    assert links(k.raw[k._sent_mark:]) == [(PAGE, PAGE)]


def test_resending_links_never_disturbs_the_screen(spawn, library):
    """Scroll, jump, Tab, resize with hyperlinks on and off: after every
    step both screens are the same, character and attribute, cell by cell,
    and the cursor is in the same place; and every link cell (and only
    those) is a hyperlink to its address, as a terminal that knows OSC 8
    would have it."""
    on = spawn(library("yes"), cols=90, rows=24, env=SSH_ENV)
    off = spawn(library("no"), cols=90, rows=24, env=SSH_ENV)
    steps = [("enter",), ("down",), ("down", "down"), ("pgdn",), ("]",),
             ("tab",), ("tab", "tab"), ("up",), ("pgup",), ("end",),
             ("resize", 70, 20), ("down",), ("resize", 120, 36), ("tab",),
             ("home",)]
    for k in (on, off):
        k.wait_for("Where to read more")
    sent = 0
    for step in steps:
        for k in (on, off):
            if step[0] == "resize":
                k.resize(step[1], step[2])
            else:
                k.send(*step)
        a, b = snapshot(on), snapshot(off)
        # the cursor is back where curses left it, the bottom-left corner
        # (curses moves relative to where it believes the cursor is)
        assert on.cursor() == (on.rows - 1, 0), f"after {step}: cursor at {on.cursor()}"
        for r, ((la, sa), (lb, sb)) in enumerate(zip(a, b)):
            assert la == lb, f"after {step}: row {r} differs\n{on.dump()}\n{off.dump()}"
            assert sa == sb, f"after {step}: attributes of row {r} differ\n{on.dump()}"
        check_link_cells(on, step)
        sent += len(links(on.raw[on._sent_mark:]))
        assert not links(off.raw), "hyperlinks = no sent a hyperlink"
    assert sent > 0, "no hyperlink was ever sent"
    assert any(url == NIH for url, _ in links(on.raw))


@pytest.mark.parametrize("term,env", [
    ("linux", SSH_ENV),              # the console prints OSC strings
    ("xterm-256color", {}),          # not an SSH session
])
def test_no_hyperlinks_where_they_cannot_work(spawn, library, term, env):
    k = spawn(library(), cols=100, rows=30, env=env, term=term)
    k.wait_for("Stem cell basics")
    k.send("down", "enter")
    k.wait_for("FDA advice")
    k.wait_quiet()
    assert b"\x1b]8;" not in k.raw
    assert FDA[:40] in k.text().replace("\n", ""), "the address must be printed instead"
