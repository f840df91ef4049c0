#!/usr/bin/python3
"""
gen: deterministic content sets for the benchmark.

    /usr/bin/python3 bench/gen.py [--out bench/out] [--sizes 100,1000,10000]

Makes, under OUT (reused when already there and made by this version of
the generator with the same seed):

  content-N/articles/TTT-topic-name/aNNNNN-slug.md   N articles of ~8 KB
  content-N/glossary.md                               500 terms
  content-1mb/articles/01-long-read/long-read.md      one ~1 MiB article
  content-1mb/glossary.md
  content-one/articles/01-sample/<article 0>.md       article 0 alone
  content-one/glossary.md
  content-table/articles/01-services/services.md     a page with a table
                                                       of 200 rows
  html/article0.html, html/long-read.html,            the same articles as
  html/table.html                                      HTML (cmark-gfm,
                                                       front matter
                                                       removed)

Article i is the same file (same path, same bytes) in every content-N that
has it: topic folder = i // 25, and its links point only at articles below
100.  So "the first article" opened from each library is the same text.

Everything comes from one seeded generator (splitmix64, not Python's
random, so the bytes do not depend on the Python version).
"""

import argparse
import os
import shutil
import subprocess
import sys

SEED = 20261122
VERSION = 5          # bump when the output changes; stale sets are redone
ARTICLE_BYTES = 8 * 1024
LONG_BYTES = 1024 * 1024
PER_TOPIC = 25
NTERMS = 500


class Rng:
    """splitmix64: tiny, fast enough, and the same everywhere."""

    def __init__(self, seed):
        self.s = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.s = (self.s + 0x9E3779B97F4A7C15) & 0xFFFFFFFFFFFFFFFF
        z = self.s
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & 0xFFFFFFFFFFFFFFFF
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & 0xFFFFFFFFFFFFFFFF
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def pick(self, seq):
        return seq[self.next() % len(seq)]

    def chance(self, num, den):
        return self.next() % den < num


# ---- vocabulary -------------------------------------------------------------

PREFIXES = ["osteo", "chondro", "dermo", "neuro", "cardio", "hepato", "myo",
            "fibro", "angio", "lympho", "nephro", "gastro", "pneumo", "adipo",
            "hemato", "immuno", "endo", "epi", "peri", "histo", "cyto",
            "onco", "arthro", "derma", "leuko"]
ROOTS = ["blast", "cyte", "genesis", "plasty", "trophy", "lysis", "pathy",
         "scopy", "tomy", "gram", "plasia", "stasis", "kine", "toxin",
         "poiesis", "ectomy", "itis", "oma", "algia", "logy"]

NAMES = ["Zoë Müller", "José Peña", "Søren Kierkegård", "Łukasz Wróbel",
         "Nguyễn Văn An", "Chloé Dubois", "Ana Ferrão", "Björn Ångström",
         "Aoife Ó Briain", "İlker Şahin", "Renée Côté", "Jürgen Groß"]
TOPICS = ["bone and joint care", "skin and hair", "heart health",
          "the liver", "muscles and movement", "healing after surgery",
          "blood and circulation", "the immune system", "kidneys",
          "digestion", "lungs and breathing", "cell therapies",
          "pain relief", "children’s health", "older adults", "nutrition"]
WORDS = ("the body cells tissue doctor nurse treatment care patient heal "
         "repair support blood skin bone joint muscle study research team "
         "clinic visit question answer plan risk benefit option choice "
         "sample test result week month day hour small large new early "
         "late good safe clear simple common rare mild strong gentle slow "
         "quick daily usual careful healthy young older family friend "
         "home work water food sleep rest walk move help check ask tell "
         "show learn know feel notice change grow protect recover").split()
VERBS = ["may help", "can support", "often follows", "is linked to",
         "sometimes causes", "usually improves", "rarely affects",
         "is checked by", "works with", "is part of"]
