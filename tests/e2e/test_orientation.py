"""Orientation (issue 16, items 7 and 11): the title bar says which
section and how far through; the end of an article is an end block with
its sources, "Last reviewed: DATE", the next article of its topic (a link)
and the way back; [ on the first section, ] on the last and Down or Space
at the end all answer."""

import re


def open_first(spawn, bundled, cols=80, rows=24):
    k = spawn(bundled, cols=cols, rows=rows)
    k.wait_for("Riverside")
    k.send("enter")
    k.wait_for(r"Section 1 of \d+")
    return k


def test_title_bar_says_how_far_through(spawn, bundled):
    k = open_first(spawn, bundled)
    m = re.search(r"Section 1 of (\d+), (\d+)%", k.lines()[0])
    assert m, k.dump()
    n, first = m.group(1), int(m.group(2))
    assert 0 < first < 100
    k.send("pgdn")
    k.wait_quiet()
    m = re.search(r"Section \d+ of \d+, (\d+)%", k.lines()[0])
    assert m and int(m.group(1)) > first, k.dump()
    k.send("end")
    k.wait_for(rf"Section {n} of {n}, end")


def test_every_move_at_an_edge_answers(spawn, bundled):
    k = open_first(spawn, bundled)
    k.send("[")
    k.wait_for("This is the first section.")
    k.send("end")
    k.wait_for(r", end")
    k.send("]")
    k.wait_for("This is the last section.")
    for key in ("down", "space", "pgdn"):
        k.send("home")
        k.wait_gone("This is the")
        k.send("end")
        k.wait_quiet()
        k.send(key)
        k.wait_for("This is the end of the article.")


def test_end_block_shows_sources_review_date_and_next(spawn, bundled):
    k = open_first(spawn, bundled)
    title = k.lines()[0].split("  ")[0].strip()
    k.send("end")
    k.wait_for(r", end")
    text = k.text()
    assert "Sources" in text, k.dump()
    assert re.search(r"Last reviewed: \d{4}-\d\d-\d\d", text), k.dump()
    assert "Press Esc to go back." in text
    m = re.search(r"Next in [^:\n]+: (.+)", text)
    assert m, k.dump()
    nxt = m.group(1).strip()
    # the next article is the last link: Shift-Tab reaches it, Enter opens
    k.send("btab")
    k.wait_quiet()
    k.send("enter")
    k.wait_for(r"\A\s*" + re.escape(nxt))
    assert title not in k.lines()[0]
    k.send("esc")
    k.wait_for(r"\A\s*" + re.escape(title))
