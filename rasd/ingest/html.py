"""Main text and metadata of an HTML page, by trafilatura with comments excluded.

trafilatura finds the article container; rasd's own line filter
(:mod:`rasd.text.clean`) then removes what trafilatura keeps ("read also" lines,
share/tag/comment lines inside the container). The title comes first, then the
paragraphs separated by blank lines, which is the shape the cleaner expects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from rasd.errors import IngestError

__all__ = ["HtmlText", "extract_html"]


@dataclass(frozen=True, slots=True)
class HtmlText:
    """What trafilatura read from a page: text in cleaner shape, and metadata."""

    text: str
    title: str | None
    published: dt.date | None
    url: str | None


def extract_html(html: str, source: str) -> HtmlText:
    """Extract the article of an HTML page; raises IngestError I009 when none is found."""
    import trafilatura  # imported here: loading it costs ~0.5 s and plain text never needs it

    try:
        document = trafilatura.bare_extraction(
            html, include_comments=False, with_metadata=True, favor_precision=False, deduplicate=False
        )
    except Exception as error:  # trafilatura raises many parser errors on broken pages
        raise IngestError("I009", f"{source}: the HTML could not be parsed ({type(error).__name__}); give the article as text or as a complete HTML page") from error
    if document is None or not (document.text or "").strip():
        raise IngestError("I009", f"{source}: no article text found in the HTML page; give the page of one article, or its text")
    paragraphs = [line.strip() for line in document.text.split("\n") if line.strip()]
    title = (document.title or "").strip() or None
    if title and paragraphs and paragraphs[0] == title:
        paragraphs = paragraphs[1:]
    lines = ([title] if title else []) + paragraphs
    return HtmlText(
        text="\n\n".join(lines),
        title=title,
        published=_parse_date(document.date),
        url=document.url or None,
    )


def _parse_date(value: str | None) -> dt.date | None:
    """trafilatura's date string (YYYY-MM-DD) as a date, or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
