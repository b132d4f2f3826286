"""Run one document's work in a child process under a wall-time and a memory limit.

Why a process per document: a crafted PDF can hang pdfminer or make camelot take gigabytes,
and neither can be interrupted from inside. The parent watches the child's resident memory
and the clock, ends the child when it breaks a limit, and reports one readable reason; the
batch goes on with the next file.
"""

from __future__ import annotations

import multiprocessing
import os
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from wres.errors import InternalError, ResourceLimitError

POLL_S = 0.05
DEFAULT_TIMEOUT_S = 120.0
DEFAULT_MAX_MEMORY_MB = 1024
DEFAULT_MAX_PAGES = 2000


@dataclass(frozen=True)
class Limits:
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB
    max_pages: int | None = DEFAULT_MAX_PAGES


def rss_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 when it has gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return 0.0
    return 0.0


def _child(conn, fn: Callable[..., Any], args: tuple) -> None:
    try:
        conn.send(("ok", fn(*args)))
    except MemoryError:
        conn.send(("memory", None))
    except BaseException as exc:  # noqa: BLE001 - everything must reach the parent
        conn.send(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}"))
    finally:
        conn.close()


def run_limited(fn: Callable[..., Any], args: tuple, limits: Limits,
                stop: Callable[[], bool] | None = None) -> Any:
    """``fn(*args)`` in a forked child; ResourceLimitError when a limit is broken.
    ``stop`` is asked as the child is watched: when it says so (SIGTERM, Ctrl-C) the child
    is ended and KeyboardInterrupt raised, so a long document does not delay the stop."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(sender, fn, args), daemon=True)
    child.start()
    sender.close()
    try:
        status, payload = _watch(child, receiver, limits, stop)
    finally:
        if child.is_alive():
            child.kill()
        child.join()
        receiver.close()
    if status == "ok":
        return payload
    if status == "memory":
        raise ResourceLimitError(limit_message("memory", limits))
    error = InternalError(str(payload).split("\n", 1)[0])
    error.detail = str(payload)  # the child's traceback, for logs; never shown to users
    raise error


def _watch(child, receiver, limits: Limits,
           stop: Callable[[], bool] | None) -> tuple[str, Any]:
    deadline = time.monotonic() + limits.timeout_s
    while True:
        if stop is not None and stop():
            raise KeyboardInterrupt
        if receiver.poll(POLL_S):
            try:
                return receiver.recv()
            except EOFError:
                break
        if not child.is_alive() and not receiver.poll(0):
            break
        if rss_mb(child.pid) > limits.max_memory_mb:
            child.kill()
            return "memory", None
        if time.monotonic() > deadline:
            child.kill()
            raise ResourceLimitError(limit_message("time", limits))
    child.join()
    code = child.exitcode
    if code is not None and code < 0 and -code == 9:
        return "memory", None  # killed from outside, most likely the kernel's OOM killer
    return "error", f"the worker ended unexpectedly (exit code {code}, pid {os.getpid()})"


def limit_message(which: str, limits: Limits) -> str:
    """The one line a document that broke ``which`` limit ("time" or "memory") gets."""
    if which == "time":
        return f"timed out after {limits.timeout_s:g} s"
    return f"over the {_size(limits.max_memory_mb)} memory limit"


def _size(megabytes: int) -> str:
    return f"{megabytes // 1024} GB" if megabytes % 1024 == 0 else f"{megabytes} MB"
