#!/usr/bin/python3
"""
leakcheck: the kiosk under valgrind memcheck, driven through a pty with the
e2e harness (kiosk_pty.Kiosk), then --render and --check of the bundled
content under valgrind too.  Run by `make leakcheck`:

    tests/e2e/leakcheck.py [./kiosk]

The interactive path: start on the bundled content, move on the home
screen, open an article, Tab to a highlighted word, open the glossary
pane, resize (wider, narrower, back), close the pane, back home, open
another article, help, quit with q.  Each run must end with exit status 0,
"ERROR SUMMARY: 0 errors" and no bytes definitely lost.

Suppressions (tests/valgrind.supp) cover system libraries only; each says
why.  A failing run prints the valgrind log.
"""
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from kiosk_pty import ROOT, Kiosk  # noqa: E402

SUPP = os.path.join(ROOT, "tests", "valgrind.supp")
CONTENT = os.path.join(ROOT, "content")
VALGRIND = "/usr/bin/valgrind"
SLOW = 120  # seconds: everything is 20-50 times slower under valgrind


def valgrind_args(log):
    return [VALGRIND, "--tool=memcheck", "--leak-check=full",
            "--show-leak-kinds=definite,indirect",
            "--errors-for-leak-kinds=definite", "--error-exitcode=99",
            "--track-fds=no", "--num-callers=30",
            f"--suppressions={SUPP}", f"--log-file={log}"]


def check_log(what, log, status, want_status=0):
    """Returns a list of problems found in a valgrind log (empty: clean)."""
    with open(log, encoding="utf-8", errors="replace") as f:
        text = f.read()
    probs = []
    wanted = want_status if isinstance(want_status, tuple) else (want_status,)
    if status not in wanted:
        probs.append(f"exit status {status}, expected {' or '.join(map(str, wanted))}"
                     + (" (99: valgrind found errors)" if status == 99 else ""))
    m = re.search(r"ERROR SUMMARY: (\d+) errors", text)
    if not m:
        probs.append("no ERROR SUMMARY in the valgrind log (did it finish?)")
    elif m.group(1) != "0":
        probs.append(f"{m.group(1)} valgrind errors")
    m = re.search(r"definitely lost: ([\d,]+) bytes", text)
    if m and m.group(1) != "0":
        probs.append(f"{m.group(1)} bytes definitely lost")
    if probs:
        print(f"FAIL {what}: " + "; ".join(probs))
        print(text)
    else:
        summary = re.search(r"in use at exit: .*", text)
        print(f"ok   {what}" + (f" ({summary.group(0)})" if summary else ""))
    return probs


def interactive(kiosk, tmp):
    conf = os.path.join(tmp, "kiosk.conf")
    with open(conf, "w") as f:
        f.write(f"[kiosk]\ntitle = Leak check\ncontent = {CONTENT}\n")
    log = os.path.join(tmp, "interactive.log")
    k = Kiosk(valgrind_args(log)[1:] + [kiosk, "--config", conf],
              program=VALGRIND, cols=80, rows=24)
    try:
        k.wait_for(r"Choose an article|Stem cells for skin and hair", timeout=SLOW)
        k.send("down")
        k.wait_quiet(timeout=SLOW)
        k.send("up")
        k.wait_quiet(timeout=SLOW)
        k.send("enter")
        k.wait_for(r"\A[^\n]*Section \d+ of \d+", timeout=SLOW)
        # A highlighted word, then its explanation in the glossary pane.
        for _ in range(3):
            k.send("]")
            k.wait_quiet(timeout=SLOW)
        k.send("tab")
        k.wait_quiet(timeout=SLOW)
        k.send("enter")
        k.wait_for(r"Esc: Close", timeout=SLOW)
        k.wait_quiet(timeout=SLOW)
        for cols, rows in ((120, 30), (40, 12), (80, 24)):
            k.resize(cols, rows)
            k.wait_quiet(first=5, timeout=SLOW)
        k.send("esc")
        k.wait_quiet(timeout=SLOW)
        k.send("s")
        k.wait_quiet(timeout=SLOW)
        k.send("esc")
        k.wait_quiet(timeout=SLOW)
        k.send("esc")
        k.wait_for(r"Choose an article|Stem cells for skin and hair", timeout=SLOW)
        k.send("end")
        k.wait_quiet(timeout=SLOW)
        k.send("enter")
        k.wait_for(r"\A[^\n]*Section \d+ of \d+", timeout=SLOW)
        k.send("pgdn")
        k.wait_quiet(timeout=SLOW)
        k.send("?")
        k.wait_for(r"(?i)help|quit", timeout=SLOW)
        k.send("esc")
        k.wait_quiet(timeout=SLOW)
        k.send("q")
        status = k.wait_exit(timeout=SLOW)
    except AssertionError as e:
        print(f"FAIL interactive: {e}")
        k.close()
        if os.path.exists(log):
            print(open(log, errors="replace").read())
        return ["the interactive session did not go as planned"]
    finally:
        k.close()
    wait_summary(log)
    return check_log("interactive session (home, article, term, glossary pane, "
                     "resize, sections, help, q)", log, status)


