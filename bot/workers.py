"""Several worker processes on one listening socket, supervised by the parent.

The parent binds the socket and starts N workers (spawned: fresh interpreters that import
after PROMETHEUS_MULTIPROC_DIR is set); the kernel hands each new connection to one of them,
and connections waiting in the backlog are taken by the others if one dies. SIGTERM or SIGINT
to the parent is passed on to every worker, which stops gracefully; the parent waits for
them. A worker that dies on its own is started again, unless it exited with status 2 (a
configuration error, which another start would repeat) or workers keep dying.
"""

from __future__ import annotations

import logging
import multiprocessing
import signal
import socket
import time
from collections.abc import Callable
from multiprocessing.connection import wait
from multiprocessing.process import BaseProcess
from types import FrameType

log = logging.getLogger(__name__)

CONFIG_ERROR = 2
BACKLOG = 512
RESTARTS_ALLOWED = 5  # within RESTART_WINDOW seconds; more means a crash loop: give up
RESTART_WINDOW = 60.0
STOP_TIMEOUT = 45.0  # after SIGTERM, how long workers get before SIGKILL

# A worker: (index, listening socket) -> exit status. Must be a module-level function (it is
# pickled by name for the spawned process).
Worker = Callable[[int, socket.socket], int]


def parse_listen(value: str) -> tuple[str, int]:
    """ "host:port" (IPv6 as "[::1]:8080") -> (host, port); ValueError when malformed."""
    host, sep, port = value.strip().rpartition(":")
    if not sep or not port.isdigit() or not 0 < int(port) < 65536:
        raise ValueError(f"WEBHOOK_LISTEN must be host:port, not {value!r}")
    return host.strip("[]") or "0.0.0.0", int(port)


def bind(host: str, port: int) -> socket.socket:
    """A listening socket, bound once (by the parent) and shared by every worker process."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(BACKLOG)
    sock.setblocking(False)
    return sock


def _run_worker(target: Worker, index: int, sock: socket.socket) -> None:
    raise SystemExit(target(index, sock))


class Supervisor:
    def __init__(self, target: Worker, sock: socket.socket, count: int) -> None:
        self.target, self.sock, self.count = target, sock, count
        self.context = multiprocessing.get_context("spawn")
        self.processes: dict[int, BaseProcess] = {}
        self.stopping = False
        self.restarts: list[float] = []

    def _start(self, index: int) -> None:
        process = self.context.Process(
            target=_run_worker, args=(self.target, index, self.sock), name=f"worker-{index}"
        )
        process.start()
        self.processes[index] = process
        log.info("worker %d started (pid %s)", index, process.pid)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if not self.stopping:
            log.info("stopping %d workers (%s)", len(self.processes), signal.Signals(signum).name)
        self.stopping = True

    def run(self) -> int:
        signals = (signal.SIGTERM, signal.SIGINT)
        previous = {sig: signal.signal(sig, self._on_signal) for sig in signals}
        status = 0
        try:
            for index in range(self.count):
                self._start(index)
            while not self.stopping:
                exited = wait([p.sentinel for p in self.processes.values()], timeout=0.5)
                if not exited or self.stopping:
                    continue
                for index, process in list(self.processes.items()):
                    if process.sentinel not in exited:
                        continue
                    process.join()
                    code = process.exitcode
                    log.error("worker %d (pid %s) exited with status %s", index, process.pid, code)
                    if code == CONFIG_ERROR:
                        status, self.stopping = CONFIG_ERROR, True
                        break
                    now = time.monotonic()
                    self.restarts = [t for t in self.restarts if now - t < RESTART_WINDOW]
                    if len(self.restarts) >= RESTARTS_ALLOWED:
                        log.critical("workers keep dying: giving up")
                        status, self.stopping = 1, True
                        break
                    self.restarts.append(now)
                    self._start(index)
        finally:
            self._stop_all()
            for sig, handler in previous.items():
                signal.signal(sig, handler)
        return status

    def _stop_all(self) -> None:
        alive = [p for p in self.processes.values() if p.is_alive()]
        for process in alive:
            process.terminate()  # SIGTERM: a graceful stop
        deadline = time.monotonic() + STOP_TIMEOUT
        for process in alive:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                log.error("worker pid %s did not stop in time: killed", process.pid)
                process.kill()
                process.join()


def supervise(target: Worker, sock: socket.socket, count: int) -> int:
    """Run ``count`` workers until SIGTERM/SIGINT; the exit status for the service."""
    return Supervisor(target, sock, count).run()
