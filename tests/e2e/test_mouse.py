"""The mouse: click an article, a highlighted word, a section; the wheel
scrolls.  Sent as the SGR mouse reports xterm sends (1-based x;y)."""

import re

from test_core import ARTICLES, THERAPY, THERAPY_FIRST_TEXT, header, home


def click(k, row, col):
    k._write(f"\x1b[<0;{col + 1};{row + 1}M\x1b[<0;{col + 1};{row + 1}m".encode())


def wheel_down(k, row, col):
    k._write(f"\x1b[<65;{col + 1};{row + 1}M".encode())


def test_click_article_then_term(spawn, bundled):
    k = home(spawn, bundled, cols=120, rows=40)
    row, col = k.find(ARTICLES[1][0])
    click(k, row, col + 2)
    k.wait_for(r"\A[^\n]*" + re.escape(ARTICLES[1][0]))
    k.send("esc")
    k.wait_for("Choose an article")
    row, col = k.find(THERAPY)
    click(k, row, col)
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    # a highlighted word: "Stem cell therapy" starts the text and is a term
    row, col = k.find("Stem cell therapy uses")
    click(k, row, col + 1)
    k.wait_for(r"Esc: Close")
    assert k.find("Stem cell therapy", start_row=1), k.text()


def test_wheel_scrolls_and_section_click_jumps(spawn, bundled):
    k = home(spawn, bundled, cols=120, rows=40)
    k.send("enter")
    k.wait_for(re.escape(THERAPY_FIRST_TEXT))
    row, col = k.find(THERAPY_FIRST_TEXT)
    for _ in range(3):
        wheel_down(k, row, col)
    k.wait_quiet()
    assert not k.find(THERAPY_FIRST_TEXT), "the wheel did not scroll"
    # the section list is beside the text at 120 columns: click a section
    row, col = k.find("What are the risks?")
    click(k, row, col)
    k.wait_for(r"Section 7 of 8")
    assert "What are the risks?" in k.lines()[1]
