"""A readable, aligned table of events for the terminal."""

from __future__ import annotations

import unicodedata

__all__ = ["event_cells", "print_events_table"]

_HEADERS = ("type", "date", "actor", "count", "place", "admin1", "pcode", "role", "source", "factuality")
_WIDTHS = (18, 10, 24, 12, 22, 6, 6, 6, 22, 10)


def event_cells(event: dict) -> list[str]:
    """The table cells of one event dict (output-contract shape)."""
    actor = next((a["text"] for a in event["actors"] if a["role"] == "actor"), "")
    quantity = event.get("quantity") or {}
    if quantity.get("value") is not None:
        count = str(quantity["value"])
    elif quantity.get("min") is not None:
        count = f"{quantity['min']}-{quantity['max'] or ''}"
    else:
        count = ""
    location = event.get("location") or {}
    time = event.get("time") or {}
    return [
        event["type"], time.get("date_start") or event.get("published") or "", actor, count,
        location.get("text") or "", location.get("admin1") or "", location.get("pcode") or "",
        location.get("role") or "", event["attribution"].get("source") or "", event["factuality"],
    ]


def print_events_table(events: list[dict]) -> None:
    """Print events as an aligned table (Arabic cells are cut to fit, never wrapped)."""
    print("  ".join(_fit(h, w) for h, w in zip(_HEADERS, _WIDTHS)))
    print("  ".join("-" * w for w in _WIDTHS))
    for event in events:
        print("  ".join(_fit(c, w) for c, w in zip(event_cells(event), _WIDTHS)))
    print(f"({len(events)} event{'' if len(events) == 1 else 's'})")


def _fit(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    if _display_width(text) > width:
        while text and _display_width(text + "…") > width:
            text = text[:-1]
        text += "…"
    return text + " " * (width - _display_width(text))


def _display_width(text: str) -> int:
    return sum(0 if unicodedata.combining(c) else 1 for c in text)
