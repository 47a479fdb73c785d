"""Turn the bytes of a document into text, or say clearly why not.

UTF-8 (with or without a byte-order mark) is tried first; windows-1256, the
legacy Arabic code page, is detected when UTF-8 fails and the result reads as
Arabic. Empty, binary and oversized inputs raise :class:`~rasd.errors.IngestError`
with a stable code.
"""

from __future__ import annotations

import re

from rasd.errors import IngestError

__all__ = ["DEFAULT_MAX_BYTES", "decode_bytes", "looks_like_html"]

DEFAULT_MAX_BYTES = 5_000_000

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A]")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
_UTF8_ARABIC = re.compile(rb"[\xd8-\xdb][\x80-\xbf]")
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|meta)\b", re.IGNORECASE)


def decode_bytes(data: bytes, source: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """Decode ``data`` read from ``source``; returns ``(text, encoding)``.

    Raises IngestError I001 (empty), I002 (binary), I003 (too big) or I004
    (neither UTF-8 nor windows-1256).
    """
    if len(data) > max_bytes:
        raise IngestError(
            "I003",
            f"{source}: {_size(len(data))} is larger than the {_size(max_bytes)} limit for one "
            "article; split the file or raise --max-bytes",
        )
    if not data.strip():
        raise IngestError("I001", f"{source}: the file is empty; give a file with the article text")
    if _is_binary(data):
        raise IngestError("I002", f"{source}: this is a binary file, not text or HTML; give the article as text or HTML")
    text, encoding = _decode_text(data, source)
    if _CONTROL.search(text[:4096]) and len(_CONTROL.findall(text)) > len(text) / 100:
        raise IngestError("I002", f"{source}: the text is full of control characters, as a binary file is; give the article as text or HTML")
    return text.replace("\r\n", "\n").replace("\r", "\n"), encoding


def _size(count: int) -> str:
    """A byte count for messages: "20.0 MB", "12 kB", "800 bytes"."""
    if count >= 1_000_000:
        return f"{count / 1e6:.1f} MB"
    return f"{count / 1e3:.0f} kB" if count >= 1_000 else f"{count} bytes"


def _is_binary(data: bytes) -> bool:
    """NUL bytes, or known binary signatures, mean this is not text."""
    head = data[:8192]
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    return head.startswith((b"%PDF", b"PK\x03\x04", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"\x1f\x8b"))


def _decode_text(data: bytes, source: str) -> tuple[str, str]:
    """UTF-8 (BOM allowed), UTF-16 with a BOM, else windows-1256 when it reads as Arabic."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as error:
        utf8_error = error
    if _mostly_utf8_arabic(data):
        raise IngestError(
            "I004",
            f"{source}: broken UTF-8 (bad byte at position {utf8_error.start}); the file was damaged or cut; "
            "re-save or re-download it as UTF-8",
        )
    try:
        text = data.decode("cp1256")
    except UnicodeDecodeError:
        text = ""
    letters = sum(1 for c in text if c.isalpha())
    if letters and len(_ARABIC_LETTER.findall(text)) >= 0.3 * letters:
        return text, "windows-1256"
    raise IngestError(
        "I004",
        f"{source}: not valid UTF-8 (bad byte at position {utf8_error.start}) and not Arabic windows-1256; "
        "re-save the file as UTF-8",
    )


def _mostly_utf8_arabic(data: bytes) -> bool:
    """True when most high bytes form UTF-8 Arabic letters: damaged UTF-8, not windows-1256."""
    high = sum(1 for b in data[:65536] if b >= 0x80)
    pairs = len(_UTF8_ARABIC.findall(data[:65536]))
    return high > 0 and 2 * pairs >= 0.5 * high


def looks_like_html(text: str) -> bool:
    """True when the text is an HTML page rather than plain text."""
    head = text[:4096]
    return bool(_HTML_SNIFF.search(head)) and head.count("<") >= 3
