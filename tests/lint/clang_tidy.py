#!/usr/bin/python3
"""
clang_tidy: runs clang-tidy (checks in ./.clang-tidy) on each source file,
two at a time, and fails on any finding not listed as a reviewed false
positive in ./.clang-tidy-suppressions.

    clang_tidy.py FILE.c... -- COMPILER FLAGS

Each file gets its own clang-tidy process: clang-tidy 14 run on several
files in one process reports clang-analyzer-valist.Uninitialized on every
vsnprintf after the first file, which it does not for any file alone.

A suppression names the check, the file and a piece of the text of the
flagged line (not its number, so edits above it do not break it), with a
reason.  Suppressions that match nothing are listed at the end so they can
be removed once the code they excuse is gone.
"""
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SUPP = os.path.join(ROOT, ".clang-tidy-suppressions")
DIAG = re.compile(r"^(?P<file>[^:\s]+):(?P<line>\d+):(?P<col>\d+): "
                  r"(?P<level>warning|error): (?P<msg>.*?)(?: \[(?P<checks>[^\]]+)\])?$")


def load_suppressions():
    supp = []
    with open(SUPP, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 4 or not all(parts):
                sys.exit(f"{SUPP}:{n}: expected 'check | file | text on the line | reason'")
            supp.append({"check": parts[0], "file": parts[1], "text": parts[2],
                         "reason": parts[3], "line": n, "used": 0})
    return supp


def run_one(path, flags):
    r = subprocess.run(["clang-tidy", "--quiet", path, "--"] + flags,
                       capture_output=True, text=True, cwd=ROOT)
    return path, r.returncode, r.stdout, r.stderr


def source_line(path, n, cache={}):
    if path not in cache:
        try:
            with open(path, encoding="utf-8", errors="replace") as f:
                cache[path] = f.read().split("\n")
        except OSError:
            cache[path] = []
    lines = cache[path]
    return lines[n - 1] if 0 < n <= len(lines) else ""


def main(argv):
    if "--" not in argv:
        sys.exit(__doc__)
    i = argv.index("--")
    files, flags = argv[:i], argv[i + 1:]
    supp = load_suppressions()
    findings, failures = [], []
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        for path, rc, out, err in pool.map(lambda p: run_one(p, flags), files):
            blocks = []
            for ln in out.splitlines():
                m = DIAG.match(ln)
                if m and m.group("level") in ("warning", "error"):
                    blocks.append([m, [ln]])
                elif blocks:
                    blocks[-1][1].append(ln)
            for m, text in blocks:
                findings.append((m, text))
            if rc != 0 and not blocks:
                failures.append(f"clang-tidy failed on {path} (status {rc}):\n{err.strip()}")
    shown = 0
    for m, text in findings:
        checks = [c for c in (m.group("checks") or "clang-diagnostic").split(",")
                  if not c.startswith("-")]
        rel = os.path.relpath(m.group("file"), ROOT)
        src = source_line(m.group("file"), int(m.group("line")))
        hit = None
        for s in supp:
            if s["check"] in checks and rel == s["file"] and s["text"] in src:
                hit = s
                break
        if hit:
            hit["used"] += 1
            continue
        shown += 1
        print("\n".join(text[:3]).replace(ROOT + "/", ""))
    for f in failures:
        print(f)
    stale = [s for s in supp if not s["used"]]
    for s in stale:
        print(f".clang-tidy-suppressions:{s['line']}: note: matches nothing now "
              f"({s['check']} in {s['file']}); remove it if the code is gone")
    used = sum(1 for s in supp if s["used"])
    print(f"clang-tidy: {len(files)} files, {shown} findings, "
          f"{len(findings) - shown} reviewed false positives suppressed ({used} entries)")
    return 1 if shown or failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
