#!/usr/bin/python3
"""
bench/run.py: speed, bytes and memory of the kiosk against less, lynx and
w3m, measured from outside through a pseudo-terminal.  `make bench` runs

    /usr/bin/python3 bench/run.py --kiosk ./kiosk

Options:
  --kiosk PATH    the binary to measure (copied to bench/out first, so a
                  rebuild during the run does not change what is measured)
  --quick         1 run each, libraries of 100 and 1,000 articles, no
                  10,000-article set, callgrind only for the kiosk, no
                  perf/callgrind start-up profile
  --runs N        runs per figure (default 5; medians are reported)
  --no-callgrind  skip the instruction counts
  --no-profile    skip the start-up and keypress profiles
  --idle S        idle window in seconds (default 10)
  --out DIR       work folder (default bench/out, git-ignored)
  --results FILE  the markdown report (default bench/results.md; --quick
                  writes bench/out/results-quick.md unless given)
  --open-only ARTS  only the kiosk on these articles (comma-separated keys
                  of ARTICLES: bundled, a0, long, table): CPU to open each
                  (median of --runs) and callgrind Ir per step at 80x24
                  and 200x60, printed as a table; no report is written

See bench/README.md for what each figure means.
"""

import argparse
import atexit
import datetime
import hashlib
import json
import os
import pickle
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import gen  # noqa: E402
import ptyrun  # noqa: E402
from ptyrun import Session  # noqa: E402

SIZES = [(80, 24), (200, 60)]
KIOSK_TITLE = "Bench kiosk"
BUNDLED_ARTICLE = "en/articles/01-stem-cell-basics/what-is-stem-cell-therapy.md"
QUIET = 0.1
QUIET_RESIZE = 0.25
DEBIAN_PACKAGES = ["less", "lynx", "w3m", "cmark", "valgrind", "linux-perf",
                   "python3-pyte"]

# The articles compared program against program.
ARTICLES = {
    # key: (label, body text that shows the article is painted)
    "bundled": ("bundled article (5 KB)", "Stem cell therapy uses living"),
    "a0": ("generated article (8 KB)", "This guide was written with"),
    "long": ("long article (1 MiB)", "A very long article"),
    "table": ("page with a 200-row table (21 KB)", "A table of services"),
}


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def median(xs):
    xs = [x for x in xs if x is not None]
    return statistics.median(xs) if xs else None


# ---- keys -----------------------------------------------------------------------

def tput(cap, term="xterm-256color"):
    r = subprocess.run(["tput", "-T", term, cap], capture_output=True)
    return r.stdout if r.returncode == 0 else None


def cursor_key(s, name):
    """Down in the mode the program set (application mode after smkx)."""
    s.parse()
    app = (1 << 5) in s.screen.mode
    return {"down": b"\x1bOB" if app else b"\x1b[B"}[name]


PGDN = tput("knp") or b"\x1b[6~"

# Per program: what "scroll one line", "page down", "next section" and
# "next glossary term / link" are.  None: the program has no such key.
KEYS = {
    "kiosk": {"down": "down", "pgdn": PGDN, "section": b"]", "tab": b"\t"},
    "less": {"down": "down", "pgdn": PGDN, "section": None, "tab": None},
    # lynx: Down moves to the next link; its finest scroll is ^N (two lines)
    "lynx": {"down": b"\x0e", "pgdn": PGDN, "section": None, "tab": b"\t"},
    # w3m: Down moves the cursor; J scrolls the text one line
    "w3m": {"down": b"J", "pgdn": PGDN, "section": None, "tab": b"\t"},
}
KEY_ORDER = ["down", "pgdn", "section", "tab", "resize"]
KEY_LABEL = {"down": "Down (1 line)", "pgdn": "PgDn", "section": "] (section)",
             "tab": "Tab (term/link)", "resize": "resize", "home_down": "home Down",
             "open": "Enter (open)", "noop": "unbound key (x)", "start": "start-up"}


# Search as you type: per library, a word of its text typed letter by
# letter (a glossary term), then, after erasing it, a word found nowhere.
SEARCH_WORD = {"bundled": "chondrocyte"}
SEARCH_WORD_GENERATED = "chondroblast"
SEARCH_NONE = "xylophone"


def search_queries(lib):
    return [("word", SEARCH_WORD.get(lib, SEARCH_WORD_GENERATED)), ("none", SEARCH_NONE)]


def resized(cols, rows):
    return cols - 10, rows - 4


# ---- the setup -----------------------------------------------------------------

