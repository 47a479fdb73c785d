"""Shared fixtures: where ../shared lives, and the examples in it."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("RASD_SHARED", REPO.parent / "shared")).resolve()
SEED_DIR = SHARED / "examples" / "seed-defections"
DEV_DIR = SHARED / "examples" / "dev"


def dev_folders() -> list[Path]:
    """Every folder of the dev set that has a gold.json, sorted."""
    return sorted(p.parent for p in DEV_DIR.glob("*/gold.json"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The ../shared folder beside the repository (RASD_SHARED overrides)."""
    assert SHARED.is_dir(), f"../shared not found at {SHARED}; set RASD_SHARED"
    return SHARED


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    """The seed article's reference reading."""
    return json.loads((SEED_DIR / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def pipeline_rules():
    """The packaged pipeline without the NER model (rules, lexicons and gazetteer only)."""
    from rasd.config import Config
    from rasd.pipeline import Pipeline

    return Pipeline.load(Config(use_ner=False))


@pytest.fixture(scope="session")
def pipeline():
    """The packaged pipeline as `rasd extract` runs it."""
    from rasd.pipeline import Pipeline

    return Pipeline.load()
