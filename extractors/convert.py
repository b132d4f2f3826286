"""Legacy and other word-processor formats (.doc, .odt, .rtf) become .docx via LibreOffice.

Why convert rather than parse: one Word reader (python-docx) then serves every format, and
LibreOffice reads the old binary formats far better than any pure-Python library.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from wres.errors import DamagedDocumentError, NeedsLibreOfficeError, ResourceLimitError

CONVERT_TIMEOUT_S = 120


def find_soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_docx(path: Path, workdir: Path, timeout: float = CONVERT_TIMEOUT_S,
                    target: str = "docx") -> Path:
    """Convert ``path`` into ``workdir`` and return the new file's path (a .docx, or the
    ``target`` format: "xlsx" for .xls and .ods workbooks)."""
    soffice = find_soffice()
    if soffice is None:
        package = "libreoffice-calc-nogui" if target == "xlsx" else "libreoffice-writer-nogui"
        raise NeedsLibreOfficeError(
            f"{path.suffix} files need LibreOffice to convert them (apt-get install {package})"
        )
    profile = tempfile.mkdtemp(prefix="wres-lo-profile-")
    command = [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
               "--convert-to", target, "--outdir", str(workdir), str(path)]
    try:
        subprocess.run(command, check=False, capture_output=True, timeout=timeout,
                       stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as exc:
        raise ResourceLimitError(f"LibreOffice conversion timed out after {timeout:.0f} s") from exc
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    converted = workdir / f"{path.stem}.{target}"
    if not converted.exists():
        raise DamagedDocumentError(f"LibreOffice could not convert this {path.suffix} file")
    return converted
