"""The waiting room on any console (issue 16, item 9): a compact layout
down to 20x6 with the home list, the article and the countdown readable;
below that a message for staff (nobody can resize a console); the
attract screen's text moves every few seconds so nothing burns in."""

import re
import time

from test_waiting_room import pin_line, waiting_room  # noqa: F401


def test_compact_at_20x6(spawn, waiting_room):  # noqa: F811
    k = spawn(waiting_room(idle=8), cols=20, rows=6)
    k.wait_for(r"Stem cell basics")
    assert not re.search(r"(?i)too small", k.text())
    k.must_find("What is stem")
    k.send("enter")
    k.wait_for(r"uses living cells")
    # the countdown: its number and unit are on screen at 20 columns
    k.wait_for(r"In \d seconds?", timeout=12)


def test_below_20x6_a_message_for_staff(spawn, waiting_room):  # noqa: F811
    k = spawn(waiting_room(), cols=30, rows=5)
    k.wait_for(r"too small")
    said = " ".join(ln.strip() for ln in k.lines())
    assert "30x5" in said and "needs 20x6" in said, k.failure("sizes not said")
    assert "Staff" in said and "bigger" not in said, k.failure("not a message for staff")


def test_attract_screen_moves(spawn, waiting_room):  # noqa: F811
    k = spawn(waiting_room(attract=1), cols=80, rows=24)
    m = k.wait_for(r"Press any key to start", timeout=10)
    first = k.find("Press any key to start")
    deadline = time.monotonic() + 12
    moved = None
    while time.monotonic() < deadline:
        k.wait_quiet()
        pos = k.find("Press any key to start")
        if pos and pos != first:
            moved = pos
            break
        time.sleep(0.5)
    assert moved, k.failure(f"the attract text stayed at {first}")
    assert m
