"""Take it home: the `u` key shows a QR code of the article's web address
(or of the chosen link).  The code is read off the pty screen, drawn as an
image and decoded with zbarimg, as a phone would."""

import re
import shutil
import subprocess

import pytest

PIL = pytest.importorskip("PIL.Image")

URL = "https://clinic.example/articles/stem-cells-basics"
LINK = "https://www.fda.gov/consumers/consumer-updates/fda-warns-about-stem-cell-therapies"


def content(tmp_path):
    arts = tmp_path / "c" / "articles"
    arts.mkdir(parents=True)
    (arts / "a.md").write_text(
        "---\ntitle: Stem cell basics\norder: 1\nurl: " + URL + "\n---\n\n"
        "Read the [FDA advice](" + LINK + ") before any treatment.\n",
        encoding="utf-8")
    (arts / "b.md").write_text("---\ntitle: No address\norder: 2\n---\n\nText.\n")
    return ["--content", str(tmp_path / "c")]


def screen_image(k, scale=6):
    """The screen as a picture: each cell two modules tall (half blocks),
    dark where the glyph is drawn in the code's dark colour."""
    rows, cols = len(k.lines()), k.cols
    img = PIL.new("L", (cols * scale, rows * 2 * scale), 255)
    px = img.load()
    for r in range(rows):
        for c in range(cols):
            cell = k.cell(r, c)
            ch = cell["char"]
            # the code is drawn black on white; reverse video swaps them
            top = ch in ("\u2580", "\u2588")
            bottom = ch in ("\u2584", "\u2588")
            if cell["bg"] not in ("white", "default") and not cell["reverse"]:
                continue
            for half, dark in ((0, top), (1, bottom)):
                if not dark:
                    continue
                for y in range(scale):
                    for x in range(scale):
                        px[c * scale + x, (r * 2 + half) * scale + y] = 0
    return img


def decode(k, tmp_path):
    if not shutil.which("zbarimg"):
        pytest.skip("zbarimg (Debian zbar-tools) is not installed")
    path = tmp_path / "screen.png"
    screen_image(k).save(path)
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)],
                         capture_output=True, text=True, timeout=30)
    return out.stdout.strip()


@pytest.mark.parametrize("size", [(80, 24), (132, 40)])
def test_article_address_scans(spawn, tmp_path, size):
    k = spawn(content(tmp_path), cols=size[0], rows=size[1])
    k.wait_for("Stem cell basics")
    k.send("u")
    k.wait_for(re.escape(URL))
    k.must_find("Point your phone's camera at this code.")
    assert decode(k, tmp_path) == URL
    k.send("x")  # any key puts it away
    k.wait_for("Choose an article")


def test_focused_link_scans(spawn, tmp_path):
    k = spawn(content(tmp_path), cols=100, rows=40)
    k.wait_for("Stem cell basics")
    k.send("enter")
    k.wait_for("FDA advice")
    k.send("tab", "u")
    k.wait_for(re.escape(LINK[:60]))
    assert decode(k, tmp_path) == LINK


def test_no_address_says_so(spawn, tmp_path):
    k = spawn(content(tmp_path))
    k.wait_for("No address")
    k.send("down", "u")
    k.wait_for("There is no web address to take home here.")
