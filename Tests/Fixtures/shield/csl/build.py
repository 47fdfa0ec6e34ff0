#!/usr/bin/env python3
"""Writes the CSL fixtures of this folder (see README.md): two releases of the
US Consolidated Screening List in its published JSON and CSV forms, and a
malformed pair. Each record is built the way ITA's importers build it
(github.com/InternationalTradeAdministration/csl-importers, commit fbf3797):
the same members in the same order, the same ids, the same flattening for the
CSV. Every party but Wingtech is made up ("Demo ..." / "演示...").

    python3 Tests/Fixtures/shield/csl/build.py
"""
import csv
import hashlib
import io
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# shared/output.py: the CSV's columns, in order.
CSV_FIELDS = [
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses",
    "federal_register_notice", "start_date", "end_date", "standard_order", "license_requirement",
    "license_policy", "call_sign", "vessel_type", "gross_tonnage", "gross_registered_tonnage",
    "vessel_flag", "vessel_owner", "remarks", "source_list_url", "alt_names", "citizenships",
    "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
]

SOURCES = {  # abbreviation: (source string, source_list_url, source_information_url)
    "cap": ("Capta List (CAP) - Treasury Department",
            "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList",
            "https://ofac.treasury.gov/other-ofac-sanctions-lists"),
    "cmic": ("Non-SDN Chinese Military-Industrial Complex Companies List (CMIC) - Treasury Department",
             "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList",
             "https://ofac.treasury.gov/other-ofac-sanctions-lists"),
    "dpl": ("Denied Persons List (DPL) - Bureau of Industry and Security",
            "https://www.bis.doc.gov/index.php/the-denied-persons-list",
            "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/denied-persons-list"),
    "dtc": ("ITAR Debarred (DTC) - State Department", None, None),
    "el": ("Entity List (EL) - Bureau of Industry and Security",
           "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list",
           "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/entity-list"),
    "fse": ("Foreign Sanctions Evaders (FSE) - Treasury Department",
            "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList",
            "https://ofac.treasury.gov/other-ofac-sanctions-lists"),
    "isn": ("Nonproliferation Sanctions (ISN) - State Department", None, None),
    "mbs": ("Non-SDN Menu-Based Sanctions List (NS-MBS List) - Treasury Department",
            "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList",
            "https://ofac.treasury.gov/other-ofac-sanctions-lists"),
    "meu": ("Military End User (MEU) List - Bureau of Industry and Security",
            "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern",
            "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern"),
    "plc": ("Palestinian Legislative Council List (PLC) - Treasury Department",
            "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList",
            "https://ofac.treasury.gov/other-ofac-sanctions-lists"),
    "sdn": ("Specially Designated Nationals (SDN) - Treasury Department",
            "https://sanctionslist.ofac.treas.gov/Home/SdnList",
            "https://home.treasury.gov/policy-issues/financial-sanctions/"
            "specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists"),
    "ssi": ("Sectoral Sanctions Identifications List (SSI) - Treasury Department",
            "https://sanctionslist.ofac.treas.gov/Home/ConsolidatedList",
            "https://ofac.treasury.gov/other-ofac-sanctions-lists"),
    "uvl": ("Unverified List (UVL) - Bureau of Industry and Security",
            "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/unverified-list",
            "https://www.bis.doc.gov/index.php/policy-guidance/lists-of-parties-of-concern/unverified-list"),
}
# StaticFileMaker concatenates the per-list files in blob-name order.
ORDER = ["cap", "cmic", "dpl", "dtc", "el", "fse", "isn", "mbs", "meu", "plc", "sdn", "ssi", "uvl"]


def sha224(text):
    return hashlib.sha224(text.encode()).hexdigest()


def flat(parts):
    return ", ".join(p for p in parts if p)


# Each builder returns (json_record, csv_row), as the list's importer makes them.

def el(name, fr, start, addresses, alt_names, requirement, policy, remarks=""):
    """ElDataTimer/el_data.py. addresses: (address, city, state, postal_code, ISO2) tuples;
    alt_names: the BIS cell, "; " between names. Empty BIS cells stay ""."""
    source, list_url, info_url = SOURCES["el"]
    key = sha224(name.lower().strip() + fr.lower().strip())
    csv_row = {
        "_id": key, "source": source, "name": name,
        "addresses": "; ".join(flat(a) for a in addresses),
        "federal_register_notice": fr, "start_date": start, "standard_order": "",
        "license_policy": policy, "license_requirement": requirement, "call_sign": "", "vessel_type": "",
        "gross_tonnage": "", "gross_registered_tonnage": "", "vessel_flag": "", "vessel_owner": "",
        "remarks": remarks, "source_list_url": list_url, "alt_names": alt_names,
        "source_information_url": info_url,
    }
    record = dict(csv_row)
    del record["_id"]
    record["addresses"] = [dict(zip(["address", "city", "state", "postal_code", "country"], a)) for a in addresses]
    record["start_date"] = start or None
    record["standard_order"] = None
    record["id"] = key
    record["title"] = None
    names = alt_names.replace("; and", ";")
    record["alt_names"] = names.split("; ") if names else None
    return record, csv_row


