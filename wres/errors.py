"""One exception tree for the whole project.

``BadInputError`` and its subclasses mean "this file cannot be read, and that is the
file's fault": the batch records one line for it and goes on. Anything else that derives
from ``WresError`` (``InternalError``) is a defect of ours and should be reported as such.
"""

from __future__ import annotations

INTERNAL_KIND = "internal"  # FileIssue.kind of a defect of ours: the file is retried later


class WresError(Exception):
    """Root of every error this project raises on purpose."""


class InternalError(WresError):
    """A defect in wres-plans itself, not in the user's input."""


class BadInputError(WresError):
    """The input file (or manifest, or option) cannot be used; the message says why."""

    kind = "bad-input"


class UnsupportedFormatError(BadInputError):
    kind = "unsupported-format"


class MislabelledFileError(BadInputError):
    """The extension promises one format, the bytes hold another (or nothing known)."""

    kind = "mislabelled"


class EncryptedDocumentError(BadInputError):
    kind = "encrypted"


class DamagedDocumentError(BadInputError):
    """Truncated, cyclic or otherwise broken file structure."""

    kind = "damaged"


class ScannedDocumentError(BadInputError):
    """A PDF whose pages are pictures: there is no text layer to read."""

    kind = "no-text-layer"


class EmptyDocumentError(BadInputError):
    kind = "empty"


class NeedsLibreOfficeError(BadInputError):
    kind = "needs-libreoffice"


class ResourceLimitError(BadInputError):
    """The file broke a time, memory, size or page limit."""

    kind = "limit"


class ManifestError(BadInputError):
    kind = "manifest"
