"""A list that does not fit says that more follows (issue 16, item 7):
the home list at 40x12 counts the articles below it, the search results
and the word list say which are shown of how many."""

import re

from test_core import ARTICLES


def test_home_at_40x12_announces_the_hidden_articles(spawn, bundled):
    k = spawn(bundled, cols=40, rows=12)
    k.wait_for("Choose an article")
    m = k.wait_for(r"(\d+) more articles? below")
    hidden = int(m.group(1))
    shown = sum(1 for t, _ in ARTICLES if t[:20] in k.text())
    assert hidden == len(ARTICLES) - shown, k.failure(f"{hidden} hidden, {shown} shown")
    # the cue is on its own row, above the key bar, not over an article
    assert "more article" in k.lines()[-2]
    # at the end of the list nothing more is below
    for _ in range(len(ARTICLES)):
        k.send("down")
    k.wait_gone(r"more articles? below")
    k.must_find(ARTICLES[-1][0][:20])


def test_search_and_words_say_what_is_shown(spawn, bundled):
    k = spawn(bundled, cols=40, rows=12)
    k.wait_for("Choose an article")
    k.send("/", *"cell")
    k.wait_for(r"1-3 of \d+\. More below\.")
    k.send("down", "down", "down")
    k.wait_for(r"\d+-\d+ of \d+\. More above and below\.")
    k.send("esc")
    k.wait_for("Choose an article")
    k.send("w")
    k.wait_for(r"1-\d+ of \d+\. More below\.")
    k.send(*"zzzz")
    k.wait_gone(r"More below")
