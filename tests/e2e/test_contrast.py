"""Readable on the Linux console: every drawn character has a contrast
ratio of at least 4.5:1 (WCAG 2 AA) against its background, on every
screen and in every theme, computed cell by cell from what the kiosk sent
to a TERM=linux terminal, with the console's palette and with xterm's
default sixteen colours.

The console's rules: eight background colours; bold shows the bright
foreground; reverse video swaps the colours first and bold then brightens
the new foreground (drivers/tty/vt/vt.c build_attr).  The default colours
are light grey on black.  Dim (SGR 2) is not used for anything a patient
reads: the console shows it as dark grey."""

import re

import pytest

# The console's default palette (VGA), in ANSI order.
CONSOLE = ["000000", "aa0000", "00aa00", "aa5500", "0000aa", "aa00aa", "00aaaa", "aaaaaa",
           "555555", "ff5555", "55ff55", "ffff55", "5555ff", "ff55ff", "55ffff", "ffffff"]
# xterm's default 16 colours (bold shows the bright colour: boldColors).
XTERM = ["000000", "cd0000", "00cd00", "cdcd00", "0000ee", "cd00cd", "00cdcd", "e5e5e5",
         "7f7f7f", "ff0000", "00ff00", "ffff00", "5c5cff", "ff00ff", "00ffff", "ffffff"]
NAMES = ["black", "red", "green", "brown", "blue", "magenta", "cyan", "white"]

GLOSSARY = """## Stem cell
A cell that can make copies of itself and turn into other kinds of cells.

## Graft
Tissue moved from one place to another.
"""

ARTICLE = """---
title: About stem cells
description: What they are and what they may do
---
A stem cell can turn into other cells. Doctors may use a graft.

## How they work

- They make copies.
- They send signals. See [the next part](#what-to-ask).

## What to ask

Ask your care team. **Bold words** and *slanted words* and `code`.

> A quoted sentence.
"""


def luminance(hexrgb):
    def lin(c):
        c = c / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hexrgb[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def ratio(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def console_colours(cell, palette=CONSOLE):
    def index(name, default):
        if name == "default":
            return default
        if name in NAMES:
            return NAMES.index(name)
        if name.startswith("bright") and name[6:] in NAMES:
            return NAMES.index(name[6:]) + 8
        raise AssertionError(f"colour {name!r} is not a console colour")
    fg, bg = index(cell["fg"], 7), index(cell["bg"], 0)
    if cell["reverse"]:
        fg, bg = (fg & 8) | (bg & 7), fg & 7
    if cell["bold"]:
        fg ^= 8
    return palette[fg], palette[bg & 7]


def low_contrast(k, where):
    bad = []
    for row in range(k.screen.lines):
        for col in range(k.screen.columns):
            c = k.cell(row, col)
            if not c["char"].strip():
                continue
            for name, palette in (("console", CONSOLE), ("xterm", XTERM)):
                fg, bg = console_colours(c, palette)
                r = ratio(fg, bg)
                if r < 4.5:
                    bad.append(f"{where} ({name}): {c['char']!r} at {row},{col} is #{fg} on #{bg} "
                               f"({r:.1f}:1; {c['fg']}/{c['bg']} bold={c['bold']} reverse={c['reverse']})")
    return bad


@pytest.mark.parametrize("theme", ["default", "high-contrast", "mono"])
def test_every_cell_is_readable_on_the_console(spawn, make_content, make_config, kiosk_bin, theme):
    import subprocess
    pin = subprocess.run([kiosk_bin, "--hash-pin"], input=b"24681357\n",
                         capture_output=True, timeout=20).stdout.decode().strip()
    root = make_content({"01-basics/about.md": ARTICLE}, glossary=GLOSSARY)
    extra = f"mode = waiting-room\nidle_timeout = 4\nattract_timeout = 0\n{pin}\n"
    k = spawn(["--config", make_config(root, theme=theme, extra=extra)],
              cols=80, rows=24, env={"TERM": "linux"})
    bad = []
    k.wait_for("About stem cells")
    bad += low_contrast(k, "home")
    k.send("enter")
    k.wait_for("A stem cell can")
    bad += low_contrast(k, "article")
    k.send("tab")
    k.wait_quiet()
    bad += low_contrast(k, "focused word")
    k.send("enter")
    k.wait_for("make copies of itself")
    bad += low_contrast(k, "explanation pane")
    k.send("esc")
    k.wait_quiet()
    k.send("s")
    k.wait_quiet()
    bad += low_contrast(k, "section list")
    k.send("s")
    k.send("/")
    k.wait_quiet()
    k.send(*"cell")
    k.wait_for("About stem cells")
    bad += low_contrast(k, "search")
    k.send("esc")
    k.wait_quiet()
    k.send("w")
    k.wait_for("Graft")
    bad += low_contrast(k, "words A to Z")
    k.send("esc")
    k.wait_quiet()
    k.send("?")
    k.wait_quiet()
    bad += low_contrast(k, "help")
    k.send("esc")
    k.wait_quiet()
    k.send("x")   # an unbound key: a short notice
    k.wait_quiet()
    bad += low_contrast(k, "notice")
    k.wait_for(r"this goes back to the start", timeout=15)
    bad += low_contrast(k, "idle countdown")
    k.send("down")
    k.wait_quiet()
    k.send("\x18", "\x05")   # the staff chord: the PIN box
    k.wait_for("PIN")
    bad += low_contrast(k, "PIN box")
    assert not bad, "\n".join(bad[:40]) + f"\n({len(bad)} cells in all)\n" + k.dump()
    k._pump(0)
    dim = re.search(rb"\x1b\[(?:[0-9;]*;)?2(?:;[0-9;]*)?m", bytes(k.raw))
    assert dim is None, f"dim text (SGR 2) was sent: {bytes(k.raw[dim.start():dim.end() + 20])!r}"