class Bench:
    def __init__(self, a):
        self.a = a
        self.out = os.path.abspath(a.out)
        self.home = os.path.join(self.out, "home")
        os.makedirs(self.home, exist_ok=True)
        # A copy of its own (named for this run): ./kiosk may be rebuilt,
        # and another benchmark may run at the same time.
        self.kiosk = os.path.join(self.out, f"kiosk-under-test-{os.getpid()}")
        shutil.copy2(a.kiosk, self.kiosk)
        atexit.register(lambda: os.path.exists(self.kiosk) and os.remove(self.kiosk))
        with open(self.kiosk, "rb") as f:
            self.kiosk_sha = hashlib.sha256(f.read()).hexdigest()[:12]
        self.conf = os.path.join(self.out, "kiosk-bench.conf")
        with open(self.conf, "w") as f:
            f.write(f"[kiosk]\ntitle = {KIOSK_TITLE}\ncontent = content-one\n")
        self.have = {p: shutil.which(p) is not None for p in ("less", "lynx", "w3m", "cmark", "valgrind", "perf", "callgrind_annotate")}
        sizes = [100, 1000] if a.quick else [100, 1000, 10000]
        t = time.monotonic()
        self.paths = gen.generate(self.out, sizes, log=log)
        log(f"content ready ({time.monotonic() - t:.1f} s)")
        # the bundled article as HTML too
        hd = os.path.join(self.out, "html")
        bsrc = os.path.join(ROOT, "content", BUNDLED_ARTICLE)
        bdst = os.path.join(hd, "bundled.html")
        with open(bsrc, encoding="utf-8") as f:
            md = f.read()
        gen.write(bdst, gen.html_page("What is stem cell therapy?", gen.cmark_html(gen.strip_front_matter(md))))
        # (name, folder, title of its first article, ARTICLES key of that article)
        self.libraries = [("bundled", os.path.join(ROOT, "content"), "What is stem cell therapy?", "bundled")]
        for n in sizes:
            self.libraries.append((str(n), self.paths[f"content-{n}"], gen.title_of(0), "a0"))
        self.article = {
            "bundled": {"md": bsrc, "html": bdst, "content": os.path.join(ROOT, "content"),
                        "title": "What is stem cell therapy?"},
            "a0": {"md": self.paths["article0.md"], "html": self.paths["article0.html"],
                   "content": self.paths["content-one"], "title": gen.title_of(0)},
            "long": {"md": self.paths["long.md"], "html": self.paths["long-read.html"],
                     "content": self.paths["content-1mb"],
                     "title": "A long read: everything about cell therapies"},
            "table": {"md": self.paths["table.md"], "html": self.paths["table.html"],
                      "content": self.paths["content-table"],
                      "title": "Services and phone numbers"},
        }
        self.programs = ["kiosk"] + [p for p in ("less", "lynx", "w3m") if self.have[p]]
        if not self.have["cmark"]:
            self.programs = [p for p in self.programs if p not in ("lynx", "w3m")]

    # ---- sessions ----

    def spawn(self, argv, cols, rows):
        return Session(argv, cols, rows, cwd=self.out, home=self.home)

    def kiosk_argv(self, content):
        return [self.kiosk, "--config", self.conf, "--content", content]

    def program_argv(self, prog, art):
        a = self.article[art]
        if prog == "kiosk":
            return self.kiosk_argv(a["content"])
        if prog == "less":
            return ["less", a["md"]]
        return [prog, a["html"]]

    def ready(self, prog, art=None, home_title=None):
        """Predicate: the program's first complete frame is on screen."""
        if prog == "kiosk" and home_title is not None:
            t = home_title[:30]

            def f(s):
                ls = s.lines()
                return KIOSK_TITLE in ls[0] and any(t in ln for ln in ls) and ls[-1].strip() != ""
            return f
        body = ARTICLES[art][1]
        title = self.article[art]["title"][:30]
        if prog == "kiosk":
            def f(s):
                ls = s.lines()
                return title in ls[0] and body in "\n".join(ls) and ls[-1].strip() != ""
        elif prog == "less":
            def f(s):
                ls = s.lines()
                return ls[0].rstrip() == "---" and ls[-1].strip() != ""
        elif prog == "lynx":
            def f(s):
                ls = s.lines()
                return "Q)uit" in ls[-1] and body in "\n".join(ls)
        else:
            def f(s):
                ls = s.lines()
                return "Viewing" in ls[-1] and body in "\n".join(ls)
        return f

    def press(self, s, prog, key):
        """One key (or resize); returns dict bytes, ms, cpu_us, ticks."""
        n0 = s.nbytes
        c0, k0 = s.cpu()
        if key == "resize":
            tk = time.monotonic_ns()
            s.resize(*resized(s.cols, s.rows))
        else:
            data = KEYS[prog][key] if key in KEYS[prog] else key
            if data == "down":
                data = cursor_key(s, "down")
            tk = time.monotonic_ns()
            s.write(data)
        # A resize may make a program lay out the whole text again between
        # a first message and the repaint: a longer silence ends it.
        t_last, nb = s.wait_frame(None, since_bytes=n0, quiet=QUIET_RESIZE if key == "resize" else QUIET)
        c1, k1 = s.cpu()
        return {"bytes": nb, "ms": (t_last - tk) / 1e6 if t_last else None,
                "cpu_us": (c1 - c0) / 1e3, "ticks": k1 - k0,
                "anatomy": anatomy(bytes(s.raw[n0:]))}

    def article_session(self, prog, art, cols, rows):
        """First frame, the five keys, peak memory, hangup."""
        r = {"prog": prog, "art": art, "size": f"{cols}x{rows}"}
        s = self.spawn(self.program_argv(prog, art), cols, rows)
        try:
            if prog == "kiosk":
                t_home, nb = s.wait_frame(self.ready("kiosk", home_title=self.article[art]["title"]), quiet=QUIET)
                r["home_ms"] = (t_home - s.t0) / 1e6
                n0 = s.nbytes
                c0, _ = s.cpu()
                tk = time.monotonic_ns()
                s.write(b"\r")
                t_art, nb2 = s.wait_frame(self.ready("kiosk", art), since_bytes=n0, quiet=QUIET)
                r["open_ms"] = (t_art - tk) / 1e6
                r["open_cpu_us"] = (s.cpu()[0] - c0) / 1e3
                r["first_ms"] = r["home_ms"] + r["open_ms"]
                r["first_bytes"] = nb2
            else:
                t, nb = s.wait_frame(self.ready(prog, art), quiet=QUIET)
                r["first_ms"] = (t - s.t0) / 1e6
                r["first_bytes"] = nb
            r["start_cpu_us"] = s.start_cpu_ns() / 1e3
            for k in KEY_ORDER:
                if k != "resize" and KEYS[prog].get(k) is None:
                    continue
                r[k] = self.press(s, prog, k)
            r["hwm_kib"] = s.hwm_kib()
            r["hangup"] = s.hangup()
        finally:
            s.kill()
        return r

    def home_session(self, lib, content, first_title, first_art, cols, rows):
        """The kiosk on a library: first frame, home Down, open the first
        article, its keys; memory; hangup."""
        r = {"prog": "kiosk", "lib": lib, "size": f"{cols}x{rows}"}
        s = self.spawn(self.kiosk_argv(content), cols, rows)
        try:
            ready = self.ready("kiosk", home_title=first_title)
            t, nb = s.wait_frame(ready, quiet=QUIET)
            r["first_ms"] = (t - s.t0) / 1e6
            r["first_bytes"] = nb
            r["start_cpu_us"] = s.start_cpu_ns() / 1e3
            r["start_ticks"] = s.cpu()[1]
            r["hwm_start_kib"] = s.hwm_kib()
            r["home_down"] = self.press(s, "kiosk", "down")
            # back to the first article, then open it
            s.write(b"\x1bOA" if (1 << 5) in s.screen.mode else b"\x1b[A")
            s.wait_frame(None, since_bytes=s.nbytes, quiet=QUIET)
            n0 = s.nbytes
            tk = time.monotonic_ns()
            s.write(b"\r")
            # the first article on the home screen is the same file in
            # every library: check that it is the one that opened
            t2, _ = s.wait_frame(self.ready("kiosk", first_art), since_bytes=n0, quiet=QUIET)
            r["open_ms"] = (t2 - tk) / 1e6 if t2 else None
            for k in ("down", "pgdn", "section", "tab"):
                r[k] = self.press(s, "kiosk", k)
            r["hwm_kib"] = s.hwm_kib()
            r["hangup"] = s.hangup()
        finally:
            s.kill()
        return r

    def search_session(self, lib, content, first_title, cols, rows):
        """The kiosk on a library: home screen, `/`, then each query of
        search_queries typed one key at a time, waiting for each key's
        frame (the query line shows the letters typed so far, then the
        output settles); the query is erased with Backspace between the
        two.  Per key: ms from writing it to the frame's last byte, CPU.
        The first key builds the index (lazily, on the first search)."""
        r = {"prog": "kiosk", "lib": lib, "size": f"{cols}x{rows}", "keys": []}
        s = self.spawn(self.kiosk_argv(content), cols, rows)
        try:
            s.wait_frame(self.ready("kiosk", home_title=first_title), quiet=QUIET)
            r["hwm_home_kib"] = s.hwm_kib()
            r["open"] = self.press_until(s, b"/", lambda s: query_shown(s) == "")
            for qname, q in search_queries(lib):
                for i in range(len(q)):
                    typed = q[:i + 1]
                    k = self.press_until(s, typed[-1].encode(),
                                         lambda s, t=typed: query_shown(s) == t)
                    k.update({"query": qname, "typed": typed, "count": search_count(s)})
                    r["keys"].append(k)
                for i in range(len(q)):
                    left = q[:len(q) - i - 1]
                    self.press_until(s, b"\x7f", lambda s, t=left: query_shown(s) == t)
            r["hwm_kib"] = s.hwm_kib()
            r["hangup"] = s.hangup()
        finally:
            s.kill()
        return r

    def press_until(self, s, data, ready):
        """Writes data; waits for the frame ready() accepts and the quiet
        spell after it.  Returns dict ms (write to last byte), cpu_us,
        bytes."""
        n0 = s.nbytes
        c0, _ = s.cpu()
        tk = time.monotonic_ns()
        s.write(data)
        t_last, nb = s.wait_frame(ready, since_bytes=n0, quiet=QUIET, timeout=60)
        c1, _ = s.cpu()
        return {"ms": (t_last - tk) / 1e6 if t_last else None, "cpu_us": (c1 - c0) / 1e3, "bytes": nb}

    def run_search(self):
        self.search_runs = []
        t = time.monotonic()
        for i in range(self.a.runs):
            for lib, content, title, _ in self.libraries:
                try:
                    self.search_runs.append(self.search_session(lib, content, title, 80, 24))
                except ptyrun.Timeout as e:
                    log(f"search {lib}: {e}")
        self.search_inproc = []
        sb = self.a.search_bench
        if sb and os.access(sb, os.X_OK):
            for lib, content, _, _ in self.libraries:
                q = [w for _, w in search_queries(lib)]
                out = subprocess.run([sb, content] + q, capture_output=True, text=True).stdout
                self.search_inproc.append({"lib": lib, **parse_search_bench(out)})
        log(f"search done ({time.monotonic() - t:.0f} s)")

    # ---- phases ----

    def run_sessions(self):
        runs = self.a.runs
        self.home_runs, self.art_runs = [], []
        t = time.monotonic()
        for i in range(runs):
            for cols, rows in SIZES:
                for lib, content, title, first in self.libraries:
                    self.home_runs.append(self.home_session(lib, content, title, first, cols, rows))
                for art in ARTICLES:
                    for prog in self.programs:
                        try:
                            self.art_runs.append(self.article_session(prog, art, cols, rows))
                        except ptyrun.Timeout as e:
                            log(f"{prog} {art} {cols}x{rows}: {e}")
            log(f"run {i + 1}/{runs} done ({time.monotonic() - t:.0f} s)")

    def run_idle(self):
        """All programs at once, each idle in an open article, for idle_s."""
        sess = []
        for cols, rows in SIZES:
            for prog in self.programs:
                art = "long"
                s = self.spawn(self.program_argv(prog, art), cols, rows)
                sess.append((prog, f"{cols}x{rows}", "article", s))
                if prog == "kiosk":
                    s.wait_frame(self.ready("kiosk", home_title=self.article[art]["title"]), quiet=QUIET)
                    n0 = s.nbytes
                    s.write(b"\r")
                    s.wait_frame(self.ready("kiosk", art), since_bytes=n0, quiet=QUIET)
                else:
                    s.wait_frame(self.ready(prog, art), quiet=QUIET)
        big = self.libraries[-1]
        s = self.spawn(self.kiosk_argv(big[1]), 80, 24)
        s.wait_frame(self.ready("kiosk", home_title=big[2]), quiet=QUIET)
        sess.append(("kiosk", "80x24", f"home, {big[0]} articles", s))
        time.sleep(0.5)
        base = [(s.cpu(), s.nbytes) for _, _, _, s in sess]
        t0 = time.monotonic()
        while time.monotonic() - t0 < self.a.idle:
            for _, _, _, s in sess:
                s.read_for(0)
            time.sleep(0.05)
        self.idle = []
        for (prog, size, where, s), ((ns0, tk0), nb0) in zip(sess, base):
            ns1, tk1 = s.cpu()
            for _ in range(3):
                s.read_for(0)
            self.idle.append({"prog": prog, "size": size, "where": where,
                              "cpu_us": (ns1 - ns0) / 1e3, "ticks": tk1 - tk0,
                              "bytes": s.nbytes - nb0, "seconds": self.a.idle})
            s.kill()

    # ---- callgrind ----

    def callgrind_session(self, prog, argv, cols, rows, steps, tag):
        """Runs argv under callgrind with a dump each time the program
        enters the function it waits for input in; the cost of a step is
        the sum of the dumps written while it ran.  steps: list of
        (name, key or "resize" or ("frame", predicate)).  Returns
        {name: Ir} and the dump files of each step."""
        wait_fn = {"kiosk": "poll", "less": "read", "lynx": "read", "w3m": "select"}[prog]
        d = os.path.join(self.out, "callgrind", tag)
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        base = os.path.join(d, "cg.out")
        vg = ["valgrind", "--tool=callgrind", f"--dump-before={wait_fn}",
              f"--callgrind-out-file={base}", "--dump-instr=no"]
        if prog == "kiosk":
            # The kiosk loads the whole library after its first frame:
            # a dump there splits start-up into the two.
            vg.append("--dump-before=library_load_until")
        s = self.spawn(vg + argv, cols, rows)
        res, files = {}, {}

        def dumps():
            return sorted((f for f in os.listdir(d) if re.fullmatch(r"cg\.out\.\d+", f)),
                          key=lambda f: int(f.rsplit(".", 1)[1]))
        try:
            for name, what in steps:
                before = set(dumps())
                n0 = s.nbytes
                # Under valgrind: a longer window, and a little CPU allowed
                # (w3m wakes once a second).  Once settled, the program is
                # blocked in its wait call, so that dump is written.
                if isinstance(what, tuple):
                    s.wait_frame(what[1], since_bytes=n0, quiet=0.6, eps_ns=3_000_000, timeout=900)
                elif what == "resize":
                    s.resize(*resized(s.cols, s.rows))
                    s.wait_frame(None, since_bytes=n0, quiet=0.6, eps_ns=3_000_000, timeout=900)
                else:
                    data = cursor_key(s, "down") if what == "down" else what
                    s.write(data)
                    s.wait_frame(None, since_bytes=n0, quiet=0.6, eps_ns=3_000_000, timeout=900)
                new = [f for f in dumps() if f not in before]
                files[name] = [os.path.join(d, f) for f in new]
                res[name] = sum(cg_total(os.path.join(d, f)) for f in new)
                if name == "start" and prog == "kiosk" and len(new) >= 2:
                    # up to the first frame; the rest is the whole load
                    files["start_frame"] = files[name][:1]
                    res["start_frame"] = cg_total(files[name][0])
        finally:
            s.kill()
        return res, files

    def run_callgrind(self):
        self.cg = []
        if not self.have["valgrind"]:
            return
        for art in ("a0", "long", "table"):
            for cols, rows in SIZES:
                # peers: all on the long article, less on the short one
                # (the cheap keys of the 8 KB article are not worth lynx's
                # and w3m's minutes under valgrind)
                if self.a.quick:
                    progs = ["kiosk"]
                elif art in ("a0", "table"):
                    progs = [p for p in self.programs if p in ("kiosk", "less")]
                else:
                    progs = self.programs
                for prog in progs:
                    steps = []
                    argv = self.program_argv(prog, art)
                    if prog == "kiosk":
                        steps.append(("start", ("frame", self.ready("kiosk", home_title=self.article[art]["title"]))))
                        steps.append(("open", b"\r"))
                    else:
                        steps.append(("start", ("frame", self.ready(prog, art))))
                    for k in KEY_ORDER:
                        if k == "resize":
                            if prog == "kiosk":
                                # a key bound to nothing: what a wake-up
                                # costs when nothing changes on screen
                                steps.append(("noop", b"x"))
                            steps.append((k, "resize"))
                        elif KEYS[prog].get(k) is not None:
                            steps.append((k, KEYS[prog][k]))
                    t = time.monotonic()
                    tag = f"{prog}-{art}-{cols}x{rows}"
                    try:
                        ir, files = self.callgrind_session(prog, argv, cols, rows, steps, tag)
                    except ptyrun.Timeout as e:
                        log(f"callgrind {tag}: {e}")
                        continue
                    self.cg.append({"prog": prog, "art": art, "size": f"{cols}x{rows}", "ir": ir, "files": files})
                    log(f"callgrind {tag}: {time.monotonic() - t:.0f} s")
        # keypress cost against the number of articles
        self.cg_scale = []
        for lib, content, title, _ in self.libraries[1:]:
            if lib == "10000" and self.a.quick:
                continue
            steps = [("start", ("frame", self.ready("kiosk", home_title=title))),
                     ("home_down", "down"), ("home_up", b"k"), ("open", b"\r"),
                     ("down", "down"), ("pgdn", PGDN), ("section", b"]"), ("tab", b"\t")]
            t = time.monotonic()
            tag = f"kiosk-lib{lib}-80x24"
            try:
                ir, files = self.callgrind_session("kiosk", self.kiosk_argv(content), 80, 24, steps, tag)
            except ptyrun.Timeout as e:
                log(f"callgrind {tag}: {e}")
                continue
            self.cg_scale.append({"lib": lib, "ir": ir, "files": files})
            log(f"callgrind {tag}: {time.monotonic() - t:.0f} s")

    def run_open_only(self, arts):
        """--open-only: CPU to open each article (median of --runs) and
        callgrind Ir per step, printed; for checking a change to parsing
        or layout without the whole bench."""
        for art in arts:
            if art not in self.article:
                sys.exit(f"bench: --open-only: no article {art!r} (one of {', '.join(self.article)})")
        steps_keys = ["down", "pgdn", "section", "tab", "noop", "resize"]
        print("| article | size | open CPU ms (median) | " + " | ".join(["start", "open"] + steps_keys) + " |")
        print("|---" * (3 + 2 + len(steps_keys)) + "|")
        for art in arts:
            for cols, rows in SIZES:
                cpu = []
                for _ in range(self.a.runs):
                    try:
                        r = self.article_session("kiosk", art, cols, rows)
                        cpu.append(r["open_cpu_us"] / 1e3)
                    except ptyrun.Timeout as e:
                        log(f"kiosk {art} {cols}x{rows}: {e}")
                ir = {}
                if self.have["valgrind"] and not self.a.no_callgrind:
                    steps = [("start", ("frame", self.ready("kiosk", home_title=self.article[art]["title"]))),
                             ("open", b"\r")]
                    for k in steps_keys:
                        steps.append((k, b"x" if k == "noop" else "resize" if k == "resize" else KEYS["kiosk"][k]))
                    try:
                        ir, _ = self.callgrind_session("kiosk", self.program_argv("kiosk", art), cols, rows,
                                                       steps, f"open-only-{art}-{cols}x{rows}")
                    except ptyrun.Timeout as e:
                        log(f"callgrind {art}: {e}")
                cells = [f"{ir[k]:,}" if k in ir else "–" for k in ["start", "open"] + steps_keys]
                print(f"| {art} | {cols}x{rows} | {fmt(median(cpu), 2)} | " + " | ".join(cells) + " |", flush=True)

    # ---- profiles ----

    def run_profiles(self):
        self.prof = {}
        # the floor: exec + dynamic linking + exit, nothing else
        if shutil.which("hyperfine"):
            js = os.path.join(self.out, "hyperfine-version.json")
            subprocess.run(["hyperfine", "-N", "--warmup", "20", "--runs", "300", "--export-json", js,
                            f"{self.kiosk} --version", "less --version", "lynx -version", "w3m -version"],
                           capture_output=True)
            try:
                with open(js) as f:
                    self.prof["exec_floor"] = [(r["command"].replace(self.kiosk, "kiosk"), r["median"] * 1e3)
                                               for r in json.load(f)["results"]]
            except (OSError, ValueError, KeyError):
                pass
        ld = subprocess.run([self.kiosk, "--version"], env={"LD_DEBUG": "statistics", "PATH": "/usr/bin:/bin"},
                            capture_output=True, text=True)
        m = re.search(r"total startup time in dynamic loader: (\d+) cycles", ld.stderr)
        if m:
            self.prof["ld_cycles"] = int(m.group(1))
            self.prof["libs"] = len([ln for ln in subprocess.run(["ldd", self.kiosk], capture_output=True, text=True).stdout.splitlines() if "=>" in ln])
        if self.have["valgrind"]:
            # start-up with the bundled content: where the time before the
            # first frame goes when there is almost no content
            lib0, content0, title0, _ = self.libraries[0]
            steps = [("start", ("frame", self.ready("kiosk", home_title=title0)))]
            ir, files = self.callgrind_session("kiosk", self.kiosk_argv(content0), 80, 24, steps, "kiosk-start-bundled")
            k = "start_frame" if "start_frame" in ir else "start"
            self.prof["cg_bundled_total"] = ir[k]
            self.prof["cg_bundled_idle"] = ir["start"]
            self.prof["cg_bundled_incl"] = annotate(files[k], inclusive=True)
            self.prof["cg_bundled_obj"] = annotate_objects(files[k])
        lib, content, title, _ = self.libraries[-1]
        # start-up: perf (time, kernel included) and callgrind (instructions)
        if self.have["perf"]:
            data = os.path.join(self.out, f"perf-start-{lib}.data")
            s = self.spawn(["perf", "record", "-q", "-e", "cpu-clock", "-F", "10000",
                            "-o", data, "--"] + self.kiosk_argv(content), 80, 24)
            try:
                s.wait_frame(self.ready("kiosk", home_title=title), quiet=0.3, timeout=120)
                s.write(b"q")
                deadline = time.monotonic() + 30
                while not s.exited() and time.monotonic() < deadline:
                    s.read_for(0.05)
            finally:
                s.kill()
            rep = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children",
                                  "--sort", "sym", "--percent-limit", "1"],
                                 capture_output=True, text=True)
            self.prof["perf_start"] = parse_perf(rep.stdout)
            rep = subprocess.run(["perf", "report", "-i", data, "--stdio", "--no-children",
                                  "--sort", "dso"], capture_output=True, text=True)
            self.prof["perf_start_dso"] = [(m.group(2), float(m.group(1))) for m in
                                           re.finditer(r"^\s*([\d.]+)%\s+(\S+)\s*$", rep.stdout, re.M)]
            self.prof["perf_start_lib"] = lib
        if self.have["valgrind"]:
            # start-up under callgrind: the dumps until the home screen (from
            # the scaling run when it had this library)
            done = [c for c in getattr(self, "cg_scale", []) if c["lib"] == lib]
            if done:
                ir, files = done[0]["ir"], done[0]["files"]
            else:
                steps = [("start", ("frame", self.ready("kiosk", home_title=title)))]
                ir, files = self.callgrind_session("kiosk", self.kiosk_argv(content), 80, 24, steps, f"kiosk-start-{lib}")
            k = "start_frame" if "start_frame" in ir else "start"
            self.prof["cg_start"] = annotate(files[k], inclusive=True)
            self.prof["cg_start_self"] = annotate(files[k], inclusive=False)
            self.prof["cg_start_total"] = ir[k]
            self.prof["cg_start_idle"] = ir["start"]
            self.prof["cg_start_lib"] = lib
            self.prof["cg_start_obj"] = annotate_objects(files["start"])
        # keypress on the 1 MiB article at 200x60 (from run_callgrind)
        for c in getattr(self, "cg", []):
            if c["prog"] == "kiosk" and c["art"] == "long" and c["size"] == "200x60":
                self.prof["cg_keys"] = {k: {"total": c["ir"][k],
                                            "self": annotate(c["files"][k], inclusive=False),
                                            "incl": annotate(c["files"][k], inclusive=True)}
                                        for k in ("open", "down", "pgdn", "section", "tab", "noop", "resize")
                                        if k in c["files"]}
                self.prof["cg_keys_obj"] = {k: annotate_objects(c["files"][k]) for k in ("down", "noop") if k in c["files"]}


