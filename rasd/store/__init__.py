"""Storage of articles, events, places and rejections (SQLite by default)."""

from rasd.store.sqlite import SqliteStore

__all__ = ["SqliteStore", "open_store"]


def open_store(target: str) -> SqliteStore:
    """Open the store named by ``target`` (a path to an SQLite file)."""
    return SqliteStore.open(target)
