#!/usr/bin/env python3
"""Deterministic generator of visits-dataset/1 documents for benchmarks.

Each leader gets VISITS visits, each visit AREAS cooperation areas, each area QUOTES statements, so a
leader carries VISITS * AREAS * QUOTES statements (20 * 6 * 5 = 600 by default). The same arguments
always give the same bytes. Texts mix 27 common words with one of 20,000 rare "topicNNNNN" words, so
text searches can be measured for frequent and for rare words.

  bench/generate-dataset.py --statements 120000 > m.json
  bench/generate-dataset.py --size S|M|L > s.json      # ~10k, ~120k, ~1.2M statements
"""
import argparse
import json
import random
import sys
from datetime import date, timedelta

SIZES = {"S": 10_200, "M": 120_000, "L": 1_200_000}
WORDS = ("cooperation partnership defense energy nuclear trade investment technology industry "
         "security stability growth innovation supply chain infrastructure culture exchange "
         "tourism education health digital renewable future strategic mutual trust").split()
TOPICS = 20_000


def code(n):
    return chr(ord("A") + n // 26) + chr(ord("A") + n % 26)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--statements", type=int, help="approximate number of statements")
    parser.add_argument("--size", choices=SIZES, help="S, M or L")
    parser.add_argument("--visits", type=int, default=20)
    parser.add_argument("--areas", type=int, default=6)
    parser.add_argument("--quotes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    total = args.statements or SIZES[args.size or "S"]
    per_leader = args.visits * args.areas * args.quotes
    leaders = max(1, round(total / per_leader))
    rng = random.Random(args.seed)

    countries = [{"code": code(i), "name": "Country " + code(i)} for i in range(60)]
    sectors = [{"slug": "sector-%02d" % i, "name": "Sector %d" % i, "keywords": ["keyword%d" % i]}
               for i in range(max(args.areas, 12))]
    sources = [{"key": "wire-%04d" % i, "outlet": "Wire %d" % (i % 7), "publishedOn": str(date(2020, 1, 1) + timedelta(days=i)),
                "language": "en"} for i in range(365)]
    doc = {"format": "visits-dataset/1", "countries": countries, "sectors": sectors, "leaders": [], "sources": sources,
           "visits": [], "projects": [], "statements": [], "milestones": []}
    for l in range(leaders):
        slug = "leader-%05d" % l
        home = l % len(countries)
        doc["leaders"].append({"slug": slug, "name": "Leader %d" % l, "office": "President", "country": countries[home]["code"]})
        for v in range(args.visits):
            key = "%s-visit-%02d" % (slug, v)
            start = date(2015, 1, 1) + timedelta(days=(l * 37 + v * 53) % 3650)
            host = countries[(home + 1 + v) % len(countries)]["code"]
            source = sources[(l + v) % len(sources)]["key"]
            areas = [sectors[(v + a) % len(sectors)]["slug"] for a in range(args.areas)]
            doc["visits"].append({"key": key, "leader": slug, "hostCountry": host, "startDate": str(start),
                                  "endDate": str(start + timedelta(days=1)), "kind": "OFFICIAL", "title": "Visit %d" % v,
                                  "sources": [source],
                                  "sectors": [{"sector": s, "status": "ACTIVE", "summary": "Talks on " + s} for s in areas]})
            for a, sector in enumerate(areas):
                for q in range(args.quotes):
                    # 18 common words, then one rare topic word (about 60 statements each at size L)
                    text = (" ".join(rng.choice(WORDS) for _ in range(18)).capitalize()
                            + " on topic%05d." % rng.randrange(TOPICS))
                    doc["statements"].append({"key": "%s-q-%d-%d" % (key, a, q), "speaker": slug,
                                              "kind": "DIRECT" if q % 2 == 0 else "PARAPHRASE", "text": text,
                                              "saidOn": str(start), "language": "en", "source": source, "visit": key,
                                              "sectors": [sector]})
    doc["projects"] = [{"key": "project-%03d" % i, "name": "Project %d" % i, "sector": sectors[i % len(sectors)]["slug"],
                        "countries": [countries[i % 60]["code"], countries[(i + 1) % 60]["code"]], "status": "PROPOSED"}
                       for i in range(50)]
    doc["milestones"] = [{"key": "milestone-%03d" % i, "countries": [countries[i % 60]["code"], countries[(i + 3) % 60]["code"]],
                          "title": "Treaty %d" % i, "year": 1950 + i} for i in range(50)]
    json.dump(doc, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
