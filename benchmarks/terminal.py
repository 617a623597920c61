"""Run a program in a pseudo-terminal and read its screen, as a person would see it."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import select
import signal
import struct
import termios
import time
from collections.abc import Callable, Sequence

import pyte


class Terminal:
    """A program on a pseudo-terminal of a fixed size, its screen emulated by pyte."""

    def __init__(
        self, argv: Sequence[str], env: dict[str, str], columns: int = 120, lines: int = 40
    ) -> None:
        self.started = time.perf_counter()
        pid, fd = pty.fork()
        if pid == 0:  # the child: size the terminal, then become the program
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
            os.execvpe(argv[0], list(argv), env)
        self.pid, self.fd = pid, fd
        self.screen = pyte.Screen(columns, lines)
        self.stream = pyte.ByteStream(self.screen)
        self.peak_rss_kb = 0
        self.exit_status: int | None = None
        """The program's exit status once it has ended by itself (see `wait_exit`)."""

    def pump(self, timeout: float = 0.01) -> bool:
        """Read what the program wrote; True if anything came."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return False
        try:
            data = os.read(self.fd, 1 << 16)
        except OSError:
            return False
        self.stream.feed(data)
        return bool(data)

    def text(self) -> str:
        return "\n".join(self.screen.display)

    def wait_for(self, seen: Callable[[str], bool], timeout: float = 30.0) -> float | None:
        """Pump until `seen(screen text)`; the moment it first held, or None on timeout."""
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if self.pump(0.005) and seen(self.text()):
                return time.perf_counter()
        return None

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Pump until the program has written nothing for `quiet` seconds."""
        deadline = time.perf_counter() + timeout
        last = time.perf_counter()
        while time.perf_counter() < deadline and time.perf_counter() - last < quiet:
            if self.pump(0.02):
                last = time.perf_counter()

    def send(self, data: str) -> float:
        """Type; returns the moment the keys were sent."""
        os.write(self.fd, data.encode())
        return time.perf_counter()

    def rss_peak(self) -> int:
        """The program's peak resident memory so far, in KB (VmHWM)."""
        try:
            with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        self.peak_rss_kb = max(self.peak_rss_kb, int(line.split()[1]))
        except OSError:
            pass
        return self.peak_rss_kb

    def wait_exit(self, timeout: float = 10.0) -> int | None:
        """Wait for the program to end by itself; its exit status, or None if still running."""
        deadline = time.perf_counter() + timeout
        while self.exit_status is None and time.perf_counter() < deadline:
            self.pump(0.02)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_status = os.waitstatus_to_exitcode(status)
        return self.exit_status

    def close(self) -> None:
        if self.exit_status is not None:
            os.close(self.fd)
            return
        self.rss_peak()
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                break
            deadline = time.perf_counter() + 2
            while time.perf_counter() < deadline:
                self.pump(0.01)
                if os.waitpid(self.pid, os.WNOHANG) != (0, 0):
                    os.close(self.fd)
                    return
        with contextlib.suppress(ChildProcessError):
            os.waitpid(self.pid, 0)
        os.close(self.fd)