def meu(name, alt_name, fr, start, address, requirement, policy):
    """MeuDataTimer/meu_data.py: id is a fresh uuid4 hex at each import (a fixed one here);
    the CSV's address gets the source's country column and then "CN"."""
    source, list_url, info_url = SOURCES["meu"]
    key = sha224("meu " + name)[:32]
    street, city, state, postal, country_cell = address
    csv_row = {
        "_id": key, "source": source, "name": name, "alt_names": alt_name,
        "addresses": ", ".join([p for p in address if p] + ["CN"]),
        "federal_register_notice": fr, "start_date": start, "license_requirement": requirement,
        "license_policy": policy, "source_list_url": list_url, "source_information_url": info_url,
        "standard_order": "",
    }
    record = dict(csv_row)
    del record["_id"], record["addresses"]
    record["id"] = key
    record["addresses"] = [{"address": street, "city": city, "state": state, "postal_code": postal, "country": "CN"}]
    record["title"] = None
    record["alt_names"] = [alt_name] if alt_name else []
    return record, csv_row


def dpl(name, fr, start, end, address, standard_order, action):
    """DplDataTimer/dpl_data.py. address: (street, city, state, postal_code, country cell)."""
    source, list_url, info_url = SOURCES["dpl"]
    key = sha224(name.lower().strip() + fr.lower().strip())
    csv_row = {
        "_id": key, "source": source, "name": name, "addresses": flat(address),
        "federal_register_notice": fr, "start_date": start, "end_date": end, "standard_order": standard_order,
        "remarks": action, "source_list_url": list_url, "source_information_url": info_url,
    }
    record = dict(csv_row)
    del record["_id"]
    record["id"] = key
    record["addresses"] = [dict(zip(["address", "city", "state", "postal_code", "country"], address))]
    return record, csv_row


def uvl(name, address, country):
    """UvlDataTimer/uvl_data.py: only name and address (no city, state, postal code)."""
    source, list_url, info_url = SOURCES["uvl"]
    key = sha224(name.lower().strip())
    csv_row = {"_id": key, "source": source, "name": name, "addresses": f"{address}, {country}",
               "source_list_url": list_url, "source_information_url": info_url}
    record = dict(csv_row)
    del record["_id"]
    record["id"] = key
    record["addresses"] = [{"address": address, "city": None, "state": None, "postal_code": None, "country": country}]
    record["alt_names"] = []
    return record, csv_row


def flatten_treasury(doc):
    """SdnDataTimer/sdn_data.py and shared/treasury_importer.py: the CSV row of a sorted record."""
    row = dict(doc)
    row["addresses"] = "; ".join(
        ", ".join(a[k] for k in ("address", "city", "state", "postal_code", "country") if a.get(k))
        for a in doc.get("addresses") or [])
    for key in ("alt_names", "citizenships", "programs", "dates_of_birth", "places_of_birth", "nationalities"):
        if key in row:
            row[key] = "; ".join(row[key])
    row["_id"] = row.pop("id")
    row["ids"] = "; ".join(", ".join(v for v in i.values() if v) for i in doc.get("ids", []))
    return row


def sdn(number, name, kind, programs, alt_names, addresses, ids, remarks=None):
    """SdnDataTimer/sdn_data.py: id = entity_number = the OFAC uid; members sorted by name.
    addresses: (address, city, state, postal_code, ISO2) tuples, members in the order the
    importer leaves them (city, country, address, state, postal_code)."""
    source, list_url, info_url = SOURCES["sdn"]
    doc = {
        "entity_number": number, "id": number, "name": name, "programs": programs, "remarks": remarks,
        "source": source, "source_information_url": info_url, "source_list_url": list_url, "title": None,
        "type": kind,
        "addresses": [{"city": c, "country": cc, "address": a, "state": s, "postal_code": p}
                      for a, c, s, p, cc in addresses],
        "alt_names": alt_names, "citizenships": [], "dates_of_birth": [], "places_of_birth": [],
        "nationalities": [],
        "ids": [dict(i, issue_date=None, expiration_date=None) for i in ids],
        "call_sign": None, "gross_registered_tonnage": None, "gross_tonnage": None, "vessel_flag": None,
        "vessel_owner": None, "vessel_type": None,
        "end_date": None, "federal_register_notice": None, "license_policy": None, "license_requirement": None,
    }
    doc = dict(sorted(doc.items()))
    return doc, flatten_treasury(doc)


