"""Configuration: package defaults, overridden by a TOML file, by environment variables, by flags.

The resolved configuration is stored with each run (see :mod:`rasd.store`), together
with the version of every stage, so an old output can be reproduced and explained.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

from rasd.errors import UsageError

__all__ = ["Config", "STAGE_VERSIONS", "load_config"]

STAGE_VERSIONS = {
    "ingest": "rasd.ingest.v1",
    "clean": "rasd.clean.v1",
    "segment": "rasd.segment.v1",
    "geo": "rasd.geo.v1",
    "ner": "rasd.ner.crf.v2",
    "events": "rasd.events.rules.v1",
}


@dataclass(frozen=True, slots=True)
class Config:
    """Settings of a run. Environment variables are ``RASD_`` + the upper-case field name.

    - ``max_bytes``: the largest document accepted;
    - ``use_ner``: run the trained NER model (off: curated lists and rules only);
    - ``min_confidence``: events below this confidence are left out of the output;
    - ``keep_unasserted``: also output events that the text denies, negates, plans, threatens
      or only supposes, with that factuality (left out by default: they did not happen);
    - ``max_event_age_days``: events the text dates more than this many days before the
      publication date are background ("مجزرة عام 2013"), left out; 0 keeps them all.
    """

    max_bytes: int = 5_000_000
    use_ner: bool = True
    min_confidence: float = 0.0
    keep_unasserted: bool = False
    max_event_age_days: int = 365

    def to_dict(self) -> dict[str, Any]:
        """The settings as a plain dict (stored with each run)."""
        return asdict(self)


def load_config(path: str | None = None, **flags: Any) -> Config:
    """Defaults <- TOML file (``[rasd]`` table or top level) <- ``RASD_*`` environment <- flags."""
    config = Config()
    if path:
        config = _apply(config, _read_toml(Path(path)), f"config file {path}")
    env = {f.name: os.environ[f"RASD_{f.name.upper()}"] for f in fields(Config) if f"RASD_{f.name.upper()}" in os.environ}
    config = _apply(config, env, "environment")
    return _apply(config, {k: v for k, v in flags.items() if v is not None}, "command line")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise UsageError("U010", f"{path}: cannot read the configuration file ({error})") from error
    return data.get("rasd", data)


def _apply(config: Config, values: dict[str, Any], origin: str) -> Config:
    """Set fields from ``values``, converting strings to each field's type."""
    known = {f.name: f for f in fields(Config)}
    changes: dict[str, Any] = {}
    for name, value in values.items():
        if name not in known:
            raise UsageError("U011", f"unknown setting {name!r} in {origin}; known: {', '.join(known)}")
        default = getattr(Config(), name)
        changes[name] = _convert(value, type(default), name, origin)
    return replace(config, **changes)


def _convert(value: Any, kind: type, name: str, origin: str) -> Any:
    if isinstance(value, kind) and not (kind is int and isinstance(value, bool)):
        return value
    text = str(value).strip().lower()
    try:
        if kind is bool:
            if text in ("1", "true", "yes", "on"):
                return True
            if text in ("0", "false", "no", "off"):
                return False
            raise ValueError(text)
        return kind(text)
    except ValueError as error:
        raise UsageError("U012", f"setting {name!r} in {origin} must be a {kind.__name__}, got {value!r}") from error
