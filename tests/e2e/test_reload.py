"""
End-to-end tests of live reload: the running kiosk watches its content
folder (inotify) and loads it again about 0.3 s after the last change;
a broken file keeps its last good version; events go to the log file set
by `log =` (docs/content-guide.md, "What happens when you save on a
running kiosk").  Each test edits a fresh copy of the bundled content
while the kiosk shows it, and checks what the reader sees.
"""

import ctypes
import os
import random
import re
import shutil
import subprocess
import time

import pytest

from conftest import BUNDLED_EN as BUNDLED_CONTENT, BUNDLED_TITLE
from test_core import (ARTICLES, ARTICLES_SHOWN, AUTOLOGOUS_DEF, THERAPY, THERAPY_SECTIONS,
                       focus_on, goto_section, header, home, open_article,
                       section_no, selected_article)

THERAPY_FILE = "articles/01-stem-cell-basics/what-is-stem-cell-therapy.md"
RECOVERY = ARTICLES[1][0]
FIBROBLAST = "Fibroblast treatments for the skin"
RECOVERY_FILE = "articles/01-stem-cell-basics/stem-cells-for-recovery.md"
RECOVERY_TEXT = "Doctors hope that stem cells can help the body mend damage"
NOTICE_REMOVED = "The article you were reading has been removed."
RELOADED = "content reloaded"
LAST_GOOD = "still showing the last good version"


# ----- helpers ---------------------------------------------------------------

@pytest.fixture
def live(spawn, make_config, bundled_copy, tmp_path):
    """Starts the kiosk on a fresh copy of the bundled content with a log
    file; returns (kiosk, content folder, log path) once the home screen
    is up."""
    counter = [0]

    def _start(**kw):
        counter[0] += 1
        content = bundled_copy()
        log = str(tmp_path / f"kiosk{counter[0]}.log")
        k = home(spawn, ["--config", make_config(content, extra=f"log = {log}\n")], **kw)
        wait_log(log, r"started")
        return k, content, log
    return _start


def read_log(log):
    try:
        with open(log, encoding="utf-8", errors="replace") as f:
            return f.read()
    except FileNotFoundError:
        return ""


def wait_log(log, pattern, since=0, timeout=3, k=None):
    """Waits until regex pattern shows in the log after its first `since`
    characters; returns the new part of the log.  Keeps reading the
    kiosk's screen meanwhile."""
    end = time.monotonic() + timeout
    while True:
        text = read_log(log)[since:]
        if re.search(pattern, text):
            return text
        if time.monotonic() >= end:
            where = f"\n{k.dump()}" if k is not None else ""
            raise AssertionError(f"/{pattern}/ not in the log after {timeout}s; new log lines:\n{text}{where}")
        if k is not None:
            k.alive()
        time.sleep(0.05)


