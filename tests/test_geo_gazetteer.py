"""The packaged gazetteer: build output, pickling, lookups, and the build script (load time is in bench/bench_geo.py)."""

from __future__ import annotations

import csv
import importlib.util
import pickle

import pytest

from conftest import REPO, SHARED  # noqa: E402
from rasd.errors import DataError
from rasd.geo.gazetteer import DATA_DIR, Gazetteer, skeleton


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_load_is_complete(gaz):
    # load time (target < 1 s) is measured by bench/bench_geo.py, not asserted here
    levels = {}
    for entry in gaz.entries:
        levels[entry.level] = levels.get(entry.level, 0) + 1
    assert levels["community"] == 5251
    assert levels["admin1"] == 14 and levels["admin2"] == 61
    assert levels["country"] > 100 and levels["city"] > 500 and levels["area"] > 20


def test_pickles(gaz):
    copy = pickle.loads(pickle.dumps(gaz))
    assert [e.place.pcode for e in copy.lookup("نصيب")] == ["C5999"]


def test_data_is_compact_and_attributed():
    assert (DATA_DIR / "places.tsv").stat().st_size < 3_000_000
    attribution = (DATA_DIR / "ATTRIBUTION.md").read_text(encoding="utf-8")
    for name in ("OCHA", "CC BY 3.0 IGO", "OpenSyria", "CC BY 4.0", "GeoNames"):
        assert name in attribution


@pytest.mark.parametrize(
    ("name", "pcode"),
    [("نصيب", "C5999"), ("النعيمة", "C5997"), ("النعيمه", "C5997"), ("خربة غزالة", "C6012"), ("الكرك", "C6047"),
     ("البركة", "C2027"), ("دوبيرك", "C2027")],
)
def test_community_lookup_folds_spelling(gaz, name, pcode):
    # C2027 is written "البركة_دوبيرك": both alternatives are names
    assert pcode in {e.place.pcode for e in gaz.lookup(name)}


def test_homonyms_are_all_there(gaz):
    nawa = sorted(e.place.admin1 for e in gaz.lookup("نوى") if e.level == "community")
    assert nawa == ["SY04", "SY05", "SY12"]
    afrin = {e.place.pcode for e in gaz.lookup("عفرين") if e.level == "community"}
    assert afrin == {"C1366", "C1131"}


@pytest.mark.parametrize(
    ("name", "country"),
    [("الولايات المتحدة", "US"), ("إسرائيل", "IL"), ("تركيا", "TR"), ("روسيا", "RU"), ("إيران", "IR"),
     ("العراق", "IQ"), ("لبنان", "LB"), ("الأردن", "JO"), ("بريطانيا", "GB"), ("فرنسا", "FR"), ("ايران", "IR")],
)
def test_country_names(gaz, name, country):
    assert country in {e.place.country for e in gaz.lookup(name) if e.level == "country"}


def test_admin_areas_and_codes(gaz):
    assert gaz.get("SY12").place.name_ar == "درعا"
    assert gaz.get("SY0203").level == "admin2"
    assert gaz.country("SY").place.lat is not None
    assert gaz.get("nope") is None
    assert gaz.capitals["SY"] == gaz.codes["C1001"]  # Damascus, not OCHA's mislabelled C5157


def test_world_layer_drops_common_words(gaz):
    assert not [e for e in gaz.lookup("المدينة") if e.level == "city"]  # Medina's alternate name
    assert not gaz.lookup("بشار")  # Béchar would catch Bashar al-Assad
    assert {e.place.country for e in gaz.lookup("بيروت")} == {"LB"}


def test_skeleton_matches_spelling_variants():
    assert skeleton("الشيفونيه") == skeleton("الشفونيه")
    assert skeleton("حوش الظواهره") == skeleton("حوش الضواهره")
    assert skeleton("دوما") != skeleton("درعا")


def test_load_errors_are_typed(tmp_path):
    with pytest.raises(DataError):
        Gazetteer.load(tmp_path / "missing.tsv")
    bad = tmp_path / "places.tsv"
    bad.write_text("id\tlevel\nx\ty\n", encoding="utf-8")
    with pytest.raises(DataError):
        Gazetteer.load(bad)


def test_places_tsv_columns_are_consistent():
    with open(DATA_DIR / "places.tsv", encoding="utf-8") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert all(len(row) == 17 for row in rows)
    ids = [row[0] for row in rows[1:]]
    assert len(ids) == len(set(ids))


def test_coordinates_are_on_the_globe(gaz):
    # Russia's outline is cut at the antimeridian: its centroid once came out at longitude 202.8
    for entry in gaz.entries:
        place = entry.place
        if place.lat is not None:
            assert -90 <= place.lat <= 90 and -180 <= place.lon < 180, place.id
    russia = gaz.country("RU").place
    assert 40 < russia.lon < 140 and 50 < russia.lat < 70


def test_build_script_helpers():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    row = {"NAME_ARA": "البركة_دوبيرك", "ADMIN2_ARA": "x", "ADMIN3_ARA": "y"}
    assert build.community_names(row) == ["البركة", "دوبيرك"]
    row = {"NAME_ARA": "دير حنا / اللاذقية", "ADMIN2_ARA": "اللاذقية", "ADMIN3_ARA": "y"}
    assert build.community_names(row) == ["دير حنا"]
    row = {"NAME_ARA": "تب عيسى_شرقية وغربية", "ADMIN2_ARA": "x", "ADMIN3_ARA": "y"}
    assert build.community_names(row) == ["تب عيسى"]
    assert build.strip_descriptor("محافظة حلب") == "حلب"
    centroid = build.ring_centroid([(0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0)])
    assert centroid == pytest.approx((1.0, 1.0))
    # a square from 178E to 178W, cut at the antimeridian: unwrapped, its centre is on 180
    cut = [(178.0, 0.0), (180.0, 0.0), (-180.0, 0.0), (-178.0, 0.0), (-178.0, 2.0), (-180.0, 2.0), (180.0, 2.0), (178.0, 2.0)]
    lat, lon = build.ring_centroid(build.unwrap_ring(cut))
    assert lat == pytest.approx(1.0) and build.wrap_longitude(lon) == pytest.approx(-180.0)
    assert build.wrap_longitude(202.5) == pytest.approx(-157.5)


def test_build_reads_shared_admin_data():
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    ocha = build.read_tsv(SHARED / "data/syria-ocha-places/syria_places.tsv")
    admins = build.admin_rows(ocha, SHARED)
    codes = {row["id"]: row for row in admins}
    assert codes["SY12"]["name_ar"] == "درعا"
    assert "دمشق" in codes["SY01"]["names"]
    assert codes["SY0203"]["level"] == "admin2"