_ESC = re.compile(rb"\x1b\[[0-9;:?>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[78=>MDEc]|\x1b\][^\x07]*\x07")


def anatomy(raw):
    """Where the bytes of one update go: text, colours/attributes (SGR and
    charset), cursor moves, scrolling, erasing, other escapes."""
    out = {"text": 0, "sgr": 0, "move": 0, "scroll": 0, "erase": 0, "other": 0}
    pos = 0
    for m in _ESC.finditer(raw):
        out["text"] += m.start() - pos
        pos = m.end()
        seq = m.group(0)
        n = len(seq)
        f = seq[-1:]
        if seq[1:2] == b"[":
            if f == b"m":
                out["sgr"] += n
            elif f in b"HfdGABCDe`a":
                out["move"] += n
            elif f in b"STLMr@P":
                out["scroll"] += n
            elif f in b"JKX":
                out["erase"] += n
            else:
                out["other"] += n
        elif seq[1:2] in b"()":
            out["sgr"] += n
        elif seq[1:2] in b"MDE":
            out["scroll"] += n
        else:
            out["other"] += n
    out["text"] += len(raw) - pos
    return out


def query_shown(s):
    """The query on the search screen's second row, without the cursor
    (a "_" after it, or a reverse-video cell since issue 16), or None."""
    line = s.lines()[1].strip()
    if not line.startswith("Search:"):
        return None
    q = line[len("Search:"):].strip()
    return q[:-1] if q.endswith("_") else q