def console(kiosk, tmp):
    """A short session on TERM=linux (the waiting-room console): ncurses
    then loads libgpm for the mouse, whose one leak is suppressed."""
    log = os.path.join(tmp, "console.log")
    k = Kiosk(valgrind_args(log)[1:] + [kiosk, "--content", CONTENT],
              program=VALGRIND, cols=80, rows=25, term="linux")
    try:
        k.wait_for(r"Stem cells for skin and hair", timeout=SLOW)
        k.send("enter")
        k.wait_for(r"\A[^\n]*Section \d+ of \d+", timeout=SLOW)
        k.send("tab")
        k.wait_quiet(timeout=SLOW)
        k.send("q")
        status = k.wait_exit(timeout=SLOW)
    except AssertionError as e:
        print(f"FAIL console: {e}")
        return ["the console session did not go as planned"]
    finally:
        k.close()
    wait_summary(log)
    return check_log("console session (TERM=linux: article, Tab, q)", log, status)


def wait_summary(log, timeout=10):
    """valgrind writes its summary after the child's last screen."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if os.path.exists(log) and "ERROR SUMMARY" in open(log, errors="replace").read():
            return
        time.sleep(0.2)


def batch(kiosk, tmp, name, args, want_status=0):
    log = os.path.join(tmp, re.sub(r"\W+", "_", name) + ".log")
    r = subprocess.run(valgrind_args(log) + [kiosk] + args, cwd=ROOT,
                       stdin=subprocess.DEVNULL, capture_output=True,
                       timeout=SLOW * 2)
    return check_log(name, log, r.returncode, want_status)


def main(argv):
    kiosk = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(ROOT, "kiosk"))
    if not os.access(VALGRIND, os.X_OK):
        print("valgrind is not installed (apt-get install valgrind)")
        return 1
    problems = []
    with tempfile.TemporaryDirectory(prefix="kiosk-leak.") as tmp:
        problems += interactive(kiosk, tmp)
        problems += console(kiosk, tmp)
        articles = sorted(os.path.join(dp, f) for dp, _, fs in os.walk(os.path.join(CONTENT, "en", "articles"))
                          for f in fs if f.endswith((".md", ".txt")))
        for a in articles:
            rel = os.path.relpath(a, ROOT)
            problems += batch(kiosk, tmp, f"--render {rel}",
                              ["--render", a, "--content", os.path.join(CONTENT, "en"), "--width", "60"])
        if articles:
            problems += batch(kiosk, tmp, f"--render --ascii --width 1 {os.path.relpath(articles[0], ROOT)}",
                              ["--render", articles[0], "--content", os.path.join(CONTENT, "en"), "--width", "1", "--ascii"])
        # --check exits 1 when the content has errors: that is not valgrind's
        # business, only 99 (valgrind's own error status) is.
        problems += batch(kiosk, tmp, "--check content", ["--check", CONTENT], want_status=(0, 1))
    if problems:
        print(f"leakcheck: {len(problems)} problems")
        return 1
    print("leakcheck: no valgrind errors, nothing definitely lost")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
