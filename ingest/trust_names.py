"""Shorter trust names for terminal tables, so a comparison fits 120 columns.

Why rules rather than truncation: "Kent Community Health NHS FT" still names the trust,
"Kent Community Health NHS Fo…" loses the part that tells two trusts apart. The rules go
from the least to the most lossy, and stop as soon as every name fits; only the last
resort cuts a name (with an ellipsis).
"""

from __future__ import annotations

import re

STEPS: tuple[tuple[tuple[str, str], ...], ...] = (
    ((r"\bNHS Foundation Trust\b", "NHS FT"), (r"\bFoundation Trust\b", "FT")),
    ((r"\bUniversity\b", "Univ."), (r"\bHospitals\b", "Hosps"), (r"\bHospital\b", "Hosp."),
     (r"\bHealthcare\b", "HC"), (r"\bMental Health\b", "MH"), (r"\band\b", "&"),
     (r"\bCommunity\b", "Comm."), (r"\bAmbulance Service\b", "Amb."),
     (r"\bTeaching\b", "Teach.")),
    ((r"\s*\bNHS\b", ""),),
)


def shorten(name: str, width: int) -> str:
    """``name`` in at most ``width`` characters, abbreviated as little as needed."""
    for step in STEPS:
        if len(name) <= width:
            return name
        for pattern, short in step:
            name = re.sub(pattern, short, name)
        name = " ".join(name.split())
    return name if len(name) <= width else name[:max(width - 1, 1)] + "\u2026"


def shorten_all(names: list[str], width: int) -> dict[str, str]:
    """Short forms for ``names``; two names that would become one keep their long forms."""
    short = {name: shorten(name, width) for name in names}
    seen: dict[str, list[str]] = {}
    for name, value in short.items():
        seen.setdefault(value, []).append(name)
    return {name: (name if len(seen[value]) > 1 else value) for name, value in short.items()}
