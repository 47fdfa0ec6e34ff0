#!/usr/bin/env python3
"""Synthetic screening-list entries for benchmarks: N parties of one listing
measure, in innobond's measures and measure_targets formats, named as the US
Consolidated Screening List's entries are (a place, a made-up trade name, an
industry, a legal form; a third Chinese; two in five with an alias). Every
name is made up and the measure is marked as a benchmark: no real party.

The same N parties (same names and aliases; an address, where there is one, in
the party's country, but "CN" on the MEU as ITA writes it) are also written
as the US Consolidated Screening List publishes them, for the CSL importer:
consolidated.json (an object whose "results" holds the entries) and
consolidated.csv (header `_id,source,...,ids`; "; " between the items of a
cell, ", " between the parts of an address). They are spread over the CSL's
real `source` strings, and built as ITA's importers build each list's entries
(Tests/Fixtures/shield/csl/README.md says where the format comes from). Made-up
entity numbers start at 1000000, above the real OFAC ones.

    python3 Benchmarks/shield/generate.py N OUTPUT_DIR
"""
import csv
import hashlib
import json
import os
import random
import sys

count, out = int(sys.argv[1]), sys.argv[2]
random.seed(20261206)
os.makedirs(out, exist_ok=True)
places = ["Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Wuhan", "Chengdu", "Moscow", "Tehran", "Dubai", "Minsk",
          "Hong Kong", "Xiamen", "Dalian", "Harbin", "Tianjin", "Istanbul", "Karachi", "Pyongyang", "Caracas", ""]
syllables = ["hua", "xin", "zhong", "ke", "tong", "da", "sheng", "long", "feng", "tai", "rui", "jin", "bo", "yuan",
             "hai", "tian", "chuang", "wei", "an", "kang", "li", "ming", "heng", "xing", "guo", "yun", "de", "fu"]
industries = ["Technology", "Electronics", "Trading", "Logistics", "Semiconductor", "Aviation", "Shipping",
              "Microelectronics", "Optics", "Materials", "Machinery", "Information Technology", "Import and Export"]
forms = ["Co., Ltd.", "Company Limited", "LLC", "FZE", "Inc.", "Limited", "GmbH", "Corporation", "JSC", ""]
characters = "华新中科通达盛龙丰泰瑞金博源海天创威安康立明恒兴国云德福光电微芯晶航宇信联鑫智"
kinds = ["科技有限公司", "电子有限公司", "半导体有限公司", "贸易有限公司", "信息技术有限公司", "股份有限公司"]


def trade_name():
    return "".join(random.choice(syllables) for _ in range(random.randint(2, 3))).capitalize()


def english():
    parts = [random.choice(places), trade_name(), random.choice(industries), random.choice(forms)]
    return " ".join(p for p in parts if p)


def chinese():
    return "".join(random.choice(characters) for _ in range(random.randint(2, 4))) + random.choice(kinds)


with open(os.path.join(out, "measures.csv"), "w", newline="") as file:
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(["measure_id", "side", "jurisdiction", "authority", "instrument", "citation", "kind",
                     "ownership_percent", "effective_from", "suspended_from", "suspended_until", "ended_on",
                     "source", "revision"])
    writer.writerow(["BENCH-LIST", "foreign", "Benchmark", "BENCH", "benchmark list", "benchmark", "entity_listing",
                     "", "2020-01-01", "", "", "", "benchmark (synthetic)", ""])
with open(os.path.join(out, "measure_targets.csv"), "w", newline="") as file:
    writer = csv.writer(file, lineterminator="\n")
    writer.writerow(["measure_id", "target_id", "name", "aliases", "country", "address", "uscc", "listed_on",
                     "removed_on", "revision"])
    parties = []
    for index in range(count):
        name = chinese() if index % 3 == 0 else english()
        alias = (english() if index % 3 == 0 else chinese()) if random.random() < 0.4 else ""
        country = random.choice(["CN", "RU", "IR", "AE", "BY"])
        writer.writerow(["BENCH-LIST", f"B{index:06d}", name, alias, country, "", "", "", "", ""])
        parties.append((index, name, alias, country))

