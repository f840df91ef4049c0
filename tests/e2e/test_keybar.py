"""The key bar names what each key does on that screen, in that state
(issue 16, item 10): Enter "Explain" on a word, "Open" on a link, absent
when nothing is chosen; no Esc on the home list, where it does nothing;
"?: Help" on every screen at any width; the cut mark is an ellipsis,
">" where the terminal has only ASCII."""

import re


def bar(k):
    return k.lines()[-1]


def start(spawn, bundled, cols=80, rows=24, **kw):
    k = spawn(bundled, cols=cols, rows=rows, **kw)
    k.wait_for("Riverside")
    return k


def test_home_bar_has_no_esc(spawn, bundled):
    k = start(spawn, bundled)
    assert "Esc" not in bar(k), k.dump()
    assert "Enter: Open" in bar(k) and "?: Help" in bar(k)


def test_enter_is_named_for_what_is_chosen(spawn, bundled):
    k = start(spawn, bundled)
    k.send("enter")
    k.wait_for(r"Section 1 of")
    assert "Enter" not in bar(k), k.dump()      # nothing chosen yet
    assert "Esc: Back" in bar(k)
    k.send("tab")                               # the first word is a term
    k.wait_for("Enter: Explain")
    k.send("enter")
    k.wait_for("Esc: Close")                    # Esc now closes the pane
    k.send("esc")
    k.wait_for("Esc: Back")
    k.send("end")
    k.wait_for(r", end")
    k.send("btab")                              # the link to the next article
    k.wait_for("Enter: Open")


def test_help_is_always_in_the_bar_at_40_columns(spawn, bundled):
    k = start(spawn, bundled, cols=40, rows=12)
    assert bar(k).rstrip().endswith("?: Help"), k.dump()
    k.send("enter")
    k.wait_for(r"Section 1 of")
    assert "?: Help" in bar(k), k.dump()
    k.send("tab", "enter")
    k.wait_for("\u2500 Stem cell therapy")
    assert "?: Help" in bar(k), k.dump()
    k.send("esc")
    k.wait_gone("\u2500 Stem cell therapy")
    k.send("/")
    k.wait_for("Search: ")
    assert "?: Help" in bar(k), k.dump()


def test_cut_mark_is_an_ellipsis_on_the_console_and_ascii_elsewhere(spawn, bundled):
    for term, lang, mark in (("xterm-256color", "C.UTF-8", "\u2026"),
                             ("linux", "C.UTF-8", "\u2026"),
                             ("xterm-256color", "C", ">")):
        k = spawn(bundled, cols=40, rows=12, term=term, lang=lang)
        k.wait_for("Riverside")
        k.send("enter")
        k.wait_for(r"Section 1 of")
        title = k.lines()[0]
        assert re.match(r" What is stem [a-z ]*" + re.escape(mark) + " ", title), \
            f"{term} {lang}: {title!r}"
        assert "~" not in title
        k.close()
