"""requirements.lock agrees with pyproject.toml: made from its dependencies as they are now,
and every declared range holds a locked version.

Why a test: the README installs from the lock, so a dependency added or bounded in
pyproject.toml without re-running ``.ci/lock`` would never reach a fresh machine.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

LOCK = ROOT / "requirements.lock"
PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)", re.MULTILINE)


def _digest_module():
    spec = importlib.util.spec_from_file_location("lock_digest", ROOT / ".ci" / "lock_digest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_lock_was_made_from_the_current_pyproject():
    recorded = re.search(r"^# pyproject-digest: (\w+)$", LOCK.read_text(), re.MULTILINE)
    assert recorded, "requirements.lock has no pyproject-digest line: run .ci/lock"
    current = _digest_module().dependency_digest(ROOT / "pyproject.toml")
    assert recorded[1] == current, "pyproject.toml changed since the lock: run .ci/lock"


def test_every_declared_range_holds_a_locked_version():
    pins: dict[str, set[str]] = {}
    for name, version in PIN.findall(LOCK.read_text()):
        pins.setdefault(canonicalize_name(name), set()).add(version)
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + [
        dep for extra in project["optional-dependencies"].values() for dep in extra]
    for line in declared:
        requirement = Requirement(line)
        versions = pins.get(canonicalize_name(requirement.name), set())
        assert any(requirement.specifier.contains(v, prereleases=True) for v in versions), (
            f"{line}: the lock has {sorted(versions) or 'no version'}")
