"""Keys as whole keys: the Home, End, Page Up/Down sequences of the common
terminals work whatever TERM says, and sequences the kiosk does not use
(keypad 5, Alt+key, unknown ones) change nothing: they never act as Esc,
which would throw the reader out of the article."""

import re

import pytest

from test_core import THERAPY, THERAPY_FIRST_TEXT, home, open_article

# What xterm, VT220/PuTTY/screen/tmux, rxvt and the console send.
IGNORED_OR_MOVES = [b"\x1b[1~", b"\x1b[4~", b"\x1b[H", b"\x1b[F", b"\x1bOH", b"\x1bOF",
                    b"\x1b[7~", b"\x1b[8~", b"\x1b[E", b"\x1bb", b"\x1b[99~", b"\x1b[1;3D",
                    b"\x1bOE", b"\x1b[2~"]


@pytest.mark.parametrize("seq", IGNORED_OR_MOVES, ids=lambda s: repr(s)[2:-1])
def test_a_sequence_never_leaves_the_article(spawn, bundled, seq):
    k = home(spawn, bundled, cols=80, rows=24, env={"TERM": "xterm-256color"})
    open_article(k, THERAPY)
    k.send(seq)
    k.wait_quiet()
    assert THERAPY in k.lines()[0], k.failure(f"{seq!r} left the article")
    assert not k.find("Choose an article"), k.failure(f"{seq!r} went home")


@pytest.mark.parametrize("term", ["xterm-256color", "vt100", "linux", "screen"])
def test_end_and_home_of_every_terminal_move(spawn, bundled, term):
    k = home(spawn, bundled, cols=80, rows=24, env={"TERM": term})
    open_article(k, THERAPY)
    for end, start in ((b"\x1b[4~", b"\x1b[1~"), (b"\x1b[F", b"\x1b[H"),
                       (b"\x1bOF", b"\x1bOH"), (b"\x1b[8~", b"\x1b[7~")):
        k.send(end)
        k.wait_gone(re.escape(THERAPY_FIRST_TEXT))
        assert THERAPY in k.lines()[0], k.failure(f"{end!r} left the article")
        k.send(start)
        k.wait_for(re.escape(THERAPY_FIRST_TEXT))


def test_page_down_scrolls_on_vt100(spawn, bundled):
    k = home(spawn, bundled, cols=80, rows=24, env={"TERM": "vt100", "LANG": "C.UTF-8"})
    open_article(k, THERAPY)
    k.send(b"\x1b[6~")
    k.wait_gone(re.escape(THERAPY_FIRST_TEXT))
    assert THERAPY in k.lines()[0], k.failure("Page Down left the article on vt100")
