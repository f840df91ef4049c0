"""A comfortable measure (issue 16, item 8): article text at most 72
characters a line by default (kiosk.conf `measure` changes it), the
section list as wide as its titles need up to a third of the screen, and
the title bar's right text ending where the text column does."""

import re

from conftest import BUNDLED_CONTENT


def open_first(spawn, args, cols, rows):
    k = spawn(args, cols=cols, rows=rows)
    k.wait_for("Riverside")
    k.send("enter")
    k.wait_for(r"Section 1 of")
    return k


def text_column(k):
    """(first column of the text, the text rows as written there)."""
    ls = k.lines()
    bar = max((ln.find("\u2502") for ln in ls[1:-1]), default=-1)
    start = bar + 2 if bar >= 0 else 1
    return start, [ln[start:].rstrip() for ln in ls[1:-1]]


def longest(k):
    _, rows = text_column(k)
    return max(len(r) for r in rows)


def test_lines_keep_to_72_at_100_and_200_columns(spawn, bundled):
    for cols, rows in ((100, 30), (200, 60)):
        k = open_first(spawn, bundled, cols, rows)
        for _ in range(3):
            assert longest(k) <= 72, k.dump()
            k.send("pgdn")
            k.wait_quiet()
        assert longest(k) >= 60, k.dump()  # it still uses the measure
        k.close()


def test_measure_key_changes_it(spawn, make_config):
    conf = make_config(BUNDLED_CONTENT, extra="measure = 50\n")
    k = open_first(spawn, ["--config", conf], 120, 30)
    assert 40 <= longest(k) <= 50, k.dump()


def test_section_titles_whole_and_bar_aligned_at_200x60(spawn, bundled):
    k = open_first(spawn, bundled, 200, 60)
    k.send("]", "]")
    k.wait_for(r"Section 3 of")
    text = k.text()
    assert "How might stem cells help?" in text, k.dump()
    assert "\u2026" not in "".join(ln[:67] for ln in k.lines()[1:-1]), k.dump()
    start, _ = text_column(k)
    assert start - 2 <= 200 // 3, "the section list is wider than a third"
    head = k.lines()[0].rstrip()
    m = re.search(r"Section \d+ of \d+, \d+%$", head)
    assert m, k.dump()
    # the right text ends at the text column's right edge (72 columns)
    assert start + 60 <= len(head) <= start + 72, (start, len(head), k.dump())
