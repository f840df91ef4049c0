#!/usr/bin/python3
"""
make_seeds: writes the seed corpora of tests/fuzz/corpus/<target>/.

The seeds are checked in; this script is how they were made (run it again
after editing, from anywhere).  Each seed is a small file shaped like real
content (front matter, pasted plain text, glossary entries, INI) or a
hostile one (escape sequences, invalid UTF-8, NUL bytes, deep nesting).
Targets whose input starts with option bytes (article, plaintext, layout)
get those bytes prepended here: see each fuzz_*.c.
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(os.path.dirname(HERE), "corpus")

FM_GOOD = """---
title: What is stem cell therapy?
description: What stem cells are, where they come from, and what is proven.
date: 2026-11-01
reviewed: 2026-11-01
topic: Stem cell basics
order: 1
url: https://clinic.example/stem-cells
tags: [stem-cell, basics]
sources:
  - name: Stem cell facts for patients
    url: https://example.org/stem-cells
  - url: https://example.org/only-url
---
"""

BODY_MD = """# What is stem cell therapy?

Stem cell therapy uses living cells to try to repair **damaged tissue**.
Your *own* cells are called autologous; cells from a donor are
allogeneic.  Read [the basics](../01-basics/what-is.md#how-it-works).

## How might stem cells help?

- Sending signals: growth factors and cytokines.
- Finding the injury ("homing").
  1. Step one
  2. Step two

> A mesenchymal stem cell (MSC) lives in bone marrow and fat.
> > Nested quote with `code` and a <a href="https://x.example">link</a>.

```
code block
    indented
```

---

![A diagram of a cell](cell.png) Patients at the Şişli clinic and in
Uzunçakmak asked: “Is it safe?” — ‘Ask your care team…’
"""

PLAIN = """Caring for your skin after treatment

Your skin may feel tight or look red for a few days. This is normal and
usually settles within a week.
Keep the area clean and dry.

What to avoid
Do not scratch or pick at the treated area.
Avoid hot baths, saunas and swimming pools for 48 hours.

You will need:
Gentle soap
Fragrance-free moisturiser
Sun cream

* Wash with lukewarm water
- Pat dry with a clean towel
• Apply moisturiser twice a day
1. Call us if it bleeds
2) Or if you get a fever

Patients from Şişli and Uzunçakmak told us: “It stopped itching after two days.” Dr. O’Neil said the redness fades — usually within a week… this line is long enough to count as one paragraph per line pasted text.
When to call us:
"""

GLOSSARY = """# Glossary

Text before the first heading is ignored.

## Autologous
Also: autologous cells, own-cell

Cells that come from **your own body**. Compare with allogeneic.

## Allogeneic

Cells from another person (a donor).

## Stem cell
Also: stem cells, progenitor

A cell that can make copies of itself.

## MSC
Also: mesenchymal stem cell, mesenchymal stromal cell

A stem cell found in bone marrow and fat.

## Şişli protocol
Also: Uzunçakmak method

A made-up term with Turkish letters.

## Therapy