def search_count(s):
    """The number of results the search screen shows (0 for none)."""
    m = re.search(r"(\d+) results?", s.lines()[2])
    return int(m.group(1)) if m else 0


def parse_search_bench(out):
    """Figures from bench/search_bench's output."""
    r = {"keys": []}
    m = re.search(r"index built in ([\d.]+) ms, VmHWM (\d+) KiB \(\+(-?\d+) KiB\)", out)
    if m:
        r["build_ms"], r["build_kib"] = float(m.group(1)), int(m.group(3))
    m = re.search(r"index holds (\d+) KiB", out)
    if m:
        r["index_kib"] = int(m.group(1))
    for m in re.finditer(r"^  (\S+)\s+([\d.]+) ms\s+(\d+) hits$", out, re.M):
        r["keys"].append((m.group(1), float(m.group(2)), int(m.group(3))))
    return r


def cg_total(path):
    with open(path, errors="replace") as f:
        for ln in f:
            if ln.startswith("totals:") or ln.startswith("summary:"):
                return int(ln.split()[1])
    return 0


_STACK = re.compile(r"^(\(below main\)|__libc_start_main.*|main|_start)$")


def _cg_table(path, inclusive):
    """Rows (ir, fn, obj) of the first table of callgrind_annotate, without
    the frames that were already on the stack when the dump's interval
    began (callgrind_annotate 3.19 shows each of those with the interval's
    whole cost, even in self mode)."""
    r = subprocess.run(["callgrind_annotate", f"--inclusive={'yes' if inclusive else 'no'}",
                        "--threshold=100", path], capture_output=True, text=True)
    lines = r.stdout.splitlines()
    total = 0
    for ln in lines:
        m = re.match(r"\s*([\d,]+)\s+\(100\.0%\)\s+PROGRAM TOTALS", ln)
        if m:
            total = int(m.group(1).replace(",", ""))
            break
    try:
        i = next(k for k, ln in enumerate(lines) if re.match(r"^Ir\s+file:function", ln)) + 2
    except StopIteration:
        return []
    rows = []
    for ln in lines[i:]:
        if not ln.strip():
            break
        m = re.match(r"\s*([\d,]+)\s+\([\s\d.]+%\)\s+(.*?):(\S+)(?:\s+\[(.*)\])?\s*$", ln)
        if not m:
            continue
        ir = int(m.group(1).replace(",", ""))
        fn = m.group(3)
        obj = re.sub(r"\.so[.\d]*$", "", os.path.basename(m.group(4))) if m.group(4) else "(inlined)"
        if _STACK.match(fn) or (not inclusive and total and ir >= 0.995 * total and fn != "main"):
            continue
        if fn.startswith("0x") and obj.startswith("ld-linux") and inclusive:
            continue
        rows.append((ir, fn, obj))
    return rows


def annotate(files, inclusive):
    """Per-function Ir summed over callgrind dump files: [(fn, ir)],
    largest first."""
    acc = {}
    for p in files:
        one = {}
        for ir, fn, obj in _cg_table(p, inclusive):
            if fn.startswith("0x"):
                fn = f"{obj}+{fn[2:].lstrip('0') or '0'}"
            # inclusive: a function shows once per source file it has code
            # from (inlined headers), each time with its whole cost
            one[fn] = max(one.get(fn, 0), ir) if inclusive else one.get(fn, 0) + ir
        for fn, ir in one.items():
            acc[fn] = acc.get(fn, 0) + ir
    return sorted(acc.items(), key=lambda kv: -kv[1])


def annotate_objects(files):
    """Self Ir per shared object (the kiosk, libc, ld.so, ncurses...)."""
    acc = {}
    for p in files:
        for ir, fn, obj in _cg_table(p, False):
            acc[obj] = acc.get(obj, 0) + ir
    return sorted(acc.items(), key=lambda kv: -kv[1])


def parse_perf(text):
    out = []
    for ln in text.splitlines():
        m = re.match(r"\s*([\d.]+)%\s+\[([.k])\]\s+(.+?)\s*$", ln)
        if m:
            out.append((m.group(3) + (" [kernel]" if m.group(2) == "k" else ""), float(m.group(1))))
    return out


# ---- the report --------------------------------------------------------------------

def fmt(v, nd=1):
    if v is None:
        return "–"
    if isinstance(v, float):
        if abs(v) >= 100:
            return f"{v:,.0f}"
        return f"{v:.{nd}f}"
    return f"{v:,}"


def machine():
    cpu = ""
    try:
        with open("/proc/cpuinfo") as f:
            for ln in f:
                if ln.startswith("model name"):
                    cpu = ln.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    deb = ""
    try:
        with open("/etc/debian_version") as f:
            deb = "Debian " + f.read().strip()
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB, Linux {platform.release()}, {deb}"


def version(argv):
    try:
        r = subprocess.run(argv, capture_output=True, text=True, timeout=10)
        return (r.stdout or r.stderr).strip().splitlines()[0]
    except Exception:
        return "?"


