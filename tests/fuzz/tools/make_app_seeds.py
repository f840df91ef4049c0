#!/usr/bin/env python3
"""Writes the seed inputs of fuzz_app (tests/fuzz/corpus/app/): short
sessions in each mode, in the input format fuzz_app.c describes.  Run it
again after changing it; the seeds are small and checked in."""
import os
import struct

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "corpus", "app")

KEY = lambda k: bytes([0x80, k])           # keys[k] in fuzz_app.c
RESIZE = lambda c, r: bytes([0x81, (c - 1) % 256, (r - 1) % 256])
TICK = lambda s: bytes([0x82, s])
CLICK = lambda x, y: bytes([0x83, x - 1, y - 1])
WHEEL = lambda d: bytes([0x84, d])
CHANGE = lambda k: bytes([0x86, k])
CHAR = lambda k: bytes([0x87, k])
DOWN, UP, PGDN, PGUP, TAB, BTAB, ENTER, ESC, F1 = KEY(1), KEY(0), KEY(9), KEY(8), KEY(18), KEY(19), KEY(20), KEY(22), KEY(23)
HOME, END = KEY(10), KEY(11)


def session(flags, size, events, article=None):
    head = bytes([flags | (0x80 if article is not None else 0), size])
    if article is not None:
        a = article.encode()
        head += struct.pack(">H", len(a)) + a
    return head + b"".join(events)


SEEDS = {
    "normal-read": session(0, 0, [DOWN, ENTER, PGDN, PGDN, TAB, ENTER, ESC, b"]", b"]", b"s", DOWN, ENTER, ESC, ESC]),
    "section-links": session(0, 0, [ENTER, TAB, ENTER, TAB, TAB, ENTER, ESC, TAB, TAB, TAB, ENTER, ESC, ESC]),
    "search": session(0, 3, [b"/", b"stem", ENTER, b"n", b"N", ESC, b"/", CHAR(0), CHAR(1), ENTER, ESC]),
    "glossary": session(0, 0, [b"w", b"st", DOWN, ENTER, ENTER, ESC, ESC]),
    "take-home": session(0, 0, [ENTER, b"u", ESC, TAB, b"u", b"x"]),
    "resizes": session(0, 0, [ENTER, RESIZE(40, 10), PGDN, RESIZE(1, 1), DOWN, RESIZE(200, 60), RESIZE(20, 5), TAB, RESIZE(80, 24)]),
    "mouse": session(0, 0, [CLICK(5, 4), CLICK(10, 8), WHEEL(1), WHEEL(0), CLICK(70, 5), bytes([0x85, 32, 40, 40])]),
    "waiting-room": session(1, 0, [ENTER, PGDN, TICK(12), TICK(10), DOWN, TICK(70), b"x", b"\x18\x05", b"000000\r", b"\x18\x05", b"246813\r"]),
    "waiting-room-pin": session(0x41, 1, [b"\x18\x05", b"1", b"\x7f", b"246813\r"]),
    "remote": session(2, 4, [ENTER, PGDN, TICK(31), DOWN]),
    "remote-max": session(2, 0, [ENTER, TICK(60), DOWN, TICK(61), DOWN]),
    "reload": session(0, 0, [ENTER, CHANGE(0), TICK(1), DOWN, CHANGE(1), TICK(1), DOWN, CHANGE(3), TICK(1), b"w", CHANGE(4), TICK(1), ESC]),
    "ascii-linux": session(4 | 8, 0, [ENTER, TAB, ENTER, ESC, b"?", ESC]),
    "themes": session(0x10, 0, [ENTER, TAB]) ,
    "own-article": session(0, 0, [END, ENTER, TAB, ENTER, PGDN],
                           "# Mine\n\n[back](#mine) [top](../01-basics/toc.md#what-are-the-risks)\n\n## Mine\n\n| a | b |\n|---|---|\n| stem cell | <b>x</b> |\n"),
}

os.makedirs(OUT, exist_ok=True)
for name, data in SEEDS.items():
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)
print(f"{len(SEEDS)} seeds in {os.path.normpath(OUT)}")
