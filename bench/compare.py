#!/usr/bin/python3
"""
compare: first frame, CPU at start (until idle) and peak memory of several kiosk builds,
side by side with less, on the benchmark's libraries.  For checking an
optimisation before and after, on the same machine in the same minute.

    /usr/bin/python3 bench/compare.py --kiosk ./kiosk --kiosk /tmp/new/kiosk \
        [--libraries bundled,1000,10000] [--runs 7] [--size 80x24]

Each run starts every build once on every library (and less once on one
article), interleaved, so a noisy machine affects them alike; medians are
printed as a markdown table.  Content comes from bench/gen.py (made if
missing, in bench/out/).
"""

import argparse
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import gen  # noqa: E402
import ptyrun  # noqa: E402
import run  # noqa: E402

ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiosk", action="append", required=True, help="a build (repeat)")
    ap.add_argument("--libraries", default="bundled,100,1000,10000")
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--size", default="80x24")
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    a = ap.parse_args()
    cols, rows = map(int, a.size.split("x"))
    out = os.path.abspath(a.out)
    libs = a.libraries.split(",")
    sizes = sorted(int(l) for l in libs if l.isdigit())
    paths = gen.generate(out, sizes, log=lambda m: print(m, file=sys.stderr))
    conf = os.path.join(out, "kiosk-bench.conf")
    with open(conf, "w") as f:
        f.write(f"[kiosk]\ntitle = {run.KIOSK_TITLE}\ncontent = content-one\n")
    home = os.path.join(out, "home")
    os.makedirs(home, exist_ok=True)
    where = {"bundled": (os.path.join(ROOT, "content"), "What is stem cell therapy?")}
    for n in sizes:
        where[str(n)] = (paths[f"content-{n}"], gen.title_of(0))
    less_file = {"bundled": os.path.join(ROOT, "content", run.BUNDLED_ARTICLE)}
    ptyrun.become_subreaper()
    try:
        os.setpriority(os.PRIO_PROCESS, 0, -10)  # as run.py: steadier on a shared machine
    except OSError:
        pass

    def ready_home(title):
        def f(s):
            ls = s.lines()
            return run.KIOSK_TITLE in ls[0] and any(title[:30] in ln for ln in ls) and ls[-1].strip() != ""
        return f

    res = {}
    for i in range(a.runs):
        for lib in libs:
            content, title = where[lib]
            for k in a.kiosk:
                s = ptyrun.Session([k, "--config", conf, "--content", content], cols, rows, cwd=out, home=home)
                try:
                    t, _ = s.wait_frame(ready_home(title), quiet=0.1)
                    ns = s.start_cpu_ns()
                    res.setdefault((k, lib), []).append(((t - s.t0) / 1e6, ns / 1e6, s.hwm_kib()))
                finally:
                    s.kill()
        for name, f in (("bundled", less_file["bundled"]), ("generated", paths["article0.md"])):
            s = ptyrun.Session(["less", f], cols, rows, cwd=out, home=home)
            try:
                t, _ = s.wait_frame(lambda s: s.lines()[0].rstrip() == "---" and s.lines()[-1].strip() != "", quiet=0.1)
                ns = s.start_cpu_ns()
                res.setdefault(("less", name), []).append(((t - s.t0) / 1e6, ns / 1e6, s.hwm_kib()))
            finally:
                s.kill()
        print(f"run {i + 1}/{a.runs}", file=sys.stderr)

    def med(xs, j):
        return statistics.median(x[j] for x in xs)

    lb = med(res[("less", "bundled")], 0)
    lg = med(res[("less", "generated")], 0)
    print(f"\n{a.size}, medians of {a.runs}; less: {lb:.2f} ms on the bundled article, "
          f"{lg:.2f} ms on a generated 8 KB article\n")
    print("| build | library | first frame (ms) | / less | CPU at start, until idle (ms) | VmHWM (KiB) |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for lib in libs:
        for k in a.kiosk:
            xs = res[(k, lib)]
            ff = med(xs, 0)
            ref = lb if lib == "bundled" else lg
            print(f"| `{k}` | {lib} | {ff:.2f} | {ff / ref:.2f} | {med(xs, 1):.2f} | {med(xs, 2):,.0f} |")


if __name__ == "__main__":
    main()
