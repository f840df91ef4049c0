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


DARK = {"black"}


def _dark(colour, role):
    """Whether a cell colour is dark; the terminal's default is light
    text on a dark background."""
    if colour == "default":
        return role == "bg"
    return colour in DARK


def any_image(k, scale=6):
    """The screen as a picture, whatever way the code is drawn: half
    blocks (two modules per cell, one above the other) or reverse-video
    cells; each cell half is dark when the colour that paints it is."""
    rows, cols = len(k.lines()), k.cols
    img = PIL.new("L", (cols * scale, rows * 2 * scale), 255)
    px = img.load()
    for r in range(rows):
        for c in range(cols):
            cell = k.cell(r, c)
            ink, paper = _dark(cell["fg"], "fg"), _dark(cell["bg"], "bg")
            if cell["reverse"]:
                ink, paper = paper, ink
            ch = cell["char"]
            halves = (ink if ch in ("\u2580", "\u2588") else paper,
                      ink if ch in ("\u2584", "\u2588") else paper)
            for half, dark in enumerate(halves):
                if dark:
                    for y in range(scale):
                        for x in range(scale):
                            px[c * scale + x, (r * 2 + half) * scale + y] = 0
    return img


def decode_any(k, tmp_path):
    if not shutil.which("zbarimg"):
        pytest.skip("zbarimg (Debian zbar-tools) is not installed")
    path = tmp_path / "screen.png"
    any_image(k).save(path)
    out = subprocess.run(["zbarimg", "--quiet", "--raw", str(path)],
                         capture_output=True, text=True, timeout=30)
    return out.stdout.strip()


@pytest.mark.parametrize("size", [(80, 24), (132, 40)])
def test_article_address_scans(spawn, tmp_path, size):
    k = spawn(content(tmp_path), cols=size[0], rows=size[1])
    k.wait_for("Stem cell basics")
    k.send("u")
    k.wait_for(re.escape(URL[:40]))  # wrapped in the column beside the code
    k.must_find("Point your phone's camera at this code.")
    assert decode_any(k, tmp_path) == URL
    k.send("x")  # any key puts it away
    k.wait_for("Choose an article")


def test_focused_link_scans(spawn, tmp_path):
    k = spawn(content(tmp_path), cols=100, rows=40)
    k.wait_for("Stem cell basics")
    k.send("enter")
    k.wait_for("FDA advice")
    k.send("tab", "u")
    k.wait_for(re.escape(LINK[:40]))
    assert decode_any(k, tmp_path) == LINK


def test_no_address_says_so(spawn, tmp_path):
    k = spawn(content(tmp_path))
    k.wait_for("No address")
    k.send("down", "u")
    k.wait_for("There is no web address to take home here.")


# ----- issue 16, item 5: a long address at 80x24 on every terminal -----------

# 127 characters, as long as the FDA's consumer page on regenerative
# medicine (an address of the project's own, same shape).
LONG = ("https://www.clinic.example/patient-information/regenerative-medicine/"
        "consumers/what-to-know-about-stem-cell-products-and-clinic")
assert len(LONG) == 127

def long_content(tmp_path):
    arts = tmp_path / "l" / "articles"
    arts.mkdir(parents=True)
    (arts / "a.md").write_text(
        "---\ntitle: Regenerative medicine\norder: 1\nurl: " + LONG + "\n---\n\nText.\n",
        encoding="utf-8")
    return ["--content", str(tmp_path / "l")]


@pytest.mark.parametrize("term,lang", [("xterm-256color", "C.UTF-8"),
                                       ("linux", "C.UTF-8"),
                                       ("xterm-256color", "C"),
                                       ("linux", "C")])
def test_long_address_scans_at_80x24(spawn, tmp_path, term, lang):
    # LANG=C is what a session gets when the client sends no locale (PuTTY
    # sends none): the terminal still decodes UTF-8, so the code is drawn
    # with half blocks while every other character stays ASCII
    k = spawn(long_content(tmp_path), cols=80, rows=24, term=term, lang=lang,
              terminal_utf8=True)
    k.wait_for("Regenerative medicine")
    if lang == "C":
        assert all(ord(ch) < 128 for ch in k.text()), k.failure("LANG=C shows non-ASCII text")
    k.send("u")
    k.wait_for("Point your phone")
    assert "too small" not in k.text() and "needs" not in k.text()
    assert decode_any(k, tmp_path) == LONG, k.failure("the code does not decode")
    # the explanation is beside the code, not above it: on the code's rows
    row, col = k.find("Point your phone")
    assert col > 45 and row < 12, k.failure("the text is not beside the code")
    if lang == "C":
        assert all(ord(ch) < 128 or ch in "\u2580\u2584\u2588" for ch in k.text()), \
            k.failure("LANG=C shows non-ASCII text beside the code")


@pytest.mark.parametrize("term,lang", [("vt100", "C.UTF-8"), ("vt220", "C")])
def test_no_utf8_draws_reverse_cells(spawn, tmp_path, term, lang):
    # a terminal from before Unicode has no half blocks: a module is a
    # reverse-video cell, one row tall: the code of a long address needs
    # 45 rows, and a screen of 24 says so
    k = spawn(long_content(tmp_path), cols=80, rows=24, term=term, lang=lang)
    k.wait_for("Regenerative medicine")
    k.send("u")
    k.wait_for(r"needs 45 rows; the screen\s+has 24")
    k.must_find("https://www.clinic.example/")
    k.send("x")
    k.wait_for("Choose an article")
    big = spawn(["--content", str(tmp_path / "l")], cols=120, rows=48, term=term, lang=lang)
    big.wait_for("Regenerative medicine")
    big.send("u")
    big.wait_for("Point your phone")
    assert "\u2580" not in big.text() and "\u2584" not in big.text()
    assert decode_any(big, tmp_path) == LONG, big.failure("the code does not decode")