Treatment.
"""

MATCH_TEXT = ("Autologous MSCs and allogeneic stem cells; therapies, "
              "AUTOLOGOUS cells, own-cell, the ŞIŞLI PROTOCOL and the "
              "uzunçakmak method. progenitors. stem\ncell")

INI = """; kiosk.conf
[kiosk]
title   = Riverside Test Clinic     ; shown on the home screen
content = content
theme   = high-contrast
mode    = waiting-room
idle_timeout = 90
attract_timeout = 300
pin_hash = $y$j9T$abcdefghijklmnop$ABCDEFGHIJKLMNOPQRSTUVWXYZ012345678
log     = /var/log/kiosk.log
review_months = 12
reading_grade = 8
"""

HTML = """<p>Text with <a href="https://clinic.example/a?b=1&amp;c=2" title='x'>a link</a>,<br/>
<b>bold</b> &ldquo;quotes&rdquo; &#8212; &#x2014; &nbsp; &unknown; &#0; &#xD800; &#1114112;
<!-- a comment --> <!DOCTYPE html> <?xml version="1.0"?>
<script>alert("<b>no</b>")</script><style>p{}</style>
<img src=cell.png alt="A cell"><div class="x" data-a=unquoted>Şişli</div></p>
"""

ESC = "\x1b[2J\x1b[H\x1b]0;owned\x07\x1bP+q\x1b\\\x9b31m\x1b[?1049l\x07\x08\x7f"
BIDI = "\u202eevil\u202c \u2066iso\u2069 \u2028sep\u2029"
WIDE = "全角の文字と組み合わせ e\u0301 \U0001F469\u200d\u2695\ufe0f 한국어"


def nest(open_, close, n, mid="x"):
    return open_ * n + mid + close * n


def write(target, name, data):
    d = os.path.join(CORPUS, target)
    os.makedirs(d, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


def u(s):
    return s.encode("utf-8")


def main():
    if os.path.isdir(CORPUS):
        shutil.rmtree(CORPUS)

    # frontmatter: raw bytes.
    fm = {
        "good.md": FM_GOOD + BODY_MD,
        "dots-end.md": FM_GOOD[:-4] + "...\nBody\n",
        "unclosed.md": "---\ntitle: never closed\n\nBody text\n",
        "crlf.md": FM_GOOD.replace("\n", "\r\n") + "Body\r\n",
        "bad-types.md": "---\ntitle: [a, b]\norder: many\ndate: 2026-13-45\ntags: {a: b}\n"
                        "sources: 7\nunknown_key: x\nwp_meta: {a: [1, 2]}\n---\n",
        "empty.md": "---\n---\n",
        "anchors.md": "---\na: &a [x, x, x, x]\nb: &b [*a, *a, *a, *a]\nc: &c [*b, *b, *b, *b]\n"
                      "tags: *c\ntitle: *a\n---\n",
        "deep-flow.md": "---\ntags: " + nest("[", "]", 200) + "\n---\n",
        "deep-block.md": "---\n" + "".join("  " * i + "k%d:\n" % i for i in range(60)) + "---\n",
        "esc-title.md": "---\ntitle: \"\\e[2Jhi\\x9b\\u202e\"\ndescription: " + ESC + "\n---\n",
        "invalid-utf8.md": b"---\ntitle: \xff\xfe\xc3\x28 caf\xe9\ntopic: \xed\xa0\x80\n---\n",
        "nul.md": b"---\ntitle: a\x00b\n---\n\x00",
        "tabs.md": "---\ntitle:\tx\n\ttags: [a]\n---\n",
        "dup-keys.md": "---\ntitle: a\ntitle: b\norder: 1\norder: 99999999999999999999\n---\n",
        "multidoc.md": "---\ntitle: a\n--- !!str\n...\n---\n",
        "tags-odd.md": "---\ntags: [~, null, 1, 2.5, true, '', [nested], {k: v}]\n"
                       "sources: [{name: a}, {url: b}, x, [], {name: [1]}]\n---\n",
        "bom.md": "\ufeff" + FM_GOOD,
    }
    for k, v in fm.items():
        write("frontmatter", k, v)

    # article: byte 0 = name (0 .md, 1 .txt, 2 .markdown, 3 none) | 4 keep
    # | 8 ascii; byte 1 = width-1.
    def art(name_bits, width, body):
        return bytes([name_bits, width - 1]) + (u(body) if isinstance(body, str) else body)
    write("article", "md-front", art(0 | 4, 80, FM_GOOD + BODY_MD))
    write("article", "md-nofront", art(0, 40, BODY_MD))
    write("article", "txt-plain", art(1 | 4, 60, PLAIN))
    write("article", "txt-front", art(1, 30, FM_GOOD + "Plain body\n"))
    write("article", "markdown-ascii", art(2 | 8, 20, BODY_MD))
    write("article", "noext-narrow", art(3, 1, PLAIN))
    write("article", "esc", art(1, 80, "Title\n\n" + ESC + "\nmore " + ESC))
    write("article", "invalid-utf8", art(1, 50, b"T\xe9st title\n\nCaf\xe9 au lait \xc3\x28 \xf0\x9f\x98\n"))
    write("article", "binary", art(0, 80, b"\x00\x01\x02\x03binary\xff\xfe"))
    write("article", "empty-space", art(0, 80, "  \n\t\n"))
    write("article", "bom-front", art(0, 80, "\ufeff" + FM_GOOD + BODY_MD))
    write("article", "deep-quote", art(0, 80, "> " * 300 + "deep\n"))
    write("article", "deep-list", art(1 | 4, 80, "".join("  " * i + "- x\n" for i in range(100))))
    write("article", "wide", art(0 | 8, 3, "# " + WIDE + "\n\n" + BIDI))

    # plaintext: byte 0 = file name (low 3 bits) and width (high 5 bits).
    def pt(name, wsel, body):
        return bytes([name | (wsel << 3)]) + (u(body) if isinstance(body, str) else body)
    write("plaintext", "leaflet", pt(0, 20, PLAIN))
    write("plaintext", "hard-wrapped", pt(1, 10, "Before your visit\n\nPlease arrive ten minutes\nearly and bring a list of\nyour medicines.\nAfter your visit\nyou may feel tired.\n"))
    write("plaintext", "no-title", pt(2, 15, "this starts in lower case and ends with a full stop. it goes on for a while, with commas, and then stops. Then another sentence.\n"))
    write("plaintext", "name-title", pt(4, 5, "A long opening sentence that is definitely over seventy characters long, ending with a full stop.\n"))
    write("plaintext", "colon-list", pt(1, 31, "Bring these:\nPhoto ID\nInsurance card\nMedication list\n\nThanks:\n"))
    write("plaintext", "crlf", pt(0, 8, PLAIN.replace("\n", "\r\n")))
    write("plaintext", "markdown-looking", pt(3, 12, "# Not a heading\n\n**not bold** [not](a link) <b>no html</b>\n    not code\n> not quote\n"))
    write("plaintext", "abbrev", pt(5, 7, "Dr. Smith et al. e.g. this, i.e. that. Mr. O’Neil vs. Mrs. Şahin.\n"))
    write("plaintext", "bullets-only", pt(6, 2, "• one\n• two\n\n1. a\n2. b\n10) c\n"))
    write("plaintext", "wide", pt(7, 0, WIDE + "\n" + BIDI + "\n"))

    # glossary: glossary text, "\n\x01\n", text to match.
    sep = "\n\x01\n"
    write("glossary", "good", GLOSSARY + sep + MATCH_TEXT)
    write("glossary", "dups", "## Cell\nAlso: cells, cell\n\nOne.\n\n## cell\n\nTwo.\n\n## Empty\n\n## Also\nAlso:\n\nx\n" + sep + "cell cells Cell")
    write("glossary", "no-heading", "Just text\nAlso: a, b\n" + sep + "a b")
    write("glossary", "odd-headings", "##NoSpace\n\n###  Three\n\n## \n\n##\tTab\n\nDef\n## Trailing ##\n\nDef\n" + sep + "three tab")
    write("glossary", "plurals", "## Process\n\nx\n\n## Therapy\n\ny\n\n## Box\n\nz\n\n## Bus\n\nw\n\n## MSC\n\nv\n" + sep + "processes therapies boxes buses MSCs msc")
    write("glossary", "unicode", "## İstanbul\nAlso: ǅemal, Straße, ΣΊΣΥΦΟΣ\n\nx\n" + sep + "i̇stanbul İSTANBUL ǆemal STRASSE σίσυφος")
    write("glossary", "invalid", b"## Caf\xe9\nAlso: \xff\xfe, \xc3\n\nx\x00y\n\n## A\x1b[2J\n\nz\n" + u(sep) + b"caf\xe9 \xff\xfe A\x1b[2J")
    write("glossary", "many-aliases", "## T\nAlso: " + ", ".join("a%d" % i for i in range(200)) + "\n\nd\n" + sep + " ".join("a%d" % i for i in range(0, 200, 7)))
    write("glossary", "overlap", "## stem\n\nx\n\n## stem cell\n\ny\n\n## cell therapy\n\nz\n" + sep + "stem cell therapy stem cells")

    # layout: bytes 0-1 width (little endian, % 300 + 1), byte 2 flags
    # (1 ascii, 2 ascii bullets, 4 mark all, 8 no glossary, 16 skip entry).
    def lay(width, flags, body):
        w = width - 1
        return bytes([w & 0xff, w >> 8, flags]) + (u(body) if isinstance(body, str) else body)
    write("layout", "article-80", lay(80, 0, BODY_MD))
    write("layout", "article-ascii-30", lay(30, 1 | 4, BODY_MD))
    write("layout", "article-1", lay(1, 0, BODY_MD))
    write("layout", "article-2-bullets", lay(2, 2, BODY_MD))
    write("layout", "wide-3", lay(3, 0, "# " + WIDE + "\n\n" + WIDE + " " + BIDI))
    write("layout", "esc", lay(40, 0, "# " + ESC + "\n\n" + ESC + " `" + ESC + "`\n\n```\n" + ESC + "\n```\n"))
    write("layout", "c1-entities", lay(40, 0, "&#x9b; &#155; &#27; &#x7f; &#0; &#x202e; &#x85; \\\x1b <span>&#x9b;</span>\n"))
    write("layout", "invalid-utf8", lay(20, 0, b"\xff\xfe \xc3\x28 \xe2\x82 \xed\xa0\x80 \xf4\x90\x80\x80 \xc2\x9b\n"))
    write("layout", "nul", lay(20, 0, b"a\x00b\n\n\x00# h\x00\n"))
    write("layout", "deep-quote", lay(60, 0, "> " * 500 + "deep\n"))
    write("layout", "deep-list", lay(60, 0, "".join("  " * i + "- x\n" for i in range(200))))
    write("layout", "deep-ordered", lay(60, 0, "".join("   " * i + "1234567. x\n" for i in range(50))))
    write("layout", "deep-emph", lay(60, 0, "*" * 300 + "x" + "*" * 300 + " " + "[" * 300 + "a" + "](u)" * 300))
    write("layout", "html", lay(50, 4, HTML + "\n\ntext <a href=\"u\">inline <b>link</b> open\n\n<script>\nx\n</script>\n"))
    write("layout", "links", lay(12, 0, "[a very long link text that wraps](https://example.org/a/very/long/url) [](empty) <https://auto.example> ![alt *em*](i.png \"t\")\n"))
    write("layout", "headings", lay(25, 0, "Setext\n===\n\n## ATX ##\n\n#### Four\n\n###### Six\n\n# \n\n####### seven\n"))
    write("layout", "tabs-code", lay(10, 0, "\tcode\twith\ttabs\n\n~~~ info string\nfenced\n~~~\n"))
    write("layout", "long-word", lay(7, 0, "x" * 500 + " " + "é" * 100 + " " + "全" * 50 + "\n"))
    write("layout", "hard-breaks", lay(30, 0, "line one  \nline two\\\nline three\n" + "soft\nbreaks\n"))
    write("layout", "terms", lay(30, 4, "Autologous MSC therapy with stem cells at the Şişli protocol, Uzunçakmak method.\n\n## Again\n\nAutologous again.\n"))

    # config: INI text.
    write("config", "full", INI)
    write("config", "defaults", "[kiosk]\n")
    write("config", "bad-values", "[kiosk]\ntheme = purple\nmode = party\nidle_timeout = -5\nattract_timeout = 1e9\nreview_months = abc\nreading_grade = 99999999999999999999\n")
    write("config", "unknown", "[other]\nkey = value\n[kiosk]\nnope = 1\nno equals sign\n= no key\n")
    write("config", "dups", "[kiosk]\ntitle = A\ntitle = B\ntheme = mono\ntheme = nope\n")
    write("config", "continuation", "[kiosk]\ntitle = Riverside\n  continued line\ncontent = ../elsewhere\n")
    write("config", "odd", "\ufeff[kiosk]\r\ntitle=Şişli Uzunçakmak\r\ncontent=/abs/path\r\n;comment\r\n#hash\r\n[kiosk\r\n")
    write("config", "esc", "[kiosk]\ntitle = " + ESC + "\nlog = \x1b]0;x\x07\n")
    write("config", "invalid-utf8", b"[kiosk]\ntitle = caf\xe9 \xff\xfe\n")
    write("config", "long-line", "[kiosk]\ntitle = " + "x" * 5000 + "\n")
    write("config", "empty-values", "[kiosk]\ntitle =\ncontent =\npin_hash =\nlog =\n")

    # html: raw bytes.
    write("html", "mixed", HTML)
    write("html", "unterminated", "<a href=\"never closed <b>bold <!-- comment never ends <!x")
    write("html", "entities", "&amp;&lt;&gt;&quot;&apos;&nbsp;&#65;&#x41;&#X41;&#;&#x;&#99999999999;&amp&hellip;&#xD800;&&;&#1114111;")
    write("html", "attrs", "<a href=x href='y' HREF = \"z\" alt title=>t</a><img/alt=a/src=b><a\thref\n=\n'q'>")
    write("html", "long-name", "<averyveryverylongtagnamethatistruncated href=u>x</averyveryverylongtagnamethatistruncated>")
    write("html", "esc", "<p title=\"" + ESC + "\">" + ESC + "</p>")
    write("html", "invalid", b"<p>\xff\xfe<a href=\"\xc3\">\x00</a>&#x80;&#x9b;")


if __name__ == "__main__":
    main()
