"""Fault injection for the search tests: a dedicated Elasticsearch node that can be hung
(SIGSTOP) and stopped, and a TCP proxy that slows it down."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from ..servers import free_port

REPO = Path(__file__).resolve().parents[2]
SCRIPTS = REPO / "scripts" / "elasticsearch"


@dataclass
class FaultNode:
    """An Elasticsearch node of its own, so that hanging or stopping it cannot disturb the node
    the other tests share. Its ports are free ones the system hands out (``ES_FAULT_PORT`` fixes
    the HTTP port): CI runs the SQLite and PostgreSQL suites side by side, and a fixed port had
    the two suites share, hang and stop one node."""

    port: int
    transport_port: int
    data_dir: str

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def env(self) -> dict:
        return {
            **os.environ,
            "ES_PORT": str(self.port),
            "ES_TRANSPORT_PORT": str(self.transport_port),
            "ES_DATA_DIR": self.data_dir,
        }

    @property
    def pid(self) -> int:
        return int(Path(self.data_dir, "es.pid").read_text().strip())

    def start(self) -> None:
        run = subprocess.run(  # noqa: S603
            ["bash", str(SCRIPTS / "start.sh")], env=self.env, capture_output=True, text=True
        )
        if run.returncode != 0:
            raise RuntimeError(f"fault node did not start:\n{run.stdout}\n{run.stderr}")
        if not Path(self.data_dir, "es.pid").exists():  # start.sh found another node there
            raise RuntimeError(f"port {self.port} already had a node:\n{run.stdout}")

    def hang(self) -> None:
        os.kill(self.pid, signal.SIGSTOP)

    def resume(self) -> None:
        os.kill(self.pid, signal.SIGCONT)

    def stop(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            self.resume()
        subprocess.run(["bash", str(SCRIPTS / "stop.sh")], env=self.env, check=False)  # noqa: S603

    @classmethod
    def create(cls) -> FaultNode:
        port = int(os.environ.get("ES_FAULT_PORT") or free_port())
        return cls(
            port=port,
            transport_port=free_port(),
            data_dir=tempfile.mkdtemp(prefix="es-faults-"),
        )

    def remove(self) -> None:
        self.stop()
        shutil.rmtree(self.data_dir, ignore_errors=True)


class SlowProxy:
    """Forwards TCP connections to ``target_port``, holding every answer ``delay`` seconds."""

    def __init__(self, target_port: int):
        self.target_port = target_port
        self.delay = 0.0
        self.connections = 0
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port = self._server.getsockname()[1]
        self._stopped = threading.Event()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _accept(self) -> None:
        while not self._stopped.is_set():
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            self.connections += 1
            upstream = socket.create_connection(("127.0.0.1", self.target_port))
            threading.Thread(target=self._pipe, args=(client, upstream, 0), daemon=True).start()
            threading.Thread(target=self._pipe, args=(upstream, client, 1), daemon=True).start()

    def _pipe(self, source: socket.socket, target: socket.socket, answers: int) -> None:
        try:
            while data := source.recv(65536):
                if answers and self.delay:
                    time.sleep(self.delay)
                target.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, target):
                with contextlib.suppress(OSError):
                    s.close()

    def close(self) -> None:
        self._stopped.set()
        self._server.close()