# The same parties as the Consolidated Screening List. A generator of its own, so
# that the two files above stay byte for byte what they were.
rng = random.Random(20261207)
BIS = "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern"
OFAC_LIST, OFAC_INFO = ("https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList",
                        "https://ofac.treasury.gov/other-ofac-sanctions-lists")
DTC_URL = ("https://www.pmddtc.state.gov/ddtc_public?id=ddtc_kb_article_page"
           "&sys_id=c22d1833dbb8d300d0a370131f9619f0")
ISN_URL = ("https://www.state.gov/key-topics-bureau-of-international-security-and-nonproliferation/"
           "nonproliferation-sanctions/")
# abbreviation: source string, source_list_url, source_information_url, share of the entries, programs
LISTS = {
    "cap": ("Capta List (CAP) - Treasury Department", OFAC_LIST, OFAC_INFO, 0.0025, ["IRAN-CON-ARMS-EO"]),
    "cmic": ("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department",
             OFAC_LIST, OFAC_INFO, 0.05, ["CMIC-EO13959"]),
    "dpl": ("Denied Persons List (DPL) - Bureau of Industry and Security",
            "https://www.bis.doc.gov/index.php/the-denied-persons-list", BIS + "/denied-persons-list", 0.04, []),
    "dtc": ("ITAR Debarred (DTC) - State Department", DTC_URL, DTC_URL, 0.02, []),
    "el": ("Entity List (EL) - Bureau of Industry and Security", BIS + "/entity-list", BIS + "/entity-list",
           0.30, []),
    "fse": ("Foreign Sanctions Evaders (FSE) - Treasury Department", OFAC_LIST, OFAC_INFO, 0.01,
            ["FSE-IR", "FSE-SY"]),
    "isn": ("Nonproliferation Sanctions (ISN) - State Department", ISN_URL, ISN_URL, 0.03,
            ["Iran, North Korea, and Syria Nonproliferation Act (INKSNA)", "Executive Order 13382 (WMD)"]),
    "mbs": ("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department", OFAC_LIST, OFAC_INFO,
            0.005, ["RUSSIA-EO14024"]),
    "meu": ("Military End User (MEU) List - Bureau of Industry and Security", BIS, BIS, 0.04, []),
    "plc": ("Palestinian Legislative Council List (PLC) - Treasury Department", OFAC_LIST, OFAC_INFO, 0.0025,
            ["NS-PLC"]),
    "sdn": ("Specially Designated Nationals (SDN) - Treasury Department",
            "https://sanctionslist.ofac.treas.gov/Home/SdnList",
            "https://home.treasury.gov/policy-issues/financial-sanctions/"
            "specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists", 0.45,
            ["SDGT", "NPWMD", "IFSR", "RUSSIA-EO14024", "IRAN", "DPRK3", "BELARUS-EO14038", "CYBER2"]),
    "ssi": ("Sectoral Sanctions Identifications List (SSI) - Treasury Department", OFAC_LIST, OFAC_INFO, 0.02,
            ["UKRAINE-EO13662", "RUSSIA-EO14024"]),
    "uvl": ("Unverified List (UVL) - Bureau of Industry and Security", BIS + "/unverified-list",
            BIS + "/unverified-list", 0.03, []),
}
CSV_FIELDS = ["_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
              "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
              "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
              "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
              "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids"]
ADDRESS_KEYS = ["address", "city", "state", "postal_code", "country"]
CITIES = {"CN": ["Beijing", "Shanghai", "Shenzhen", "Wuhan", "Chengdu", "Xi'an"], "RU": ["Moscow", "Kazan"],
          "IR": ["Tehran", "Isfahan"], "AE": ["Dubai", "Sharjah"], "BY": ["Minsk", "Gomel"]}


def sha224(text):
    return hashlib.sha224(text.encode()).hexdigest()


def day(first_year):
    return f"{rng.randint(first_year, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def fr_notice(index):
    return f"{rng.randint(84, 90)} FR {100000 + index}"  # past the last real page of a volume


