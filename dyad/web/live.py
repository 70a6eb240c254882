"""Run the dashboard in a background thread (for tests, screenshots and notebooks)."""
from __future__ import annotations

import socket
import threading
import time
from pathlib import Path
from types import TracebackType


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class LiveServer:
    """`with LiveServer(db_path) as srv: httpx.get(srv.url + "/api/events")` — uvicorn serving
    `create_app(db_path, token)` on a free loopback port (or `host`/`port`) in a daemon thread."""

    def __init__(self, db_path: str | Path, *, token: str | None = None, host: str = "127.0.0.1",
                 port: int | None = None):
        import uvicorn

        from dyad.web.app import check_bind, create_app

        check_bind(host, token)
        self.host, self.port = host, port or free_port(host)
        self.app = create_app(db_path, token=token)
        self.server = uvicorn.Server(uvicorn.Config(self.app, host=host, port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="dyad-web")

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}"

    def start(self, timeout: float = 15.0) -> "LiveServer":
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError(f"the dashboard did not start on {self.url}")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)

    def __enter__(self) -> "LiveServer":
        return self.start()

    def __exit__(self, t: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None) -> None:
        self.stop()
