"""
A seeded monkey: thousands of random keys, mouse reports and resizes (down
to 1x1) through the pty, on content folders in the shapes real clinics
have, in normal, waiting-room and SSH-like (SSH_CONNECTION set) modes.  The
kiosk must stay alive, answer a key at the end, and write nothing a
terminal should not get.  Under `make asan` a sanitizer report ends the
kiosk, so the monkey catches it too.

On failure the test prints the seed, the actions played (as Python
literals) and a command that plays them again.

  KIOSK_MONKEY_SEED=N     base seed (default 13; "random" for a new one)
  KIOSK_MONKEY_ACTIONS=N  actions per run (default 500: about a minute
                          for the six runs of `make check`)
"""

import os
import random
import re
import time

import pytest

from conftest import BUNDLED_TITLE

ACTIONS = int(os.environ.get("KIOSK_MONKEY_ACTIONS", "500"))
_seed_env = os.environ.get("KIOSK_MONKEY_SEED", "13")
BASE_SEED = random.randrange(1 << 30) if _seed_env == "random" else int(_seed_env)

# ----- content in the shapes clinics write -------------------------------------

GLOSSARY = """# Glossary

## Stem cell
Also: stem cells

A cell that can make copies of itself and turn into other cells. An
[MSC](#msc) is one kind. Compare with a fibroblast.

## MSC
Also: mesenchymal stem cell

A stem cell from fat or bone marrow. See
[the basics](articles/01-basics/what-are-stem-cells.md#what-they-are).

## Fibroblast

A skin cell that makes collagen, the protein that keeps skin firm.

## Autologous

From your own body: an autologous stem cell is one of your own.

## İğne

The Turkish word for a needle or an injection.
"""

TOC = """---
title: What are stem cells?
description: A first look at the cells, the risks and the shot
order: 1
url: https://clinic.example/stem-cells
---

# What are stem cells?

On this page:

1. [What they are](#what-they-are)
2. [What are the risks?](#what-are-the-risks)
3. [İğne nasıl yapılır?](#igne-nasil-yapilir)
4. [How healing works](../02-care/after-treatment.md#how-healing-works)
5. [A missing part](#not-here)

## What they are

A stem cell can make copies of itself. An autologous MSC comes from your
own fat. Read more at the [clinic](https://clinic.example/more).

## What are the risks?

| Risk | How often | What to do |
|------|:---------:|-----------:|
| Swelling | often | Rest and ice |
| Infection | rare | Call us at once |
| **Fever** | rare | See a doctor |

## İğne nasıl yapılır?

The stem cell shot goes into the arm. It takes a few minutes.

[Back to the top](#what-are-stem-cells)
"""

CARE = """# After your treatment

- Rest
  - the first day
    - no sport
      - no heavy lifting
        - not even shopping bags
          - or a child on your hip
            - ask us when you may start again
- Keep the dressing dry

> **Call us** if the skin turns red.
> > A fibroblast treatment may sting for a day.

<details><summary>For carers</summary>

Help with <b>washing</b> and <i>meals</i>.<br>
<script>alert("x")</script>

</details>

## How healing works

```
day 1   swelling
day 7   less pain
```

1. First the stem cell signals.
2. Then the fibroblast makes collagen.
"""

LEAFLET = """Looking after your wound

Keep it dry for two days. Change the dressing each morning.

When to call us

A fever over 38 C. Bleeding that does not stop. Pain that gets worse.
"""


def long_page():
    parts = ["# Everything about the clinic\n"]
    for i in range(60):
        parts.append(f"## Part {i + 1}\n\nThis is part {i + 1}. A stem cell, an MSC and a "
                     f"fibroblast are all named here, and [part one](#part-1) is linked, so the "
                     f"page has many words to wrap and many terms to pick. " * 2 + "\n")
    return "\n".join(parts)


SHAPES = {
    "clinic": ({
        "01-basics/what-are-stem-cells.md": TOC,
        "01-basics/everything.md": long_page(),
        "02-care/after-treatment.md": CARE,
        "02-care/wound-care.txt": LEAFLET,
    }, GLOSSARY),
    "odd": ({
        "intro.md": "# Welcome\n\n[Start](01-only/one.md#section-two)\n",
        "01-only/one.md": "---\ntitle: One\n---\n\n# One\n\n## Section two\n\n" + "word " * 400,
        "01-only/broken.md": "---\ntitle: [unclosed\n---\n\nText\n",
        "01-only/empty.md": "",
        "01-only/\u0130\u011fne.md": "# \u0130\u011fne nas\u0131l yap\u0131l\u0131r?\n\nKolay.\n",
    }, "## Stem cell\n\nA cell.\n\n## Stem cell\n\nTwice.\n"),
}

MODES = ["normal", "waiting-room", "ssh"]

# ----- actions ------------------------------------------------------------------

NAMED = ["up", "down", "left", "right", "pgup", "pgdn", "home", "end", "enter", "esc",
         "tab", "btab", "backspace", "f1", "space"]
