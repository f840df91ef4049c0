#!/usr/bin/python3
"""
run_fixtures.py: runs the layout fixtures, tests written as data.

    /usr/bin/python3 tests/layout/run_fixtures.py KIOSK DIR [--actual] [PATTERN...]

KIOSK is the kiosk binary (its --render mode is used); DIR holds the
fixture files (every *.md except glossary.md).  PATTERN limits the run to
examples whose "file:line" contains one of the patterns.  --actual prints
what the program renders for each example instead of comparing (for
writing fixtures: read the output carefully before pasting it in).

A fixture file reads like cmark's spec.txt: prose, and examples, each

    ```````````````````````````````` width=40
    Some *Markdown* input.
    .
    Some Markdown input.
    ````````````````````````````````

The opening fence is 32 backticks, a space and width=N, optionally followed
by " ascii" (render as for a terminal that cannot show UTF-8).  Between it
and the "." line is the input; between "." and the closing fence the
expected screen text, one screen line per line, with glossary terms shown
as {term} and links as <link text>.

For each example the input is written to articles/example.md inside a
fresh content folder whose glossary.md is DIR/glossary.md, and

    KIOSK --render FILE --width N --content FOLDER [--ascii]

is run.  The output must equal the expectation line by line (trailing
spaces and trailing empty lines are ignored), the program must exit with
status 0, no output line, with the markers taken out, may be wider than N
columns, and (except for ascii examples) no text may be lost: every
character of the input's text, as `cmark-gfm --unsafe` with GitHub's
extensions (tables, strikethrough, autolinks, task lists) reads it, less
the web site generators' syntax the kiosk leaves out (white space
aside), must show in the output in the same order.  Each failure
prints a unified diff; the last line is "N passed, M failed", and the exit status is 1 when anything failed (or no
example was found).
"""

import difflib
import glob
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata

FENCE = "`" * 32
OPEN_RX = re.compile(r"^`{32} width=(\d+)((?: [a-z]+)*)\s*$")
TIMEOUT = 20


class Example:
    def __init__(self, path, line, width, flags, source, expected):
        self.path, self.line = path, line
        self.width, self.flags = width, flags
        self.source, self.expected = source, expected

    @property
    def name(self):
        return f"{os.path.basename(self.path)}:{self.line}"


def parse_fixtures(path):
    """Examples of one fixture file; raises ValueError on a broken one."""
    examples = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    i = 0
    while i < len(lines):
        m = OPEN_RX.match(lines[i])
        if not m:
            if lines[i].startswith(FENCE):
                raise ValueError(f"{path}:{i + 1}: fence without width=N")
            i += 1
            continue
        start = i + 1
        width = int(m.group(1))
        flags = m.group(2).split()
        for fl in flags:
            if fl != "ascii":
                raise ValueError(f"{path}:{start}: unknown flag {fl!r}")
        i += 1
        source = []
        while i < len(lines) and lines[i] != ".":
            if lines[i] == FENCE:
                raise ValueError(f"{path}:{start}: example has no '.' line")
            source.append(lines[i])
            i += 1
        i += 1
        expected = []
        while i < len(lines) and lines[i] != FENCE:
            expected.append(lines[i])
            i += 1
        if i >= len(lines):
            raise ValueError(f"{path}:{start}: example is not closed")
        i += 1
        examples.append(Example(path, start, width, flags,
                                "\n".join(source) + "\n", expected))
    return examples


def char_width(ch):
    """Terminal columns of one character (as libunistring's uc_width for the
    characters fixtures use)."""
    if ch == "\u00ad":
        return 1
    if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
        return 0
    if "\u1160" <= ch <= "\u11ff":
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(s):
    return sum(char_width(c) for c in s)


def strip_markers(line):
    """The line as it shows on screen: {term} and <link> markers take no
    columns there."""
    return re.sub(r"[{}<>]", "", line)


