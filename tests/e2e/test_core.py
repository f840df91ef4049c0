"""
End-to-end tests: the real ./kiosk in a pty, checked by what a person sees.

Bundled content (content/): the topics and articles in HOME.  Texts quoted here
are the ones a reader sees; when the content is edited, update them.
"""

import random
import re
import termios
import time

import pytest

from conftest import BUNDLED_TITLE
from kiosk_pty import terminfo

# The home screen: each topic with its articles (title, start of the
# description), in order.
HOME = [
    ("Stem cell basics", [
        ("What is stem cell therapy?", "What stem cells are, where they come from"),
        ("Stem cells for healing and recovery", "How stem cells might help injuries heal"),
        ("What is proven today, and proven options", "The few stem cell treatments that are approved"),
    ]),
    ("Skin and hair", [
        ("Fibroblast treatments for the skin", "How your own skin cells can be grown"),
        ("Stem cells for skin and hair", "What research says about stem cell"),
    ]),
    ("Staying safe", [
        ("Warning signs of an unproven clinic", "Six signs that a stem cell clinic"),
        ("Checking a treatment or a trial", "How to check that a treatment is approved"),
        ("After treatment: warning signs and who to call", "Which problems after a cell treatment"),
        ("Treatment abroad, costs and follow-up at home", "What to know before you travel"),
    ]),
]
TOPICS = [topic for topic, _ in HOME]
# In home-screen order.
ARTICLES = [art for _, arts in HOME for art in arts]
# The articles whose title and description fit on the first home screen at
# 80x24; the others are below and come into view as the selection moves.
ARTICLES_SHOWN = ARTICLES[:7]
THERAPY = "What is stem cell therapy?"
# Sections of THERAPY, in order (the header says "Section n of 8").
THERAPY_SECTIONS = [
    "Introduction",
    "What are stem cells?",
    "How might stem cells help?",
    "Where do the cells come from?",
    "How are the cells prepared?",
    "What is proven and what is still experimental?",
    "What are the risks?",
    "What you can do",
]
THERAPY_FIRST_TEXT = "Stem cell therapy uses living cells to try to repair"
AUTOLOGOUS_DEF = "Cells or tissue that come from your own body."


# ----- helpers ---------------------------------------------------------------

def home(spawn, args, **kw):
    """Starts the kiosk and waits for the whole home screen."""
    k = spawn(args, **kw)
    k.wait_for(re.escape(ARTICLES_SHOWN[-1][0]))
    return k


def selected_article(k):
    """Title of the article shown as selected on the home screen: the one
    whose title is drawn differently from all the others."""
    styles = {}
    for title, _ in ARTICLES:
        pos = k.find(title)
        if pos:
            styles[title] = tuple(sorted(k.style(*pos).items()))
    odd = [t for t, s in styles.items() if list(styles.values()).count(s) == 1]
    if len(styles) < 3 or len(odd) != 1:
        raise k.failure(f"cannot tell which article is selected (styles {styles})")
    return odd[0]


def open_article(k, title):
    """From the home screen, selects title with the arrow keys and opens it."""
    for _ in range(len(ARTICLES) + 1):
        if selected_article(k) == title:
            break
        k.send("down")
        k.wait_quiet()
    else:
        raise k.failure(f"could not select {title!r}")
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(title))  # the header names it


def header(k):
    return k.lines()[0]


def section_no(k):
    # English "Section 3 of 8", Turkish "Bölüm 3/8"
    m = re.search(r"(?:Section (\d+) of (\d+)|Bölüm (\d+)/(\d+))", header(k))
    if not m:
        raise k.failure("the header does not say which section is shown")
    g = [x for x in m.groups() if x is not None]
    return int(g[0]), int(g[1])


def goto_section(k, n):
    """Presses ] until the header says section n (1-based)."""
    for _ in range(12):
        if section_no(k)[0] == n:
            return
        k.send("]")
        k.wait_quiet()
    raise k.failure(f"] did not reach section {n}")


def flat(s):
    """Text with box lines removed and runs of white space made one space."""
    return re.sub(r"\s+", " ", re.sub(r"[│┃|─━]", " ", s)).strip()


def region(k, top, left, bottom, right):
    """Flattened text of rows top..bottom-1, columns left..right-1."""
    rows = []
    for y in range(top, bottom):
        rows.append("".join(k.cell(y, x)["char"] for x in range(left, right)))
    return flat("\n".join(rows))


