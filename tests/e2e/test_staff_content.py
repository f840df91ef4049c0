"""
Content as clinic staff save it, through `kiosk --render` and `kiosk
--check`: front matter after a blank line or between Word's long dashes,
slips YAML cannot read (tabs, no-break spaces, curly quotes, keys in the
wrong case), hand-typed bullets and files saved as Windows-1252 ("ANSI").
What a patient would see must be the article, never its settings; what
staff read must name the problem where it is, with a fix that works.
"""

import os
import re
import subprocess

ENV = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "dumb"}


def render(kiosk_bin, content, rel, width=80):
    path = os.path.join(content, "articles", rel)
    r = subprocess.run([kiosk_bin, "--render", path, "--width", str(width),
                        "--content", content],
                       capture_output=True, timeout=20, env=ENV)
    assert r.returncode == 0, r.stderr.decode(errors="replace")
    return r.stdout.decode("utf-8")


def check(kiosk_bin, content, *extra):
    r = subprocess.run([kiosk_bin, "--check", content, *extra],
                       capture_output=True, timeout=20, env=ENV,
                       cwd=os.path.dirname(content))
    return r.returncode, r.stdout.decode("utf-8")


def lines_about(out, rel):
    return [l for l in out.splitlines() if f"articles/{rel}:" in l]


GLOSSARY = "## Sunscreen\n\nA cream that protects the skin from the sun.\n"
BODY = "Put on sunscreen before you go out. Wear a hat in the sun.\n"


def test_blank_line_and_word_fences_are_front_matter(kiosk_bin, make_content):
    em3 = "\u2014\u2014\u2014"
    files = {
        "t/blank.md": "\n---\ntitle: Blank line first\nreviewed: 2026-11-01\n---\n\n" + BODY,
        "t/word.md": f"{em3}\ntitle: Word fences\nreviewed: 2026-11-01\n{em3}\n\n" + BODY,
        "t/en.md": "\u2013\u2013\u2013\ntitle: En dashes\nreviewed: 2026-11-01\n...\n\n" + BODY,
        "t/bom.md": "\ufeff\r\n---\r\ntitle: BOM and CRLF\r\nreviewed: 2026-11-01\r\n---\r\n\r\n" + BODY,
    }
    content = make_content(files, glossary=GLOSSARY)
    for rel in files:
        out = render(kiosk_bin, content, rel)
        assert "title:" not in out and "reviewed:" not in out, out
        assert "2026-11-01" not in out, out
        assert "Wear a hat in the sun." in out
    rc, out = check(kiosk_bin, content)
    assert rc == 0, out
    assert not re.search(r"no \"reviewed\" date", out), out
    assert lines_about(out, "t/blank.md") == [
        f"{content}/articles/t/blank.md:1: warning: 1 blank line before the "
        "front matter's first \"---\"; the kiosk reads the front matter, but "
        "other tools show it as text: delete the blank line so that \"---\" "
        "is the first line"]
    word = lines_about(out, "t/word.md")
    assert len(word) == 2 and word[0].startswith(f"{content}/articles/t/word.md:1:1: warning: the front matter's first line is made of long dashes")
    assert word[1].startswith(f"{content}/articles/t/word.md:4:1: warning: the front matter's last line")
    assert any("ends with \"...\"" in l for l in lines_about(out, "t/en.md"))


def test_front_matter_without_fences_fails_check(kiosk_bin, make_content):
    content = make_content({
        "t/nofence.md": "title: Forgot the first line\nreviewed: 2026-11-01\n---\n\n" + BODY,
        "t/spaced.md": "- - -\ntitle: Spaced hyphens\n- - -\n\n" + BODY,
        "t/open.md": "---\ntitle: Never closed\n\n" + BODY,
    }, glossary=GLOSSARY)
    rc, out = check(kiosk_bin, content)
    assert rc == 1, out
    assert f"{content}/articles/t/nofence.md:1:1: error: this looks like front matter, but the kiosk cannot find its fences, so patients see it as text" in out
    assert f"{content}/articles/t/spaced.md:2:1: error: this looks like front matter" in out
    assert f"{content}/articles/t/open.md:1: error: front matter: the \"---\" on line 1 is never closed" in out


def test_invisible_slips_named_at_their_line(kiosk_bin, make_content):
    md = ("---\n"
          "title: \u201cSun care: the basics\u201d\n"
          "reviewed:\u00a02026-11-01\n"
          "Topic: Skin\n"
          "sources:\n"
          "\t- name: Leaflet\n"
          "\t  url: https://example.org/sun\n"
          "---\n\n" + BODY)
    content = make_content({"t/slips.md": md}, glossary=GLOSSARY)
    out = render(kiosk_bin, content, "t/slips.md")
    assert "title" not in out and "Leaflet" not in out
    rc, out = check(kiosk_bin, content)
    assert rc == 0, out  # all read as meant: warnings only
    got = lines_about(out, "t/slips.md")
    p = f"{content}/articles/t/slips.md"
    assert f"{p}:2:8: warning: curly quotes around the value" in "\n".join(got)
    assert f"{p}:3:10: warning: a no-break space after \"reviewed:\"" in "\n".join(got)
    assert (f"{p}:4:1: warning: unknown front matter key \"Topic\" (ignored); "
            "did you mean \"topic\"?") in "\n".join(got)
    assert f"{p}:6:1: warning: a tab at the start of the line" in "\n".join(got)
    assert f"{p}:7:1: warning: a tab at the start of the line" in "\n".join(got)
    assert "quotes (title" not in out  # no misleading advice
    assert "no \"reviewed\" date" not in out


