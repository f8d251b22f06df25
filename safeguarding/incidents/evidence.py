"""Evidence of impact files: which files are accepted, and where and how they are kept.

A file is accepted when its name ends with an allowed extension AND its first bytes are that kind of
file (a renamed program is refused), and it is at most 10 MB. It is stored under incidents/evidence/ in
the default storage (private object storage, or MEDIA_ROOT on disk) with a random name; the name the person
gave it is kept in the database, cleaned, for display only. Neither is ever served by address: files leave
through the scoped download view, streamed.
"""

import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage

MAX_EVIDENCE_BYTES = 10 * 1024 * 1024
EVIDENCE_FOLDER = "incidents/evidence"
SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Kind:
    label: str
    content_type: str


KINDS = {
    ".pdf": Kind("PDF", "application/pdf"),
    ".png": Kind("PNG", "image/png"),
    ".jpg": Kind("JPEG", "image/jpeg"),
    ".jpeg": Kind("JPEG", "image/jpeg"),
    ".docx": Kind("Word (DOCX)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    ".xlsx": Kind("Excel (XLSX)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ".csv": Kind("CSV", "text/csv"),
    ".txt": Kind("text", "text/plain"),
}
ALLOWED_LABELS = "a PDF, PNG, JPEG, Word (DOCX), Excel (XLSX), CSV or text file"
FIELD = "evidence_file"


def _zip_holds(upload, member):
    """Office files are ZIP packages: a Word file holds word/document.xml, an Excel one xl/workbook.xml."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as package:
            return member in package.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False
    finally:
        upload.seek(0)


def _is_text(head):
    """Plain text or CSV: no NUL bytes or other control characters, in UTF-8 (a cut-off last character
    at the end of the sniffed bytes is allowed) or Windows-1252, as spreadsheets export it."""
    if b"\x00" in head:
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = head.decode(encoding)
        except UnicodeDecodeError as error:
            if (
                encoding.startswith("utf-8")
                and error.start >= len(head) - 3
                and error.reason == "unexpected end of data"
            ):
                text = head[: error.start].decode(encoding)
            else:
                continue
        return not any(unicodedata.category(c) == "Cc" and c not in "\t\r\n\f" for c in text)
    return False


def _content_matches(extension, upload, head):
    if extension == ".pdf":
        return head.startswith(b"%PDF-")
    if extension == ".png":
        return head.startswith(b"\x89PNG\r\n\x1a\n")
    if extension in {".jpg", ".jpeg"}:
        return head.startswith(b"\xff\xd8\xff")
    if extension == ".docx":
        return head.startswith(b"PK\x03\x04") and _zip_holds(upload, "word/document.xml")
    if extension == ".xlsx":
        return head.startswith(b"PK\x03\x04") and _zip_holds(upload, "xl/workbook.xml")
    return _is_text(head)


def clean_file_name(name):
    """The name to show: no folders, no control or odd characters, at most 150 characters, extension kept."""
    base = PurePath(str(name).replace("\\", "/")).name
    base = unicodedata.normalize("NFKC", base)
    kept = "".join(c if (c.isalnum() or c in " ._()-") else "_" for c in base)
    kept = " ".join(kept.split()).strip(" .") or "evidence"
    stem, dot, extension = kept.rpartition(".")
    if dot and len(kept) > 150:
        return f"{stem[: 149 - len(extension)]}.{extension}"
    return kept[:150]


def check_file(upload):
    """Refuses a file that is not allowed, naming the field and the rule; returns its Kind."""
    extension = PurePath(upload.name or "").suffix.lower()
    kind = KINDS.get(extension)
    if kind is None:
        raise ValidationError({FIELD: f"The evidence file must be {ALLOWED_LABELS}"})
    if upload.size == 0:
        raise ValidationError({FIELD: "The evidence file is empty: choose a file with the evidence in it"})
    if upload.size > MAX_EVIDENCE_BYTES:
        raise ValidationError({FIELD: "The evidence file must be 10 MB or smaller"})
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if not _content_matches(extension, upload, head):
        raise ValidationError(
            {
                FIELD: f"The evidence file's name ends {extension} but its contents are not a {kind.label} file: "
                f"it must be {ALLOWED_LABELS}"
            }
        )
    return kind


@dataclass(frozen=True)
class StoredFile:
    path: str
    original_name: str
    content_type: str
    size: int


def store(upload):
    """Checks the file and writes it under a random name. The caller deletes it if its transaction fails."""
    kind = check_file(upload)
    extension = PurePath(upload.name).suffix.lower()
    name = f"{EVIDENCE_FOLDER}/{secrets.token_hex(16)}{extension}"
    path = default_storage.save(name, upload)
    return StoredFile(path, clean_file_name(upload.name), kind.content_type, upload.size)


def delete(path):
    if path:
        default_storage.delete(path)


def open_stored(path):
    return default_storage.open(path, "rb")


def exists(path):
    return bool(path) and default_storage.exists(path)
