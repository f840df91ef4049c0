"""Languages (issue 18): the bundled content has en/ and tr/; the home
screen names each language by its own name at the right of its header,
a click (or Up from the first article, then Enter, or `l`) switches the
library, the glossary, the search and the interface; the waiting room's
idle reset returns to the default language."""

import os
import re
import subprocess
import time

from conftest import BUNDLED_CONTENT
from test_core import THERAPY, goto_section, home, open_article, section_no
from test_mouse import click

THERAPY_TR = "Kök hücre tedavisi nedir?"


def to_turkish(k):
    row, col = k.find("Türkçe")
    assert row == 0, k.failure("the languages are not on the header bar")
    click(k, row, col + 1)
    k.wait_for(re.escape(THERAPY_TR))


def test_home_names_each_language_and_a_click_switches(spawn, bundled):
    k = home(spawn, bundled)
    head = k.lines()[0]
    assert "English" in head and "Türkçe" in head, k.failure("no language names")
    to_turkish(k)
    text = k.text()
    # Titles and descriptions come from content/tr, the English ones are gone.
    assert "Kanıtsız tedavi satan kliniğin uyarı işaretleri" in text
    assert THERAPY not in text
    # Back again with the key shown in the key bar.
    assert "l: Language" in k.lines()[-1] or "l:" in k.lines()[-1]
    k.send("l")
    k.wait_for(re.escape(THERAPY))


def test_arrow_keys_and_enter_choose_a_language(spawn, bundled):
    k = home(spawn, bundled)
    k.send("up")          # from the first article onto the languages
    k.wait_quiet()
    k.send("enter")       # the last one named: Türkçe
    k.wait_for(re.escape(THERAPY_TR))


def test_turkish_definition_and_search(spawn, bundled):
    k = home(spawn, bundled)
    to_turkish(k)
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(THERAPY_TR))
    # Tab to the first highlighted word and Enter: a Turkish definition.
    k.send("tab")
    k.wait_quiet()
    k.send("enter")
    k.wait_quiet()
    assert re.search(r"Kök hücre|hücre|tedavi", k.text()), k.failure("no pane")
    defs = ("Vücudu onarmayı denemek için kök hücreleri",
            "Bir hücre türü. Kendinin kopyasını yapabilir")
    assert any(d in re.sub(r"\s+", " ", k.text()) for d in defs), \
        k.failure("no Turkish definition in the pane")
    k.send("esc", "esc")
    k.wait_quiet()
    # "hucre" (no accents, as typed on any keyboard) finds "hücre".
    k.send("/", *"hucre")
    k.wait_for(r"hücre", flags=re.I)
    assert re.search(r"(?i)kök hücre", k.text()), k.failure("no Turkish hit")


def test_switch_keeps_the_article_and_section(spawn, bundled):
    k = home(spawn, bundled)
    open_article(k, THERAPY)
    goto_section(k, 3)
    k.send("l")
    k.wait_for(r"\A[^\n]*" + re.escape(THERAPY_TR))
    # Both translations have the same sections: the same one is shown.
    assert section_no(k) == (3, 8), k.failure("not the same section")
    k.send("l")
    k.wait_for(r"\A[^\n]*" + re.escape(THERAPY))
    assert section_no(k)[0] == 3


def test_turkish_case_in_a_turkish_folder(spawn, make_content, make_config):
    content = make_content(
        # A term is marked once a section: one spelling in each.
        {"a.md": "# Işık\n\nGüneş ışık verir.\n\n## Bir\n\nIŞIK ve su.\n\n"
                 "## İki\n\nIşık da.\n\n## Üç\n\nBir işik yok.\n"},
        glossary="## Işık\nGörmemizi sağlayan şey.\n")
    conf = make_config(content, extra="language = tr\n")
    k = spawn(["--config", conf])
    k.wait_for("Işık")
    k.send("enter")
    k.wait_for("Güneş")
    row, col = k.must_find("ışık verir")
    plain = k.style(row, col + len("ışık "))
    for word in ("ışık verir", "IŞIK ve", "Işık da"):
        r, c = k.must_find(word)
        assert k.style(r, c) != plain, k.failure(f"{word!r} not highlighted")
    r, c = k.must_find("işik yok")
    assert k.style(r, c) == plain, k.failure("English i/I matched in Turkish")


