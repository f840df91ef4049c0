"""Text boxes (search, word filter, staff PIN) edit like text boxes
(issue 16, item 2): Backspace, Delete, Left, Right, Home, End, Ctrl-U and
Ctrl-W edit at a visible cursor, and Esc is the only way out: Backspace in
an empty box or Left never closes the screen."""

import re

from test_core import ARTICLES, home
from test_waiting_room import PIN, open_chord, pin_line, waiting_room  # noqa: F401

DELETE = b"\x1b[3~"  # VT220 Delete, what most terminals send
CTRL_U = "\x15"
CTRL_W = "\x17"


def box(k, prompt):
    """The text of the box after prompt on row 1, trailing spaces cut."""
    line = k.lines()[1]
    i = line.index(prompt)
    return line[i + len(prompt):].rstrip()


def cursor_col(k, row=1):
    """The column of the reverse-video cursor cell on row."""
    for x in range(len(k.lines()[row])):
        if k.cell(row, x)["reverse"]:
            return x
    return None


def test_backspace_on_empty_search_keeps_it_open(spawn, bundled):
    k = home(spawn, bundled)
    k.send("/", *"abc")
    k.wait_for(r"Search: abc_? *\n")
    for _ in range(5):
        k.send("backspace")
    k.wait_quiet()
    assert "Search:" in k.lines()[1], k.failure("Backspace left the search")
    k.send("left", "left")
    k.wait_quiet()
    assert "Search:" in k.lines()[1], k.failure("Backspace or Left left the search")
    assert ARTICLES[0][0] not in k.text(), k.failure("back on the home list")
    k.send("esc")
    k.wait_for(re.escape(ARTICLES[0][0]))


def test_search_box_edits_at_the_cursor(spawn, bundled):
    k = home(spawn, bundled)
    k.send("/", *"cels")
    k.wait_for(r"Search: cels *\n")
    # Left, then a letter goes in before the "s"; the cursor is visible
    k.send("left")
    k.wait_quiet()
    start = k.lines()[1].index("Search: ") + len("Search: ")
    assert cursor_col(k) == start + 3, k.failure("cursor not on the 's'")
    k.send("l")
    k.wait_for(r"Search: cells *\n")
    k.wait_for(r"\d+ results?")
    # Home, Delete: the first letter goes; End, Right do not change text
    k.send("home", DELETE)
    k.wait_for(r"Search: ells *\n")
    assert cursor_col(k) == start, k.failure("cursor not at the start after Home")
    k.send("end", "right", *" more")
    k.wait_for(r"Search: ells more *\n")
    # Ctrl-W takes the last word, Ctrl-U everything before the cursor
    k.send(CTRL_W)
    k.wait_for(r"Search: ells  *\n")
    k.send("left", "left", CTRL_U)
    k.wait_for(r"Search: s *\n")
    assert "Search:" in k.lines()[1]


def test_word_filter_edits_and_stays(spawn, bundled):
    k = home(spawn, bundled)
    k.send("w", *"sign")
    k.wait_for(r"Find a word: sign *\n")
    k.send("home", DELETE, DELETE)
    k.wait_for(r"Find a word: gn *\n")
    for _ in range(4):
        k.send("backspace")
    k.send("left", "right")
    k.wait_quiet()
    assert "Find a word:" in k.lines()[1], k.failure("the word list was left")
    k.send("end", *"auto")
    k.wait_for(r"Find a word: gnauto *\n")


def test_pin_box_edits(spawn, waiting_room):  # noqa: F811
    k = spawn(waiting_room())
    k.wait_for(r"Choose an article")
    open_chord(k)
    # a wrong digit fixed in the middle: Left, Backspace, the right digit
    k.send(PIN[:3] + "9" + PIN[3:])
    k.wait_for(r"PIN: \*{%d}" % (len(PIN) + 1))
    for _ in range(len(PIN) - 3):
        k.send("left")
    k.send("backspace")
    k.wait_for(r"PIN: \*{%d}(?!\*)" % len(PIN))
    # Left at the start and Backspace there keep the box open
    k.send("home", "left", "backspace")
    k.wait_quiet()
    assert "Staff exit" in k.text(), k.failure("the PIN box closed")
    k.send("enter")
    assert k.wait_exit(timeout=5) == 0, k.failure("the corrected PIN was refused")
