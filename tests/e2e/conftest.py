"""
Fixtures for the end-to-end tests.

  kiosk_bin      path of ./kiosk (the test fails, never skips, when absent)
  spawn          factory: spawn(args, cols=, rows=, env=, ...) -> Kiosk;
                 every kiosk is hung up after the test, and a failing test
                 shows the last screen of each
  make_content   factory: make_content({"01-topic/a.md": text}, glossary=)
                 -> a content folder in tmp_path
  make_config    factory: make_config(content_dir, title=, theme=) -> path
                 of a kiosk.conf in tmp_path (content written relative)
  bundled        --config arguments for the bundled content with a known
                 title (BUNDLED_TITLE)
  bundled_copy   factory: bundled_copy() -> path of a fresh copy of the
                 bundled content in tmp_path (safe to edit)
"""

import os
import shutil
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from kiosk_pty import KIOSK, ROOT, Kiosk  # noqa: E402

BUNDLED_CONTENT = os.path.join(ROOT, "content")
# The English articles and glossary (the bundled content has en/ and tr/).
BUNDLED_EN = os.path.join(BUNDLED_CONTENT, "en")
BUNDLED_TITLE = "Riverside Test Clinic"


@pytest.fixture(scope="session")
def kiosk_bin():
    if not os.access(KIOSK, os.X_OK):
        pytest.fail(f"{KIOSK} is missing or not executable: run `make -C {ROOT} kiosk` "
                    f"(the e2e tests drive the real binary)", pytrace=False)
    return KIOSK


@pytest.fixture
def spawn(kiosk_bin, request):
    started = []
    request.node._kiosks = started

    def _spawn(args=(), **kw):
        k = Kiosk(args, program=kiosk_bin, **kw)
        started.append(k)
        return k

    yield _spawn
    for k in started:
        k.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.when == "call" and rep.failed:
        # Show what each kiosk of a failed test had on its screen.
        for i, k in enumerate(getattr(item, "_kiosks", [])):
            try:
                rep.sections.append((f"kiosk {i} ({' '.join(k.args)})", k.dump()))
            except Exception as e:
                rep.sections.append((f"kiosk {i}", f"(screen unavailable: {e!r})"))


@pytest.fixture
def make_content(tmp_path):
    counter = [0]

    def _make(articles, glossary=None, name=None):
        counter[0] += 1
        root = tmp_path / (name or f"content{counter[0]}")
        (root / "articles").mkdir(parents=True)
        for rel, body in articles.items():
            p = root / "articles" / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(body, str):
                body = body.encode("utf-8")
            p.write_bytes(body)
        if glossary is not None:
            g = glossary.encode("utf-8") if isinstance(glossary, str) else glossary
            (root / "glossary.md").write_bytes(g)
        return str(root)

    return _make


@pytest.fixture
def make_config(tmp_path):
    counter = [0]

    def _make(content_dir, title=BUNDLED_TITLE, theme="default", extra=""):
        counter[0] += 1
        d = tmp_path / f"conf{counter[0]}"
        d.mkdir()
        rel = os.path.relpath(content_dir, d)
        path = d / "kiosk.conf"
        path.write_text(f"[kiosk]\ntitle = {title}\ncontent = {rel}\ntheme = {theme}\n{extra}")
        return str(path)

    return _make


@pytest.fixture
def bundled(make_config):
    """Arguments that start the kiosk on the bundled content."""
    return ["--config", make_config(BUNDLED_CONTENT)]


@pytest.fixture
def bundled_copy(tmp_path):
    """Factory: a fresh copy of the bundled English content folder in tmp_path (for
    tests that edit content while the kiosk runs); returns its path."""
    counter = [0]

    def _copy():
        counter[0] += 1
        dst = tmp_path / f"bundled{counter[0]}"
        shutil.copytree(BUNDLED_EN, dst)
        return str(dst)

    return _copy
