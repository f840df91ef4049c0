"""Search covers article descriptions and forgives one typo in a word of
five letters or more, ranked below the exact matches (issue 16, item
12)."""

import re

ARTICLES = {
    "travel.md": "---\ntitle: Treatment abroad\norder: 1\n"
                 "description: Clinics in İstanbul and other cities\n---\n\n"
                 "Ask what a clinic abroad offers before you go.\n",
    "knee.md": "---\ntitle: Knee care\norder: 2\n"
               "description: Looking after your joints\n---\n\n"
               "## What cartilage does\n\n"
               "Cartilage is the smooth layer at the end of a bone.\n",
    "exact.md": "---\ntitle: Cartilege, a common misspelling\norder: 3\n---\n\n"
                "Some leaflets spell it this way.\n",
}


def start(spawn, make_content):
    k = spawn(["--content", make_content(ARTICLES)])
    k.wait_for("Treatment abroad")
    return k


def results(k):
    """The 'where' lines of the results, top to bottom."""
    out = []
    for r in range(4, len(k.lines()) - 1, 2):
        line = k.lines()[r].strip()
        if line:
            out.append((line, k.lines()[r + 1].strip()))
    return out


def test_a_word_only_in_a_description_is_found(spawn, make_content):
    k = start(spawn, make_content)
    k.send("/", *"istanbul")
    k.wait_for(r"1 result\b")
    where, text = results(k)[0]
    assert where == "Article", k.failure("not the article")
    assert "İstanbul" in text, k.failure("the description is not the snippet")
    k.send("enter")
    k.wait_for("Ask what a clinic abroad offers")


def test_one_typo_is_forgiven_below_exact_matches(spawn, make_content):
    k = start(spawn, make_content)
    k.send("/", *"cartilage")
    k.wait_for(r"3 results")
    # the two exact matches before the title one letter away
    assert "Cartilege" in results(k)[2][1], k.failure("the near match is not last")
    # "cartilege": the exact spelling first (the article that has it),
    # then the pages with "cartilage", one letter away
    k.send("backspace", "backspace", "backspace", *"ege")
    k.wait_for(r"Search: cartilege *\n")
    k.wait_for(r"[3-9] results")
    rs = results(k)
    assert "Cartilege" in rs[0][1], k.failure("the exact match is not first")
    assert any("Cartilage is the smooth" in t for _, t in rs[1:]), k.failure("typo not forgiven")
    assert len(rs) == 3
    # the word one typo away is highlighted in the snippet
    row, col = k.find("Cartilage is")
    assert k.cell(row, col)["reverse"], k.failure("the near word is not marked")


def test_short_words_need_the_exact_letters(spawn, make_content):
    k = start(spawn, make_content)
    k.send("/", *"knea")  # four letters: no typo allowed
    k.wait_for(r"Nothing found")