def test_windows_1252_file_reads_right(kiosk_bin, make_content):
    md = ("---\ntitle: Caf\u00e9 hours\nreviewed: 2026-11-01\n---\n\n"
          "The caf\u00e9 opens at 9 \u2013 bring your \u201ccard\u201d \u2026 "
          "it costs \u20ac2.\n").encode("cp1252")
    txt = "Na\u00efve questions\n\nAsk the nurse \u2013 she can help.\n".encode("cp1252")
    gl = "## Caf\u00e9\n\nA place that sells coffee and food.\n".encode("cp1252")
    content = make_content({"t/ansi.md": md, "t/ansi.txt": txt}, glossary=gl)
    out = render(kiosk_bin, content, "t/ansi.md")
    assert "\ufffd" not in out
    assert "opens at 9 \u2013 bring your \u201ccard\u201d \u2026 it costs \u20ac2." in out
    out = render(kiosk_bin, content, "t/ansi.txt")
    assert "\ufffd" not in out and "Ask the nurse \u2013 she can help." in out
    rc, out = check(kiosk_bin, content)
    assert rc == 0, out
    got = lines_about(out, "t/ansi.md")
    assert got == [f"{content}/articles/t/ansi.md:2: warning: the file is not "
                   "saved as UTF-8; the kiosk reads it as Windows-1252 "
                   "(\"ANSI\"), first on this line in \"Caf\u00e9\": check that "
                   "it reads right, and save the file as UTF-8 (Notepad: Save "
                   "as, Encoding: UTF-8)"], out
    assert len(lines_about(out, "t/ansi.txt")) == 1
    assert f"{content}/glossary.md:1: warning: the file is not saved as UTF-8" in out


def test_hand_typed_bullets_are_lists(kiosk_bin, make_content):
    intro = "You can ease a cold at home:\n"
    items = ["Rest and sleep", "Drink plenty of water", "Take paracetamol",
             "Gargle salt water"]
    pasted = "".join(f"{b}\t{t}\n" for b, t in
                     zip(["\u2022", "\uf0b7", "\u00b7", "\u2013"], items))
    md = "---\ntitle: Colds\nreviewed: 2026-11-01\n---\n\n" + intro + pasted + \
         "\nSee a nurse \uf0b7 if it lasts.\n"
    txt = "Colds\n\n" + intro + pasted
    content = make_content({"t/colds.md": md, "t/colds.txt": txt}, glossary=GLOSSARY)
    for rel in ("t/colds.md", "t/colds.txt"):
        out = render(kiosk_bin, content, rel, width=40)
        lines = out.splitlines()
        assert "\uf0b7" not in out, out
        for t in items:
            assert f"\u2022 {t}" in lines, out
        assert not any("\t" in l for l in lines)


# Reading level by language.  Easy Turkish: short words, short sentences
# (Ateşman above 70).  Hard Turkish: one long sentence of long words.
TR_EASY = ("Bu ilac\u0131 tok karn\u0131na i\u00e7in. Bol su i\u00e7in. "
           "Ba\u015f\u0131n\u0131z d\u00f6nerse oturun. Araba "
           "kullanmay\u0131n. Sorunuz olursa bize sorun. Size yard\u0131m "
           "ederiz. Her g\u00fcn ayn\u0131 saatte al\u0131n.\n")
TR_HARD = ("Otolog k\u00f6k h\u00fccre tedavisinde hastan\u0131n kendi "
           "dokusundan al\u0131nan h\u00fccreler laboratuvarda "
           "\u00e7o\u011falt\u0131ld\u0131ktan sonra tedavi edilecek "
           "b\u00f6lgeye uygulanmaktad\u0131r ve iyile\u015fme "
           "s\u00fcrecinin de\u011ferlendirilmesi d\u00fczenli "
           "kontrollerle ger\u00e7ekle\u015ftirilmektedir.\n")
ES_EASY = ("Tome la pastilla con agua y con comida. No la tome en ayunas "
           "por la noche. Si le duele la cabeza, llame a su m\u00e9dico. "
           "Beba mucha agua cada d\u00eda.\n")
DE_HARD = ("Die autologe Stammzelltherapie beschreibt ein "
           "regenerativmedizinisches Behandlungsverfahren, bei welchem "
           "k\u00f6rpereigene mesenchymale Stromazellen entnommen, "
           "aufbereitet und anschlie\u00dfend zur\u00fcckgef\u00fchrt "
           "werden.\n")