def settle(k, seconds):
    """Reads the kiosk's output for `seconds` without typing anything."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        k.alive()
        time.sleep(0.05)


def edit(content, rel, old, new):
    """Replaces old (which must be there) with new in content/rel."""
    path = os.path.join(content, rel)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    assert old in text, f"{old!r} is not in {rel}: update the test to the bundled content"
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new))


# ----- tests -----------------------------------------------------------------

def test_title_change_shows_at_once(live):
    k, content, log = live()
    edit(content, RECOVERY_FILE, f"title: {RECOVERY}", "title: Healing with stem cells")
    saved = time.monotonic()
    k.wait_for(r"Healing with stem cells", timeout=2)
    took = time.monotonic() - saved
    assert RECOVERY not in k.text(), k.failure("the old title is still listed")
    assert selected_article(k) == ARTICLES[0][0], k.failure("the reload moved the selection")
    print(f"\nnew title shown {took:.2f} s after the save")


BROKEN = {
    "bad-yaml": b"---\ntitle: [broken\ndescription: Half saved.\n---\n\nSome text.\n",
    "empty": b"",
    "binary": bytes(random.Random(7).randrange(256) for _ in range(3000)) + b"\x00\x00\xff",
}
# What the log must say about the file: its name, a line number where the
# problem has one, "error".
BROKEN_MESSAGE = {
    "bad-yaml": re.escape(RECOVERY_FILE) + r":\d+(:\d+)?: error: ",
    "empty": re.escape(RECOVERY_FILE) + r"(:\d+)*: error: .*empty",
    "binary": re.escape(RECOVERY_FILE) + r":\d+(:\d+)?: error: .*not a text file",
}


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_save_keeps_last_good_version(live, kind):
    k, content, log = live()
    mark = len(read_log(log))
    with open(os.path.join(content, RECOVERY_FILE), "wb") as f:
        f.write(BROKEN[kind])
    new = wait_log(log, RELOADED, since=mark, k=k)
    k.wait_quiet(first=0.3)
    assert k.alive(), k.failure(f"a {kind} file ended the kiosk (status {k.status})")
    assert re.search(BROKEN_MESSAGE[kind], new), f"the log lacks the file:line error for the {kind} file:\n{new}"
    assert re.search(re.escape(RECOVERY_FILE) + r".*" + LAST_GOOD, new), \
        f"the log does not say the last good version is still shown:\n{new}"
    text = k.text()
    assert RECOVERY in text and ARTICLES[1][1] in text, k.failure(f"after the {kind} save the article is no longer listed as it was")
    # Titles such as "Warning signs of an unproven clinic" are content.
    for title, desc in ARTICLES:
        text = text.replace(title, "").replace(desc, "")
    assert not re.search(r"(?i)\berror\b|warning|not a text file|front matter|last good", text), \
        k.failure("a patient sees the error")
    # Opening it shows the last good text.
    open_article(k, RECOVERY)
    k.wait_for(re.escape(RECOVERY_TEXT))


def test_edit_keeps_reader_in_section(live):
    k, content, log = live()
    open_article(k, THERAPY)
    goto_section(k, 3)
    heading = THERAPY_SECTIONS[2]
    row = k.must_find(heading)[0]
    assert row <= 2, k.failure(f"] did not bring {heading!r} to the top")
    mark = len(read_log(log))
    # A longer paragraph in section 2, above the reader's place.
    old = "Small numbers of stem cells live in many parts of your body."
    edit(content, THERAPY_FILE, old, old + " They are found in the blood, in fat and in the gums, and "
         "each kind can make only some types of cells. Scientists call this Edited paragraph.")
    wait_log(log, RELOADED, since=mark, k=k)
    k.wait_quiet(first=0.3)
    assert THERAPY in header(k), k.failure("the reader left the article")
    assert section_no(k) == (3, len(THERAPY_SECTIONS)), k.failure("the reader is no longer in section 3")
    assert k.must_find(heading)[0] == row, k.failure(f"the heading {heading!r} moved from row {row}")
    k.send("[")
    k.wait_for(r"Section 2 of")
    k.wait_for(r"Edited paragraph")  # the edit itself is shown


def test_deleting_the_article_being_read(live):
    k, content, log = live()
    open_article(k, THERAPY)
    goto_section(k, 2)
    os.remove(os.path.join(content, THERAPY_FILE))
    k.wait_for(re.escape(NOTICE_REMOVED), timeout=2)
    assert BUNDLED_TITLE in header(k), k.failure("the home screen is not shown")
    assert k.lines()[-1].strip() == NOTICE_REMOVED, k.failure("the notice is not in the bottom line")
    text = k.text()
    assert THERAPY not in text, k.failure("the removed article is still listed")
    for title, _ in ARTICLES_SHOWN[1:]:
        assert title in text, k.failure(f"{title!r} is missing")
    # Back stays here (no history leads to the removed article), and
    # Enter opens what is now the first article.
    k.send("left")
    k.wait_quiet(first=0.3)
    assert k.alive() and BUNDLED_TITLE in header(k), k.failure("Back left the home screen")
    k.send("enter")
    k.wait_for(r"\A[^\n]*" + re.escape(RECOVERY))


def test_atomic_save_is_one_reload(live):
    k, content, log = live()
    path = os.path.join(content, THERAPY_FILE)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    mark = len(read_log(log))
    # As `sed -i` and most editors save: a temporary file in the same
    # folder, renamed over the article.
    tmp = os.path.join(os.path.dirname(path), "sedK3x9Qp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text.replace(f"title: {THERAPY}", "title: Stem cell therapy explained"))
    os.rename(tmp, path)
    k.wait_for(r"Stem cell therapy explained", timeout=2)
    settle(k, 1.5)
    new = read_log(log)[mark:]
    n = len(re.findall(RELOADED, new))
    assert n == 1, f"one atomic save gave {n} reloads:\n{new}"
    assert THERAPY not in k.text()


def test_new_topic_folder(live):
    # 40 rows: the whole list, with the new topic at its end, fits on screen
    k, content, log = live(rows=40)
    folder = os.path.join(content, "articles", "04-after-your-visit")
    os.mkdir(folder)
    with open(os.path.join(folder, "caring-for-your-wound.md"), "w") as f:
        f.write("---\ntitle: Caring for your wound\ndescription: How to keep it clean and dry.\n"
                "reviewed: 2026-11-22\n---\n\nMost small wounds heal in one to two weeks.\n")
    k.wait_for(r"Caring for your wound", timeout=2)
    topic = k.must_find("After your visit")
    title = k.must_find("Caring for your wound")
    assert topic[0] < title[0], k.failure("the new article is not under its topic")
    assert k.must_find(ARTICLES[-1][0])[0] < topic[0], k.failure("the new topic is not after the others")
    assert "04-after" not in k.text(), k.failure("the folder's number is shown")
    # The new folder is watched too: editing the file there is seen.
    edit(content, "articles/04-after-your-visit/caring-for-your-wound.md",
         "title: Caring for your wound", "title: Looking after your wound")
    k.wait_for(r"Looking after your wound", timeout=2)


def open_autologous(k):
    """THERAPY, section 4, with the glossary pane on 'Autologous'."""
    open_article(k, THERAPY)
    goto_section(k, 4)
    focus_on(k, "Autologous")
    k.send("enter")
    k.wait_for(r"Cells or tissue")


NEW_DEF = "Cells taken from you yourself, not from a donor."


def test_glossary_edit_updates_open_pane(live):
    k, content, log = live()
    open_autologous(k)
    edit(content, "glossary.md", AUTOLOGOUS_DEF, NEW_DEF)
    k.wait_for(r"Cells taken from you yourself", timeout=2)
    text = re.sub(r"\s+", " ", k.text())
    assert NEW_DEF in text, k.failure("the pane does not show the whole new definition")
    assert AUTOLOGOUS_DEF not in text, k.failure("the old definition is still shown")
    assert THERAPY in header(k)


def test_glossary_edit_keeps_reading_position(live):
    k, content, log = live()
    open_autologous(k)
    edit(content, "glossary.md", AUTOLOGOUS_DEF, NEW_DEF)
    k.wait_for(r"Cells taken from you yourself", timeout=2)
    assert section_no(k)[0] == 4, k.failure("a glossary edit moved the reader out of section 4")


def test_content_folder_deleted_and_made_again(live):
    k, content, log = live()
    mark = len(read_log(log))
    shutil.rmtree(content)
    wait_log(log, r"cannot be read; still serving", since=mark, k=k)
    # Meanwhile the kiosk keeps serving what it has.
    open_article(k, FIBROBLAST)
    k.wait_for(r"Fibroblast treatments take some of your own skin cells")
    k.send("esc")
    k.wait_for(re.escape(ARTICLES_SHOWN[-1][0]))
    assert k.alive()
    # The folder comes back, with one title changed.
    shutil.copytree(BUNDLED_CONTENT, content)
    edit(content, RECOVERY_FILE, f"title: {RECOVERY}", "title: Healing with stem cells")
    back = time.monotonic()
    k.wait_for(r"Healing with stem cells", timeout=4)
    print(f"\nnew content shown {time.monotonic() - back:.2f} s after the folder came back")
    # ... and it is watched again.
    edit(content, RECOVERY_FILE, "title: Healing with stem cells", "title: Mending with stem cells")
    k.wait_for(r"Mending with stem cells", timeout=2)


def test_content_folder_swapped_by_rename(live):
    # A common way to publish new content: move the old folder aside and
    # put the new one in its place.  Later saves must still be seen.
    k, content, log = live()
    mark = len(read_log(log))
    os.rename(content, content + ".old")
    shutil.copytree(content + ".old", content)
    wait_log(log, RELOADED, since=mark, k=k)
    edit(content, RECOVERY_FILE, f"title: {RECOVERY}", "title: Healing with stem cells")
    k.wait_for(r"Healing with stem cells", timeout=2.5)


# ----- a folder switched as a whole (deploys) -----------------------------------
# Deploy tools publish a release by switching a symlink atomically
# (`ln -s releases/r2 tmp && mv -T tmp current`, as Capistrano does, and
# deploy/content/kiosk-content-update) or by renaming a finished folder
# into place.  The kiosk follows the path it was given: the new release is
# on screen within 2 s, loaded in one step (one reload, never a missing
# folder), and later edits inside the new release are seen.

def release(root, name, title=None):
    """A copy of the bundled content as root/releases/name, with the
    recovery article's title changed to title."""
    path = os.path.join(root, "releases", name)
    shutil.copytree(BUNDLED_CONTENT, path)
    if title is not None:
        edit(path, RECOVERY_FILE, f"title: {RECOVERY}", f"title: {title}")
    return path


