"""Word-processor formats other than .docx go through LibreOffice, or fail clearly."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest

from tests.conftest import DOCS
from wres.errors import NeedsLibreOfficeError
from wres.extractors import convert
from wres.extractors.registry import extract


def test_odt_without_libreoffice_says_what_is_needed(tmp_path, monkeypatch):
    path = tmp_path / "plan.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    with pytest.raises(NeedsLibreOfficeError, match="need LibreOffice"):
        extract(path)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_odt_is_converted_and_read_like_the_docx(tmp_path):
    source = DOCS / "northamptonshire-healthcare-2016-17.docx"
    subprocess.run(["soffice", "--headless", "--convert-to", "odt", "--outdir", str(tmp_path),
                    str(source)], check=True, capture_output=True, timeout=180)
    document = extract(tmp_path / "northamptonshire-healthcare-2016-17.odt")
    assert document.engines[0] == "libreoffice"
    assert len(document.tables) == 1 and len(document.tables[0].rows) == 27
