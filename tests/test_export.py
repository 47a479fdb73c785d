"""Exports: ACLED CSV, PLOVER JSONL, GeoJSON and plain CSV from a small hand-made store."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

import pytest
from conftest import SHARED
from hypothesis import given, settings
from hypothesis import strategies as st

from rasd.cli import main as cli_main
from rasd.export import FORMATS, export_events
from rasd.export.acled import ACLED_COLUMNS, acled_event_id, interaction_code, write_acled_csv
from rasd.export.geojson import write_geojson
from rasd.export.mapping import (
    ExportResources, conservative_count, event_date, load_countries, load_type_mappings,
)
from rasd.export.plover import PLOVER_KEYS, write_plover_jsonl
from rasd.export.table import BOM, table_columns, write_table_csv
from rasd.geo.gazetteer import Gazetteer
from rasd.output import event_to_dict
from rasd.records import (
    Actor, Article, Attribution, DocumentResult, Event, Evidence, Location, Quantity, TimeExpression,
)
from rasd.store.sqlite import SqliteStore

ACLED_ORDER = (
    "event_id_cnty, event_date, year, time_precision, disorder_type, event_type, sub_event_type, actor1, "
    "assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, interaction, civilian_targeting, iso, region, country, "
    "admin1, admin2, admin3, location, latitude, longitude, geo_precision, source, source_scale, notes, "
    "fatalities, tags, timestamp"
)
PUBLISHED = dt.date(2018, 3, 17)
AFRIN = Location("عفرين", 0, 5, "site", "C1366", "عفرين", "Afrin", "SY02", "SY0203", "SY020300",
                 36.51331, 36.86366, 1, "SY")
DARAA = Location("محافظة درعا", 0, 5, "site", None, "درعا", "Dar'a", "SY12", None, None, 32.85, 36.21667, 3, "SY")
NASIB = Location("نصيب", 0, 4, "origin", "C5999", "نصيب", "Nasib", "SY12", "SY1200", "SY120000",
                 32.55021, 36.18909, 1, "SY")
UNRESOLVED = Location("وادي الخضر", 0, 5, "site", None, None, None, None, None, None, None, None, None, None)
YESTERDAY = TimeExpression("أمس", 0, 3, dt.date(2018, 3, 16), dt.date(2018, 3, 16), "day", "relative")
ON_PUBLISHED = TimeExpression("", None, None, PUBLISHED, PUBLISHED, "day", "published")


def _q(kind: str, text: str = "", value=None, low=None, high=None) -> Quantity:
    return Quantity(text=text, start=0, end=1, value=value, min=low, max=high,
                    approximate=value is None, unit="people", kind=kind)


def _event(event_id: str, kind: str, actors=(), quantities=(), location=AFRIN, time=YESTERDAY,
           factuality="reported", source="المرصد السوري لحقوق الإنسان", evidence=None, **extra) -> Event:
    text = evidence or f"جملة الحدث {event_id}، كما ورد."
    return Event(event_id=event_id, type=kind, evidence=Evidence(text, 0, len(text)), actors=tuple(actors),
                 quantities=tuple(quantities), location=location, time=time,
                 attribution=Attribution("عنب بلدي", source, None), factuality=factuality, confidence=0.7,
                 extractor="rasd.events.rules.v1", **extra)


RUSSIA = Actor("actor", "القوات الروسية", 0, 5, "state forces")
REGIME = Actor("actor", "قوات النظام", 0, 5, "state forces")
CIVILIANS = Actor("target", "المدنيين", 0, 5, "civilians")
UNKNOWN = Actor("actor", "كتيبة الفرسان الأحرار", 0, 5, "rebel group")
HTS = Actor("actor", "هيئة تحرير الشام", 0, 5, "rebel group")
PROTESTERS = Actor("actor", "المتظاهرين", 0, 5, "protesters")

EVENTS = (
    _event("e_exact", "airstrike", [RUSSIA, CIVILIANS],
           [_q("killed", "7", value=7), _q("injured", "12", value=12)]),
    _event("e_tens", "shelling", [REGIME], [_q("killed", "عشرات", low=20, high=99)], location=DARAA, time=None),
    _event("e_hundreds", "armed_clash", [UNKNOWN], [_q("killed", "مئات", low=200, high=999)]),
    _event("e_more", "killing", [REGIME, CIVILIANS], [_q("killed", "أكثر من 100", low=101)], time=ON_PUBLISHED),
    _event("e_injured", "explosion", [], [_q("injured", "5", value=5)]),
    _event("e_displaced", "displacement", [CIVILIANS], [_q("displaced", "آلاف", low=2000, high=9999)]),
    _event("e_nocoords", "protest", [PROTESTERS], [_q("protesters", "مئات", low=200, high=999)],
           location=UNRESOLVED, source=None),
    _event("e_regains", "territory_captured", [REGIME]),
    _event("e_overtakes", "territory_captured", [HTS]),
    _event("e_campaign", "military_offensive", [REGIME], aggregate=True),
    _event("e_defected", "defection", [REGIME], [_q("defected", "25", value=25)], location=NASIB),
    _event("e_negated", "airstrike", [RUSSIA], factuality="negated"),
)


@pytest.fixture(scope="module")
def resources() -> ExportResources:
    return ExportResources.load()


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[str, list[dict]]:
    """A store holding EVENTS in one article; returns its path and the stored event dicts."""
    path = tmp_path_factory.mktemp("export") / "rasd.sqlite"
    body = "نص المقال."
    article = Article(doc_id="d1", source="d1.txt", title="عنوان", body=body, outlet="عنب بلدي",
                      url="https://example.org/a", published=PUBLISHED)
    with SqliteStore.open(path) as store:
        store.save(DocumentResult(doc_id="d1", source="d1.txt", article=article, events=EVENTS))
        events = list(store.iter_events())
    return str(path), events


def _acled(events, resources, **options) -> tuple[dict[str, dict], object, str]:
    out = io.StringIO()
    summary = write_acled_csv(events, out, resources, **options)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    by_notes = {re.search(r"e_\w+", r["notes"]).group(0): r for r in rows}
    return by_notes, summary, out.getvalue()


# --------------------------------------------------------------------------- mapping data


def test_every_ontology_type_has_an_export_row():
    design = (SHARED / "DESIGN.md").read_text(encoding="utf-8")
    section = design.split("## Event ontology")[1].split("## Event fields")[0]
    types = set(re.findall(r"^\| ([a-z_]+) \|", section, flags=re.MULTILINE))
    assert types and types == set(load_type_mappings())


ACLED_SUB_EVENTS = {
    "Armed clash", "Government regains territory", "Non-state actor overtakes territory", "Air/drone strike",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb", "Chemical weapon",
    "Attack", "Abduction/forced disappearance", "Peaceful protest", "Violent demonstration", "Arrests",
    "Change to group/activity", "Other", "Agreement", "Non-violent transfer of territory",
    "Headquarters or base established", "Looting/property destruction", "Disrupted weapons use",
    "Excessive force against protesters",
}
PLOVER_EVENTS = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "DEMAND", "ACCUSE",
                 "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}


def test_mapping_uses_acled_and_plover_vocabulary():
    for mapping in load_type_mappings().values():
        for sub in (mapping.sub_event_type, mapping.sub_event_type_state):
            assert sub is None or sub in ACLED_SUB_EVENTS, mapping
        assert mapping.plover_event is None or mapping.plover_event in PLOVER_EVENTS, mapping
        assert (mapping.event_type is None) == (mapping.acled != "atomic"), mapping


def test_iso_numeric_codes_match_world_atlas():
    atlas = json.loads((SHARED / "data" / "world-atlas" / "countries-50m.json").read_text(encoding="utf-8"))
    by_name = {g["properties"]["name"]: int(g["id"]) for g in atlas["objects"]["countries"]["geometries"]
               if g.get("id")}
    ids = set(by_name.values())
    countries = load_countries()
    for country in countries.values():
        assert country.numeric is None or country.numeric in ids, country
        if country.name in by_name and country.numeric is not None:
            assert by_name[country.name] == country.numeric, country
    assert countries["SY"].numeric == 760 and countries["PS"].alpha3 == "PSE"


def test_every_gazetteer_country_has_a_row():
    gazetteer = Gazetteer.load()
    countries = {e.place.country for e in gazetteer.entries if e.level == "country"}
    assert countries <= set(load_countries())


# --------------------------------------------------------------------------- shared fields


@pytest.mark.parametrize("quantity, expected", [
    ({"value": 7}, 7),                       # exact stays
    ({"value": 0}, 0),
    ({"min": 20, "max": 99}, 10),            # عشرات: tens
    ({"min": 200, "max": 999}, 100),         # مئات: hundreds
    ({"min": 2000, "max": 9999}, 1000),      # آلاف: thousands
    ({"min": 101, "max": None}, 101),        # أكثر من 100
    ({"min": 3, "max": 9}, 3),               # بضعة
    ({"min": 21, "max": 99}, 21),            # near miss: not the tens shape
    ({"min": 20, "max": 98}, 20),            # near miss
    ({"min": 200, "max": 299}, 200),         # near miss: "two hundred and some"
    ({"min": None, "max": 10}, None),        # only an upper bound
    ({"min": None, "max": None}, None),
    (None, None),
])
def test_conservative_count(quantity, expected):
    assert conservative_count(quantity) == expected


@settings(max_examples=200, deadline=None)
@given(low=st.integers(min_value=0, max_value=10**6), extra=st.integers(min_value=0, max_value=10**6))
def test_conservative_count_never_exceeds_the_lower_bound(low, extra):
    figure = conservative_count({"min": low, "max": low + extra})
    assert figure is not None and figure <= low and (figure > 0 or low == 0)


@pytest.mark.parametrize("time, published, expected", [
    ({"date_start": "2018-03-16", "precision": "day", "basis": "relative"}, "2018-03-17", ("2018-03-16", 1)),
    ({"date_start": "2018-03-12", "precision": "week", "basis": "relative"}, "2018-03-17", ("2018-03-12", 2)),
    ({"date_start": "2018-03-01", "precision": "month", "basis": "explicit"}, None, ("2018-03-01", 2)),
    ({"date_start": "2017-01-01", "precision": "year", "basis": "explicit"}, None, ("2017-01-01", 3)),
    ({"date_start": "2018-03-17", "precision": "day", "basis": "published"}, "2018-03-17", ("2018-03-17", 2)),
    (None, "2018-03-17", ("2018-03-17", 2)),
    (None, None, (None, None)),
])
def test_event_date_and_time_precision(time, published, expected):
    assert event_date({"time": time, "published": published}) == expected


def test_interaction_codes():
    assert interaction_code(1, 7, True) == 17 and interaction_code(7, 1, True) == 17
    assert interaction_code(6, None, False) == 60
    assert interaction_code(1, None, True) is None and interaction_code(None, 1, True) is None


def test_event_id_cnty_is_stable_and_numeric():
    first = acled_event_id("e8e34da9277a0e588", "SYR")
    assert first == acled_event_id("e8e34da9277a0e588", "SYR") != acled_event_id("e8e34da9277a0e589", "SYR")
    assert re.fullmatch(r"SYR\d+", first) and acled_event_id("x", None).startswith("XXX")


# --------------------------------------------------------------------------- ACLED


def test_acled_columns_are_in_acled_order(stored, resources):
    assert ACLED_COLUMNS == tuple(c.strip() for c in ACLED_ORDER.split(","))
    _, _, text = _acled(stored[1], resources)
    assert next(csv.reader(io.StringIO(text))) == list(ACLED_COLUMNS)


def test_acled_exact_count_and_civilian_targets(stored, resources):
    rows, _, _ = _acled(stored[1], resources)
    row = rows["e_exact"]
    assert (row["fatalities"], row["event_date"], row["year"]) == ("7", "2018-03-16", "2018")
    assert row["time_precision"] == "1"
    assert (row["disorder_type"], row["event_type"], row["sub_event_type"]) == (
        "Political violence", "Explosions/Remote violence", "Air/drone strike")
    assert (row["actor1"], row["inter1"], row["actor2"], row["inter2"]) == (
        "Military Forces of Russia", "8", "Civilians (Syria)", "7")
    assert row["interaction"] == "78" and row["civilian_targeting"] == "Civilian targeting"
    assert (row["iso"], row["country"], row["region"]) == ("760", "Syria", "Middle East")
    assert (row["admin1"], row["admin2"], row["admin3"], row["location"]) == ("Aleppo", "Afrin", "Afrin", "Afrin")
    assert (row["latitude"], row["longitude"], row["geo_precision"]) == ("36.51331", "36.86366", "1")
    assert row["source"] == "عنب بلدي; Syrian Observatory for Human Rights"
    assert row["tags"] == "injured=12" and row["notes"].startswith("جملة الحدث e_exact")
    assert row["event_id_cnty"].startswith("SYR") and row["source_scale"] == row["timestamp"] == ""


@pytest.mark.parametrize("event_id, fatalities, tags", [
    ("e_tens", "10", "killed=20-99"),
    ("e_hundreds", "100", "killed=200-999"),
    ("e_more", "101", "killed=101+"),
    ("e_injured", "0", "injured=5"),        # injuries never count; none killed is 0, as ACLED writes
    ("e_regains", "0", ""),
])
def test_acled_fatalities_are_conservative(stored, resources, event_id, fatalities, tags):
    rows, _, _ = _acled(stored[1], resources)
    assert (rows[event_id]["fatalities"], rows[event_id]["tags"]) == (fatalities, tags)


def test_acled_precisions_and_dates(stored, resources):
    rows, _, _ = _acled(stored[1], resources)
    tens = rows["e_tens"]   # governorate-level place, no time: the publication date, precision 2
    assert (tens["geo_precision"], tens["admin1"], tens["location"]) == ("3", "Dar'a", "Dar'a")
    assert (tens["event_date"], tens["time_precision"]) == ("2018-03-17", "2")
    assert (rows["e_more"]["event_date"], rows["e_more"]["time_precision"]) == ("2018-03-17", "2")


def test_acled_actor_names_and_territory(stored, resources):
    rows, _, _ = _acled(stored[1], resources)
    assert (rows["e_hundreds"]["actor1"], rows["e_hundreds"]["inter1"]) == ("كتيبة الفرسان الأحرار", "2")
    assert rows["e_hundreds"]["interaction"] == "20"
    assert rows["e_regains"]["sub_event_type"] == "Government regains territory"
    assert rows["e_regains"]["actor1"] == "Military Forces of Syria" and rows["e_regains"]["inter1"] == "1"
    assert rows["e_overtakes"]["sub_event_type"] == "Non-state actor overtakes territory"
    assert rows["e_overtakes"]["actor1"] == "Hayat Tahrir al-Sham"
    assert rows["e_nocoords"]["location"] == "وادي الخضر" and rows["e_nocoords"]["latitude"] == ""
    assert rows["e_nocoords"]["tags"] == "crowd size=200-999" and rows["e_nocoords"]["source"] == "عنب بلدي"
    assert rows["e_nocoords"]["civilian_targeting"] == ""


def test_acled_origin_is_not_the_event_place(stored, resources):
    rows, _, _ = _acled(stored[1], resources)
    row = rows["e_defected"]
    assert row["sub_event_type"] == "Change to group/activity"
    assert row["location"] == row["admin1"] == row["latitude"] == row["country"] == ""
    assert row["tags"] == "origin=Nasib; defected=25" and row["event_id_cnty"].startswith("XXX")


def test_acled_skips_displacement_aggregates_and_negated(stored, resources):
    rows, summary, _ = _acled(stored[1], resources)
    assert {"e_displaced", "e_campaign", "e_negated"}.isdisjoint(rows)
    assert dict(summary.skipped) == {
        "type displacement is not coded by ACLED": 1, "aggregate (use --include-aggregates)": 1,
        "factuality negated": 1,
    }
    assert summary.written == len(EVENTS) - 3 == len(rows)
    rows, summary, _ = _acled(stored[1], resources, include_aggregates=True)
    campaign = rows["e_campaign"]
    assert campaign["tags"] == "aggregate" and campaign["event_type"] == "" and summary.written == len(EVENTS) - 2


@settings(max_examples=30, deadline=None)
@given(text=st.text(min_size=1, max_size=120).filter(lambda t: "\r" not in t))
def test_acled_csv_round_trips_any_evidence(resources, text):
    event = event_to_dict(_event("e_any", "airstrike", [RUSSIA], evidence=text))
    event.update(doc_id="d1", published="2018-03-17", title="t", url=None)
    out = io.StringIO()
    write_acled_csv([event], out, resources)
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row["notes"] == text and list(row) == list(ACLED_COLUMNS)


# --------------------------------------------------------------------------- PLOVER


def test_plover_lines_are_json_with_plover_fields(stored, resources):
    out = io.StringIO()
    summary = write_plover_jsonl(stored[1], out, resources)
    records = {r["id"]: r for r in (json.loads(line) for line in out.getvalue().splitlines())}
    assert summary.written == len(records) == len(EVENTS) - 4
    assert all(tuple(r) == PLOVER_KEYS and r["event"] in PLOVER_EVENTS for r in records.values())
    exact = records["e_exact"]
    assert (exact["event"], exact["mode"], exact["date"]) == ("ASSAULT", "aerial", "2018-03-16")
    assert exact["size"] == {"dead": 7, "injured": 12, "arrested": None}
    assert exact["actor"][0]["identifier_text"] == "Military Forces of Russia" and exact["actor"][0]["code"] == "RUS"
    assert exact["recipient"][0]["actor_text"] == "المدنيين"
    assert exact["event_loc"]["name"] == "Afrin" and exact["event_loc"]["admin1_name"] == "Aleppo"
    assert exact["cite_info"] == {"outlet": "عنب بلدي", "source": "Syrian Observatory for Human Rights",
                                  "url": "https://example.org/a"}
    assert exact["coder"] == "rasd.events.rules.v1" and records["e_tens"]["size"]["dead"] == 10
    assert records["e_nocoords"]["mode"] == "demo" and records["e_nocoords"]["event_loc"]["lat"] is None
    assert dict(summary.skipped)["type defection has no PLOVER event (use --include-unmapped)"] == 1


def test_plover_keeps_unmapped_types_on_request(stored, resources):
    out = io.StringIO()
    write_plover_jsonl(stored[1], out, resources, include_unmapped=True)
    records = {r["id"]: r for r in map(json.loads, out.getvalue().splitlines())}
    assert records["e_defected"]["event"] is None and records["e_defected"]["context"] == ["military"]
    assert records["e_defected"]["event_loc"] is None   # an origin is not where the event happened
    assert records["e_displaced"]["context"] == ["migration"] and "e_negated" not in records


# --------------------------------------------------------------------------- GeoJSON and plain CSV


def test_geojson_points_leave_out_events_without_coordinates(stored, resources):
    out = io.StringIO()
    summary = write_geojson(stored[1], out, resources)
    collection = json.loads(out.getvalue())
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["event_id"]: f for f in collection["features"]}
    assert "e_nocoords" not in features and len(features) == len(EVENTS) - 1
    assert summary.skipped == (("no coordinates", 1),)
    exact = features["e_exact"]
    assert exact["geometry"] == {"type": "Point", "coordinates": [36.86366, 36.51331]}
    props = exact["properties"]
    assert (props["type"], props["date"], props["actor"], props["count"]) == (
        "airstrike", "2018-03-16", "القوات الروسية", "7")
    assert (props["admin1"], props["pcode"], props["precision"]) == ("SY02", "C1366", 1)
    assert props["factuality"] == "reported"
    assert features["e_defected"]["properties"]["location_role"] == "origin"


def test_geojson_of_nothing_is_valid():
    out = io.StringIO()
    write_geojson([], out)
    assert json.loads(out.getvalue()) == {"type": "FeatureCollection", "features": []}


def test_plain_csv_has_bom_and_the_events_table_columns(stored):
    out = io.StringIO()
    summary = write_table_csv(stored[1], out)
    text = out.getvalue()
    assert text.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(text[len(BOM):], newline="")))
    assert tuple(rows[0]) == table_columns() and "record_json" not in rows[0]
    assert summary.written == len(rows) == len(EVENTS)
    exact = next(r for r in rows if r["event_id"] == "e_exact")
    assert (exact["actor1"], exact["quantity_value"], exact["pcode"], exact["doc_id"]) == (
        "القوات الروسية", "7", "C1366", "d1")


def test_export_events_rejects_an_unknown_format(resources):
    with pytest.raises(ValueError):
        export_events([], "xml", io.StringIO(), resources)


# --------------------------------------------------------------------------- command line


@pytest.fixture()
def cli(monkeypatch):
    if "rasd.cli.export" not in cli_main.COMMAND_MODULES:
        monkeypatch.setattr(cli_main, "COMMAND_MODULES", (*cli_main.COMMAND_MODULES, "rasd.cli.export"))
    return cli_main.main


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_cli_export_writes_every_format(cli, stored, capsys, fmt):
    assert cli(["export", "--db", stored[0], "--format", fmt]) == 0
    captured = capsys.readouterr()
    assert "events written as" in captured.err and captured.out
    if fmt == "acled-csv":
        assert "1 events left out: type displacement is not coded by ACLED" in captured.err
        assert len(list(csv.DictReader(io.StringIO(captured.out)))) == len(EVENTS) - 3
    if fmt == "plover-jsonl":
        assert all(json.loads(line) for line in captured.out.splitlines())
    if fmt == "geojson":
        assert "1 events left out: no coordinates" in captured.err and json.loads(captured.out)["features"]


def test_cli_export_to_a_file_with_type_filter(cli, stored, tmp_path, capsys):
    target = tmp_path / "out.csv"
    assert cli(["export", "--db", stored[0], "--format", "csv", "--type", "airstrike", "-o", str(target)]) == 0
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8-sig"), newline="")))
    assert {r["event_id"] for r in rows} == {"e_exact", "e_negated"}
    assert capsys.readouterr().out == ""


def test_cli_export_needs_an_existing_database(cli, tmp_path, capsys):
    missing = tmp_path / "none.sqlite"
    assert cli(["export", "--db", str(missing), "--format", "acled-csv"]) == 2
    assert "rasd run" in capsys.readouterr().err and not missing.exists()


def test_cli_export_is_documented(cli, capsys):
    with pytest.raises(SystemExit):
        cli(["export", "--help"])
    help_text = capsys.readouterr().out
    for option in ("--db", "--format", "--output", "--type", "--include-aggregates", "--include-unmapped"):
        assert option in help_text


# --------------------------------------------------------------------------- real extractor output


def test_exports_of_the_seed_and_dev_articles(pipeline_rules, resources, tmp_path):
    from conftest import SEED_DIR, dev_folders

    from rasd.ingest.readers import iter_documents

    with SqliteStore.open(tmp_path / "dev.sqlite") as store:
        for item in iter_documents([str(SEED_DIR), *map(str, dev_folders()[:8])], None):
            store.save(pipeline_rules.process(item))
        events = list(store.iter_events())
    assert len(events) > 20
    rows, summary, _ = _acled_rows(events, resources)
    assert summary.written == len(rows) and summary.written + summary.skipped_total == len(events)
    defections = [r for r in rows if r["sub_event_type"] == "Change to group/activity"]
    assert defections and all(r["location"] == "" for r in defections if "origin=" in r["tags"])
    assert all(r["fatalities"] == "" or int(r["fatalities"]) >= 0 for r in rows)
    assert all(r["geo_precision"] in ("", "1", "2", "3") and r["time_precision"] in ("", "1", "2", "3") for r in rows)
    for fmt in FORMATS:
        out = io.StringIO()
        export_events(events, fmt, out, resources)
        if fmt == "plover-jsonl":
            assert all(json.loads(line)["event"] in PLOVER_EVENTS for line in out.getvalue().splitlines())
        if fmt == "geojson":
            assert json.loads(out.getvalue())["features"]


def _acled_rows(events, resources):
    out = io.StringIO()
    summary = write_acled_csv(events, out, resources)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline=""))), summary, out.getvalue()


def test_acled_leaves_out_what_the_text_only_denies(resources):
    from rasd.export.acled import acled_skip_reason

    from rasd.output import event_to_dict

    denied = event_to_dict(_event("e_denied", "airstrike", [RUSSIA], factuality="denied"))
    claimed = event_to_dict(_event("e_claimed", "airstrike", [RUSSIA], factuality="claimed"))
    assert acled_skip_reason(denied, resources, aggregate=False) == "factuality denied"
    assert acled_skip_reason(claimed, resources, aggregate=False) is None
