#!/usr/bin/env python3
"""Python baseline for `pantau bench news`: the common Python stack (trafilatura,
datasketch MinHash/LSH, regex rules) doing the same per-article work as Pantau's
Rust news pipeline, single process and single thread. Prints one JSON object."""
import argparse
import csv
import datetime as dt
import json
import logging
import platform
import re
import sys
import time
import unicodedata
from pathlib import Path

import datasketch
import trafilatura
from datasketch import MinHash, MinHashLSH

REGIONS_CSV = Path(__file__).resolve().parents[2] / "crates/domain/data/regions.csv"
NUM_PERM = 128

# --- cleaning ---------------------------------------------------------------
# Page furniture: short lines starting with a prompt or widget label (the same
# list as the Rust cleaner), copyright marks, bulleted date lines of related-post
# lists, menu bars and labels in another script.
FURNITURE_PREFIXES = [
    "tinggalkan komentar", "tinggalkan balasan", "tulis komentar", "komentar",
    "post a comment", "previous post", "next post", "older post", "newer post", "baca juga",
    "baca selengkapnya", "simak juga", "lihat juga", "berita terkait", "artikel terkait",
    "bagikan", "share", "ikuti kami", "ikuti berita", "follow us", "advertisement", "iklan",
    "scroll to continue", "gulir untuk", "masukkan script iklan", "copyright", "hak cipta",
    "all rights reserved", "editor:", "editor :", "penulis:", "penulis :", "reporter:",
    "reporter :", "pewarta:", "pewarta :", "redaktur:", "tags:", "tag:", "sumber foto",
    "foto:", "dapatkan update", "klik di sini", "loading"]
FURNITURE_RE = re.compile("|".join(map(re.escape, FURNITURE_PREFIXES)))  # .match: prefix
FURNITURE_MAX_LEN = 80  # a longer line that merely starts with "Komentar" is prose
BULLETS = "•·▪►»"
MENU_SPLIT_RE = re.compile(r"[|»]")
LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00C0-\u024F]")
DIGIT_RE = re.compile(r"\d")
WORD_RE = re.compile(r"\w+")


def is_furniture(line):
    body = line.lstrip(BULLETS + "-* ")
    low = body.lower()
    if len(body) <= FURNITURE_MAX_LEN and FURNITURE_RE.match(low):
        return True
    if "©" in low or low.startswith("(c) "):
        return True
    if line[0] in BULLETS and len(body) <= 40 and DIGIT_RE.search(body):
        return True
    if "|" in body or "»" in body:  # "Beranda | Daerah | Nasional"
        parts = MENU_SPLIT_RE.split(body)
        if len(parts) >= 3 and all(len(part.split()) <= 3 for part in parts):
            return True
    if body.isascii():  # fast path: nearly every Indonesian paragraph
        return False
    letters = sum(c.isalpha() for c in body)  # mostly non-Latin letters
    return letters > 0 and 2 * len(LATIN_LETTER_RE.findall(body)) <= letters


def clean(text):
    kept, seen = [], set()
    for p in text.split("\n"):
        p = unicodedata.normalize("NFKC", p).strip()
        if not p or is_furniture(p):
            continue
        key = " ".join(p.lower().split())
        if key not in seen:  # repeated paragraph (exact after case/space folding)
            seen.add(key)
            kept.append(p)
    return "\n".join(kept)


# --- dates ------------------------------------------------------------------
MONTHS = {"januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3,
          "mar": 3, "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7,
          "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8, "september": 9,
          "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "oct": 10, "november": 11,
          "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12}
MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))  # longest first
DATE_RE = re.compile(rf"""(?ix)
  (?:\b(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)    # optional weekday,
     \s*,?\s*\(?\s*(?:tanggal\s+|tgl\.?\s*)?)?                   # "(" or "tanggal"
  (?: \b(?P<d1>\d{{1,2}})\s+(?P<mon>{MONTH_ALT})\.?\s+(?P<y1>\d{{4}})\b
    | \b(?P<d2>\d{{1,2}})[/-](?P<m2>\d{{1,2}})[/-](?P<y2>\d{{4}})\b )""")


