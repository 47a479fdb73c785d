"""From a RawDocument to a cleaned Article: decode, extract HTML, clean the page."""

from __future__ import annotations

from dataclasses import replace

from rasd.ingest.decode import DEFAULT_MAX_BYTES, decode_bytes, looks_like_html
from rasd.ingest.html import extract_html
from rasd.records import Article, RawDocument
from rasd.text.clean import PageCleaner, clean_page

__all__ = ["read_article"]


def read_article(raw: RawDocument, max_bytes: int = DEFAULT_MAX_BYTES, cleaner: PageCleaner | None = None) -> Article:
    """Decode and clean one document; raises IngestError or CleanError when it cannot.

    Pass a loaded ``cleaner`` when reading many documents (it loads its lexicon once).
    """
    if raw.data is not None:
        text, encoding = decode_bytes(raw.data, raw.source, max_bytes)
    else:
        text, encoding = (raw.text or ""), "utf-8"
        if len(text) > max_bytes:
            text, encoding = decode_bytes(text.encode("utf-8"), raw.source, max_bytes)
    meta = raw.meta
    if raw.markup == "html" or (raw.markup == "auto" and looks_like_html(text)):
        page = extract_html(text, raw.source)
        text = page.text
        meta = replace(
            meta,
            published=meta.published or page.published,
            url=meta.url or page.url,
            title=None if page.title else meta.title,
        )
    return clean_page(text, doc_id=raw.doc_id, source=raw.source, meta=meta, encoding=encoding, cleaner=cleaner)