OPENERS = ["In most cases", "For many people", "After a few weeks",
           "Before treatment", "During a visit", "At home",
           "In small studies", "Now and then", "Over time",
           "When in doubt"]
HEADINGS = ["What is it?", "How does it work?", "Who can have it?",
            "What happens on the day?", "What are the risks?",
            "How long does it take to heal?", "Questions to ask",
            "What the research says", "Looking after yourself",
            "When to call the clinic", "Costs and cover", "Myths and facts"]


def make_terms():
    """500 distinct pseudo-medical terms, the same every time."""
    terms = []
    for r in ROOTS:
        for p in PREFIXES:
            terms.append((p + r).capitalize())
    return terms[:NTERMS]


TERMS = make_terms()


def glossary_text(rng):
    out = ["# Glossary", ""]
    for i, t in enumerate(TERMS):
        out.append(f"## {t}")
        if i % 3 == 0:
            a = t.lower() + " cells"
            b = t.lower() + " process"
            out.append(f"Also: {a}, {b}")
        out.append("")
        n = 1 + rng.below(3)
        sents = [sentence(rng, terms=False) for _ in range(n)]
        out.append(" ".join(sents))
        out.append("")
    return "\n".join(out) + "\n"


def sentence(rng, terms=True):
    w = [rng.pick(WORDS) for _ in range(4 + rng.below(8))]
    if terms and rng.chance(1, 2):
        w.insert(rng.below(len(w)), TERMS[rng.below(len(TERMS))].lower())
    s = f"{rng.pick(OPENERS)}, the {w[0]} {rng.pick(VERBS)} " + " ".join(w[1:])
    k = rng.below(10)
    if k == 0:
        s += f" – as {rng.pick(NAMES)} puts it, “{rng.pick(WORDS)} first”"
    elif k == 1:
        s += f" — says {rng.pick(NAMES)}"
    elif k == 2:
        s += f" (the ‘{rng.pick(WORDS)}’ part)"
    return s + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(3 + rng.below(4)))


def topic_name(t):
    """Unique per folder: the kiosk merges folders whose names give the same
    topic, which would reorder the home screen."""
    n = TOPICS[t % len(TOPICS)]
    return n if t < len(TOPICS) else f"{n} {t // len(TOPICS) + 1}"


def article_path(i):
    t = i // PER_TOPIC
    folder = f"{t + 1:03d}-{topic_name(t).replace(' ', '-').replace('’', '')}"
    return os.path.join(folder, f"a{i:05d}-{slug(title_of(i))}.md")


def title_of(i):
    r = Rng(SEED * 31 + i)
    return f"{TERMS[r.below(len(TERMS))]} and {rng_word(r)} {rng_word(r)} care ({i + 1})"


def rng_word(r):
    return WORDS[r.below(len(WORDS))]


def slug(s):
    out = []
    for ch in s.lower():
        if ch.isalnum() and ch.isascii():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def body(rng, i, target, internal=True):
    """Markdown body of about target bytes (UTF-8)."""
    parts = []
    size = 0
    nsec = 0
    while size < target:
        h = HEADINGS[(nsec + i) % len(HEADINGS)]
        if nsec >= len(HEADINGS):
            h = f"{h[:-1]} (part {nsec // len(HEADINGS) + 1}){h[-1]}"
        parts.append(f"## {h}\n")
        nsec += 1
        k = rng.below(6)
        if k == 0:
            items = [f"- **{rng.pick(WORDS).capitalize()}.** {sentence(rng)}"
                     for _ in range(3 + rng.below(3))]
            parts.append("\n".join(items) + "\n")
        elif k == 1:
            items = [f"{n + 1}. {sentence(rng)}" for n in range(3 + rng.below(2))]
            parts.append("\n".join(items) + "\n")
        elif k == 2:
            j = rng.below(100)
            rel = os.path.relpath(article_path(j), os.path.dirname(article_path(i)))
            # Outside a library (content-one, the long read) the same
            # bytes are drawn, but the link is external.
            href = rel if internal else f"https://example.org/{slug(title_of(j))}"
            parts.append(f"{paragraph(rng)} See [{title_of(j)}]({href}) "
                         f"or the [NHS page](https://www.nhs.uk/conditions/{rng.pick(WORDS)}/).\n")
        if rng.chance(1, 4):
            parts.append(f"### {rng.pick(OPENERS)}\n")
        parts.append(paragraph(rng) + "\n")
        parts.append(paragraph(rng) + "\n")
        size = sum(len(p.encode()) + 1 for p in parts)
    return "\n".join(parts)


