"""Words explained (w): every glossary term A to Z, narrowed as you type;
Enter explains a term and lists where it appears, each place a jump."""

import re

from test_core import home


def listed_terms(k):
    """Terms shown in the list, in screen order (the bold first column)."""
    out = []
    for line in k.lines()[4:-1]:
        name = line[2:28].strip()
        if name:
            out.append(name)
    return out


def test_all_terms_a_to_z(spawn, bundled):
    k = home(spawn, bundled)
    k.send("w")
    k.wait_for(r"(\d+) words, A to Z")
    total = int(re.search(r"(\d+) words", k.text()).group(1))
    assert total >= 30
    terms = listed_terms(k)
    assert terms == sorted(terms, key=str.lower), terms


def test_filter_as_you_type(spawn, bundled):
    k = home(spawn, bundled)
    k.send("w", *"signall")
    # "signall" is only in the alias "paracrine signalling"
    k.wait_for(r"1 word, A to Z")
    assert listed_terms(k) == ["Paracrine signaling"]
    k.send("backspace", "backspace", "backspace", "backspace", "backspace",
           "backspace", "backspace")
    k.wait_for(r"Find a word:  *\n")
    assert len(listed_terms(k)) > 5


def test_explain_and_jump_to_a_place(spawn, bundled):
    k = home(spawn, bundled)
    k.send("w", *"autologous")
    k.wait_for(r"1 word")
    k.send("enter")
    k.wait_for(r"Appears in")
    k.must_find("Cells or tissue that come from your own body.")
    places = [l.strip() for l in k.lines() if " > " in l]
    assert places, k.text()
    first = places[0]
    article, section = first.split(" > ", 1)
    k.send("enter")
    # the article opens at that section, the term explained beside it
    k.wait_for(re.escape(article))
    k.must_find("Cells or tissue that come from your own body.")
    pos = k.find("utologous")
    assert pos and k.cell(*pos)["reverse"], k.text()
    # Esc closes the explanation, Esc again returns to the term
    k.send("esc")
    k.wait_quiet()
    k.send("esc")
    k.wait_for(r"Appears in")