def addresses_of(country, at_least_one):
    """0, 1 or 2 addresses as (address, city, state, postal_code, country) tuples."""
    many = rng.random()
    number = 2 if many < 0.1 else 1 if many < 0.7 or at_least_one else 0
    return [(f"No. {rng.randint(1, 999)} {rng.choice(syllables).capitalize()} Road", rng.choice(CITIES[country]), None,
             str(rng.randint(100000, 999999)) if rng.random() < 0.5 else None, country) for _ in range(number)]


def joined(address):
    return ", ".join(part for part in address if part)


def treasury(abbr, index, name, aliases, country):
    """SDN and the non-SDN Treasury lists: id = entity_number, members sorted by name."""
    source, list_url, info_url, _, programs = LISTS[abbr]
    number = str(1000000 + index)
    doc = {"id": number, "entity_number": number, "name": name, "alt_names": aliases, "type": "Entity",
           "programs": rng.sample(programs, rng.randint(1, min(2, len(programs)))), "remarks": None, "ids": [],
           "source": source, "source_list_url": list_url, "source_information_url": info_url}
    places = addresses_of(country, False)
    if abbr == "sdn":
        doc["addresses"] = [{"city": c, "country": cc, "address": a, "state": s, "postal_code": p}
                            for a, c, s, p, cc in places]
        doc["ids"] = [{"type": "Company Number", "number": f"BENCH-{index:07d}", "country": country,
                       "issue_date": None, "expiration_date": None}] if rng.random() < 0.3 else []
        for key in ["citizenships", "dates_of_birth", "places_of_birth", "nationalities"]:
            doc[key] = []
        for key in ["title", "call_sign", "gross_registered_tonnage", "gross_tonnage", "vessel_flag", "vessel_owner",
                    "vessel_type", "end_date", "federal_register_notice", "license_policy", "license_requirement"]:
            doc[key] = None
    elif places:
        doc["addresses"] = [dict(zip(ADDRESS_KEYS, place)) for place in places]
    doc = dict(sorted(doc.items()))
    row = dict(doc)
    row["addresses"] = "; ".join(joined(place) for place in places)
    for key in ["alt_names", "programs", "citizenships", "dates_of_birth", "places_of_birth", "nationalities"]:
        if key in row:
            row[key] = "; ".join(row[key])
    row["_id"] = row.pop("id")
    row["ids"] = "; ".join(", ".join(v for v in i.values() if v) for i in doc["ids"])
    return doc, row


def bis(abbr, index, name, aliases, country):
    """EL, DPL, UVL, MEU: members in the order of ITA's importer of the list."""
    source, list_url, info_url, _, _ = LISTS[abbr]
    places = addresses_of(country, True)
    objects = [dict(zip(ADDRESS_KEYS, ("" if part is None else part for part in place))) for place in places]
    fr = fr_notice(index)
    if abbr == "el":
        key = sha224(name.lower() + fr.lower())
        row = {"_id": key, "source": source, "name": name, "addresses": "; ".join(joined(p) for p in places),
               "federal_register_notice": fr, "start_date": day(2018), "standard_order": "",
               "license_policy": "Presumption of denial.",
               "license_requirement": "For all items subject to the EAR. (See §744.11 of the EAR).",
               "call_sign": "", "vessel_type": "", "gross_tonnage": "", "gross_registered_tonnage": "",
               "vessel_flag": "", "vessel_owner": "", "remarks": "", "source_list_url": list_url,
               "alt_names": "; ".join(aliases), "source_information_url": info_url}
        doc = dict(row, addresses=objects, standard_order=None, alt_names=aliases or None)
        del doc["_id"]
        doc.update(id=key, title=None)
    elif abbr == "dpl":
        key = sha224(name.lower() + fr.lower())
        start = day(2015)
        row = {"_id": key, "source": source, "name": name, "addresses": joined(places[0]),
               "federal_register_notice": fr, "start_date": start, "end_date": f"{int(start[:4]) + 10}{start[4:]}",
               "standard_order": "Y", "remarks": "FR NOTICE ADDED", "source_list_url": list_url,
               "source_information_url": info_url}
        doc = dict(row, addresses=objects[:1])
        del doc["_id"]
        doc["id"] = key
    elif abbr == "uvl":
        key = sha224(name.lower())
        row = {"_id": key, "source": source, "name": name,
               "addresses": "; ".join(f"{p[0]}, {p[4]}" for p in places), "source_list_url": list_url,
               "source_information_url": info_url}
        doc = dict(row, addresses=[{"address": p[0], "city": None, "state": None, "postal_code": None,
                                    "country": p[4]} for p in places])
        del doc["_id"]
        doc.update(id=key, alt_names=[])
    else:  # meu: a uuid4 hex, one alias at most, "CN" after the address's parts
        key = "%032x" % rng.getrandbits(128)
        row = {"_id": key, "source": source, "name": name, "alt_names": aliases[0] if aliases else "",
               "addresses": joined(places[0]) + ", CN", "federal_register_notice": fr, "start_date": day(2020),
               "license_requirement": "For items listed in supplement no. 2 to part 744.",
               "license_policy": "Presumption of denial.", "source_list_url": list_url,
               "source_information_url": info_url, "standard_order": ""}
        doc = dict(row, alt_names=aliases[:1])
        del doc["_id"], doc["addresses"]
        doc.update(id=key, addresses=[dict(objects[0], country="CN")], title=None)
    return doc, row


