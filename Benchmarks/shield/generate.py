#!/usr/bin/env python3
"""Synthetic screening-list entries for benchmarks: N parties of one listing
measure, in innobond's measures and measure_targets formats, named as the US
Consolidated Screening List's entries are (a place, a made-up trade name, an
industry, a legal form; a third Chinese; two in five with an alias). Every
name is made up and the measure is marked as a benchmark: no real party.

    python3 Benchmarks/shield/generate.py N OUTPUT_DIR
"""
import csv
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
    for index in range(count):
        name = chinese() if index % 3 == 0 else english()
        alias = (english() if index % 3 == 0 else chinese()) if random.random() < 0.4 else ""
        writer.writerow(["BENCH-LIST", f"B{index:06d}", name, alias, random.choice(["CN", "RU", "IR", "AE", "BY"]),
                         "", "", "", "", ""])
