"""
`kiosk --render` on the bundled articles, at many widths: every line fits
the width, no text is lost, the output is clean, and --ascii is ASCII.
(The layout fixtures in tests/layout check exact output on small inputs;
these check properties on the real content.)
"""

import glob
import os
import re
import subprocess
import sys

import pytest

from conftest import BUNDLED_EN
from test_core import ARTICLES

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "layout"))
import run_fixtures as rf  # noqa: E402

ARTICLE_FILES = sorted(glob.glob(os.path.join(BUNDLED_EN, "articles", "*", "*.md")))
WIDTHS = [12, 20, 33, 40, 60, 78, 80, 132]


def render(kiosk_bin, path, width, ascii=False):
    cmd = [kiosk_bin, "--render", path, "--width", str(width), "--content", BUNDLED_EN]
    if ascii:
        cmd.append("--ascii")
    r = subprocess.run(cmd, capture_output=True, timeout=20,
                       env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "dumb"})
    assert r.returncode == 0, f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.decode(errors='replace')}"
    return r.stdout.decode("utf-8")


def test_bundled_articles_exist():
    assert len(ARTICLE_FILES) == len(ARTICLES), ARTICLE_FILES


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=os.path.basename)
def test_render_fits_and_loses_nothing(kiosk_bin, path):
    source = open(path, encoding="utf-8").read()
    for width in WIDTHS:
        out = render(kiosk_bin, path, width)
        for n, line in enumerate(out.split("\n"), 1):
            w = rf.text_width(rf.strip_markers(line))
            assert w <= width, f"width {width}, line {n} is {w} columns: {line!r}"
            assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", line), f"control character in line {n}: {line!r}"
        lost = rf.lost_text(source, out)
        assert lost is None, f"width {width}: {lost}"


@pytest.mark.parametrize("path", ARTICLE_FILES, ids=os.path.basename)
def test_render_ascii(kiosk_bin, path):
    for width in (20, 80):
        out = render(kiosk_bin, path, width, ascii=True)
        bad = [ln for ln in out.split("\n") if re.search(r"[^\x20-\x7e]", ln)]
        assert not bad, f"width {width}: lines that are not plain ASCII: {bad[:3]}"
        for n, line in enumerate(out.split("\n"), 1):
            assert len(rf.strip_markers(line)) <= width, f"width {width}, line {n}: {line!r}"


def test_render_marks_autologous(kiosk_bin):
    path = os.path.join(BUNDLED_EN, "articles", "01-stem-cell-basics", "what-is-stem-cell-therapy.md")
    out = render(kiosk_bin, path, 80)
    assert "{Autologous} cells come from you." in out
    # the link may wrap: its parts on two lines are joined here
    joined = re.sub(r">\s+<", " ", " ".join(ln.strip() for ln in out.split("\n")))
    assert "<Stem cells for healing and recovery>" in joined