def first_date(text, published):
    """First date that exists in the calendar and is not after publication."""
    latest = published + dt.timedelta(days=1) if published else dt.date(2100, 1, 1)
    for m in DATE_RE.finditer(text):
        if m["d1"]:
            d, mo, y = int(m["d1"]), MONTHS[m["mon"].lower()], int(m["y1"])
        else:  # Indonesian numeric dates are day/month/year
            d, mo, y = int(m["d2"]), int(m["m2"]), int(m["y2"])
        try:
            date = dt.date(y, mo, d)
        except ValueError:
            continue
        if dt.date(2000, 1, 1) <= date <= latest:
            return date
    return None


# --- regions: gazetteer compiled into one trie-shaped alternation ------------
SHORT_FORMS = {"tangsel": "3674", "jaksel": "3174", "jakpus": "3171", "jakut": "3172",
               "jakbar": "3173", "jaktim": "3175", "dki jakarta": "31", "jakarta": "31",
               "diy": "34", "jogja": "34", "yogyakarta": "34", "jabar": "32", "jateng": "33",
               "jatim": "35", "sumut": "12", "sumbar": "13", "sumsel": "16", "babel": "19",
               "kepri": "21", "ntb": "52", "ntt": "53", "kalbar": "61", "kalteng": "62",
               "kalsel": "63", "kaltim": "64", "kaltara": "65", "sulut": "71", "sulteng": "72",
               "sulsel": "73", "sultra": "74", "sulbar": "76", "malut": "82"}
# Bare names that are also everyday words ("batu" = stone, "serang" = attack).
COMMON_WORDS = {"batu", "buru", "serang"}


def load_regions(path):
    aliases = dict(SHORT_FORMS)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            name, code = row["name"].lower(), row["code"]
            bare = re.sub(r"^(?:kabupaten|kota)(?: administrasi)? ", "", name)
            forms = {name, bare}
            if row["level"] == "provinsi":
                forms.add("provinsi " + name)
            elif name.startswith("kabupaten"):
                forms |= {"kab. " + bare, "kab " + bare}
            else:
                forms.add("kota " + bare)
            for form in forms - COMMON_WORDS:
                # "Serang"/"Bogor" name both a kabupaten and a kota: keep the first
                aliases.setdefault(form, code)
    return aliases