def state(abbr, index, name, aliases, country):
    """DTC (a uuid4 hex id) and ISN (country on the entry; its source separates aliases with ", ")."""
    source, list_url, info_url, _, programs = LISTS[abbr]
    if abbr == "dtc":
        key = "%032x" % rng.getrandbits(128)
        row = {"_id": key, "alt_names": "; ".join(aliases), "federal_register_notice": fr_notice(index),
               "name": name, "source": source, "source_list_url": list_url, "source_information_url": info_url}
        doc = dict(row, alt_names=aliases)
        del doc["_id"]
        doc["id"] = key
        return doc, row
    fr = fr_notice(index)
    key = sha224(name.lower() + fr.lower())
    chosen = rng.sample(programs, 1)
    row = {"_id": key, "source": source, "programs": "; ".join(chosen), "name": name,
           "federal_register_notice": fr, "start_date": day(2010), "remarks": None, "source_list_url": list_url,
           "alt_names": ", ".join(aliases), "source_information_url": info_url}
    doc = dict(row, programs=chosen, alt_names=aliases or None)
    del doc["_id"]
    doc.update(id=key, country=country)
    return doc, row


order = list(LISTS)  # StaticFileMaker joins the lists in the order of their file names
groups = {abbr: [] for abbr in order}
unverified = set()  # the UVL's id is its name's hash: a name met twice there goes to the EL
for index, name, alias, country in parties:
    abbr = rng.choices(order, weights=[LISTS[a][3] for a in order])[0]
    if abbr == "uvl":
        abbr = "el" if name.lower() in unverified else abbr
        unverified.add(name.lower())
    aliases = [alias] if alias else []
    if abbr in ("cap", "cmic", "fse", "mbs", "plc", "sdn", "ssi"):
        groups[abbr].append(treasury(abbr, index, name, aliases, country))
    elif abbr in ("dtc", "isn"):
        groups[abbr].append(state(abbr, index, name, aliases, country))
    else:
        groups[abbr].append(bis(abbr, index, name, aliases, country))
entries = [entry for abbr in order for entry in groups[abbr]]
assert len({doc["id"] for doc, _ in entries}) == len(entries), "two entries share an id"
stamp = "2025-06-16T10:00:04.118305+00:00"
with open(os.path.join(out, "consolidated.json"), "w", encoding="ascii") as file:
    json.dump({"results": [doc for doc, _ in entries], "search_performed_at": stamp,
               "sources_used": [{"last_imported": stamp, "source_last_updated": "2025-06-13T20:40:00+00:00",
                                 "source": LISTS[abbr][0], "import_rate": "Hourly"} for abbr in order],
               "offset": 0, "total": len(entries)}, file)
with open(os.path.join(out, "consolidated.csv"), "w", encoding="utf-8", newline="") as file:
    writer = csv.DictWriter(file, fieldnames=CSV_FIELDS, dialect="unix")
    writer.writeheader()
    writer.writerows(row for _, row in entries)
