#!/usr/bin/env python3
"""Turn the research tables in ../shared/reference into the project's data/reference CSVs.

Run from the repository root:  /usr/bin/python3 scripts/make_reference.py
The output is committed; this script records every judgement made while cleaning, so a
reviewer can see how each row was derived from the collected facts. Tags: found (F),
secondary (F-2nd), derived (D), uncertain (B or an explicit doubt in the source table).
Rows the research marked NOT FOUND are not data: they are listed in data/reference/SOURCES.md.
"""
import csv
import os
import sys

SRC = os.path.join("..", "shared", "reference")
OUT = os.path.join("data", "reference")

TAG = {"F": "found", "F-2nd": "secondary", "D": "derived", "B": "uncertain"}


def read(name):
    with open(os.path.join(SRC, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for r in rows:
            w.writerow([r[h] for h in header])
    print(f"{path}: {len(rows)} rows")


OWNER_CODES = {
    "Sodexo/Nacro": "SODEXO",
    "Purple Futures (Interserve)": "PURPLE_FUTURES",
    "Working Links": "WORKING_LINKS",
    "MTCnovo": "MTCNOVO",
    "Reducing Reoffending Partnership": "RRP",
    "Seetec": "SEETEC",
    "EOS": "EOS",
    "ARCC": "ARCC",
}

OWNERS = [
    ("SODEXO", "Sodexo Justice Services (with Nacro)", "Sodexo; Nacro"),
    ("PURPLE_FUTURES", "Purple Futures (Interserve-led)", "Interserve; 3SC; Addaction; P3; Shelter"),
    ("WORKING_LINKS", "Working Links", "Working Links"),
    ("MTCNOVO", "MTCnovo", "MTC; Novo"),
    ("RRP", "Reducing Reoffending Partnership", "Ingeus UK; St Giles Trust; Crime Reduction Initiatives"),
    ("SEETEC", "Seetec", "Seetec"),
    ("EOS", "EOS", "EOS"),
    ("ARCC", "ARCC (Achieving Real Change in Communities)", "probation staff, housing associations, NHS and councils"),
]
OWNER_SOURCE = (
    "NAO 2016/2017/2019 (8 owners); doingtime.co.uk; russellwebster.com 20 Apr 2017; "
    "HMIP PR 2017/10 cumbriaqi; HMIP PR 2019/05/hiowcrc"
)


def pcc_areas():
    rows = []
    for r in read("cpa_pcc_crosswalk.csv"):
        code = r["ndelius_legacy_area_code"].split(" ")[0]
        conf = r["nps_assignment_confidence"]
        if "UNCERTAIN" in conf:
            division, candidates, confidence = "", "N04;N06", "uncertain"
        else:
            division = r["nps_division_code"]
            candidates = division
            confidence = "confirmed" if conf.startswith("confirmed") else (
                "medium" if conf.startswith("medium") else "inferred")
        rows.append({
            "code": code,
            "name": r["police_force_area"],
            "cpa_code": r["cpa_code"],
            "nps_division_code": division,
            "nps_division_candidates": candidates,
            "nps_division_confidence": confidence,
            "nps_division_evidence": conf,
            "probation_trust_pre_2014": r["probation_trust_pre_2014"],
            "source": "nDelius legacy area codes (ministryofjustice/ndelius-new-tech stub; EMS org-code seed; "
                      "CarlyLL/Enforced-alcohol-abstinence); CPA membership from each CPA's name",
            "tag": "derived",
        })
    return sorted(rows, key=lambda r: r["code"])


def cpas():
    rows = []
    for r in read("cpa_crc_owners.csv"):
        rows.append({
            "code": r["cpa_code_ndelius"],
            "short_name": r["short_name"],
            "crc_name": r["crc_name"],
            "source": "nDelius probation area codes C01-C21 (three independent repositories agree); HMIP report titles",
            "tag": "found",
        })
    return rows


def ownership():
    rows = []
    for r in read("cpa_crc_owners.csv"):
        o = r["owner_2015"]
        code = next(c for k, c in OWNER_CODES.items() if o.lower().startswith(k.split("/")[0].split(" (")[0].lower()))
        transferred = r["ownership_change"].startswith("Seetec from Feb 2019")
        rows.append({
            "cpa_code": r["cpa_code_ndelius"], "owner_code": code,
            "from": "2015-02-01", "from_precision": "day",
            "to": "2019-02-28" if transferred else "2021-06-25",
            "to_precision": "month" if transferred else "day",
            "source": OWNER_SOURCE + ("; transfer: HMIP PR 2019/02/ddcrc, BBC Wales 47240731" if transferred else
                                      "; end: unification of offender management in the Probation Service, 26 June 2021 (gov.uk)"),
            "tag": "found" if code not in ("EOS", "ARCC", "MTCNOVO") else "secondary",
        })
        if transferred:
            rows.append({
                "cpa_code": r["cpa_code_ndelius"], "owner_code": "SEETEC",
                "from": "2019-02-01", "from_precision": "month", "to": "2021-06-25", "to_precision": "day",
                "source": "HMIP PR 2019/02/ddcrc; BBC Wales 47240731; Civil Service World Feb 2019 "
                          "(Working Links into administration, Seetec takes over, Feb 2019: day not published)",
                "tag": "found",
            })
    return rows


def divisions():
    out = []
    for r in read("nps_divisions.csv"):
        out.append({
            "code": r["nps_code_ndelius"],
            "name": r["division"],
            "source": "nDelius probation area codes N01-N07; " + r["sources"].split(" ; ")[0],
            "tag": "found",
        })
    return out


def ratings():
    out = []
    for r in read("hmip_ratings.csv"):
        if r["provider_code"] == "ALL":
            continue
        rating = r["overall_rating"]
        out.append({
            "provider_code": r["provider_code"],
            "provider": r["provider"],
            "provider_type": r["type"],
            "cycle": r["cycle"],
            "overall_rating": rating,
            "published": r["published"],
            "domain_ratings_reported": r["domain_ratings_reported"],
            "source": r["source"],
            "tag": "secondary" if "russellwebster" in r["source"] and "justiceinspectorates" not in r["source"]
                   or r["source"].startswith("mtcgroup") else "found",
        })
    return out


def service_levels():
    out = []
    for r in read("crc_service_levels.csv"):
        if r["tag"] == "NF":
            continue
        code = r["code"]
        tag = TAG.get(r["tag"].split(" ")[0], "found")
        if code.startswith("(likely"):
            code, tag = "CRC SCH9 SL003R", "uncertain"
        out.append({"code": code, "name": r["name"], "definition": r["definition"],
                    "threshold": r["threshold"], "framework": r["framework"],
                    "source": r["url"] or r["data_source"], "tag": tag})
    return out


MONTHS = {"Jan": 1, "Apr": 4, "Jul": 7, "Oct": 10}


def sl_quarterly():
    out = []
    for r in read("crc_sl_national_quarterly.csv"):
        first, yy = r["quarter"].split(" ")
        m = MONTHS[first.split("-")[0]]
        y = 2000 + int(yy)
        out.append({"measure_code": r["measure_code"], "geography": "England and Wales (all CRCs)",
                    "quarter": f"{y}-Q{(m - 1) // 3 + 1}", "quarter_label": r["quarter"],
                    "percent": r["percent"], "source": r["source"], "tag": "found"})
    return out


def finance():
    out = []
    for r in read("volumes_finance.csv"):
        if r["tag"] == "NF" or r["value"].startswith("NOT FOUND"):
            continue
        v = r["value"]
        unit = r["unit"]
        if v.startswith("up to "):
            kind, lo, hi = "upper_bound", "", v[len("up to "):]
        elif " to " in v:
            kind, (lo, hi) = "range", v.split(" to ")
        elif " -> " in v:
            kind, (lo, hi) = "change", v.split(" -> ")
        elif " of " in v:
            kind, lo, hi = "point", v.split(" of ")[0], v.split(" of ")[0]
            unit = f"count (of {v.split(' of ')[1]})"
        else:
            kind, lo, hi = "point", v, v
        out.append({"metric": r["metric"].strip(), "value_kind": kind, "low": lo.strip(), "high": hi.strip(), "unit": unit,
                    "period": r["period_or_date"], "source": r["source"], "tag": TAG[r["tag"]]})
    return out


def pbr():
    out = []
    for r in read("pbr_reoffending.csv"):
        if r["tag"] == "NF":
            continue
        out.append({"cohort": r["cohort"], "measure": r["measure"], "value": r["value"], "note": r["note"],
                    "source": r["source"], "tag": TAG[r["tag"]]})
    return out


def main():
    if not os.path.isdir(SRC):
        sys.exit(f"make_reference: {SRC} not found (run from the repository root, with ../shared beside it)")
    os.makedirs(OUT, exist_ok=True)
    write("pcc_areas.csv", ["code", "name", "cpa_code", "nps_division_code", "nps_division_candidates",
                            "nps_division_confidence", "nps_division_evidence", "probation_trust_pre_2014",
                            "source", "tag"], pcc_areas())
    write("cpas.csv", ["code", "short_name", "crc_name", "source", "tag"], cpas())
    write("owners.csv", ["code", "name", "members", "source", "tag"],
          [{"code": c, "name": n, "members": m, "source": OWNER_SOURCE, "tag": "found"} for c, n, m in OWNERS])
    write("cpa_ownership.csv", ["cpa_code", "owner_code", "from", "from_precision", "to", "to_precision",
                                "source", "tag"], ownership())
    write("nps_divisions.csv", ["code", "name", "source", "tag"], divisions())
    write("hmip_ratings.csv", ["provider_code", "provider", "provider_type", "cycle", "overall_rating",
                               "published", "domain_ratings_reported", "source", "tag"], ratings())
    write("crc_service_levels.csv", ["code", "name", "definition", "threshold", "framework", "source", "tag"],
          service_levels())
    write("crc_service_levels_national_quarterly.csv",
          ["measure_code", "geography", "quarter", "quarter_label", "percent", "source", "tag"], sl_quarterly())
    write("volumes_finance.csv", ["metric", "value_kind", "low", "high", "unit", "period", "source", "tag"], finance())
    write("pbr_reoffending.csv", ["cohort", "measure", "value", "note", "source", "tag"], pbr())


if __name__ == "__main__":
    main()