def trie_regex(words):
    """Alternation factored by common prefixes: Python's re tries alternatives one
    by one, so a flat 1,900-way alternation would be needlessly slow."""
    trie = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def walk(node):
        alts = [re.escape(ch) + walk(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body  # greedy: longest name first

    return walk(trie)


REGION_ALIASES = load_regions(REGIONS_CSV)
REGION_RE = re.compile(r"\b(" + trie_regex(REGION_ALIASES) + r")\b")  # on lowered text

# --- agencies and people ----------------------------------------------------
CAP = r"[A-Z][\w'-]*"
SP = r"[ \t]+"  # names and agency names never run across a line break
AGENCY_RE = re.compile(rf"""(?x)
    \b(?:Dinas|Badan|UPTD?|Samsat|Puskesmas|RSUD|Kecamatan|Kelurahan|Sekretariat|Bagian)
        (?:{SP}{CAP}|{SP}dan(?={SP}[A-Z]))+
  | \b(?:Inspektorat|BKPSDM|BKPP|BKD|DPM-?[ ]?PTSP|Disdukcapil|Dukcapil|Satpol[ ]?PP|Bapenda
      |Bappeda|BPKAD|BPBD|Dinkes|Dishub|Disdik|Dinsos|Disnaker|Diskominfo|Dinkop(?:[ ]UKM)?
      |PUPR|Setda|DPRD|Pemkot|Pemkab|Pemprov|Ombudsman|KASN|BKN)\b""")
PERSON_RE = re.compile(rf"""(?x)
  \b(?P<role>(?:(?:Plt|Pj|Plh)\.?{SP}|Penjabat{SP})?
     (?:Kepala|Sekretaris{SP}Daerah|Sekda|Camat|Lurah|Wali[ ]?[Kk]ota|Bupati|Gubernur
       |Kasi|Kabid|Kasubb?ag|Inspektur))
  (?P<name>(?:{SP}(?:[A-Z]\.|{CAP})){{1,10}})""")  # initials such as "M. Uki"
# Capitalised words after a title that describe the office, not the person
# ("Wali Kota Bontang Basri Rase", "Kepala Samsat Tabanan I Ketut Sadar").
OFFICE_WORDS = ({w for alias in REGION_ALIASES for w in alias.split()}
                | {"kepala", "dinas", "badan", "upt", "uptd", "samsat", "puskesmas", "rsud",
                   "kecamatan", "kelurahan", "bidang", "seksi", "bagian", "umum", "kabupaten",
                   "provinsi", "daerah", "setda", "bapenda", "bkpsdm", "bkd", "dpm-ptsp",
                   "inspektorat", "dinkop", "ukm", "opd", "pemerintahan", "tata", "dan"})


def people(text):
    found = []
    for m in PERSON_RE.finditer(text):
        words = m["name"].split()
        while words and words[0].lower().rstrip(".,") in OFFICE_WORDS:
            words.pop(0)
        if words:
            found.append((" ".join(m["role"].split()), " ".join(words[:4]).rstrip(".")))
    return found


# --- categories and relevance (all on lowered text) -------------------------
# Keywords match from a word start only: "sanksi" also finds "sanksinya", while
# prefixed forms are listed where they matter ("dilantik", "diperiksa").
CATEGORY_WORDS = {
    "konflik_internal": ["konflik internal", "petisi", "mosi tidak percaya", "perselisihan",
                         "cekcok", "perusakan", "bersitegang", "islah"],
    "disiplin_asn": ["disiplin", "bolos", "mangkir", "jam kerja", "tidak masuk kerja",
                     "keluyuran", "absensi"],
    "netralitas_asn": ["netralitas", "politik praktis", "kampanye", "partai politik",
                       "pasangan calon"],
    "kualitas_pelayanan": ["pelayanan publik", "pelayanan prima", "pelayanan masyarakat",
                           "standar operasional", "standar pelayanan", "antrean",
                           "pelayanan buruk", "pelayanan lambat"],
    "pengaduan_masyarakat": ["pengaduan", "keluhan", "aduan", "mengeluh", "lapor!", "sp4n"],
    "sanksi": ["sanksi", "teguran", "dicopot", "pemecatan", "diberhentikan",
               "penurunan pangkat", "hukuman disiplin"],
    "pemeriksaan_inspektorat": ["inspektorat", "diperiksa", "pemeriksaan", "audit",
                                "menyelidiki", "klarifikasi"],
    "zona_integritas": ["zona integritas", "wbk", "wbbm", "wilayah bebas dari korupsi"],
    "korupsi": ["korupsi", "suap", "gratifikasi", "pungutan liar", "pungli", "tipikor", "kpk",
                "penyelewengan"],
    "kepegawaian_lain": ["mutasi", "rotasi", "pelantikan", "dilantik", "pppk", "cpns",
                         "honorer", "kenaikan pangkat", "tunjangan"],
}
CATEGORY_RES = {name: re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")")
                for name, words in CATEGORY_WORDS.items()}
GOV_RE = re.compile(r"\b(?:pemerintah\w*|pemkot|pemkab|pemprov|pemda|asn|pns|pppk|aparatur"
                    r"|pegawai|opd|dinas|instansi|birokrasi|pejabat|bupati|wali ?kota|gubernur"
                    r"|camat|lurah|sekda|dprd|inspektorat|pelayanan publik)\b")
OFFTOPIC_RE = re.compile(r"\b(?:sepak ?bola|liga|pertandingan|gol|pemain|pelatih|klub|turnamen"
                         r"|atlet|konser|film|artis|selebriti|penyanyi|sinetron|saham|ihsg"
                         r"|investor|emiten|bursa|laba bersih|harga emas)\b")


class NearDup:
    """MinHash over word shingles; LSH candidates (queried before inserting) join
    by union-find. `bands` fixes the LSH bands instead of deriving them from the
    threshold; `similar` keeps only candidates with that estimated Jaccard."""

    def __init__(self, shingle, threshold, bands=None, similar=None):
        self.shingle, self.similar, self.parent, self.sketches = shingle, similar, {}, {}
        params = (bands, NUM_PERM // bands) if bands else None
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=params)
        self.template = MinHash(num_perm=NUM_PERM)  # copies reuse its permutations

    def add(self, key, words):
        if not words:  # an empty sketch would "match" every other empty one
            return
        n = self.shingle
        mh = self.template.copy()
        mh.update_batch({" ".join(words[i:i + n]).encode()
                         for i in range(max(1, len(words) - n + 1))})
        for other in self.lsh.query(mh):
            if self.similar is None or mh.jaccard(self.sketches[other]) >= self.similar:
                self.parent[self.find(key)] = self.find(other)  # union
        self.lsh.insert(key, mh)
        if self.similar is not None:
            self.sketches[key] = mh

    def find(self, x):
        parent = self.parent
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]  # path halving
            x = parent[x]
        return x


