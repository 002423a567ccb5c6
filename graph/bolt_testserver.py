"""A real Bolt server for tests: ArcadeDB (from `arcadedb-embedded`) in a child process.

The server runs in its own process, not inside pytest, so the JVM (which cannot be
restarted in a process) never shares a process with the code under test, and a
crashed or hung server is ended by pid. The child stops when its stdin closes,
so it cannot outlive the test run even if pytest is killed.

It lives in the package, not in tests/, because `make bench` starts it too. Run as a module it
is that child: ``python -m graph.bolt_testserver ROOT BOLT_PORT HTTP_PORT HEAP COMMAND_TIMEOUT_MS``
with the root password in ``BOLT_TEST_PASSWORD`` (not argv, which `ps` shows);
it prints ``READY`` once Bolt listens and database ``policy`` exists.
"""

from __future__ import annotations

import os
import secrets
import select
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent  # the child runs `-m graph.bolt_testserver` from here
DATABASE = "policy"
USER = "root"
PASSWORD_ENV = "BOLT_TEST_PASSWORD"
START_TIMEOUT_S = 90.0  # ~2 s when idle; the CI machine is shared by several jobs
COMMAND_TIMEOUT_MS = 60_000  # the server stops any statement after this, as Neo4j's db.transaction.timeout
# What a production Neo4j is set to (docs/NEO4J.md): LOAD CSV may read neither files on the
# server (dbms.security.allow_csv_import_from_file_urls=false) nor URLs.
# Set as JVM system properties: a database reads its query settings from them, not from the server's
# configuration.
LOCKED_DOWN = ("-Darcadedb.opencypher.loadCsv.allowFileUrls=false",
               "-Darcadedb.opencypher.loadCsv.allowRemoteUrls=false")


def free_port() -> int:
    """A loopback TCP port nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class BoltServer:
    """Starts the child server on free loopback ports; `settings` connects to it.

    Usage::

        with BoltServer() as server:
            store = Neo4jStore.connect(server.settings)
    """

    def __init__(self, heap: str = "1g", command_timeout_ms: int = COMMAND_TIMEOUT_MS) -> None:
        self.heap = heap  # the JVM's -Xmx: 1g holds the test graphs; the bench corpus wants more
        # ArcadeDB ignores the driver's transaction timeout, so the server bounds every statement.
        self.command_timeout_ms = command_timeout_ms
        self._tmp = tempfile.TemporaryDirectory(prefix="bolt-test-")
        self.root = Path(self._tmp.name)
        self.port = free_port()
        self.http_port = free_port()
        # Set here, never printed: tests see it only through `settings`.
        self.password = secrets.token_urlsafe(16)
        self.process: subprocess.Popen | None = None

    @property
    def settings(self):
        from graph.settings import (
            Neo4jSettings,  # lazily: the child process runs without the repo on its path
        )

        return Neo4jSettings(uri=f"bolt://127.0.0.1:{self.port}", user=USER,
                             password=self.password, database=DATABASE)

    def start(self) -> BoltServer:
        env = {**os.environ, PASSWORD_ENV: self.password,
               "PYTHONPATH": os.pathsep.join(filter(None, (str(REPO_ROOT), os.environ.get("PYTHONPATH"))))}
        with open(self.root / "server.log", "wb") as log:  # the child keeps its own handle
            # cwd is the temp dir: ArcadeDB writes ./log there and nowhere else.
            self.process = subprocess.Popen(
                [sys.executable, "-m", "graph.bolt_testserver", str(self.root / "data"),
                 str(self.port), str(self.http_port), self.heap, str(self.command_timeout_ms)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=log, cwd=self.root, env=env)
        deadline = time.monotonic() + START_TIMEOUT_S
        line = b""
        while not line.startswith(b"READY") and time.monotonic() < deadline:
            ready, _, _ = select.select([self.process.stdout], [], [], max(0.0, deadline - time.monotonic()))
            if not ready:
                break  # timed out: a hung start
            line = self.process.stdout.readline()
            if not line:
                break  # the child died
        if not line.startswith(b"READY"):
            tail = (self.root / "server.log").read_text(errors="replace")[-2000:]
            self.stop()
            raise RuntimeError(f"Bolt test server did not start: {tail}")
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            try:
                self.process.stdin.close()  # the child's signal to shut down cleanly
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        if self.process is not None:
            self.process.stdout.close()
        self.process = None
        self._tmp.cleanup()

    def __enter__(self) -> BoltServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _serve(root: str, port: int, http_port: int, heap: str, command_timeout_ms: int) -> None:
    import arcadedb_embedded as adb

    server = adb.ArcadeDBServer(
        root, root_password=os.environ[PASSWORD_ENV],
        config={"host": "127.0.0.1", "http_port": http_port,
                # The Bolt plugin ships in the wheel but is off unless listed here.
                "server_plugins": "Bolt:com.arcadedb.bolt.BoltProtocolPlugin",
                "bolt_port": port},
        jvm_kwargs={"heap_size": heap,
                    "jvm_args": [*LOCKED_DOWN, f"-Darcadedb.command.timeout={command_timeout_ms}"]})
    server.start()
    try:
        server.create_database(DATABASE)  # Bolt clients cannot create one
        print("READY", flush=True)
        sys.stdin.read()  # until the parent closes the pipe or dies
    finally:
        server.stop()


def wipe(store) -> None:
    """Delete every node of the model's labels (and their edges) from `store`'s database.

    Only those labels: with NEO4J_URI pointing at a server of your own, nothing else goes.
    """
    from graph.model import Label

    for label in Label:
        store._write(f"MATCH (n:{label.value}) DETACH DELETE n")


if __name__ == "__main__":
    _serve(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]))
