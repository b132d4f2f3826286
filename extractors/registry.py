"""The one place an extraction engine plugs in.

Why a registry: the CLI, the batch runner and the benchmarks pick engines by name; adding
an engine is one ``register`` call, and an unknown name fails with the list of known ones.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from wres.errors import BadInputError
from wres.extractors.detect import CSV, DOC, DOCX, ODS, ODT, PDF, RTF, XLS, XLSX, detect_format
from wres.extractors.model import ExtractedDocument, drop_control_chars

ExtractFn = Callable[..., ExtractedDocument]


class UnknownEngineError(BadInputError):
    kind = "unknown-engine"


@dataclass(frozen=True)
class Engine:
    name: str
    formats: tuple[str, ...]
    load: Callable[[], ExtractFn]  # imported lazily: camelot/opencv cost seconds to import


_ENGINES: dict[str, Engine] = {}
_DEFAULT_FOR_FORMAT = {PDF: "pdfium", DOCX: "python-docx", XLSX: "openpyxl", CSV: "csv"}


def register(name: str, formats: tuple[str, ...], load: Callable[[], ExtractFn]) -> None:
    _ENGINES[name] = Engine(name, formats, load)


def engine_names() -> list[str]:
    return sorted(_ENGINES)


def get_engine(name: str) -> Engine:
    try:
        return _ENGINES[name]
    except KeyError:
        raise UnknownEngineError(
            f"unknown engine {name!r}; known engines: {', '.join(engine_names())}"
        ) from None


def _load_docx() -> ExtractFn:
    from wres.extractors.docx import extract_docx

    return lambda path, **_: extract_docx(path)


def _load_pdf() -> ExtractFn:
    from wres.extractors.pdf import extract_pdf

    return extract_pdf


def _load_pdfium() -> ExtractFn:
    from wres.extractors.pdf import extract_pdf

    return lambda path, **kwargs: extract_pdf(path, pdfium=True, **kwargs)


def _load_xlsx() -> ExtractFn:
    from wres.extractors.xlsx import extract_xlsx

    return lambda path, **_: extract_xlsx(path)


def _load_delimited() -> ExtractFn:
    from wres.extractors.delimited import extract_delimited

    return lambda path, **_: extract_delimited(path)


register("python-docx", (DOCX,), _load_docx)
register("csv", (CSV,), _load_delimited)
register("pdfplumber", (PDF,), _load_pdf)
register("pdfium", (PDF,), _load_pdfium)
register("openpyxl", (XLSX,), _load_xlsx)


def extract(path: Path, *, engine: str = "auto", ocr: bool = False,
            max_pages: int | None = None) -> ExtractedDocument:
    """Detect the file's real format and run the chosen (or default) engine on it."""
    path = Path(path)
    fmt = detect_format(path)
    if fmt in (DOC, ODT, RTF):
        return _extract_converted(path, engine)
    if fmt in (XLS, ODS):
        return _extract_converted(path, engine, target=XLSX)
    name = _DEFAULT_FOR_FORMAT[fmt] if engine == "auto" else engine
    chosen = get_engine(name)
    if fmt not in chosen.formats:
        raise UnknownEngineError(f"engine {name!r} cannot read {fmt} files")
    kwargs = {"ocr": ocr, "max_pages": max_pages} if fmt == PDF else {}
    return drop_control_chars(chosen.load()(path, **kwargs))


def _extract_converted(path: Path, engine: str, target: str = DOCX) -> ExtractedDocument:
    from wres.extractors.convert import convert_to_docx

    with tempfile.TemporaryDirectory(prefix="wres-convert-") as workdir:
        converted = convert_to_docx(path, Path(workdir), target=target)
        document = extract(converted, engine=engine)
    document.path = str(path)
    document.engines.insert(0, "libreoffice")
    for table in document.tables:
        table.source_file = path.name
    return document