class Report:
    def __init__(self, b, started, elapsed):
        self.b = b
        self.started = started
        self.elapsed = elapsed
        self.lines = []
        self.targets = []

    def w(self, s=""):
        self.lines.append(s)

    def table(self, head, rows):
        self.w("| " + " | ".join(head) + " |")
        self.w("|" + "|".join(" --- " if i == 0 else " ---: " for i in range(len(head))) + "|")
        for r in rows:
            self.w("| " + " | ".join(str(c) for c in r) + " |")
        self.w()

    def art(self, prog, art, size, key=None, field=None):
        rs = [r for r in self.b.art_runs if r["prog"] == prog and r["art"] == art and r["size"] == size]
        if key is None:
            return median([r.get(field) for r in rs])
        return median([r[key][field] for r in rs if key in r])

    def home(self, lib, size, key=None, field=None):
        rs = [r for r in self.b.home_runs if r["lib"] == lib and r["size"] == size]
        if key is None:
            return median([r.get(field) for r in rs])
        return median([r[key][field] for r in rs if r.get(key) is not None])

    def hang(self, rs, field):
        return median([r["hangup"][field] for r in rs])

    def target(self, name, measured, target, ok, why=""):
        self.targets.append((name, measured, target, "pass" if ok else ("FAIL" if ok is False else "n/a"), why))

    def build_header(self):
        b = self.b
        w = self.w
        w("# Benchmark results")
        w()
        w(f"- Date: {self.started:%Y-%m-%d %H:%M} UTC; run took {self.elapsed / 60:.1f} min"
          f" ({'--quick, ' if b.a.quick else ''}{b.a.runs} run(s) per figure, medians)")
        w(f"- Machine: {machine()}")
        w(f"- kiosk: `{b.a.kiosk}` ({version([b.kiosk, '--version'])}, sha256 {b.kiosk_sha}…, "
          f"git {git_rev()}); peers: {version(['less', '--version'])}; "
          f"{version(['lynx', '-version']) if b.have['lynx'] else 'lynx missing'}; "
          f"{version(['w3m', '-version']) if b.have['w3m'] else 'w3m missing'}; "
          f"{version(['cmark', '--version']) if b.have['cmark'] else 'cmark missing'}")
        w("- Command: `" + " ".join(["/usr/bin/python3", "bench/run.py"] + sys.argv[1:]) + "`")
        if getattr(b, "load", None):
            (a1, a5, _), (e1, e5, _) = b.load
            busy = max(a1, e1, e5) > 0.5 * (os.cpu_count() or 1)
            w(f"- Load average (1 min, 5 min) at the start {a1:.2f}, {a5:.2f}; at the end {e1:.2f}, {e5:.2f}" +
              ("  **(the machine was busy: wall-clock figures are inflated; ratios and CPU figures hold better, "
               "instruction counts are unaffected)**" if busy else ""))
        w(f"- Priority: nice {b.a.nice} for the harness and every program (the same for all)")
        w("- Terminal: a pty, TERM=xterm-256color, LANG=C.UTF-8, no COLUMNS/LINES; "
          "content generated by bench/gen.py (seeded) into bench/out/")
        w()

    def search_target(self, st):
        ok = st["worst_ms"] < 10
        self.target("Search per keystroke at 10,000 articles",
                    f"median {st['word_ms']:.2f} ms (word), {st['none_ms']:.2f} ms (no match); worst key "
                    f"{st['worst_ms']:.2f} ms; first search: `/` frame {st['open_ms']:.1f} ms, its CPU (the index "
                    f"build) {(st['open_cpu'] or 0) / 1e3:.0f} ms, first key {st['first']['ms']:.1f} ms",
                    "< 10 ms", ok, "" if ok else "see section 6")

    def build_search_only(self):
        """The report of --search-only: the header, section 6 and its
        target."""
        self.build_header()
        self.build_search()
        st = self.search_stats("10000")
        if st and st["worst_ms"] is not None:
            self.search_target(st)
            self.w("## Target")
            self.w()
            self.table(["target", "measured", "target", "result", "why / note"], self.targets)
        return "\n".join(self.lines) + "\n"

    def build(self):
        b = self.b
        sizes = [f"{c}x{r}" for c, r in SIZES]
        progs = b.programs
        w = self.w
        self.build_header()

        w("## 1. Time to the first complete frame (ms, exec to the last byte of the frame)")
        w()
        w("Kiosk on a library: the home screen.  Article rows: less on the Markdown file; "
          "lynx and w3m on the HTML that `cmark` makes of it (conversion not timed); the kiosk "
          "started on a folder holding only that article, home screen, then Enter: "
          "*home + open* (the time a person takes to press Enter left out).")
        w()
        head = ["what"] + [f"{p} {s}" for s in sizes for p in ["kiosk"]] + ["frame bytes 80x24", "start CPU ms 80x24"]
        rows = []
        for lib, _, _, _ in b.libraries:
            rows.append([f"kiosk home, {lib} articles"] +
                        [fmt(self.home(lib, s, field="first_ms"), 2) for s in sizes] +
                        [fmt(self.home(lib, "80x24", field="first_bytes")),
                         fmt((self.home(lib, "80x24", field="start_cpu_us") or 0) / 1e3, 2)])
        self.table(["kiosk home screen"] + [f"first frame {s} (ms)" for s in sizes] + ["bytes 80x24", "CPU at start, until idle, 80x24 (ms)"], rows)

        head = ["article", "size"] + [f"{p} (ms)" for p in progs] + ["kiosk = home + open (ms)"] + [f"kiosk / {p}" for p in progs[1:]]
        rows = []
        for art in ARTICLES:
            for s in sizes:
                vals = {p: self.art(p, art, s, field="first_ms") for p in progs}
                split = f"{fmt(self.art('kiosk', art, s, field='home_ms'), 2)} + {fmt(self.art('kiosk', art, s, field='open_ms'), 2)}"
                rows.append([ARTICLES[art][0], s] + [fmt(vals[p], 2) for p in progs] + [split] +
                            [fmt(vals["kiosk"] / vals[p], 2) if vals["kiosk"] and vals[p] else "–" for p in progs[1:]])
        self.table(head, rows)

        # --- memory
        w("## 2. Peak memory (VmHWM, KiB, read from /proc just before quitting)")
        w()
        rows = []
        for lib, _, _, _ in b.libraries:
            rows.append([f"kiosk, {lib} articles (home, then the first article open)"] +
                        [fmt(self.home(lib, s, field="hwm_kib")) for s in sizes] +
                        [fmt(self.home(lib, "80x24", field="hwm_start_kib"))])
        self.table(["what"] + [f"{s}" for s in sizes] + ["at first frame 80x24"], rows)
        rows = []
        for art in ARTICLES:
            for s in sizes:
                rows.append([ARTICLES[art][0], s] + [fmt(self.art(p, art, s, field="hwm_kib")) for p in progs])
        self.table(["article", "size"] + progs, rows)

        # --- keys
        w("## 3. One keypress in an open article: bytes written to the terminal, CPU")
        w()
        w("CPU is the child's scheduler time (/proc/PID/schedstat, µs) from just before the key "
          "to the end of the quiet spell after its output; ticks (utime+stime, 10 ms) are in "
          "results.json.  Instructions (Ir) are from callgrind, one run (deterministic).  "
          "`n/a`: the program has no such key.  Peers' keys: less Down = one line; lynx has no "
          "one-line scroll, ^N (two lines) is used; w3m `J` (one line; its Down moves the cursor); "
          "Tab = next link in lynx and w3m.  Resize: 10 columns and 4 rows smaller.")
        w()
        cgi = {(c["prog"], c["art"], c["size"]): c["ir"] for c in getattr(b, "cg", [])}
        for art in ("a0", "long", "bundled"):
            for s in sizes:
                w(f"### {ARTICLES[art][0]}, {s}")
                w()
                head = ["key"] + [f"{p} bytes" for p in progs] + [f"{p} CPU µs" for p in progs] + [f"{p} Ir" for p in progs]
                rows = []
                for k in KEY_ORDER:
                    row = [KEY_LABEL[k]]
                    for fld in ("bytes", "cpu_us"):
                        for p in progs:
                            if k != "resize" and KEYS[p].get(k) is None:
                                row.append("n/a")
                            else:
                                row.append(fmt(self.art(p, art, s, k, fld)))
                    for p in progs:
                        ir = cgi.get((p, art, s), {}).get(k)
                        row.append("n/a" if (k != "resize" and KEYS[p].get(k) is None) else fmt(ir))
                    rows.append(row)
                if art != "bundled":
                    ir = cgi.get(("kiosk", art, s), {})
                    rows.append(["Enter (kiosk opens it)", fmt(self.art("kiosk", art, s, field="first_bytes"))] +
                                ["–"] * (len(progs) - 1) + [fmt(self.art("kiosk", art, s, field="open_ms"), 2) + " ms"] +
                                ["–"] * (len(progs) - 1) + [fmt(ir.get("open"))] + ["–"] * (len(progs) - 1))
                self.table(head, rows)

        w("### Where the bytes go (first run): text / colours+attributes / cursor moves / scrolling / erasing / other")
        w()
        rows = []
        for art in ("a0", "long"):
            for sz in sizes:
                for k in ("down", "pgdn", "resize"):
                    for p in ("kiosk", "less"):
                        rs = [r for r in b.art_runs if r["prog"] == p and r["art"] == art and r["size"] == sz and k in r]
                        if not rs:
                            continue
                        a = rs[0][k]["anatomy"]
                        rows.append([ARTICLES[art][0], sz, KEY_LABEL[k], p, rs[0][k]["bytes"]] +
                                    [a[c] for c in ("text", "sgr", "move", "scroll", "erase", "other")])
        self.table(["article", "size", "key", "program", "bytes", "text", "SGR/charset", "moves", "scroll", "erase", "other"], rows)

        # --- scaling
        w("## 4. Keypress cost against the number of articles (kiosk, 80x24)")
        w()
        w("The first article of each library is the same file.  CPU µs (median); Ir from callgrind.")
        w()
        ks = ["home_down", "open", "down", "pgdn", "section", "tab"]
        rows = []
        cgs = {c["lib"]: c["ir"] for c in getattr(b, "cg_scale", [])}
        for lib, _, _, _ in b.libraries:
            row = [lib]
            for k in ks:
                if k == "open":
                    row.append(fmt(self.home(lib, "80x24", field="open_ms"), 2) + " ms")
                else:
                    row.append(fmt(self.home(lib, "80x24", k, "cpu_us")))
            for k in ks:
                row.append(fmt(cgs.get(lib, {}).get(k)))
            rows.append(row)
        self.table(["articles"] + [f"{KEY_LABEL[k]} CPU µs" if k != "open" else "Enter (open) time" for k in ks] +
                   [f"{KEY_LABEL[k]} Ir" for k in ks], rows)

        # --- hangup and idle
        w("## 5. Hangup (pty master closed) and idle")
        w()
        rows = []
        for p in progs:
            for s in sizes:
                rs = [r for r in b.art_runs if r["prog"] == p and r["size"] == s and r["art"] == "long"]
                ex = [r["hangup"]["exit_ms"] for r in rs]
                rows.append([p, s, "long article", fmt(median(ex), 2), fmt(max([x for x in ex if x is not None], default=None), 2),
                             sum(1 for x in ex if x is None),
                             fmt((self.hang(rs, "cpu_after_ns") or 0) / 1e3), fmt(self.hang(rs, "ticks_after"))])
        for lib, _, _, _ in b.libraries:
            rs = [r for r in b.home_runs if r["lib"] == lib]
            ex = [r["hangup"]["exit_ms"] for r in rs]
            rows.append(["kiosk", "both", f"{lib} articles", fmt(median(ex), 2), fmt(max([x for x in ex if x is not None], default=None), 2),
                         sum(1 for x in ex if x is None),
                         fmt((self.hang(rs, "cpu_after_ns") or 0) / 1e3), fmt(self.hang(rs, "ticks_after"))])
        self.table(["program", "size", "session", "exit after close, median (ms)", "worst (ms)", "did not exit",
                    "CPU from close to exit (µs)", "ticks"], rows)
        rows = [[i["prog"], i["size"], i["where"], f"{i['seconds']:.0f}", fmt(i["cpu_us"]), i["ticks"], i["bytes"]]
                for i in getattr(b, "idle", [])]
        self.table(["program", "size", "idle in", "seconds", "CPU (µs)", "ticks", "bytes written"], rows)

        self.build_search()
        self.build_targets()
        w("## 7. Targets")
        w()
        self.table(["target", "measured", "target", "result", "why / note"], self.targets)
        self.build_profiles()
        w("## 9. What each figure means")
        w()
        for ln in NOTES:
            w(ln)
        return "\n".join(self.lines) + "\n"

    def search_stats(self, lib):
        """Per library: the first key (it builds the index), then the
        other keys of the word and of the no-match query: medians over
        runs of each key, and the worst key.  None without runs."""
        rs = [r for r in getattr(self.b, "search_runs", []) if r["lib"] == lib]
        if not rs:
            return None
        nk = min(len(r["keys"]) for r in rs)
        per = []  # per key position: medians over runs
        for i in range(nk):
            ks = [r["keys"][i] for r in rs]
            per.append({"query": ks[0]["query"], "typed": ks[0]["typed"], "count": ks[0]["count"],
                        "ms": median([k["ms"] for k in ks]), "cpu_us": median([k["cpu_us"] for k in ks])})
        rest = per[1:]
        word = [k for k in rest if k["query"] == "word"]
        none = [k for k in rest if k["query"] == "none"]
        return {"first": per[0] if per else None, "per": per,
                "word_ms": median([k["ms"] for k in word]), "word_cpu": median([k["cpu_us"] for k in word]),
                "none_ms": median([k["ms"] for k in none]), "none_cpu": median([k["cpu_us"] for k in none]),
                "worst_ms": max([k["ms"] for k in rest if k["ms"] is not None], default=None),
                "worst_cpu": max([k["cpu_us"] for k in rest], default=None),
                "hwm_home": median([r.get("hwm_home_kib") for r in rs]),
                "hwm": median([r.get("hwm_kib") for r in rs]),
                "open_ms": median([r["open"]["ms"] for r in rs]),
                "open_cpu": median([r["open"]["cpu_us"] for r in rs])}

    def build_search(self):
        b = self.b
        w = self.w
        w("## 6. Search as you type (kiosk, 80x24)")
        w()
        w("Home screen, `/`, then a word typed one key at a time (" +
          f"`{SEARCH_WORD_GENERATED}`, a glossary term of the generated text; `{SEARCH_WORD['bundled']}` "
          f"on the bundled content), erased with Backspace, then `{SEARCH_NONE}` (found nowhere).  "
          "Time: from writing the key to the last byte of the frame that shows it (then 100 ms quiet "
          "and no CPU); CPU: the kiosk's scheduler time for the key, until it is idle again.  `/` and the "
          "first key are apart: the index is built on the first search, in the kiosk as it is now "
          "just after the search screen is painted (so the `/` frame is quick and its CPU is the "
          "build: a letter typed sooner waits for the rest of it); in older builds while painting "
          "the `/` frame.  Medians over runs, per key; \"worst\" is the slowest "
          "key after the first.  Peak RSS: VmHWM at the home screen and after searching.")
        w()
        rows = []
        for lib, _, _, _ in b.libraries:
            st = self.search_stats(lib)
            if st is None:
                continue
            f = st["first"]
            rows.append([lib, fmt(st["open_ms"], 1), fmt((st["open_cpu"] or 0) / 1e3, 1),
                         fmt(f["ms"], 1), fmt(f["cpu_us"] / 1e3, 1),
                         fmt(st["word_ms"], 2), fmt((st["word_cpu"] or 0) / 1e3, 2),
                         fmt(st["none_ms"], 2), fmt((st["none_cpu"] or 0) / 1e3, 2),
                         fmt(st["worst_ms"], 2), fmt((st["worst_cpu"] or 0) / 1e3, 2),
                         fmt(st["hwm_home"]), fmt(st["hwm"])])
        self.table(["articles", "`/` frame (ms)", "`/` CPU, index build (ms)", "first key (ms)", "first key CPU (ms)", "per key, word (ms)", "CPU (ms)",
                    "per key, no match (ms)", "CPU (ms)", "worst key (ms)", "worst key CPU (ms)",
                    "RSS at home (KiB)", "RSS after search (KiB)"], rows)
        big = b.libraries[-1][0]
        st = self.search_stats(big)
        if st:
            w(f"Each key at {big} articles (medians; results as shown on screen):")
            w()
            self.table(["query so far", "results", "ms", "CPU (ms)"],
                       [[f"`{k['typed']}`" + (" (first key)" if i == 0 else ""), fmt(k["count"]),
                         fmt(k["ms"], 2), fmt(k["cpu_us"] / 1e3, 2)] for i, k in enumerate(st["per"])])
        inproc = getattr(b, "search_inproc", [])
        if inproc:
            w("In process (`build/search_bench`: search_build, then search_run after each letter, "
              "200 results kept as on screen, and the text of the 10 an 80x24 screen shows; no terminal):")
            w()
            rows = []
            for r in inproc:
                ks = [k[1] for k in r["keys"]]
                rows.append([r["lib"], fmt(r.get("build_ms"), 1), fmt(r.get("build_kib")), fmt(r.get("index_kib")),
                             fmt(median(ks), 3), fmt(max(ks, default=None), 3)])
            self.table(["articles", "index build (ms)", "VmHWM growth while building (KiB)", "index kept (KiB, malloc in use)",
                        "search_run per key, median (ms)", "worst (ms)"], rows)

    def bytes_why(self, art, size, key):
        """Why the kiosk writes more than less for this key, from where its
        bytes went (first run)."""
        def first(p):
            rs = [r for r in self.b.art_runs if r["prog"] == p and r["art"] == art and r["size"] == size and key in r]
            return rs[0][key]["anatomy"] if rs else None
        ka, la = first("kiosk"), first("less")
        if not ka or not la:
            return ""
        style = ka["sgr"] - la["sgr"]
        moves = ka["move"] - la["move"]
        text = ka["text"] - la["text"]
        parts = []
        if key == "down" and ka["scroll"] == 0:
            parts.append(f"no terminal scroll: the section list beside the text stops whole-row "
                         f"scrolling, so the text rows are rewritten ({ka['text']:,} B of text)")
        if style > 0:
            parts.append(f"+{style:,} B of colour/attribute changes (terms, links, headings, bars)")
        if moves > 0:
            parts.append(f"+{moves:,} B of cursor moves")
        if text > 0 and not (key == "down" and ka["scroll"] == 0):
            parts.append(f"+{text:,} B of text (bars, margins, section list)")
        return "; ".join(parts)

    def build_targets(self):
        b = self.b
        sizes = [f"{c}x{r}" for c, r in SIZES]
        for s in sizes:
            k = self.home("bundled", s, field="first_ms")
            l = self.art("less", "bundled", s, field="first_ms")
            if k and l:
                self.target(f"first frame, bundled content, {s}: kiosk / less on one article",
                            f"{k:.2f} / {l:.2f} ms = {k / l:.2f}", "≤ 1.0", k / l <= 1.0,
                            "" if k / l <= 1.0 else "see the start-up profile (section 8)")
        for s in sizes:
            k = self.home("1000", s, field="first_ms")
            l = self.art("less", "a0", s, field="first_ms")
            if k and l:
                self.target(f"first frame, 1,000 articles, {s}: kiosk / less on one article",
                            f"{k:.2f} / {l:.2f} ms = {k / l:.2f}", "≤ 1.5", k / l <= 1.5,
                            "" if k / l <= 1.5 else "the first screen reads whole topic folders (25 files here); exec and terminal set-up as for the bundled content (section 8)")
        for s in sizes:
            k = self.home("10000", s, field="first_ms")
            if k is not None:
                self.target(f"first frame, 10,000 articles, {s}", f"{k:.1f} ms", "< 100 ms", k < 100,
                            "" if k < 100 else "see the start-up profile (section 8)")
        for art in ("a0", "long"):
            for s in sizes:
                for key, name in (("down", "scroll one line"), ("pgdn", "PgDn"), ("resize", "resize")):
                    k = self.art("kiosk", art, s, key, "bytes")
                    l = self.art("less", art, s, key, "bytes")
                    if k is None or l is None:
                        continue
                    why = ""
                    if k > l:
                        why = self.bytes_why(art, s, key)
                    self.target(f"bytes, {name}, {ARTICLES[art][0]}, {s}: kiosk vs less", f"{k:,.0f} vs {l:,.0f} B",
                                "≤ less", k <= l, why)
        cgi = {(c["prog"], c["art"], c["size"]): c["ir"] for c in getattr(b, "cg", [])}
        c = self.art("kiosk", "table", "80x24", field="open_cpu_us")
        if c is not None:
            ir = cgi.get(("kiosk", "table", "80x24"), {}).get("open")
            self.target("CPU to open the page with a 200-row table, 80x24", f"{c / 1e3:.2f} ms" + (f" ({ir:,} Ir)" if ir else ""),
                        "< 5 ms", c < 5000, "" if c < 5000 else "see the table layout (src/layout_table.c)")
        s = "200x60"
        for key in KEY_ORDER:
            c = self.art("kiosk", "long", s, key, "cpu_us")
            ir = cgi.get(("kiosk", "long", s), {}).get(key)
            if c is None:
                continue
            self.target(f"CPU per keypress, {KEY_LABEL[key]}, 1 MiB article, 200x60", f"{c / 1e3:.2f} ms" + (f" ({ir:,} Ir)" if ir else ""),
                        "< 1 ms", c < 1000, "" if c < 1000 else "see the keypress profile (section 8)")
        # scaling
        cgs = {c["lib"]: c["ir"] for c in getattr(b, "cg_scale", [])}
        libs = [l for l, _, _, _ in b.libraries if l != "bundled"]
        for key in ("home_down", "down", "pgdn", "section", "tab"):
            cpus = [self.home(l, "80x24", key, "cpu_us") for l in libs]
            irs = [cgs.get(l, {}).get(key) for l in libs]
            if all(irs) and len(irs) >= 2:
                grow = irs[-1] / irs[0]
                meas = " → ".join(f"{x:,}" for x in irs) + " Ir"
                ok = grow <= 1.10
            elif all(cpus):
                grow = cpus[-1] / cpus[0]
                meas = " → ".join(f"{x:.0f}" for x in cpus) + " µs"
                ok = grow <= 1.5
            else:
                continue
            self.target(f"{KEY_LABEL[key]} cost, {' → '.join(libs)} articles", meas,
                        "flat", ok, "" if ok else "grows with the number of articles (section 8)")
        st = self.search_stats("10000")
        if st and st["worst_ms"] is not None:
            self.search_target(st)
        elif getattr(b, "search_runs", None):
            self.target("Search per keystroke at 10,000 articles", "–", "< 10 ms", None,
                        "no 10,000-article library in this run (--quick)")
        for s in sizes:
            h = self.home("1000", s, field="hwm_kib")
            if h:
                self.target(f"peak RSS, 1,000 articles, {s}", f"{h / 1024:.1f} MiB", "< 8 MiB", h < 8192,
                            "" if h < 8192 else "article texts kept in memory (1 MiB budget), the curses screens (three of 200x60 cells: 1 MiB) and the section list cache")
        krs = [r for r in b.art_runs if r["prog"] == "kiosk"] + b.home_runs
        ex = [r["hangup"]["exit_ms"] for r in krs]
        worst = max([x for x in ex if x is not None], default=None)
        notexit = sum(1 for x in ex if x is None)
        after = max([r["hangup"]["cpu_after_ns"] or 0 for r in krs], default=0)
        if worst is not None:
            ok = notexit == 0 and worst <= 50
            self.target("hangup: exit after the pty closes (all kiosk sessions)",
                        f"median {median(ex):.1f} ms, worst {worst:.1f} ms; {notexit} left running",
                        "≤ 50 ms, nothing left running", ok,
                        f"CPU between the close and the exit (shutting down) up to {after / 1e6:.1f} ms, most with 10,000 "
                        "articles (freeing the library); the rest of the wait is close() of the inotify descriptor "
                        "(the kernel waits for an RCU grace period)")
        for i in getattr(b, "idle", []):
            if i["prog"] == "kiosk":
                ok = i["ticks"] == 0 and i["cpu_us"] < 1000
                self.target(f"idle CPU over {i['seconds']:.0f} s ({i['where']}, {i['size']})", f"{i['cpu_us']:.0f} µs, {i['ticks']} ticks",
                            "0", ok, "")

    def build_profiles(self):
        w = self.w
        p = getattr(self.b, "prof", {})
        w("## 8. Profiles")
        w()
        if not p:
            w("(skipped: run without --quick, or with --profile)")
            w()
            return
        if "exec_floor" in p:
            w("### The floor: exec, dynamic linking and exit (`PROGRAM --version`, hyperfine, median)")
            w()
            self.table(["command", "ms"], [[f"`{c}`", f"{v:.2f}"] for c, v in p["exec_floor"]])
        if "ld_cycles" in p:
            w(f"The kiosk links {p.get('libs', '?')} shared libraries; ld.so reports "
              f"{p['ld_cycles']:,} cycles of start-up (LD_DEBUG=statistics).")
            w()
        if "cg_bundled_total" in p:
            tot = p["cg_bundled_total"]
            w(f"### Start-up to the first frame, bundled content (4 articles), 80x24: callgrind, {tot:,} instructions")
            w()
            if p.get("cg_bundled_idle", tot) != tot:
                w(f"Until idle, with the whole library loaded after the first frame: {p['cg_bundled_idle']:,} instructions.")
                w()
            w("By shared object (self cost):")
            w()
            self.table(["object", "Ir", "share"], [[o, f"{v:,}", f"{100 * v / tot:.1f}%"] for o, v in p["cg_bundled_obj"][:10]])
            w("Inclusive, top functions:")
            w()
            self.table(["function", "Ir", "share"], [[f"`{f}`", f"{v:,}", f"{100 * v / tot:.1f}%"]
                                                     for f, v in p["cg_bundled_incl"][:25]])
        if "perf_start" in p:
            w(f"### Start-up until idle (the first frame, then the whole library), {p['perf_start_lib']} articles: perf (cpu-clock samples, kernel included)")
            w()
            if p.get("perf_start_dso"):
                w("By object: " + ", ".join(f"{d} {v:.1f}%" for d, v in p["perf_start_dso"][:8]))
                w()
            self.table(["function (self)", "share"], [[f"`{f}`", f"{v:.1f}%"] for f, v in p["perf_start"][:20]])
        if "cg_start" in p:
            tot = p["cg_start_total"]
            w(f"### Start-up to the first frame, {p['cg_start_lib']} articles: callgrind, {tot:,} instructions")
            w()
            if p.get("cg_start_idle", tot) != tot:
                w(f"Until idle, with the whole library loaded after the first frame: {p['cg_start_idle']:,} instructions.")
                w()
            if p.get("cg_start_obj"):
                w("By object: " + ", ".join(f"{o} {100 * v / tot:.1f}%" for o, v in p["cg_start_obj"][:8]))
                w()
            w("Inclusive (the function and what it calls):")
            w()
            self.table(["function", "Ir", "share"],
                       [[f"`{f}`", f"{v:,}", f"{100 * v / tot:.1f}%"] for f, v in p["cg_start"][:25]])
            w("Self:")
            w()
            self.table(["function", "Ir", "share"],
                       [[f"`{f}`", f"{v:,}", f"{100 * v / tot:.1f}%"] for f, v in p["cg_start_self"][:20]])
        if "cg_keys" in p:
            w("### Keypresses on the 1 MiB article, 200x60: callgrind, self cost")
            w()
            for k, v in p["cg_keys"].items():
                tot = v["total"] or 1
                w(f"- **{KEY_LABEL.get(k, k)}**: {v['total']:,} Ir: " +
                  ", ".join(f"`{f}` {100 * n / tot:.0f}%" for f, n in v["self"][:10]))
            w()
            for k, objs in p.get("cg_keys_obj", {}).items():
                tot = p["cg_keys"][k]["total"] or 1
                w(f"- {KEY_LABEL.get(k, k)} by object: " + ", ".join(f"{o} {100 * n / tot:.0f}%" for o, n in objs[:6]))
            w()


