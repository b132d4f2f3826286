"""The per-document limits end a runaway child and say why in one line."""

from __future__ import annotations

import time

import pytest

from wres.errors import InternalError, ResourceLimitError
from wres.ingest.limits import Limits, run_limited


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "done"


def _hog(megabytes: int) -> int:
    blocks = [bytearray(1024 * 1024) for _ in range(megabytes)]
    time.sleep(5)
    return len(blocks)


def _boom() -> None:
    raise ValueError("defect")


def test_result_comes_back_from_the_child():
    assert run_limited(_sleep, (0.01,), Limits(timeout_s=10)) == "done"


def test_hang_is_ended_at_the_time_limit():
    started = time.monotonic()
    with pytest.raises(ResourceLimitError, match="timed out after 0.5 s"):
        run_limited(_sleep, (30,), Limits(timeout_s=0.5))
    assert time.monotonic() - started < 5


def test_memory_hog_is_ended_at_the_memory_limit():
    with pytest.raises(ResourceLimitError, match="over the 200 MB memory limit"):
        run_limited(_hog, (600,), Limits(timeout_s=20, max_memory_mb=200))


def test_a_defect_in_the_child_is_an_internal_error():
    with pytest.raises(InternalError, match="ValueError: defect"):
        run_limited(_boom, (), Limits(timeout_s=10))