def non_sdn(list_abbr, number, name, programs, alt_names, addresses, ids, remarks=None):
    """shared/treasury_importer.py + sanctions_list_parser/csl_transformer.py (CAP, CMIC, FSE,
    MBS, PLC, SSI): fewer members than the SDN, sorted by name."""
    source, list_url, info_url = SOURCES[list_abbr]
    doc = {"id": number, "name": name, "alt_names": alt_names, "entity_number": number, "type": "Entity",
           "remarks": remarks, "programs": programs, "ids": ids}
    if addresses:
        doc["addresses"] = [dict(zip(["address", "city", "state", "postal_code", "country"], a)) for a in addresses]
    doc.update(source=source, source_information_url=info_url, source_list_url=list_url)
    doc = dict(sorted(doc.items()))
    return doc, flatten_treasury(doc)


EL_REQUIREMENT = "For all items subject to the EAR. (See §744.11 of the EAR)."
EL_POLICY = "Presumption of denial."


def release_2025_01():
    return [
        ("cmic", non_sdn("cmic", "990101", "Demo Aerospace Technology Group Co., Ltd.", ["CMIC-EO13959"],
                         ["Demo ATG", "演示航天科技集团有限公司"],
                         [("No. 1 Demo Road, Haidian District", "Beijing", None, "100000", "CN")],
                         [{"type": "Company Number", "number": "DEMO-0000-0101", "country": "CN"}])),
        ("cmic", non_sdn("cmic", "990102", "Demo Hangxin Electronics Co., Ltd.", ["CMIC-EO13959"], [],
                         [("No. 2 Demo Road", "Xi'an", "Shaanxi", None, "CN")], [])),
        ("dpl", dpl("Demo Yuanhang Trading Limited", "85 F.R. 99901 01/07/2020", "2020-01-02", "2030-01-02",
                    ("Unit 3, 8/F, Demo Tower, 1 Demo Street", "Kowloon", "", "", "HK"), "Y", "FR NOTICE ADDED")),
        # Real: Wingtech, added by 89 FR 96830 (FR Doc. 2024-28267). Only sourced fields are filled.
        ("el", el("Wingtech Technology Co., Ltd.", "89 FR 96830", "",
                  [("", "", "", "", "CN")], "", "", "")),
        ("el", el("Demo Zhongke Microelectronics Co., Ltd.", "89 FR 99902", "2024-12-02",
                  [("No. 18 Demo Avenue, Nanshan District", "Shenzhen", "Guangdong", "518000", "CN"),
                   ("Room 1201, 12/F, Demo Plaza, 9 Demo Road", "Hong Kong", "", "", "HK")],
                  "演示中科微电子有限公司; 演示中科微電子有限公司; Demo ZKME", EL_REQUIREMENT, EL_POLICY)),
        ("el", el("Demo Xinda Optics Co., Ltd.", "88 FR 99903", "2023-06-14",
                  [("No. 6 Demo Lane", "Wuhan", "Hubei", "430000", "CN")], "Demo Xinda Optical",
                  EL_REQUIREMENT, EL_POLICY)),
        ("fse", non_sdn("fse", "990401", "Demo Minghui Trading FZE", ["FSE-IR"], ["Demo Minghui General Trading"],
                        [("Office 7, Demo Free Zone", "Dubai", None, None, "AE")], [])),
        ("meu", meu("Demo Tianhai Aviation Industry Corporation", "Demo TAIC", "85 FR 99904", "2020-12-23",
                    ("No. 9 Demo Road", "Chengdu", "Sichuan", "610000", "China"),
                    "For items listed in supplement no. 2 to part 744.", "Presumption of denial.")),
        ("sdn", sdn("990201", "Demo Haixing Shipping Limited", "Entity", ["RUSSIA-EO14024", "IFSR"],
                    ["Demo Haixing Shipping Co."],
                    [("Flat 5, 20/F, Demo Centre, 3 Demo Road", "Hong Kong", None, None, "HK")],
                    [{"type": "Company Number", "number": "DEMO-0000-0201", "country": "HK"}],
                    "(Linked To: DEMO PARENT HOLDINGS LIMITED)")),
        ("sdn", sdn("990202", "Demo Ruixin Technology Co., Ltd.", "Entity", ["NPWMD"],
                    ["演示瑞芯科技有限公司", "Demo Ruixin Tech"],
                    [("No. 88 Demo Road", "Shanghai", None, "200000", "CN")], [])),
        ("ssi", non_sdn("ssi", "990301", "Demo Severny Energy JSC", ["UKRAINE-EO13662", "RUSSIA-EO14024"],
                        [], [("Demo ulitsa, d. 1", "Moscow", None, "101000", "RU")], [])),
        ("uvl", uvl("Demo Kunlun Instruments Co., Ltd.", "No. 3 Demo Street, Changsha, Hunan", "CN")),
    ]