def git_rev():
    try:
        r = subprocess.run(["git", "-C", ROOT, "describe", "--always", "--dirty"], capture_output=True, text=True)
        return r.stdout.strip() or "?"
    except OSError:
        return "?"


NOTES = [
    "- **First frame**: from the child's execve() (stamped by the child itself just before it) "
    "to the arrival of the last byte of the first complete screen: the expected text is on the "
    "pyte screen and then nothing comes for 120 ms; the frame ends at the last byte before that "
    "silence.  Output is timestamped by a read loop that does not parse.",
    "- **Kiosk vs less on an article**: the kiosk's first frame is its home screen, so for an "
    "article the kiosk is started on a folder that holds only that article (plus the glossary) "
    "and Enter is pressed as soon as the home screen is complete: home + open is the time a "
    "reader waits, leaving out their own reaction time.  less gets the Markdown file; lynx and "
    "w3m get HTML made by `cmark` beforehand (not timed) from the same Markdown without its front "
    "matter.",
    "- **Bytes**: everything the program wrote to the pty for that key, until 120 ms of silence.",
    "- **CPU**: /proc/PID/schedstat (the scheduler's nanosecond sum of user+system time) of the "
    "program and its children, before the key and after the quiet spell; 10 ms ticks from "
    "/proc/PID/stat are kept in results.json (too coarse for one key).",
    "- **Ir**: instructions counted by `valgrind --tool=callgrind` with a dump each time the "
    "program enters the call it waits for input in (kiosk: poll, less and lynx: read, w3m: "
    "select); a key's cost is the sum of the dumps written while it was handled.  w3m wakes "
    "once a second, so its figures include any wake-up in the window (a few thousand Ir).",
    "- **Peak RSS**: VmHWM from /proc/PID/status (not ru_maxrss, which would include the "
    "harness's memory at fork).",
    "- **Hangup**: the harness closes the pty master (the child gets SIGHUP and EIO) and "
    "waits on a pidfd; exit time is from the close to the exit.  CPU close→exit is the "
    "schedstat difference (a zombie keeps its totals).  The harness is a child subreaper.",
    "- **Search as you type**: `/` on the home screen, then each letter written only when the "
    "previous letter's frame is complete (the query line shows it and the kiosk has settled); "
    "time from the write to the frame's last byte, CPU until the kiosk is idle again.  The first "
    "search builds the index (its CPU is in the `/` column).",
    "- **Idle**: all programs started together, each left alone for the idle window after its "
    "frame; CPU is the schedstat difference.",
    "- Medians over the runs; programs are interleaved run by run so a noisy machine affects "
    "them alike.  Raw figures: bench/out/results.json.",
]


