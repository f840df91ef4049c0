"""pytest set-up for tests/fleet: a failing test shows the last screen of
each ssh session it opened (as tests/e2e/conftest.py does)."""

import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    rep = outcome.get_result()
    if rep.when == "call" and rep.failed:
        for i, k in enumerate(getattr(item, "_kiosks", [])[:6]):
            try:
                rep.sections.append((f"session {i}", k.dump()))
            except Exception as e:
                rep.sections.append((f"session {i}", f"(screen unavailable: {e!r})"))