def analyse(rec, near):
    html = rec.get("html") or ""
    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True) or (rec.get("title") or "")
    body = clean(text)
    full = (rec.get("title") or "") + "\n" + body
    low = full.lower()

    near.add(rec["_key"], WORD_RE.findall(body.lower()))  # shingles of the cleaned body

    published = None
    if rec.get("published"):
        try:
            published = dt.date.fromisoformat(rec["published"][:10])
        except ValueError:
            pass
    agencies = list(dict.fromkeys(" ".join(m.group().split()) for m in AGENCY_RE.finditer(full)))
    gov, off = len(GOV_RE.findall(low)), len(OFFTOPIC_RE.findall(low))
    return {
        "id": rec.get("id"),
        "date": first_date(full, published),
        "regions": sorted({REGION_ALIASES[m] for m in REGION_RE.findall(low)}),
        "agencies": agencies,
        "people": people(full),
        "categories": [name for name, rx in CATEGORY_RES.items() if rx.search(low)],
        "relevant": bool(agencies or gov) and not (off >= 3 and off > 2 * gov),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", help="JSONL: id, url, title, html, published")
    ap.add_argument("--limit", type=int, default=2000)
    ap.add_argument("--dump", help="also write per-article results as JSONL here")
    ap.add_argument("--shingle", type=int, default=5, help="words per shingle")
    ap.add_argument("--threshold", type=float, default=0.5, help="MinHashLSH threshold")
    ap.add_argument("--bands", type=int, help="fixed LSH bands (rows = 128 / bands)")
    ap.add_argument("--similar", type=float, help="verify candidates: min. estimated Jaccard")
    args = ap.parse_args()
    logging.disable(logging.CRITICAL)  # trafilatura logs per-page warnings

    # Reading and JSON-decoding the corpus happen before timing starts: the
    # benchmark compares per-article processing, not disk I/O or JSON parsing.
    records = []
    with open(args.corpus, encoding="utf-8") as f:
        for line in f:
            if len(records) >= args.limit:
                break
            if line.strip():
                rec = json.loads(line)
                rec["_key"] = len(records)  # ids need not be unique; LSH keys must be
                records.append(rec)
    total_bytes = sum(len((r.get("html") or "").encode("utf-8")) for r in records)
    if records:  # warm-up outside timing: trafilatura loads lazy modules on first use
        trafilatura.extract(records[0].get("html") or "<p></p>", favor_precision=True)

    near = NearDup(args.shingle, args.threshold, args.bands, args.similar)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    results = [analyse(rec, near) for rec in records]
    sizes = {}
    for key in list(near.parent):
        sizes[near.find(key)] = sizes.get(near.find(key), 0) + 1
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0

    if args.dump:
        with open(args.dump, "w", encoding="utf-8") as f:
            for r, rec in zip(results, records):
                r["group"] = near.find(rec["_key"]) if rec["_key"] in near.parent else None
                f.write(json.dumps(r, default=str, ensure_ascii=False) + "\n")
    print(json.dumps({
        "articles": len(records),
        "bytes": total_bytes,
        "wall_seconds": round(wall, 4),
        "cpu_seconds": round(cpu, 4),
        "groups": sum(1 for n in sizes.values() if n >= 2),
        "relevant": sum(r["relevant"] for r in results),
        "with_date": sum(r["date"] is not None for r in results),
        "python": platform.python_version(),
        "trafilatura": trafilatura.__version__,
        "datasketch": datasketch.__version__,
    }))


if __name__ == "__main__":
    sys.exit(main())
