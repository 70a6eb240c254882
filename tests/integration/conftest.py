"""Fixtures for the web tests: a hand-built store (tests/integration/web_data.py) and a live server on it."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def web_db(tmp_path_factory) -> Path:
    pytest.importorskip("fastapi", reason="the web extra is not installed: pip install 'dyad[web]'")
    import web_data

    return web_data.build(tmp_path_factory.mktemp("web") / "dyad.duckdb")


@pytest.fixture(scope="session")
def live(web_db):
    from dyad.web.live import LiveServer

    with LiveServer(web_db) as srv:
        yield srv