def test_idle_reset_returns_to_the_default_language(spawn, make_config):
    conf = make_config(BUNDLED_CONTENT,
                       extra="mode = waiting-room\nidle_timeout = 2\n"
                             "attract_timeout = 0\n")
    k = home(spawn, ["--config", conf])
    to_turkish(k)
    t = time.monotonic()
    k.wait_for(re.escape(THERAPY), timeout=10)
    assert time.monotonic() - t < 8
    assert THERAPY_TR not in k.text()


def write(root, rel, text):
    p = os.path.join(root, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "w", encoding="utf-8") as f:
        f.write(text)


def test_check_across_languages(kiosk_bin, tmp_path):
    root = str(tmp_path / "content")
    fm = "---\ntitle: {}\ndate: 2026-11-01\nreviewed: 2026-11-01\n---\n\n"
    write(root, "en/articles/a.md", fm.format("A") + "The cat sat.\n")
    write(root, "en/articles/only-en.md", fm.format("B") + "The dog ran.\n")
    write(root, "en/glossary.md", "## Cat\nA small pet.\n\n## Dog\nA pet.\n")
    # Turkish: long words and long sentences, for a low Ateşman score.
    hard = ("Sürdürülebilirlik değerlendirmelerinin uluslararasılaştırılması "
            "çerçevesinde gerçekleştirilen karşılaştırmalı çalışmaların "
            "sonuçlarının yorumlanması hususunda dikkatlice değerlendirilmesi "
            "gerekmektedir. ")
    write(root, "tr/articles/a.md",
          fm.format("A") + hard * 3 +
          "\n\n[Öbürü](../../en/articles/only-en.md)\n")
    write(root, "tr/glossary.md", "## Kedi\nAlso: cat\n\nKüçük bir hayvan.\n")
    r = subprocess.run([kiosk_bin, "--check", root], capture_output=True,
                       timeout=60)
    out = r.stdout.decode()
    assert r.returncode == 1, out
    # Graded with the Turkish formula.
    assert re.search(r"tr/articles/a\.md:\d+: warning: reading ease .*Ateşman", out), out
    # The English article missing in Turkish, and the term.
    assert re.search(r"en/articles/only-en\.md: warning: .*no translation in tr/", out), out
    assert re.search(r"en/glossary\.md:4: warning: \"Dog\" is not in tr/glossary\.md", out), out
    assert '"Cat" is not' not in out  # paired through "Also: cat"
    # The link into the English folder.
    assert re.search(r"tr/articles/a\.md:\d+:\d+: error: link .* leads into the en/ folder", out), out


def test_reload_reloads_every_language(spawn, make_config, tmp_path):
    import shutil
    content = str(tmp_path / "content")
    shutil.copytree(BUNDLED_CONTENT, content)
    k = home(spawn, ["--config", make_config(content)])
    to_turkish(k)   # both languages are loaded now
    rel = os.path.join("articles", "01-stem-cell-basics",
                       "what-is-stem-cell-therapy.md")
    for lang, old, new in (("tr", THERAPY_TR, "Kök hücre tedavisi (yeni)"),
                           ("en", THERAPY, "Stem cell therapy (new)")):
        p = os.path.join(content, lang, rel)
        with open(p, encoding="utf-8") as f:
            text = f.read()
        with open(p + ".tmp", "w", encoding="utf-8") as f:
            f.write(text.replace(f"title: {old}", f"title: {new}", 1))
        os.replace(p + ".tmp", p)
    k.wait_for(re.escape("Kök hücre tedavisi (yeni)"))
    k.send("l")
    k.wait_for(re.escape("Stem cell therapy (new)"))


def test_the_interface_follows_the_language(spawn, bundled):
    """After choosing Türkçe the key bar and the help screen are Turkish,
    and English comes back with the language."""
    k = home(spawn, bundled)
    assert "Help" in k.lines()[-1], k.failure("no English key bar to start with")
    to_turkish(k)
    bar = k.lines()[-1]
    assert "Yardım" in bar and "Help" not in bar and "Move" not in bar, \
        k.failure(f"the key bar is not Turkish: {bar!r}")
    k.send("?")
    k.wait_for("Her tuş ne yapar")
    assert "Yardım: tuşlar" in k.lines()[0], k.failure("the help title is not Turkish")
    k.send("esc")
    k.wait_quiet()
    k.send("l")
    k.wait_for(re.escape(THERAPY))
    assert "Help" in k.lines()[-1], k.failure("English did not come back to the key bar")