SEQS = ["\x1b[1~", "\x1b[4~", "\x1b[7~", "\x1b[8~", "\x1bOH", "\x1bOF", "\x1b[H", "\x1b[F",
        "\x1b[5~", "\x1b[6~", "\x1b[Z", "\x1b[1;5A", "\x1b[3~", "\x1b[2~"]
LETTERS = list("/wus][nN?abcdezxy ")
TEXT = ["stem", "cell", "İğne", "é", "MSC", "zz zz"]
SIZES = [(1, 1), (2, 2), (10, 3), (20, 5), (39, 9), (40, 10), (80, 24), (100, 30),
         (132, 43), (200, 60)]
# In normal and SSH mode these end the kiosk (q, Ctrl-C, Ctrl-\) or stop its
# output by design (Ctrl-S): not typed there.
QUITS = {"q", "Q", "\x03", "\x1c", "\x13", "\x11"}


def make_actions(rng, n, mode):
    acts = []
    for _ in range(n):
        r = rng.random()
        if r < 0.40:
            acts.append(("key", rng.choice(NAMED)))
        elif r < 0.55:
            acts.append(("raw", rng.choice(SEQS)))
        elif r < 0.72:
            acts.append(("raw", rng.choice(LETTERS)))
        elif r < 0.76:
            acts.append(("raw", rng.choice(TEXT)))
        elif r < 0.82:
            c = chr(rng.randrange(1, 27))
            if mode != "waiting-room" and c in QUITS:
                c = "\x0c"
            acts.append(("raw", c))
        elif r < 0.90:
            x, y = rng.randrange(1, 120), rng.randrange(1, 50)
            b = rng.choice([0, 0, 0, 64, 65])
            acts.append(("raw", f"\x1b[<{b};{x};{y}M" + (f"\x1b[<{b};{x};{y}m" if b == 0 else "")))
        elif r < 0.97:
            acts.append(("resize", rng.choice(SIZES)))
        else:
            acts.append(("pause", rng.choice([0.05, 0.2, 1.1])))
    return acts


def play(k, act):
    kind, what = act
    if kind == "key":
        k.send(what)
    elif kind == "raw":
        k.send(what.encode("utf-8"))
    elif kind == "resize":
        k.resize(*what)
    elif kind == "pause":
        time.sleep(what)
    k._pump(0.002)


# ----- the runs ------------------------------------------------------------------

@pytest.mark.parametrize("shape", list(SHAPES))
@pytest.mark.parametrize("mode", MODES)
def test_monkey(spawn, make_content, make_config, tmp_path, mode, shape):
    articles, glossary = SHAPES[shape]
    content = make_content(articles, glossary=glossary)
    extra, env = "", {}
    if mode == "waiting-room":
        extra = ("mode = waiting-room\nidle_timeout = 3\nattract_timeout = 6\n"
                 "pin_hash = $y$j9T$bsbZCT1VNS3upnNVbBSmh1$fYgH5tP.E5i4G5VpRur4Ivw8Sp47jO04iqIN2OELCoB\n")
    elif mode == "ssh":
        extra = f"[ssh]\nmax_sessions = 4\nlock_dir = {tmp_path}/locks\n"
        env = {"SSH_CONNECTION": "192.0.2.7 50022 192.0.2.1 22"}
    conf = make_config(content, extra=extra)
    seed = BASE_SEED * 1000 + MODES.index(mode) * 10 + list(SHAPES).index(shape)
    rng = random.Random(seed)
    acts = make_actions(rng, ACTIONS, mode)
    k = spawn(["--config", conf], cols=80, rows=24, env=env)
    k.wait_for(re.escape(BUNDLED_TITLE) + "|Press any key")
    done = 0
    try:
        for act in acts:
            play(k, act)
            done += 1
            if done % 100 == 0:
                assert k.alive(), f"the kiosk ended (status {k.status})"
        k.resize(80, 24)
        k.wait_quiet()
        assert k.alive(), f"the kiosk ended (status {k.status})"
        # Still answering: a key brings a repaint.
        mark = len(k.raw)
        k.send("down")
        k.resize(81, 24)
        k.wait_quiet()
        assert len(k.raw) > mark, "no repaint after a resize and a key"
        assert k.alive(), f"the kiosk ended (status {k.status})"
        k.assert_stream_clean()
    except AssertionError as e:
        played = acts[:done + 1]
        raise AssertionError(
            f"{e}\nmonkey seed {seed} ({mode}, {shape}), {len(played)} of {len(acts)} actions "
            f"played:\n{played!r}\nreplay: cd tests/e2e && KIOSK_MONKEY_SEED={BASE_SEED} "
            f"KIOSK_MONKEY_ACTIONS={ACTIONS} KIOSK_BIN=$PWD/../../kiosk /usr/bin/python3 -m pytest "
            f"-q -p no:cacheprovider test_monkey.py -k 'test_monkey and {mode} and {shape}'") from None
    print(f"\n    monkey seed {seed}: {mode}, {shape}: {len(acts)} actions, "
          f"{sum(1 for a in acts if a[0] == 'resize')} resizes, kiosk alive")