def front_matter(rng, i, title):
    y = 2023 + rng.below(3)
    m = 1 + rng.below(12)
    d = 1 + rng.below(28)
    desc = f"{sentence(rng, terms=False)[:-1]} – a plain guide."
    desc = desc.replace('"', "'")
    return ("---\n"
            f"title: \"{title}\"\n"
            f"description: \"{desc}\"\n"
            f"order: {i % PER_TOPIC + 1}\n"
            f"reviewed: {y}-{m:02d}-{d:02d}\n"
            f"tags: [{rng.pick(WORDS)}, {rng.pick(WORDS)}]\n"
            "---\n\n")


def article_text(i, internal=True):
    rng = Rng(SEED ^ (i * 0x10001 + 7))
    title = title_of(i)
    fm = front_matter(rng, i, title)
    intro = f"This guide was written with {rng.pick(NAMES)} and reviewed by {rng.pick(NAMES)}.\n\n"
    b = body(rng, i, ARTICLE_BYTES - len(fm.encode()) - len(intro.encode()), internal)
    text = fm + intro + b
    return trim_to(text, ARTICLE_BYTES)


TABLE_ROWS = 200


def table_text():
    """A page that is mostly a GitHub table of TABLE_ROWS rows, as clinics
    list services (three columns, the last one a sentence that wraps)."""
    rng = Rng(SEED + 2_000_003)
    title = "Services and phone numbers"
    fm = front_matter(rng, 0, title)
    intro = "A table of services, their phone numbers and when to call them.\n\n"
    rows = ["| Service | Phone | When to call |", "|---|---|---|"]
    for i in range(TABLE_ROWS):
        name = f"{rng.pick(WORDS).capitalize()} {rng.pick(WORDS)} service {i + 1}"
        phone = f"0{1000 + i} {100000 + rng.below(900000)}"
        rows.append(f"| {name} | {phone} | {sentence(rng).replace('|', '/')} |")
    return fm + intro + "\n".join(rows) + "\n\nAfter the table.\n"


def long_text():
    rng = Rng(SEED + 1_000_003)
    title = "A long read: everything about cell therapies"
    fm = front_matter(rng, 0, title)
    intro = "A very long article, to test scrolling and memory. It has many sections.\n\n"
    b = body(rng, 0, LONG_BYTES - len(fm.encode()) - len(intro.encode()), False)
    return trim_to(fm + intro + b, LONG_BYTES)


def trim_to(text, limit):
    """Cuts whole paragraphs (blank-line separated) so the file is at most
    a little over limit bytes, and ends with one newline."""
    data = text.encode()
    if len(data) > limit:
        paras = text.split("\n\n")
        while len("\n\n".join(paras).encode()) > limit and len(paras) > 3:
            paras.pop()
        text = "\n\n".join(paras)
    return text.rstrip("\n") + "\n"


def strip_front_matter(text):
    if text.startswith("---\n"):
        end = text.find("\n---\n", 4)
        if end >= 0:
            return text[end + 5:]
    return text


# ---- writing ----------------------------------------------------------------

def stamp_ok(dirpath, stamp):
    try:
        with open(os.path.join(dirpath, ".gen-stamp"), encoding="utf-8") as f:
            return f.read() == stamp
    except OSError:
        return False