class _HtmlText(html.parser.HTMLParser):
    """Text of cmark's HTML output as a reader would get it: character
    references decoded, image alt text kept, script and style dropped.
    Table cells go to .cells, one string each, not to .out: a table's
    cells are read row by row across columns that wrap, or as records
    that repeat the header, so they have no one order on screen."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.hidden, self.cells, self.cell = [], 0, [], None

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        if tag in ("td", "th"):
            self.cell = []
        if tag == "img":
            self.handle_data(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden:
            self.hidden -= 1
        if tag in ("td", "th") and self.cell is not None:
            self.cells.append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.hidden:
            return
        (self.cell if self.cell is not None else self.out).append(data)


def _visible_chars(s):
    """Characters of s that must show, in order: white space and the marker
    characters {}<> (which text may also contain) left out."""
    return [c for c in unicodedata.normalize("NFC", s) if not c.isspace() and c not in "{}<>"]


_SITE_SYNTAX = [
    re.compile(r"\{\{[<%].*?[>%]\}\}", re.S),      # Hugo shortcodes
    re.compile(r"\{%.*?%\}", re.S),                # Liquid/Jinja tags
    re.compile(r"\{\{[^\n]*?\}\}"),                 # variables
    re.compile(r"\{:[^}\n]*\}"),                    # {: ...}
    re.compile(r"\{(?:\s*(?:[.#][A-Za-z_][\w:-]*|[A-Za-z_][\w:-]*=(?:\"[^\"]*\"|'[^']*'|[^\s}]+)))+\s*\}"),
]


def strip_site_syntax(markdown):
    """The Markdown without web site generators' template and attribute
    syntax, which the kiosk leaves out (src/sitesyntax.h): roughly, for
    the lost-text check only."""
    parts = re.split(r"(`[^`\n]*`)", markdown)  # code spans stay
    for i in range(0, len(parts), 2):
        for rx in _SITE_SYNTAX:
            parts[i] = rx.sub("", parts[i])
    return "".join(parts)


def lost_text(markdown, output):
    """None when every character of markdown's text (as cmark reads it,
    white space aside) shows in output in the same order; else a short
    description of where text went missing.  Needs the cmark-gfm program."""
    if markdown.startswith("---"):  # front matter is not body text
        end = markdown.find("\n---", 3)
        if end >= 0:
            markdown = markdown[markdown.find("\n", end + 1) + 1:]
    markdown = strip_site_syntax(markdown)
    r = subprocess.run(["cmark-gfm", "--unsafe", "-e", "table", "-e", "strikethrough",
                        "-e", "autolink", "-e", "tasklist"], input=markdown.encode("utf-8"),
                       capture_output=True, timeout=TIMEOUT)
    p = _HtmlText()
    p.feed(r.stdout.decode("utf-8", "replace"))
    want = _visible_chars("".join(p.out))
    have = _visible_chars(output)
    i = 0
    for c in have:
        if i < len(want) and c == want[i]:
            i += 1
    if i < len(want):
        return (f"text missing from the output at {''.join(want[max(0, i - 15):i])!r} "
                f"+ {''.join(want[i:i + 20])!r} (white space not shown)")
    # Each word of each table cell must show (a word may be broken across
    # the lines of its cell, so the output is searched without white space
    # and rules).
    flat = "".join(c for c in have if c not in "\u2502|")
    for cell in p.cells:
        for word in cell.split():
            w = "".join(_visible_chars(word))
            if w and w not in flat:
                return f"table cell text missing from the output: {word!r} (in {cell!r})"
    return None


def normalize(lines):
    out = [ln.rstrip() for ln in lines]
    while out and out[-1] == "":
        out.pop()
    return out


def render(kiosk, ex, glossary, workdir):
    content = os.path.join(workdir, "content")
    shutil.rmtree(content, ignore_errors=True)
    os.makedirs(os.path.join(content, "articles"))
    if os.path.exists(glossary):
        shutil.copy(glossary, os.path.join(content, "glossary.md"))
    src = os.path.join(content, "articles", "example.md")
    with open(src, "w", encoding="utf-8") as f:
        f.write(ex.source)
    cmd = [kiosk, "--render", src, "--width", str(ex.width), "--content", content]
    if "ascii" in ex.flags:
        cmd.append("--ascii")
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TERM": "dumb"}
    return subprocess.run(cmd, capture_output=True, timeout=TIMEOUT, env=env, cwd=workdir), cmd


def check(kiosk, ex, glossary, workdir):
    """Returns a list of problem descriptions (empty: passed)."""
    try:
        r, cmd = render(kiosk, ex, glossary, workdir)
    except subprocess.TimeoutExpired:
        return [f"render did not finish within {TIMEOUT}s"]
    probs = []
    if r.returncode != 0:
        probs.append(f"exit status {r.returncode}; stderr: {r.stderr.decode('utf-8', 'replace').strip()[:500]}")
    try:
        out = r.stdout.decode("utf-8")
    except UnicodeDecodeError as e:
        probs.append(f"output is not valid UTF-8 ({e})")
        out = r.stdout.decode("utf-8", "replace")
    actual = out.split("\n")
    if actual and actual[-1] == "":
        actual.pop()
    for n, ln in enumerate(actual, 1):
        w = text_width(strip_markers(ln.rstrip()))
        if w > ex.width:
            probs.append(f"output line {n} is {w} columns wide (width={ex.width}): {ln!r}")
        if re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", ln):
            probs.append(f"output line {n} has a control character: {ln!r}")
        if "ascii" in ex.flags and re.search(r"[^\x00-\x7f]", ln):
            probs.append(f"output line {n} is not ASCII: {ln!r}")
    if "ascii" not in ex.flags and r.returncode == 0:
        lost = lost_text(ex.source, out)
        if lost:
            probs.append(lost)
    exp, act = normalize(ex.expected), normalize(actual)
    if exp != act:
        diff = difflib.unified_diff(exp, act, "expected", "actual", lineterm="")
        probs.append("output differs:\n" + "\n".join("    " + d for d in diff))
    if probs:
        probs.insert(0, "command: " + " ".join(cmd))
    return probs


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    opts = [a for a in argv[1:] if a.startswith("--")]
    if len(args) < 2 or any(o not in ("--actual",) for o in opts):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    kiosk, fdir, patterns = os.path.abspath(args[0]), args[1], args[2:]
    if shutil.which("cmark-gfm") is None:
        print("run_fixtures: the cmark-gfm program is needed (Debian package cmark-gfm)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    if not os.access(kiosk, os.X_OK):
        print(f"run_fixtures: {kiosk} is missing or not executable (build it first)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    glossary = os.path.join(fdir, "glossary.md")
    files = sorted(p for p in glob.glob(os.path.join(fdir, "*.md"))
                   if os.path.basename(p) != "glossary.md")
    examples = []
    broken = 0
    for p in files:
        try:
            examples += parse_fixtures(p)
        except ValueError as e:
            print(f"FAIL {e}")
            broken += 1
    if patterns:
        examples = [e for e in examples if any(pt in e.name for pt in patterns)]

    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="kiosk-layout-") as work:
        for ex in examples:
            if "--actual" in opts:
                r, _ = render(kiosk, ex, glossary, work)
                print(f"{FENCE} width={ex.width}{''.join(' ' + f for f in ex.flags)}   # {ex.name} exit {r.returncode}")
                print(ex.source, end="")
                print(".")
                print(r.stdout.decode("utf-8", "replace"), end="")
                print(FENCE)
                if r.stderr:
                    print("stderr:", r.stderr.decode("utf-8", "replace"))
                continue
            probs = check(kiosk, ex, glossary, work)
            if probs:
                failed += 1
                print(f"FAIL {ex.name} (width={ex.width}{' ascii' if 'ascii' in ex.flags else ''})")
                for pr in probs:
                    print("  " + pr)
            else:
                passed += 1
    if "--actual" in opts:
        return 0
    failed += broken
    if not examples and not broken:
        print(f"run_fixtures: no examples found in {fdir}", file=sys.stderr)
        failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
