"""Reading documents: find them on disk, decode them, extract HTML, clean the page."""

from rasd.ingest.article import read_article
from rasd.ingest.readers import document_id, iter_documents, parse_published

__all__ = ["document_id", "iter_documents", "parse_published", "read_article"]
