"""Search lands on the match (issue 16, item 6): opening a result puts the
line with the matched words on screen, marked, and the title bar and the
section list name the section that holds them (a match in a heading:
that heading's section, the heading at the top)."""

import re

from test_core import home

POINTER = "\u25b6"


def selected_row(k):
    """First row of the selected search result: its background differs
    from the blank row above the list."""
    plain = k.cell(3, 1)["bg"]
    for r in range(4, len(k.lines()) - 1):
        c = k.cell(r, 1)
        if c["bg"] != plain or c["reverse"]:
            return r
    return None


def current_section(k):
    """The section the section list points at (s opens it over the text
    at 80 columns; Esc closes it again)."""
    k.send("s")
    k.wait_for("Sections")
    row = None
    for r, ln in enumerate(k.lines()[2:-1], start=2):
        if ln.lstrip().startswith(POINTER) or ln.lstrip().startswith(">"):
            row = ln.strip()[1:].strip()
    k.send("esc")
    k.wait_gone("^Sections", flags=re.M)
    return row


def assert_landed(k, query, header):
    m = re.search(r"Section (\d+) of (\d+)", k.lines()[0])
    assert m, k.dump()
    want = header.split(" > ", 1)[1]
    # the words are on screen, in reverse video, in the text
    hits = [p for p in k.find_all(query) + k.find_all(query.capitalize())
            if 0 < p[0] < len(k.lines()) - 1 and k.cell(*p)["reverse"]]
    assert hits, f"{query!r} not marked on screen\n{k.dump()}"
    # the line landed on has the pointer in the margin, and holds the words
    marked = [r for r, ln in enumerate(k.lines()[1:-1], start=1) if ln[0] == POINTER]
    assert len(marked) == 1 and marked[0] in [p[0] for p in hits], k.dump()
    got = current_section(k)
    assert got == want, f"section list says {got!r}, the match is in {want!r}"


def test_heading_match_lands_on_its_section(spawn, bundled):
    k = home(spawn, bundled, cols=80, rows=24)
    k.send("/", *"fibroblasts")
    k.wait_for(r"\d+ results?")
    # the result whose text is its own section's heading
    for i in range(8):
        row = selected_row(k)
        ls = k.lines()
        if " > " in ls[row] and ls[row].split(" > ", 1)[1].strip() == ls[row + 1].strip():
            break
        k.send("down")
        k.wait_quiet()
    else:
        raise k.failure("no heading result for fibroblasts")
    heading = k.lines()[row + 1].strip()
    k.send("enter")
    k.wait_for(r"Section \d+ of \d+")
    # the heading is the top line of the text, marked in the margin
    top = k.lines()[1]
    assert top[0] == POINTER and top[1:].strip() == heading, k.dump()
    m = re.search(r"Section (\d+) of", k.lines()[0])
    assert m and m.group(1) != "1", k.dump()
    assert current_section(k) == heading


def test_each_text_result_lands_in_its_section(spawn, bundled):
    k = home(spawn, bundled, cols=80, rows=24)
    k.send("/", *"fibro")
    k.wait_for(r"\d+ results?")
    checked = 0
    for n in range(9):
        row = selected_row(k)
        header = k.lines()[row].strip()
        if " > " in header:
            k.send("enter")
            k.wait_for(r"Section \d+ of \d+")
            assert_landed(k, "fibro", header)
            checked += 1
            k.send("esc")
            k.wait_for(r"Search: fibro")
        k.send("down")
        k.wait_quiet()
    assert checked >= 5
