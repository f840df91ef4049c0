"""Links to sections: a table of contents in the same article, a link to a
section of another article, and fragments written in Turkish letters, with
or without accents, in any case.  Enter on such a link must land on the
section (its heading at the top and the title bar naming it), never crash
(this was a heap-use-after-free: the fragment was read from the layout the
open had just freed)."""

import re

import pytest

FILLER = "\n\n".join(
    f"Paragraph {i} of filler text that pushes the next heading well down "
    f"the screen so that landing on it is something a reader can see."
    for i in range(12))

GUIDE = f"""---
title: Caring for a wound
---
What this page covers:

- [Keeping it clean](#keeping-it-clean)
- [Signs of infection](#Signs-Of-Infection)
- [Nasıl yapılır](#igne-nasil-yapilir)
- [Same, as written](#İğne-Nasıl-Yapılır)
- [When to call](other.md#when-to-call-us)
- [Escaped](#i%C4%9Fne-nas%C4%B1l-yap%C4%B1l%C4%B1r)

{FILLER}

## Keeping it clean

{FILLER}

## Signs of infection

{FILLER}

## İğne nasıl yapılır?

{FILLER}
"""

OTHER = f"""---
title: Help after you leave
---
An introduction.

{FILLER}

## When to call us

{FILLER}
"""

# (tab presses to reach the link, heading expected at the top, title bar)
CASES = [
    (1, "Keeping it clean", "Section 2 of 4"),
    (2, "Signs of infection", "Section 3 of 4"),
    (3, "İğne nasıl yapılır?", "Section 4 of 4"),
    (4, "İğne nasıl yapılır?", "Section 4 of 4"),
    (5, "When to call us", "Section 2 of 2"),
    (6, "İğne nasıl yapılır?", "Section 4 of 4"),
]


@pytest.mark.parametrize("tabs,heading,where", CASES)
def test_enter_on_a_section_link_lands_on_the_section(spawn, make_content, make_config,
                                                       tabs, heading, where):
    root = make_content({"01-care/guide.md": GUIDE, "01-care/other.md": OTHER})
    k = spawn(["--config", make_config(root)], cols=80, rows=24)
    k.wait_for("Caring for a wound")
    row, _ = k.must_find("Caring for a wound")
    # the guide is listed first (alphabetical: Caring < Help)
    k.send("enter")
    k.wait_for("What this page covers")
    for _ in range(tabs):
        k.send("tab")
    k.wait_quiet()
    k.send("enter")
    k.wait_for(re.escape(where))
    assert k.alive(), "the kiosk died on Enter on a section link"
    found = k.find(heading)
    assert found and found[0] <= 2, k.failure(
        f"after Enter on link {tabs}, the heading {heading!r} is not at the top")
    k.send("down")
    k.wait_quiet()
    assert k.alive()