def main():
    ap = argparse.ArgumentParser(description="kiosk benchmark (see bench/README.md)")
    ap.add_argument("--kiosk", default=os.path.join(ROOT, "kiosk"))
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--runs", type=int)
    ap.add_argument("--no-callgrind", action="store_true")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--profile", action="store_true", help="profiles even with --quick")
    ap.add_argument("--idle", type=float, default=10.0)
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--results")
    ap.add_argument("--search-bench", metavar="PATH",
                    help="build/search_bench: search timed in process too (make bench builds it)")
    ap.add_argument("--search-only", action="store_true",
                    help="only the search figures (section 6 and its target); the report goes to "
                         "bench/out/results-search.md unless --results is given")
    ap.add_argument("--nice", type=int, default=-10,
                    help="scheduling priority for the harness and every program it starts "
                         "(default -10 when root: steadier figures on a shared machine; 0 to keep)")
    ap.add_argument("--open-only", metavar="ARTS",
                    help="only the kiosk's open CPU and per-step Ir on these articles "
                         "(e.g. table,long,bundled); prints a table, writes no report")
    ap.add_argument("--report-from", metavar="PICKLE",
                    help="only write the report again from a saved bench/out/bench-state.pickle")
    a = ap.parse_args()
    if a.report_from:
        with open(a.report_from, "rb") as f:
            st = pickle.load(f)
        b = Bench.__new__(Bench)
        vars(b).update(st["b"])
        sys.argv = st["argv"]
        rep = Report(b, st["started"], st["elapsed"]).build()
        with open(b.a.results, "w", encoding="utf-8") as f:
            f.write(rep)
        print(rep)
        return
    if a.runs is None:
        a.runs = 1 if a.quick else 5
    if a.open_only:
        a.quick = True  # the smaller generated libraries are enough
    if a.results is None:
        if a.search_only:
            a.results = os.path.join(a.out, "results-search.md")
        else:
            a.results = os.path.join(a.out, "results-quick.md") if a.quick else os.path.join(HERE, "results.md")
    if not os.access(a.kiosk, os.X_OK):
        sys.exit(f"bench: {a.kiosk} is not an executable (build it with make)")
    missing = [p for p, exe in (("less", "less"), ("lynx", "lynx"), ("w3m", "w3m"), ("cmark", "cmark"),
                                ("valgrind", "valgrind"), ("linux-perf", "perf")) if shutil.which(exe) is None]
    if missing:
        log("bench: missing (figures for them are left out): apt-get install -y " + " ".join(missing))

    ptyrun.become_subreaper()
    if a.nice:
        try:
            os.setpriority(os.PRIO_PROCESS, 0, a.nice)  # inherited by the children
        except OSError:
            a.nice = 0  # not root: run at the normal priority
    started = datetime.datetime.now(datetime.timezone.utc)
    load0 = os.getloadavg()
    t0 = time.monotonic()
    b = Bench(a)
    log(f"programs: {', '.join(b.programs)}; libraries: {', '.join(l[0] for l in b.libraries)}")
    if a.open_only:
        b.run_open_only([x for x in a.open_only.split(",") if x])
        return
    if a.search_only:
        b.run_search()
        rep = Report(b, started, time.monotonic() - t0).build_search_only()
        with open(a.results, "w", encoding="utf-8") as f:
            f.write(rep)
        with open(os.path.join(a.out, "results-search.json"), "w") as f:
            json.dump({"search": b.search_runs, "search_inproc": b.search_inproc}, f, indent=1)
        print(rep)
        return
    b.run_sessions()
    log(f"sessions done ({time.monotonic() - t0:.0f} s)")
    b.run_search()
    b.run_idle()
    log(f"idle done ({time.monotonic() - t0:.0f} s)")
    if not a.no_callgrind:
        b.run_callgrind()
        log(f"callgrind done ({time.monotonic() - t0:.0f} s)")
    if not a.no_profile and (not a.quick or a.profile):
        b.run_profiles()
        log(f"profiles done ({time.monotonic() - t0:.0f} s)")
    b.load = (load0, os.getloadavg())
    elapsed = time.monotonic() - t0
    with open(os.path.join(a.out, "bench-state-quick.pickle" if a.quick else "bench-state.pickle"), "wb") as f:
        pickle.dump({"b": {k: v for k, v in vars(b).items()}, "started": started, "elapsed": elapsed, "argv": sys.argv}, f)
    rep = Report(b, started, elapsed).build()
    with open(a.results, "w", encoding="utf-8") as f:
        f.write(rep)
    raw = {"home": b.home_runs, "articles": b.art_runs, "idle": getattr(b, "idle", []),
           "callgrind": [{k: v for k, v in c.items() if k != "files"} for c in getattr(b, "cg", [])],
           "callgrind_scale": [{k: v for k, v in c.items() if k != "files"} for c in getattr(b, "cg_scale", [])],
           "search": getattr(b, "search_runs", []), "search_inproc": getattr(b, "search_inproc", []),
           "profiles": getattr(b, "prof", {})}
    with open(os.path.join(a.out, "results-quick.json" if a.quick else "results.json"), "w") as f:
        json.dump(raw, f, indent=1, default=str)
    print(rep)
    log(f"wrote {a.results} ({(time.monotonic() - t0) / 60:.1f} min)")


if __name__ == "__main__":
    main()