def switch(root, name):
    """Points root/current at releases/name the way deploy tools do."""
    tmp = os.path.join(root, f".current.{name}.tmp")
    subprocess.run(["ln", "-s", f"releases/{name}", tmp], check=True)
    subprocess.run(["mv", "-T", tmp, os.path.join(root, "current")], check=True)


def reloads(log, since):
    text = read_log(log)[since:]
    return len(re.findall(RELOADED, text)), "cannot be read" in text


@pytest.fixture
def on_current(spawn, make_config, tmp_path):
    """Starts the kiosk on tmp_path/srv/current (a symlink to releases/r1
    when symlink=True, else a plain folder); returns (kiosk, srv, log)."""
    def _start(symlink=True):
        srv = str(tmp_path / "srv")
        os.makedirs(os.path.join(srv, "releases"))
        if symlink:
            release(srv, "r1")
            switch(srv, "r1")
        else:
            shutil.copytree(BUNDLED_CONTENT, os.path.join(srv, "current"))
        log = str(tmp_path / "kiosk.log")
        k = home(spawn, ["--config", make_config(os.path.join(srv, "current"),
                                                   extra=f"log = {log}\n")])
        wait_log(log, r"started")
        return k, srv, log
    return _start


def test_symlink_switched_atomically(on_current, capsys):
    k, srv, log = on_current()
    release(srv, "r2", "Healing with stem cells")
    release(srv, "r3", "Mending with stem cells")
    took = []
    for name, title in (("r2", "Healing with stem cells"), ("r3", "Mending with stem cells"),
                        ("r1", RECOVERY)):  # the last one is a rollback
        mark = len(read_log(log))
        t0 = time.monotonic()
        switch(srv, name)
        k.wait_for(re.escape(title), timeout=2)
        took.append(time.monotonic() - t0)
        settle(k, 0.8)
        n, missing = reloads(log, mark)
        assert (n, missing) == (1, False), \
            f"switch to {name}: {n} reloads, folder missing: {missing}\n{read_log(log)[mark:]}"
    # The watches follow the link: an edit inside the current release is
    # seen, and deleting an old release (kept releases pruned) is not a
    # change at all.
    edit(os.path.join(srv, "releases", "r1"), RECOVERY_FILE, f"title: {RECOVERY}",
         "title: Recovering with stem cells")
    k.wait_for(r"Recovering with stem cells", timeout=2)
    mark = len(read_log(log))
    shutil.rmtree(os.path.join(srv, "releases", "r2"))
    shutil.rmtree(os.path.join(srv, "releases", "r3"))
    settle(k, 1.0)
    assert reloads(log, mark) == (0, False), read_log(log)[mark:]
    assert k.find("Recovering with stem cells"), k.failure("the content changed")
    with capsys.disabled():
        print(f"\n    [reload] symlink switch -> new release on screen: "
              + ", ".join(f"{t:.2f} s" for t in took), end="")


