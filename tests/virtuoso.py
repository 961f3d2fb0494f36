"""A real Virtuoso SPARQL server on 127.0.0.1 for the tests that need a SPARQL endpoint.

Debian's ``virtuoso-opensource-7-bin`` (installed by ``scripts/test.sh``) provides ``virtuoso-t`` and
``isql-vt``.  Each server gets its own folder and ini file, listens only on 127.0.0.1 on free ports
(the package's own defaults listen on every address) and lets the anonymous ``SPARQL`` user update,
so ``/sparql`` takes both queries and SPARQL 1.1 Update and ``/sparql-graph-crud`` takes the Graph
Store Protocol.

    with VirtuosoServer(tmp_path) as server:
        server.sparql_url            # http://127.0.0.1:PORT/sparql
        server.isql("SELECT 1;")     # runs SQL through isql-vt as dba

Without ``virtuoso-t`` the tests that use it skip, except under CI (``CI`` set), where a missing
server is an error: CI must test for real.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

_INI = """\
[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = ., {dir}

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerThreads = 10
MaxClientConnections = 10

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def virtuoso_available() -> bool:
    return shutil.which("virtuoso-t") is not None and shutil.which("isql-vt") is not None


def require_virtuoso() -> None:
    """Skip the calling test when Virtuoso is not installed; fail instead under CI."""
    if virtuoso_available():
        return
    message = "virtuoso-t not installed (scripts/test.sh installs virtuoso-opensource-7-bin)"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


class VirtuosoServer:
    """One ``virtuoso-t`` process with its database under ``folder``."""

    def __init__(self, folder: Path, *, start_timeout: float = 60.0) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.sql_port = free_port()
        self.http_port = free_port()
        self.start_timeout = start_timeout
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def sparql_url(self) -> str:
        return f"{self.base_url}/sparql"

    @property
    def graph_store_url(self) -> str:
        return f"{self.base_url}/sparql-graph-crud"

    def start(self) -> VirtuosoServer:
        ini = self.folder / "virtuoso.ini"
        ini.write_text(_INI.format(dir=self.folder, sql_port=self.sql_port, http_port=self.http_port))
        log = open(self.folder / "stdout.log", "wb")
        self.process = subprocess.Popen(
            ["virtuoso-t", "+configfile", str(ini), "+foreground"],
            cwd=self.folder, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        log.close()
        self._wait_until_up()
        self.isql('GRANT SPARQL_UPDATE TO "SPARQL";')
        return self

    def _wait_until_up(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        probe = self.sparql_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise RuntimeError(f"virtuoso-t exited with {self.process.returncode}: {self.log_tail()}")
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"virtuoso-t did not answer within {self.start_timeout:.0f} s: {self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        path = self.folder / "stdout.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    def isql(self, sql: str) -> str:
        """Run SQL as dba through isql-vt and return its output; a failed statement raises."""
        done = subprocess.run(
            ["isql-vt", f"127.0.0.1:{self.sql_port}", "dba", "dba", f"exec={sql}"],
            capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or "*** Error" in done.stdout + done.stderr:
            raise RuntimeError(f"isql failed for {sql!r}: {done.stdout}{done.stderr}")
        return done.stdout

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def __enter__(self) -> VirtuosoServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