def write_stamp(dirpath, stamp):
    with open(os.path.join(dirpath, ".gen-stamp"), "w", encoding="utf-8") as f:
        f.write(stamp)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def make_set(out, name, files, log):
    """files: list of (relative path under articles/, text getter)."""
    d = os.path.join(out, name)
    stamp = f"gen v{VERSION} seed {SEED} files {len(files)}\n"
    if stamp_ok(d, stamp):
        return d, False
    if os.path.exists(d):
        shutil.rmtree(d)
    tmp = d + ".tmp"
    if os.path.exists(tmp):
        shutil.rmtree(tmp)
    log(f"generating {name} ({len(files)} articles)")
    for rel, get in files:
        write(os.path.join(tmp, "articles", rel), get())
    write(os.path.join(tmp, "glossary.md"), glossary_text(Rng(SEED + 99)))
    write_stamp(tmp, stamp)
    os.rename(tmp, d)
    return d, True


def cmark_html(md_text, cmark="cmark", extensions=()):
    ext = [a for e in extensions for a in ("-e", e)]
    r = subprocess.run([cmark, "--to", "html"] + ext, input=md_text.encode(),
                       capture_output=True, check=True)
    return r.stdout.decode()


def html_page(title, body_html):
    return ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
            f"<title>{title}</title></head><body>\n{body_html}</body></html>\n")


def generate(out, sizes, log=print):
    """Makes every set; returns a dict of paths.  Reuses what exists."""
    os.makedirs(out, exist_ok=True)
    paths = {}
    cache = {}

    def text(i):
        if i not in cache:
            cache[i] = article_text(i)
        return cache[i]

    for n in sizes:
        files = [(article_path(i), (lambda i=i: text(i))) for i in range(n)]
        paths[f"content-{n}"], _ = make_set(out, f"content-{n}", files, log)
        cache.clear()
    long_rel = os.path.join("01-long-read", "long-read.md")
    paths["content-1mb"], _ = make_set(out, "content-1mb", [(long_rel, long_text)], log)
    a0_rel = os.path.join("01-sample", os.path.basename(article_path(0)))
    paths["content-one"], _ = make_set(out, "content-one", [(a0_rel, lambda: article_text(0, internal=False))], log)
    paths["article0.md"] = os.path.join(paths["content-one"], "articles", a0_rel)
    paths["long.md"] = os.path.join(paths["content-1mb"], "articles", long_rel)
    table_rel = os.path.join("01-services", "services.md")
    paths["content-table"], _ = make_set(out, "content-table", [(table_rel, table_text)], log)
    paths["table.md"] = os.path.join(paths["content-table"], "articles", table_rel)

    hd = os.path.join(out, "html")
    os.makedirs(hd, exist_ok=True)
    for key, name in (("article0.md", "article0.html"), ("long.md", "long-read.html"),
                      ("table.md", "table.html")):
        dst = os.path.join(hd, name)
        src = paths[key]
        if not os.path.exists(dst) or os.path.getmtime(dst) < os.path.getmtime(src):
            with open(src, encoding="utf-8") as f:
                md = f.read()
            title = md.split("title: \"", 1)[1].split("\"", 1)[0] if "title: \"" in md else name
            if key == "table.md" and shutil.which("cmark-gfm"):
                body_html = cmark_html(strip_front_matter(md), "cmark-gfm", ("table",))
            else:
                body_html = cmark_html(strip_front_matter(md))
            write(dst, html_page(title, body_html))
        paths[name] = dst
    return paths


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[1])
    ap.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    ap.add_argument("--sizes", default="100,1000,10000")
    a = ap.parse_args()
    sizes = [int(s) for s in a.sizes.split(",") if s]
    p = generate(a.out, sizes, log=lambda m: print(m, file=sys.stderr))
    for k, v in sorted(p.items()):
        print(f"{k}\t{v}")


if __name__ == "__main__":
    main()
