"""Print the digest of the dependency part of pyproject.toml that requirements.lock records.

Why a digest: a lock made before a change to ``dependencies``, ``optional-dependencies`` or
``requires-python`` is out of date even when every old pin still fits; comparing digests
tells so without asking a package index (tests/test_lock.py does).
"""

from __future__ import annotations

import hashlib
import json
import sys
import tomllib
from pathlib import Path


def dependency_digest(pyproject: Path) -> str:
    project = tomllib.loads(pyproject.read_text())["project"]
    wanted = {"requires-python": project.get("requires-python"),
              "dependencies": sorted(project.get("dependencies", [])),
              "optional-dependencies": {name: sorted(deps) for name, deps in
                                        project.get("optional-dependencies", {}).items()}}
    return hashlib.sha256(json.dumps(wanted, sort_keys=True).encode()).hexdigest()


if __name__ == "__main__":
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    print(dependency_digest(root / "pyproject.toml"))