def focus_on(k, word, max_tabs=30):
    """Presses Tab until the cells of word (on screen) change their look, that
    is, until the focus is on it; returns (pos, unfocused, focused) styles."""
    pos = k.must_find(word)
    plain = k.style(*pos)
    for _ in range(max_tabs):
        k.send("tab")
        k.wait_quiet()
        pos = k.must_find(word)
        if k.style(*pos) != plain:
            return pos, plain, k.style(*pos)
    raise k.failure(f"{max_tabs} Tabs never changed the look of {word!r}")


# ----- home ------------------------------------------------------------------

def test_home_lists_topics_articles_and_title(spawn, bundled):
    k = home(spawn, bundled)
    lines = k.lines()
    assert BUNDLED_TITLE in lines[0], k.failure("the kiosk title from kiosk.conf is not in the header row")
    rows = {}
    for name in TOPICS + [t for t, _ in ARTICLES_SHOWN] + [d for _, d in ARTICLES_SHOWN]:
        pos = k.find(name)
        assert pos, k.failure(f"{name!r} is not on the home screen")
        rows[name] = pos[0]
    # Topic headings come before their articles, descriptions under titles.
    order = [name for topic, arts in HOME
             for name in [topic] + [t for t, d in arts if (t, d) in ARTICLES_SHOWN]]
    seen = [rows[n] for n in order]
    assert all(r1 < r2 for r1, r2 in zip(seen, seen[1:])), k.failure(f"order on screen is wrong: {rows}")
    for title, desc in ARTICLES_SHOWN:
        assert rows[desc] == rows[title] + 1, k.failure(f"the description of {title!r} is not on the line under it")
    bar = lines[-1]
    for word in ("Enter", "Arrows", "?: Help"):
        assert word in bar, k.failure(f"the key bar (last row) lacks {word!r}")
    # Esc does nothing on the home list: the bar does not offer it
    assert "Esc" not in bar, k.failure("the home key bar offers Esc")
    assert selected_article(k) == ARTICLES[0][0]
    k.assert_stream_clean()
    # The rest of the list comes into view, in order, as the selection
    # moves down to the last article.
    for _ in range(len(ARTICLES) - 1):
        k.send("down")
        k.wait_quiet()
    rows = {}
    for title, desc in ARTICLES[len(ARTICLES_SHOWN):]:
        pos = k.find(title)
        assert pos, k.failure(f"{title!r} did not come into view at the end of the list")
        assert k.find(desc) and k.find(desc)[0] == pos[0] + 1, k.failure(f"the description of {title!r} is not under it")
        rows[title] = pos[0]
    below = [rows[t] for t, _ in ARTICLES[len(ARTICLES_SHOWN):]]
    assert below == sorted(below), k.failure(f"order on screen is wrong: {rows}")
    assert selected_article(k) == ARTICLES[-1][0]


def test_up_down_move_the_selection(spawn, bundled):
    k = home(spawn, bundled)
    for i in range(1, len(ARTICLES)):
        k.send("down")
        k.wait_quiet()
        assert selected_article(k) == ARTICLES[i][0]
    k.send("down")  # already at the last one
    k.wait_quiet()
    assert selected_article(k) == ARTICLES[-1][0]
    k.send("up")
    k.wait_quiet()
    assert selected_article(k) == ARTICLES[-2][0]


def test_home_list_is_whole_after_a_fast_start(spawn, make_content, make_config):
    """The first screen is drawn from the first topic folders alone; the
    rest of the library follows by itself.  An article in the last folder
    that names the first topic in its front matter is listed under that
    topic, and End reaches the last article of the last folder."""
    arts = {f"{t:02d}-topic-{t}/a{i}.md": f"---\ntitle: Topic {t} article {i}\n---\n\nText.\n"
            for t in range(1, 13) for i in range(1, 6)}
    arts["12-topic-12/moved.md"] = "---\ntitle: Zz moved here\ntopic: Topic 1\n---\n\nText.\n"
    k = spawn(["--config", make_config(make_content(arts))])  # 80x24: 24 rows, 60 articles
    k.wait_for(r"Zz moved here")
    rows = {name: k.must_find(name)[0] for name in ("Topic 1 article 5", "Zz moved here", "Topic 2 article 1")}
    assert rows["Topic 1 article 5"] < rows["Zz moved here"] < rows["Topic 2 article 1"], \
        k.failure(f"the moved article is not under its topic: {rows}")
    k.send("end")
    k.wait_for(r"Topic 12 article 5")
    assert k.find("Topic 11 article 5"), k.failure("End did not show the last topic")
    k.send("enter")
    k.wait_for(r"Text\.")
    assert "Topic 12 article 5" in k.lines()[0], k.failure("End then Enter did not open the last article")


