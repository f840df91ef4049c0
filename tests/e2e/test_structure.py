"""
The UI's one-way structure, checked on the sources (docs/styleguide.md):
no screen includes app.h, the models include no curses (so they are
tested without a terminal), and the UI's files stay under about 800
lines.
"""

import glob
import os
import re

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "src")
MODELS = ["reader", "nav", "waitroom", "listview", "outcome"]
UI = MODELS + ["app", "ui", "keys", "draw", "search", "search_text"]


def includes(path):
    with open(path, encoding="utf-8") as f:
        return re.findall(r'^#include [<"]([^>"]+)[>"]', f.read(), re.M)


def test_no_screen_includes_app_h():
    screens = glob.glob(os.path.join(SRC, "screen_*.[ch]"))
    assert len(screens) >= 10
    bad = [os.path.basename(p) for p in screens if "app.h" in includes(p)]
    assert not bad, f"screens that include app.h: {bad}"


def test_models_are_curses_free():
    for name in MODELS:
        for ext in ("h", "c"):
            path = os.path.join(SRC, f"{name}.{ext}")
            if not os.path.exists(path):
                continue
            inc = includes(path)
            bad = [i for i in inc if "curses" in i or i.startswith("screen_") or i == "app.h"]
            assert not bad, f"{name}.{ext} includes {bad}"


def test_ui_files_stay_small():
    files = glob.glob(os.path.join(SRC, "screen_*.c"))
    files += [os.path.join(SRC, f"{n}.c") for n in UI if os.path.exists(os.path.join(SRC, f"{n}.c"))]
    for path in files:
        with open(path, encoding="utf-8") as f:
            n = sum(1 for _ in f)
        assert n <= 800, f"{os.path.basename(path)} has {n} lines"
