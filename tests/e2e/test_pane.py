"""The explanation pane shows the whole definition (issue 16, item 3): it
grows to fit, and where it cannot, it scrolls with a "More below" cue and
its own keys in its own row (Page Down scrolls the pane while it has
more); it follows the highlighted word as Tab moves."""

import re


LONG = (
    "A kind of cell taken from bone marrow, fat or the cord of a newborn "
    "baby. In the lab these cells can grow into bone, cartilage or fat "
    "cells. They also send out signals that may calm swelling in the body. "
    "Doctors are still testing whether this helps people with sore joints, "
    "heart damage or other problems. Very few treatments that use them are "
    "approved anywhere in the world. A clinic that says they cure many "
    "different illnesses is selling hope, not proof, so ask your own doctor "
    "before you pay for anything. Studies that follow people for years are "
    "still needed to know whether these cells are safe over a long time, "
    "and which people they help most. Until then, treat big promises with "
    "care and look for the closing words of this explanation: finished here."
)

GLOSSARY = f"""# Glossary

## Stromal cell
Also: mesenchymal stromal cell, MSC, medicinal signalling cell

{LONG}

## Swelling

Puffiness when fluid builds up in a part of the body.
"""

ARTICLE = """---
title: Cells from the lab
description: Two words to look up.
---

Some clinics offer a stromal cell shot for knee pain.

Others say it takes the swelling down.
"""


def open_article(spawn, make_content, cols, rows):
    content = make_content({"01-a/cells.md": ARTICLE}, glossary=GLOSSARY)
    k = spawn(["--content", content], cols=cols, rows=rows)
    k.wait_for("Cells from the lab")
    k.send("enter")
    k.wait_for("knee pain")
    return k


def pane_text(k, rows):
    """The text rows of the bottom pane (between its border and key row)."""
    ls = k.lines()
    top = next(r for r in range(1, len(ls)) if ls[r].startswith("\u2500"))
    return top, [ls[r].strip() for r in range(top + 1, len(ls) - 2)], ls[-2]


def test_ten_line_definition_is_fully_readable_at_60x16(spawn, make_content):
    k = open_article(spawn, make_content, 60, 16)
    k.send("tab", "enter")
    k.wait_for("Stromal cell")
    _, text, bar = pane_text(k, 16)
    seen = " ".join(text)
    assert "More below" in bar, k.dump()
    for _ in range(10):
        if "finished here" in seen and "Also called" in seen:
            break
        k.send("pgdn")
        k.wait_quiet()
        _, text, bar = pane_text(k, 16)
        seen += " " + " ".join(text)
    else:
        raise k.failure("the end of the definition never came into view")
    words = re.sub(r"\s+", " ", seen)
    for w in ("bone marrow", "calm swelling", "selling hope", "finished here",
              "MSC"):
        assert w in words, f"{w!r} never shown in the pane\n{k.dump()}"
    assert "More below" not in bar and "End" in bar, k.dump()
    # the article did not move under the pane
    assert "Some clinics offer" in k.text(), k.dump()


def test_pane_grows_to_fit_a_short_definition(spawn, make_content):
    k = open_article(spawn, make_content, 80, 24)
    k.send("tab", "tab", "enter")
    k.wait_for("Puffiness")
    top, text, bar = pane_text(k, 24)
    assert [t for t in text if t] == [
        "Puffiness when fluid builds up in a part of the body."], k.dump()
    assert "More below" not in bar
    assert k.lines()[top + 2].startswith(" Esc: Close"), k.dump()


def test_pane_follows_tab(spawn, make_content):
    k = open_article(spawn, make_content, 80, 24)
    k.send("tab", "enter")
    k.wait_for("Stromal cell")
    k.send("tab")
    k.wait_for("Puffiness")
    assert "Stromal cell" not in k.lines()[pane_text(k, 24)[0]], k.dump()
    k.send("btab")
    k.wait_for("Stromal cell")


def test_also_called_line_never_cut_silently(spawn, bundled):
    """The first word of the first bundled article has other names: at
    80x24 they are in the pane; at 40x12 the pane says more is below and
    Page Down brings them."""
    for cols, rows in ((80, 24), (40, 12)):
        k = spawn(bundled, cols=cols, rows=rows)
        k.wait_for("Riverside")
        k.send("enter")
        k.wait_for(r"Section \d+ of \d+")
        k.send("tab", "enter")
        k.wait_for("\u2500 Stem cell therapy")
        _, text, bar = pane_text(k, rows)
        if cols == 80:
            assert "Also called: stem cell treatment" in text, k.dump()
            assert "More below" not in bar
        else:
            assert "More below" in bar, k.dump()
            k.send("pgdn")
            k.wait_for("Also called")
            _, text, bar = pane_text(k, rows)
            assert "More below" not in bar
        k.close()