# ----- article ---------------------------------------------------------------

def test_enter_opens_article(spawn, bundled):
    k = home(spawn, bundled)
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    assert THERAPY in header(k), k.failure("the header does not show the article title")
    row = k.must_find(THERAPY_FIRST_TEXT)[0]
    assert row <= 3, k.failure("the article's first text is not at the top")
    assert section_no(k) == (1, len(THERAPY_SECTIONS))
    k.assert_stream_clean()


def test_bracket_keys_move_between_sections(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    k.send("]")
    k.wait_for(r"Section 2 of")
    row = k.must_find(THERAPY_SECTIONS[1])[0]
    assert row <= 2, k.failure(f"after ] the heading {THERAPY_SECTIONS[1]!r} is on row {row}, not at the top")
    k.send("]")
    k.wait_for(r"Section 3 of")
    assert k.must_find(THERAPY_SECTIONS[2])[0] <= 2, k.failure("the third section's heading is not at the top")
    k.send("[")
    k.wait_for(r"Section 2 of")
    assert k.must_find(THERAPY_SECTIONS[1])[0] <= 2, k.failure("[ did not go back to the second section")
    k.send("[")
    k.wait_for(r"Section 1 of")
    assert k.must_find(THERAPY_FIRST_TEXT)[0] <= 3, k.failure("[ did not go back to the introduction")


def test_scroll_keys(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    start = k.lines()
    k.send("down")
    k.wait_quiet()
    assert k.lines()[1] == start[2], k.failure("Down did not scroll the text up by one line")
    k.send("up")
    k.wait_quiet()
    assert k.lines()[1] == start[1], k.failure("Up did not scroll back")
    # Page Down shows the next screenful: as many lines as Down pressed
    # (text rows minus a small overlap, never more than the text rows).
    k.send("pgdn")
    k.wait_quiet()
    after_pgdn = k.lines()[1]
    assert after_pgdn != start[1], k.failure("PgDn did not scroll")
    k.send("pgup")
    k.wait_quiet()
    assert k.lines()[1] == start[1], k.failure("PgUp did not return to the start")
    for n in range(1, 30):
        k.send("down")
        k.wait_quiet()
        if k.lines()[1] == after_pgdn:
            break
    text_rows = k.rows - 2
    assert text_rows - 4 <= n <= text_rows, k.failure(f"PgDn scrolled {n} lines with {text_rows} text rows")
    k.send("home")
    k.wait_quiet()
    assert k.lines()[1] == start[1], k.failure("Home did not return to the start")
    k.send("space")
    k.wait_quiet()
    assert k.lines()[1] == after_pgdn, k.failure("Space did not page down like PgDn")
    k.send("end")
    k.wait_for(r"Press Esc to go back\.")  # the end block's last line
    at_end = k.lines()
    k.send("down")
    k.wait_for("This is the end of the article.")
    assert k.lines()[:-1] == at_end[:-1], k.failure("End did not go to the very end (Down still scrolls)")
    k.send("home")
    k.wait_for(r"Section 1 of 8")
    assert k.lines()[1] == start[1], k.failure("Home did not return to the start")


def test_tab_focus_is_reverse_video(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    goto_section(k, 4)
    pos, plain, focused = focus_on(k, "Autologous")
    assert focused["reverse"], k.failure(
        f"the focused term is not in reverse video: {focused} (unfocused {plain})")


def test_shift_tab_moves_focus_back(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    goto_section(k, 4)
    pos, plain, focused = focus_on(k, "Autologous")
    k.send("tab")
    k.wait_quiet()
    assert k.style(*k.must_find("Autologous")) == plain, k.failure("Tab did not move the focus on")
    k.send("btab")
    k.wait_quiet()
    assert k.style(*k.must_find("Autologous")) == focused, k.failure("Shift-Tab did not bring the focus back")


def test_glossary_pane_shows_definition(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    goto_section(k, 4)
    focus_on(k, "Autologous")
    k.send("enter")
    k.wait_for(r"Cells or tissue")
    text = flat(k.text())
    assert AUTOLOGOUS_DEF in text, k.failure("the definition of autologous is not shown in full")
    # At 80 columns the pane covers the lower part: the definition is below
    # the text, and the pane names the term.
    def_row = k.must_find("Cells or tissue")[0]
    name = [r for r, _ in k.find_all("Autologous") if r < def_row and r > def_row - 4]
    assert name, k.failure("the pane does not show the term's name above the definition")
    assert def_row > 10, k.failure("the pane is not over the lower part of the screen")
    assert THERAPY in header(k)
    k.send("esc")
    k.wait_gone(r"Cells or tissue")
    assert THERAPY in header(k), k.failure("Esc closed the article instead of just the pane")
    assert section_no(k)[0] == 4, k.failure("closing the pane moved the reading position")


def test_glossary_pane_on_the_right_when_wide(spawn, bundled):
    k = home(spawn, bundled, cols=120, rows=30)
    open_article(k, THERAPY)
    goto_section(k, 4)
    focus_on(k, "Autologous")
    k.send("enter")
    k.wait_for(r"Cells or tissue")
    row, col = k.must_find("Cells or tissue")
    assert col >= 60, k.failure(f"at 120 columns the definition starts at column {col}, not in a right-hand pane")
    assert AUTOLOGOUS_DEF in region(k, 1, col, k.rows - 1, k.cols), k.failure("the definition is not shown in full in the pane")
    # The article text stays readable on the left.
    assert k.find("Autologous cells come from you"), k.failure("the article text is hidden by the pane")
    k.send("esc")
    k.wait_gone(r"Cells or tissue")
    assert THERAPY in header(k)


def test_glossary_terms_are_highlighted(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    goto_section(k, 4)
    row, col = k.must_find("Autologous cells come from you")
    term = [k.style(row, col + i) for i in range(len("Autologous"))]
    plain = k.style(row, col + len("Autologous cells c"))
    assert all(s == term[0] for s in term), k.failure(f"the term's letters are not drawn alike: {term}")
    assert term[0] != plain, k.failure(f"the term 'Autologous' looks like plain text: {plain}")
    # "cells" right after it is plain text.
    assert k.style(row, col + len("Autologous ")) == plain


def test_plain_text_keeps_the_terminal_colours(spawn, bundled):
    # Body text is painted from cached cells: they must not pick up the
    # colours of whatever was painted before them (the section list and
    # its border are painted first at this size), on the first paint, after
    # a scroll or after a focus change.
    k = home(spawn, bundled, cols=132, rows=40)
    open_article(k, THERAPY)
    k.must_find(THERAPY_FIRST_TEXT)
    plain = {"fg": "white", "bg": "black", "bold": False, "italic": False,
             "underline": False, "reverse": False}

    def check(when):
        r, c = k.must_find("make copies of themselves")
        for i in range(len("make copies of themselves")):
            assert k.style(r, c + i) == plain, k.failure(
                f"{when}: plain text at {r},{c + i} is drawn {k.style(r, c + i)}")
    check("first paint")
    k.send("down")
    k.wait_quiet()
    check("after Down")
    k.send("tab")
    k.wait_quiet()
    check("after Tab")
    k.send("up")
    k.wait_quiet()
    check("after Up")


def test_unbound_key_changes_nothing_but_takes_a_notice_away(spawn, bundled):
    # An unbound key is not painted for (nothing changes), except that it
    # takes away a notice shown in the key bar.
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    before = k.lines()
    k.send("x")
    k.wait_quiet()
    assert k.lines() == before, k.failure("an unbound key changed the screen")
    k.send("n")  # no search yet: a notice in the key bar
    k.wait_for(r"Press / to search first")
    k.send("x")
    k.wait_gone(r"Press / to search first")
    assert k.lines() == before, k.failure("the key bar did not come back")


def test_s_toggles_section_list(spawn, bundled):
    k = home(spawn, bundled, cols=132, rows=40)
    open_article(k, THERAPY)
    k.wait_for(r"Sections")
    for name in THERAPY_SECTIONS[:3]:
        assert k.find(name[:20]), k.failure(f"the section list lacks {name!r}")
    text_col = k.must_find(THERAPY_FIRST_TEXT)[1]
    k.send("s")
    k.wait_gone(r"Sections")
    assert k.must_find(THERAPY_FIRST_TEXT)[1] < text_col, k.failure("the text did not take the freed space")
    k.send("s")
    k.wait_for(r"Sections")


# ----- resizing --------------------------------------------------------------

def current_in_section_list(k, name):
    """True when the section list shows name as the current section (drawn
    differently from the other entries)."""
    def in_list(text):
        # the list is left of its border (it is as wide as its titles)
        for r, ln in enumerate(k.lines()[1:-1], start=1):
            i = ln.find(text)
            if 0 <= i < ln.find("\u2502"):
                return (r, k.col_of(r, i))
        return None
    pos = in_list(name[:20])
    other = in_list(THERAPY_SECTIONS[0] if name != THERAPY_SECTIONS[0] else THERAPY_SECTIONS[1])
    if not pos or not other:
        return False
    mark = k.cell(pos[0], pos[1] - 2)["char"]
    return mark.strip() != "" or k.style(*pos) != k.style(*other)


def test_resize_keeps_section(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    goto_section(k, 4)
    heading = THERAPY_SECTIONS[3]
    assert k.must_find(heading)[0] <= 2
    for cols, rows in [(132, 40), (40, 12), (80, 24)]:
        k.resize(cols, rows)
        k.wait_quiet()
        k.wait_for(re.escape(heading))
        assert section_no(k)[0] == 4, k.failure(f"at {cols}x{rows} the header no longer says section 4")
        row = k.must_find(heading)[0]
        assert row <= 3, k.failure(f"at {cols}x{rows} the heading {heading!r} moved to row {row}")
        if cols >= 100:
            assert k.find("Sections"), k.failure(f"at {cols}x{rows} there is no section list")
            assert current_in_section_list(k, heading), k.failure("the section list does not mark the current section")
    k.assert_stream_clean()


def test_resize_keeps_position_inside_a_section(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    goto_section(k, 4)
    for _ in range(4):
        k.send("down")
    k.wait_quiet()
    top = k.lines()[1].strip()
    assert top, k.failure("expected text on the first row")
    k.resize(132, 40)
    k.wait_quiet()
    k.resize(80, 24)
    k.wait_quiet()
    assert section_no(k)[0] == 4
    assert top in [ln.strip() for ln in k.lines()[1:3]], k.failure(f"after resizing back, {top!r} is no longer at the top")


def test_a_resize_while_the_kiosk_paints_is_never_lost(spawn, bundled):
    """A window resized while the kiosk is busy painting (the user drags
    the corner while holding a key) must still be redrawn at the new size,
    without waiting for another key.  A resize signal that came between the
    loop's look at the flag and its wait for input used to be kept until
    the next key: the window stayed drawn at the old size."""
    k = home(spawn, bundled)
    k.resize(200, 60)
    k.wait_quiet()
    open_article(k, THERAPY)
    rng = random.Random(7)
    sizes = [(200, 60), (198, 58)]
    for i in range(40):
        cols, rows = sizes[i % 2]
        k.send("pgdn" if i % 4 < 2 else "pgup")
        time.sleep(rng.uniform(0, 0.004))
        k.resize(cols, rows)
        # The key bar on the new last row (the pattern matches only the
        # screen's last line); a lost resize waits for a key forever.
        try:
            k.wait_for(r"Help[^\n]*\Z", timeout=3)
        except AssertionError:
            raise AssertionError(k.failure(
                f"round {i}: after a resize to {cols}x{rows} during a paint, "
                f"the key bar is not on the last row")) from None


def test_tiny_sizes_never_crash(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    k.resize(40, 10)
    k.wait_quiet()
    assert not re.search(r"too small", k.text(), re.I), k.failure("40x10 should still show the article")
    k.must_find("Stem cell therapy uses")
    # a compact layout down to 20x6 (issue 16, item 9)
    k.resize(20, 6)
    k.wait_quiet()
    assert not re.search(r"too small", k.text(), re.I), k.failure("20x6 should still show the article")
    k.resize(19, 9)
    k.wait_for(r"(?i)too small")
    assert k.alive()
    for cols, rows in [(1, 1), (2, 2), (10, 3), (1, 40), (200, 1), (19, 24), (80, 5)]:
        k.resize(cols, rows)
        k.wait_quiet()
        assert k.alive(), k.failure(f"the kiosk died at {cols}x{rows} (status {k.status})")
        if cols >= 19 and rows >= 2:
            assert re.search(r"(?i)too small", k.text()), k.failure(f"no 'too small' message at {cols}x{rows}")
    # a narrow window still shows the message for staff, wrapped
    k.resize(19, 5)
    k.wait_quiet()
    said = " ".join(ln.strip() for ln in k.lines())
    assert said.startswith("Screen too small: 19x5. The kiosk needs 20x6. Staff:"), k.failure("message not wrapped")
    k.send("down")  # keys while too small do not crash either
    k.send("tab", "enter", "]")
    k.wait_quiet()
    assert k.alive()
    k.resize(80, 24)
    k.wait_for(re.escape(THERAPY))
    assert THERAPY in header(k), k.failure("back at 80x24 the article is not shown")
    assert not re.search(r"too small", k.text(), re.I)
    k.assert_stream_clean()


def test_huge_terminal(spawn, bundled):
    k = home(spawn, bundled, cols=300, rows=150)  # the whole THERAPY article fits
    assert BUNDLED_TITLE in header(k)
    open_article(k, THERAPY)
    k.wait_for(r"Sections")
    for name in THERAPY_SECTIONS[1:]:
        k.must_find(name)  # every section is in the list
    k.send("end")
    k.wait_quiet()
    # at 72 characters a line the article is taller than 148 rows
    assert k.find("Will the cells be my own")
    assert k.alive()
    k.resize(80, 24)
    k.wait_quiet()
    k.resize(300, 150)
    k.wait_quiet()
    assert k.alive() and THERAPY in header(k)
    k.assert_stream_clean()


# ----- help, back, quit --------------------------------------------------------

def test_help_lists_keys(spawn, bundled):
    k = home(spawn, bundled)
    k.send("?")
    k.wait_for(r"Help")
    text = k.text()
    for word in ("Tab", "Esc", "Enter", "Page Down", "q"):
        assert re.search(r"\b" + re.escape(word) + r"\b", "\n".join(k.lines()[1:-1])), k.failure(f"the help does not list {word!r}")
    assert "Choose an article" not in text
    k.send("esc")
    k.wait_for(r"Choose an article")
    assert selected_article(k) == ARTICLES[0][0]


def test_f1_help_from_article_returns_to_article(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    goto_section(k, 3)
    k.send("f1")
    k.wait_for(r"Help")
    k.send("esc")
    k.wait_for(re.escape(THERAPY))
    assert section_no(k)[0] == 3, k.failure("after the help the article is not where it was")


def test_help_text_is_not_cut_at_80_columns(spawn, bundled):
    k = home(spawn, bundled)
    k.send("?")
    k.wait_for(r"Help")
    cut = [ln.rstrip() for ln in k.lines()[1:-1] if ln.rstrip().endswith(("…", "..."))]
    assert not cut, k.failure(f"help lines are cut off at 80 columns, a reader cannot see the end: {cut}")


@pytest.mark.parametrize("back_key", ["esc", "backspace", "left"])
def test_back_returns_home_with_same_selection(spawn, bundled, back_key):
    k = home(spawn, bundled)
    title = ARTICLES[2][0]
    open_article(k, title)
    k.send(back_key)
    k.wait_for(r"Choose an article")
    assert BUNDLED_TITLE in header(k)
    assert selected_article(k) == title, k.failure(f"after {back_key} the selection is not on {title!r}")


def test_q_quits_and_restores_terminal(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    k.send("q")
    assert k.wait_exit() == 0, k.failure(f"q ended with status {k.status}")
    raw = bytes(k.raw)
    rmcup = terminfo("xterm-256color", "rmcup").encode("latin-1")
    smcup = terminfo("xterm-256color", "smcup").encode("latin-1")
    assert smcup in raw, "the kiosk never entered the alternate screen"
    i = raw.rfind(rmcup)
    assert i >= 0, f"the alternate screen was not left (no rmcup); stream ends {raw[-80:]!r}"
    # After rmcup the terminal must be left alone: at most the restore of
    # keypad mode (rmkx) and plain log lines (the kiosk prints the log
    # lines it kept back once the screen is restored; see src/log.h).
    tail = raw[i + len(rmcup):]
    rmkx = terminfo("xterm-256color", "rmkx").encode("latin-1")
    rest = tail.replace(rmkx, b"", 1).replace(b"\r", b"").replace(b"\n", b"")
    assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", rest.replace(b"\t", b"")), \
        f"control sequences after leaving the alternate screen: {tail!r}"
    assert raw.rfind(b"\x1b[?25h") > raw.rfind(b"\x1b[?25l"), "the cursor was left hidden"
    now = k.termios_now()
    for name, flag in (("ICANON", termios.ICANON), ("ECHO", termios.ECHO), ("ISIG", termios.ISIG)):
        assert (now[3] & flag) == (k.termios_start[3] & flag), f"terminal mode {name} not restored"
    assert (now[1] & termios.OPOST) == (k.termios_start[1] & termios.OPOST), "output processing not restored"
    assert (now[0] & termios.ICRNL) == (k.termios_start[0] & termios.ICRNL), "ICRNL not restored"


def test_hangup_ends_the_kiosk(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    status = k.hangup(timeout=5)
    assert status is not None, "the kiosk kept running after its terminal went away (it had to be killed)"


# ----- locales and terminals ---------------------------------------------------

def test_lang_c_shows_plain_ascii(spawn, bundled):
    k = home(spawn, bundled, lang="C")
    assert BUNDLED_TITLE in header(k)
    for name in TOPICS + [t for t, _ in ARTICLES_SHOWN]:
        k.must_find(name)
    k.assert_stream_clean()  # under LANG=C this includes: only ASCII bytes
    assert all(ord(c) < 128 for c in k.text()), k.failure("non-ASCII characters on the screen")
    open_article(k, ARTICLES[3][0])
    k.send("end")
    k.wait_quiet()
    k.assert_stream_clean()
    assert all(ord(c) < 128 for c in k.text()), k.failure("non-ASCII characters on the screen")


@pytest.mark.parametrize("term", ["linux", "vt100"])
def test_other_terminals(spawn, bundled, term):
    k = home(spawn, bundled, term=term)
    assert BUNDLED_TITLE in header(k)
    for name in TOPICS + [t for t, _ in ARTICLES_SHOWN]:
        k.must_find(name)
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    k.send("]")
    k.wait_for(r"Section 2 of")
    k.send("q")
    assert k.wait_exit() == 0


@pytest.mark.parametrize("term", ["no-such-terminal", "dumb"])
def test_unknown_or_unusable_term_falls_back(spawn, bundled, term):
    """A remote client may send any TERM: one with no description, or one
    that cannot move the cursor, gets a common type instead of an error."""
    k = home(spawn, bundled, term=term)
    assert BUNDLED_TITLE in header(k)
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    k.send("q")
    assert k.wait_exit() == 0


# ----- hostile content -----------------------------------------------------------

# Distinctive sequences: ncurses never sends these, so finding one in the
# output means content reached the terminal raw.
EVIL = {
    "osc_title": "\x1b]0;pwnedKIOSKTITLE\x07",
    "osc_title_st": "\x1b]2;pwnedSTTITLE\x1b\\",
    "osc8": "\x1b]8;;http://evil.example/\x1b\\",
    "sgr_magenta": "\x1b[38;5;201m",
    "clear": "\x1b[2J\x1b[3J",
    "c1_csi": "\u009b38;5;202m",
    "c1_osc": "\u009d0;pwnedC1TITLE\u009c",
    "dcs": "\x1bP1$qm\x1b\\",
    "bidi": "\u202e",
}
FORBIDDEN = [
    b"\x1b]0;pwned", b"\x1b]2;pwned", b"pwnedKIOSKTITLE\x07", b"\x1b]8;",
    b"\x1b[38;5;201m", b"\x1b[38;5;202m", b"\x1b[3J", b"\xc2\x9b", b"\xc2\x9d",
    b"\x1bP1$q", b"\xe2\x80\xae",
]


def hostile_articles():
    rnd = random.Random(4242)
    binary = bytes(rnd.randrange(256) for _ in range(4096)) + b"\x00" * 64 + b"\xff\xfe\x00\x00"
    huge = ("Hugeword " + "lorem ipsum dolor sit amet " * 40000 + "FINALWORD").encode()
    return {
        "01-good/good.md": "---\ntitle: A good article\ndescription: Plain and kind.\n---\n\nGood text here.\n\n## Second part\n\nMore good text.\n",
        "01-good/escapes-body.md": (
            "---\ntitle: Escapes in the body\ndescription: Sequences inside.\n---\n\n"
            f"Alpha{EVIL['osc_title']}Bravo and Charlie{EVIL['sgr_magenta']}Delta.\n\n"
            f"## Part {EVIL['clear']}two\n\n"
            f"Echo{EVIL['c1_csi']}Foxtrot{EVIL['c1_osc']}Golf{EVIL['dcs']}Hotel{EVIL['osc8']}India{EVIL['bidi']}Juliet\n\n"
            f"- item{EVIL['osc_title_st']}Kilo\n- `code{EVIL['sgr_magenta']}Lima`\n\n"
            f"```\nMike{EVIL['osc_title']}November\n```\n\n"
            f"[link{EVIL['sgr_magenta']}Oscar](x.md) and <b>html{EVIL['clear']}Papa</b>\n"
        ).encode("utf-8"),
        "01-good/escapes-title.md": (
            f"---\ntitle: \"Title{EVIL['osc_title']}Quebec\"\ndescription: \"Desc{EVIL['sgr_magenta']}Romeo\"\n---\n\n"
            f"Sierra text.\n"
        ).encode("utf-8"),
        "01-good/heading-title.md": (f"# Heading{EVIL['osc_title']}Tango\n\nUniform text{EVIL['c1_csi']}Victor.\n").encode("utf-8"),
        # Mostly text, with a few bytes that are not UTF-8 (as when a file is
        # saved as Latin-1): read as Windows-1252 (cp1252.h), never U+FFFD.
        "01-good/invalid-utf8.md": b"---\ntitle: Bad bytes\n---\n\n" + b"This text was saved in the wrong encoding. " * 8
        + b"\n\nWhiskey caf\xe9 Xray \xff Yankee \xc3 Zulu \xed\xa0\x80 end.\n\n" + b"More ordinary text follows here. " * 8 + b"\n",
        "02-odd/huge.md": b"---\ntitle: One huge paragraph\n---\n\n" + huge + b"\n",
        "02-odd/empty.md": b"",
        "02-odd/binary.md": binary,
    }


def test_hostile_content(spawn, make_content, make_config):
    content = make_content(hostile_articles(), glossary="# Glossary\n\n## Lorem\n\nA placeholder word.\n")
    k = spawn(["--config", make_config(content, title="Hostile test")])
    k.wait_for(r"A good article")
    k.must_find("Escapes in the body")
    k.must_find("One huge paragraph")

    sel_style = k.style(*k.must_find("A good article"))  # selected at start

    def visit(title, expect=()):
        """Selects the article whose title matches regex title, opens it,
        scrolls through it, and goes back."""
        k.send("home")
        k.wait_quiet()
        for _ in range(15):
            m = re.search(title, k.text())
            pos = m and k.find(m.group(0))
            if pos and k.style(*pos) == sel_style:
                break
            k.send("down")
            k.wait_quiet()
        else:
            raise k.failure(f"could not select the article {title!r}")
        k.send("enter")
        k.wait_quiet()
        assert k.alive(), k.failure(f"the kiosk died opening {title!r}")
        seen = flat(k.text())
        for word in expect:
            assert word in seen, k.failure(f"{word!r} (text around an injected sequence) is not shown")
        for key in ("end", "pgup", "pgup", "home", "pgdn", "tab", "enter", "esc"):
            k.send(key)
            k.wait_quiet(first=0.3)  # some keys change nothing here
            assert k.alive(), k.failure(f"the kiosk died on {key} in {title!r}")
        k.send("esc")
        k.wait_for(r"A good article")

    visit("Escapes in the body", ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Juliet"])
    # A title with control characters: the article is listed (under its
    # title or, when the front matter is refused, its file name).
    visit(r"Title\S*Quebec|Escapes title", ["Sierra text"])
    visit(r"Heading\S*Tango", ["Uniform text", "Victor"])
    visit("Bad bytes", ["Whiskey caf\u00e9 Xray \u00ff Yankee \u00c3 Zulu", "end."])
    visit("One huge paragraph", ["Hugeword lorem ipsum"])
    k.assert_raw_lacks(*FORBIDDEN)
    k.assert_stream_clean()
    assert k.alive()
    k.send("q")
    assert k.wait_exit() == 0


def test_hostile_huge_paragraph_end(spawn, make_content, make_config):
    content = make_content({k: v for k, v in hostile_articles().items() if "huge" in k})
    k = spawn(["--config", make_config(content, title="Huge test")])
    k.wait_for(r"One huge paragraph")
    k.send("enter")
    k.wait_for(r"Hugeword")
    k.send("end")
    k.wait_for(r"FINALWORD", timeout=20)
    k.send("pgup")
    k.wait_quiet()
    assert k.alive()
    k.resize(50, 20)
    k.wait_quiet()
    assert k.alive()
    k.assert_stream_clean()
