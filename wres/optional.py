"""Optional parts: a clear line naming the extra to install, never an ImportError traceback.

Why extras: Parquet (pyarrow), the plotly report, Datasette and the PostgreSQL driver are
large and only some users need them; ``pip install 'wres-plans[parquet,report]'`` adds them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from wres.errors import BadInputError


class MissingExtraError(BadInputError):
    """A command needs an optional package that is not installed."""

    kind = "missing-extra"


def require(module: str, extra: str, purpose: str) -> ModuleType:
    """Import ``module`` or say which extra brings it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(
            f"{purpose} needs the optional package {module!r}: "
            f"pip install 'wres-plans[{extra}]'") from None
