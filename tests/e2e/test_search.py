"""Search from anywhere: type, watch the results narrow, open one, land at
the words, step with n / N.  Runs the real ./kiosk in a pty (pyte)."""

import re

from test_core import ARTICLES, home


def selected_row(k):
    """First row of the selected result: drawn on a coloured or reverse
    background, unlike the others."""
    for r in range(4, len(k.lines()) - 1):
        c = k.cell(r, 1)
        if c["bg"] != "default" or c["reverse"]:
            return r
    return None


def results_count(k):
    m = re.search(r"(\d+) results?", k.text())
    return int(m.group(1)) if m else 0


def test_results_narrow_as_you_type(spawn, bundled):
    k = home(spawn, bundled)
    k.send("/")
    k.wait_for(r"Search: ")
    k.must_find("Type a word")
    counts = []
    for ch in "fibro":
        k.send(ch)
        k.wait_for(r"Search: " + re.escape("fibro"[: len(counts) + 1]) + r" *\n")
        counts.append(results_count(k))
    # every letter typed can only narrow the list, and it ends non-empty
    assert all(a >= b for a, b in zip(counts, counts[1:])), counts
    assert counts[-1] > 0
    assert counts[0] > counts[-1]
    # the best hit is the article whose title has the word
    k.must_find("Fibroblast treatments for the skin")
    # the matching words are highlighted in the result lines
    assert "Article in Skin and hair" in k.lines()[4]
    row, col = k.find("Fibro", start_row=5)
    assert k.cell(row, col)["reverse"]


def test_backspace_widens_and_esc_returns(spawn, bundled):
    k = home(spawn, bundled)
    k.send("/", "zzzq")
    k.wait_for(r"Nothing found")
    k.send("backspace", "backspace", "backspace", "backspace")
    k.wait_for(r"Search:  *\n")
    k.send("esc")
    k.wait_for(re.escape(ARTICLES[0][0]))
    k.must_find("Choose an article")


def test_open_result_lands_at_the_words(spawn, bundled):
    k = home(spawn, bundled)
    k.send("/", *"chondrocytes")
    k.wait_for(r"\d+ results?")
    # pick the first result that is article text (has "title > section")
    for _ in range(10):
        row = selected_row(k)
        if row is not None and " > " in k.lines()[row]:
            break
        k.send("down")
        k.wait_quiet()
    else:
        raise k.failure("no article-text result for chondrocytes")
    k.send("enter")
    k.wait_for(r"Section \d+ of \d+")
    # the words are on screen, highlighted
    pos = k.find("chondrocytes") or k.find("Chondrocytes")
    assert pos, k.text()
    assert k.cell(*pos)["reverse"]
    # Esc goes back to the results, query kept
    k.send("esc")
    k.wait_for(r"Search: chondrocytes *\n")


def test_accent_insensitive_query(spawn, tmp_path):
    arts = tmp_path / "c" / "articles"
    arts.mkdir(parents=True)
    (arts / "a.md").write_text(
        "---\ntitle: Clinic news\n---\n\nDr. Uzunçakmak now sees patients "
        "at the Şişli clinic on Mondays.\n", encoding="utf-8")
    k = spawn(["--content", str(tmp_path / "c")])
    k.wait_for("Clinic news")
    k.send("/", *"sisli")
    k.wait_for(r"1 result")
    k.must_find("Şişli")


def test_n_steps_through_places(spawn, bundled):
    k = home(spawn, bundled)
    k.send("/", *"stem cells")
    k.wait_for(r"\d+ results")
    # second result: body text of the first article
    k.send("down", "down", "enter")
    k.wait_for(r"Section \d+ of \d+")
    first = k.text()
    k.send("n")
    k.wait_quiet()
    assert k.text() != first, "n did not move to the next place"
    k.send("N")
    k.wait_quiet()
    assert k.text() == first, "N did not come back"
