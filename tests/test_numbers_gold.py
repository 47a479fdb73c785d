"""Quantities and times against the seed and dev gold files (floors pinned below today's scores)."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # --import-mode=importlib keeps tests/ off sys.path
from conftest import REPO, SEED_DIR, SHARED  # noqa: E402

from rasd.text.dates import find_times  # noqa: E402
from rasd.text.numbers import find_quantities, is_count  # noqa: E402

_spec = importlib.util.spec_from_file_location("measure_quantities", REPO / "scripts" / "measure_quantities.py")
measure_quantities = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(measure_quantities)


@pytest.fixture(scope="module")
def seed_text() -> str:
    return (SEED_DIR / "article.txt").read_text(encoding="utf-8")


def test_seed_village_counts_and_ranges(seed_text):
    counts = {(q.text, q.value, q.min, q.max) for q in find_quantities(seed_text) if is_count(q)}
    assert {
        ("20 من", 20, None, None),
        ("14 من", 14, None, None),
        ("15 من", 15, None, None),
        ("25 عنصر", 25, None, None),
        ("5 أخرين من", 5, None, None),
        ("مئات العناصر", None, 200, 999),
        ("آلاف الشبان", None, 2000, 9999),
        ("أكثر من 100 شاب", None, 101, None),
        ("أكثر من 12 من علمائه", None, 13, None),
        ("عشرات المدن والبلدات", None, 20, 99),
    } <= counts


def test_seed_times_stay_unresolved_without_a_publication_date(seed_text):
    rows = {(t.text, t.basis, t.date_start) for t in find_times(seed_text, None)}
    assert ("أقل من يومين", "relative", None) in rows
    assert ("منذ حوالي عام تقريباً", "relative", None) in rows


def test_seed_quantities_match_the_gold(seed_gold, seed_text):
    found = find_quantities(seed_text)
    for event in seed_gold["events"]:
        quantity = event.get("quantity")
        if quantity and (quantity.get("value") is not None or quantity.get("min") is not None):
            assert any(measure_quantities.quantity_agrees(quantity, q) for q in found), event["id"]


def test_dev_agreement_stays_above_its_floor(shared_dir):
    totals = measure_quantities.measure(SHARED, verbose=False)
    assert totals["quantities"] >= 70 and totals["times"] >= 70
    assert totals["quantities_agree"] / totals["quantities"] >= 0.90
    assert totals["times_agree"] / totals["times"] >= 0.90
    assert totals["times_both"] / totals["times"] >= 0.85


def test_dev_texts_give_well_formed_records(shared_dir):
    for folder in measure_quantities.folders(SHARED):
        text = (folder / "article.txt").read_text(encoding="utf-8")
        meta = folder / "meta.json"
        published = measure_quantities.published_of(folder) if meta.exists() else None
        for item in [*find_quantities(text), *find_times(text, published)]:
            assert text[item.start : item.end] == item.text
        json.dumps([q.text for q in find_quantities(text)], ensure_ascii=False)
