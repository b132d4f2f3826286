"""Fail when the installed packages differ from requirements.lock (run by .ci/run).

Why: the README's set-up installs from the lock, so on a fresh machine ``pip freeze`` must
equal it; a package installed beside it or a version the lock does not name means records
could differ from those of every other machine.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from packaging.markers import Marker
from packaging.utils import canonicalize_name

PIN = re.compile(r"^([A-Za-z0-9._-]+)==([^ ;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")
# pip and the build tools a virtualenv brings itself are not the project's dependencies.
TOOLING = {"pip", "setuptools", "wheel"}


def locked(lock: Path) -> dict[str, str]:
    """The lock's pins whose environment markers hold on this interpreter."""
    pins = {}
    for line in lock.read_text().splitlines():
        found = PIN.match(line)
        if found and (not found[3] or Marker(found[3]).evaluate()):
            pins[canonicalize_name(found[1])] = found[2]
    return pins


def installed() -> dict[str, str]:
    frozen = subprocess.run([sys.executable, "-m", "pip", "freeze", "--all",
                             "--exclude-editable"], capture_output=True, text=True, check=True)
    pins = {}
    for line in frozen.stdout.splitlines():
        if "==" in line:
            name, version = line.split("==", 1)
            pins[canonicalize_name(name)] = version.strip()
    return pins


def differences(lock: dict[str, str], have: dict[str, str]) -> list[str]:
    lines = []
    for name in sorted(set(lock) | set(have)):
        if name in TOOLING and name not in lock:
            continue
        if lock.get(name) != have.get(name):
            lines.append(f"{name}: lock {lock.get(name, '-')}, installed {have.get(name, '-')}")
    return lines


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    problems = differences(locked(root / "requirements.lock"), installed())
    for problem in problems:
        print(f"check-lock: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print("check-lock: the installed packages are exactly the lock", file=sys.stderr)