def release_2025_06():
    rows = [r for r in release_2025_01()
            if r[1][0]["name"] not in ("Demo Hangxin Electronics Co., Ltd.", "Demo Xinda Optics Co., Ltd.")]
    out = []
    for abbr, pair in rows:
        if pair[0]["name"] == "Demo Zhongke Microelectronics Co., Ltd.":  # alias changed
            pair = el("Demo Zhongke Microelectronics Co., Ltd.", "89 FR 99902", "2024-12-02",
                      [("No. 18 Demo Avenue, Nanshan District", "Shenzhen", "Guangdong", "518000", "CN"),
                       ("Room 1201, 12/F, Demo Plaza, 9 Demo Road", "Hong Kong", "", "", "HK")],
                      "演示中科微电子有限公司; 演示中科微電子有限公司; Demo ZK Micro", EL_REQUIREMENT, EL_POLICY)
        out.append((abbr, pair))
        if pair[0]["name"] == "Demo Zhongke Microelectronics Co., Ltd.":  # new, last of the EL
            out.append(("el", el("Demo Jinghong Semiconductor Equipment Co., Ltd.", "90 FR 99905", "2025-03-25",
                                 [("No. 66 Demo Road, Pudong New Area", "Shanghai", "", "201200", "CN")],
                                 "演示晶宏半导体设备有限公司", EL_REQUIREMENT, EL_POLICY)))
        if pair[0]["name"] == "Demo Ruixin Technology Co., Ltd.":  # new, last of the SDN
            out.append(("sdn", sdn("990203", "Demo Longyuan Logistics Limited", "Entity", ["RUSSIA-EO14024"],
                                   ["Demo Longyuan Logistics Co., Limited"],
                                   [("Unit 9, Demo Building", "Hong Kong", None, None, "HK"),
                                    ("No. 5 Demo Port Road", "Ningbo", "Zhejiang", "315000", "CN")], [])))
    return out


def write_release(stem, rows, performed_at, updated):
    records = [pair[0] for _, pair in rows]
    doc = {
        "results": records,
        "search_performed_at": performed_at,
        "sources_used": [{"last_imported": performed_at, "source_last_updated": updated[abbr],
                          "source": SOURCES[abbr][0], "import_rate": "Hourly"}
                         for abbr in ["cap", "cmic", "dpl", "dtc", "el", "fse", "isn", "mbs", "meu", "plc",
                                      "sdn", "ssi", "uvl"]],
        "offset": 0,
        "total": len(records),
    }
    with open(os.path.join(HERE, stem + ".json"), "w", encoding="ascii") as file:
        json.dump(doc, file)  # one line, ASCII with \\u escapes, no final newline: as StaticFileMaker writes it
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, dialect="unix")
    writer.writeheader()
    for _, (_, row) in rows:
        writer.writerow(row)
    with open(os.path.join(HERE, stem + ".csv"), "w", encoding="utf-8", newline="") as file:
        file.write(buffer.getvalue())


def write_bad():
    # bad.json: pretty-printed; the comma after "name" of the second result is missing.
    good = {"results": [release_2025_01()[3][1][0], release_2025_01()[4][1][0]], "offset": 0, "total": 2}
    lines = json.dumps(good, indent=2, ensure_ascii=False).split("\n")
    name_lines = [i for i, line in enumerate(lines) if line.strip().startswith('"name": ')]
    broken = name_lines[1]
    assert lines[broken].endswith(","), lines[broken]
    lines[broken] = lines[broken][:-1]
    with open(os.path.join(HERE, "bad.json"), "w", encoding="utf-8") as file:
        file.write("\n".join(lines) + "\n")
    # bad.csv: a bad start_date and a row without a name.
    rows = [pair[1] for _, pair in release_2025_01()]
    dated = dict(rows[4], start_date="2025-13-40")
    nameless = dict(rows[9], name="")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, dialect="unix")
    writer.writeheader()
    for row in [rows[3], dated, rows[6], nameless, rows[11]]:
        writer.writerow(row)
    with open(os.path.join(HERE, "bad.csv"), "w", encoding="utf-8", newline="") as file:
        file.write(buffer.getvalue())
    return broken + 1


if __name__ == "__main__":
    write_release("consolidated-2025-01", release_2025_01(), "2025-01-15T10:00:03.512840+00:00",
                  {abbr: "2025-01-14T21:05:00+00:00" for abbr in ORDER})
    write_release("consolidated-2025-06", release_2025_06(), "2025-06-16T10:00:04.118305+00:00",
                  {abbr: "2025-06-13T20:40:00+00:00" for abbr in ORDER})
    print("bad.json: comma missing at the end of line", write_bad())