def _exchange(a, b):
    """Swaps two folders in one step (renameat2 RENAME_EXCHANGE)."""
    libc = ctypes.CDLL(None, use_errno=True)
    AT_FDCWD, RENAME_EXCHANGE = -100, 2
    if libc.renameat2(AT_FDCWD, a.encode(), AT_FDCWD, b.encode(), RENAME_EXCHANGE) != 0:
        e = ctypes.get_errno()
        raise OSError(e, os.strerror(e), a)


@pytest.mark.parametrize("how", ["two-renames", "exchange"])
def test_folder_replaced_by_rename(on_current, how, capsys):
    k, srv, log = on_current(symlink=False)
    cur = os.path.join(srv, "current")
    took = []
    for i, title in enumerate(["Healing with stem cells", "Mending with stem cells"]):
        new = release(srv, f"n{i}", title)
        mark = len(read_log(log))
        t0 = time.monotonic()
        if how == "exchange":
            _exchange(new, cur)
        else:
            os.rename(cur, os.path.join(srv, f"old{i}"))
            os.rename(new, cur)
        k.wait_for(re.escape(title), timeout=2)
        took.append(time.monotonic() - t0)
        settle(k, 2.5)
        n, missing = reloads(log, mark)
        assert (n, missing) == (1, False), \
            f"replace {i + 1}: {n} reloads, folder missing: {missing}\n{read_log(log)[mark:]}"
    # Still watched: an edit in place is seen soon.
    t0 = time.monotonic()
    edit(cur, RECOVERY_FILE, "title: Mending with stem cells", "title: Recovering with stem cells")
    k.wait_for(r"Recovering with stem cells", timeout=1.5)
    with capsys.disabled():
        print(f"\n    [reload] folder replaced ({how}) -> new release on screen: "
              + ", ".join(f"{t:.2f} s" for t in took)
              + f"; edit after it {time.monotonic() - t0:.2f} s", end="")