def fm(lang=None):
    return ("---\ntitle: T\nreviewed: 2026-11-01\n" +
            (f"lang: {lang}\n" if lang else "") + "---\n\n")


def test_reading_level_by_language(kiosk_bin, make_content):
    content = make_content({
        "t/tr-easy.md": fm("tr") + TR_EASY,
        "t/tr-hard.md": fm("tr") + TR_HARD,
        "t/es-easy.md": fm("es") + ES_EASY,
        "t/de-hard.md": fm("de") + DE_HARD,
    }, glossary=GLOSSARY)
    rc, out = check(kiosk_bin, content)
    assert lines_about(out, "t/tr-easy.md") == [], out
    assert lines_about(out, "t/es-easy.md") == [], out
    assert lines_about(out, "t/de-hard.md") == [], out  # no formula: no grade
    hard = lines_about(out, "t/tr-hard.md")
    assert len(hard) == 1, out
    assert re.match(
        re.escape(f"{content}/articles/t/tr-hard.md:7: warning: reading ease ") +
        r"-?\d+\.\d" + re.escape(" (Ate\u015fman: very hard, below 30; target 50 "
                                 "or more, for grade 8); hardest sentence: \"Otolog k\u00f6k"), hard[0]), hard[0]
    assert "Flesch-Kincaid" not in out


def test_kiosk_language_and_glossary_grading(kiosk_bin, make_content, make_config):
    gl = GLOSSARY + ("\n## Mesenchymal stromal cell\n\nA multipotent progenitor "
                     "population characterised by immunomodulatory "
                     "properties and capacity for osteogenic, chondrogenic "
                     "and adipogenic differentiation.\n")
    content = make_content({"t/plain.md": fm() + TR_HARD,
                            "t/en.md": fm("en") + "Put on sunscreen. " * 12 + "\n"},
                           glossary=gl)
    rc, out = check(kiosk_bin, content)
    # English by default: the Turkish text gets a Flesch-Kincaid grade
    assert "reading level grade" in "\n".join(lines_about(out, "t/plain.md")), out
    g = [l for l in out.splitlines() if l.startswith(f"{content}/glossary.md:5:") and "definition" in l]
    assert len(g) == 1 and re.search(
        r"warning: reading level grade \d+\.\d for the definition of "
        r"\"Mesenchymal stromal cell\" \(Flesch-Kincaid, target 8\); "
        r"hardest sentence: \"A multipotent", g[0]), out
    # language = tr in kiosk.conf: articles without lang are Turkish
    conf = make_config(content, extra="language = tr\n")
    r = subprocess.run([kiosk_bin, "--check", "--config", conf],
                       capture_output=True, timeout=20, env=ENV)
    out = r.stdout.decode()
    assert "(Ate\u015fman: very hard" in "\n".join(lines_about(out, "t/plain.md")), out
    assert lines_about(out, "t/en.md") == [], out
    conf = make_config(content, extra="language = Turkish\n")
    r = subprocess.run([kiosk_bin, "--check", "--config", conf],
                       capture_output=True, timeout=20, env=ENV)
    assert "language" in r.stdout.decode() and "must be a language code" in r.stdout.decode()


def test_columns_count_characters(kiosk_bin, make_content):
    # 24 characters (30 bytes) before the link
    line = "A\u011fr\u0131 kesici \u00fcr\u00fcn\u00fc i\u00e7in: [buraya](yok.md) bak\u0131n.\n"
    content = make_content({"t/tr.md": fm("tr") + line}, glossary=GLOSSARY)
    rc, out = check(kiosk_bin, content)
    col = line.index("[") + 1
    assert col == 25 and len(line[:col].encode()) == 31
    assert f"{content}/articles/t/tr.md:7:{col}: error: link \"yok.md\" does not lead to any article" in out, out


def test_live_kiosk_shows_titles_not_front_matter(spawn, make_content, make_config):
    em3 = "\u2014\u2014\u2014"
    long_desc = "description: " + "A long description. " * 60 + "\n"  # past the 1 KiB head
    content = make_content({
        "t/a.md": "\n---\ntitle: Blank line first\norder: 1\n---\n\n" + BODY,
        "t/b.md": f"{em3}\ntitle: Word fences\norder: 2\n" + long_desc + f"{em3}\n\n" + BODY,
        "t/c.md": ("---\ntitle: Caf\u00e9 hours\norder: 3\n---\n\n" + BODY).encode("cp1252"),
    }, glossary=GLOSSARY)
    k = spawn(["--config", make_config(content)])
    k.wait_for("Caf\u00e9 hours")
    text = k.text()
    assert "Blank line first" in text and "Word fences" in text, text
    assert "title:" not in text and "\ufffd" not in text, text
    k.send("enter")
    k.wait_for("Wear a hat")
    assert "title:" not in k.text() and "order:" not in k.text(), k.text()
