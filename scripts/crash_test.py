#!/usr/bin/env python3
"""Client side of scripts/crash-test.sh (standard library only).

`load`   files complaints from many threads through `POST /api/v1/complaints` until the server dies, and appends every
         receipt a client received in full (status 201 and a parsed JSON body with `number` and `secret`) to a file.
`verify` follows every recorded receipt through `POST /api/v1/complaints/track` and fails unless each one answers 200
         with the same number and the title that was sent.
`count`  prints how many complaints an SQLite database holds (PostgreSQL is counted by the shell script with psql).

Each worker speaks from its own loopback address (127.0.0.x, all of 127/8 is local on Linux): like many citizens, not
one script, so the per-address rate limits of the server (a general burst of 200 then 30 requests a second) do not
cut the load short. The limits are not what is tested here; a 429 is never counted as a receipt, and `verify`
retries it.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import sqlite3
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

# Our own complaint texts (a title and what happened); each request adds a unique tag to both.
TEXTS = [
    ("Antrean loket izin usaha terlalu panjang",
     "Saya datang ke loket perizinan sejak pukul tujuh pagi, tetapi nomor antrean sudah habis sebelum pukul sembilan."),
    ("Permohonan PBG belum diverifikasi",
     "Berkas persetujuan bangunan gedung yang saya unggah lima minggu lalu masih berstatus menunggu verifikasi."),
    ("Sistem OSS gagal menyimpan data",
     "Setiap kali saya menyimpan data usaha di OSS muncul pesan galat dan isian yang sudah diketik hilang semua."),
    ("Petugas meminta biaya tambahan",
     "Petugas di meja pelayanan meminta uang percepatan untuk izin reklame padahal layanan tersebut gratis."),
    ("Informasi syarat izin tidak jelas",
     "Daftar persyaratan izin praktik bidan di papan pengumuman berbeda dengan yang dijelaskan oleh petugas."),
    ("Sertifikat standar tak kunjung terbit",
     "Sertifikat standar untuk usaha katering rumahan saya belum terbit walaupun semua dokumen sudah lengkap."),
]


class Receipts:
    """An append-only file of receipts, one JSON object a line, written whole under a lock."""

    def __init__(self, path: str):
        self.file = open(path, "a", encoding="utf-8")
        self.lock = threading.Lock()
        self.count = 0

    def add(self, record: dict) -> None:
        with self.lock:
            self.file.write(json.dumps(record, ensure_ascii=False) + "\n")
            self.file.flush()
            self.count += 1

    def close(self) -> None:
        self.file.close()


def connect(url: str, source_ip: str, timeout: float) -> http.client.HTTPConnection:
    parts = urllib.parse.urlsplit(url)
    return http.client.HTTPConnection(parts.hostname, parts.port, timeout=timeout, source_address=(source_ip, 0))


def post(conn: http.client.HTTPConnection, path: str, doc: dict, sent: list[bool]) -> tuple[int, bytes]:
    """One JSON POST; `sent[0]` turns true once the request left, so a later failure was cut mid-request."""
    body = json.dumps(doc).encode()
    conn.request("POST", path, body=body, headers={"Content-Type": "application/json", "Accept": "application/json"})
    sent[0] = True
    response = conn.getresponse()
    return response.status, response.read()


def load(args: argparse.Namespace) -> int:
    receipts = Receipts(args.out)
    stats_lock = threading.Lock()
    stats = {"sent": 0, "receipts": 0, "refused_connect": 0, "cut_mid_request": 0, "other_status": {}}
    deadline = time.monotonic() + args.max_seconds

    def bump(key: str, by: int = 1) -> None:
        with stats_lock:
            stats[key] += by

    def worker(index: int) -> None:
        source_ip = f"127.0.{args.round}.{10 + index}"
        conn = connect(args.url, source_ip, args.timeout)
        rng = random.Random(f"{args.run}-{args.round}-{index}")
        n = 0
        while time.monotonic() < deadline:
            n += 1
            tag = f"{args.run}-r{args.round}-w{index}-n{n}"
            title, text = rng.choice(TEXTS)
            doc = {
                "kind": "pengaduan",
                "category": "perizinan",
                "unit": "DPMPTSP",
                "title": f"{title} [{tag}]",
                "body": f"{text} Kode uji: {tag}.",
                "confidentiality": "publik",
                "name": f"Warga Uji {index}",
                "contact": f"0812{args.round}{index:02d}{n:05d}",
            }
            bump("sent")
            sent = [False]
            try:
                status, raw = post(conn, "/api/v1/complaints", doc, sent)
            except (OSError, http.client.HTTPException):
                # The server is gone (the kill): refused at connect, or cut after the request left. Neither is a
                # receipt. This worker is done for the round.
                bump("cut_mid_request" if sent[0] else "refused_connect")
                conn.close()
                return
            if status != 201:
                with stats_lock:
                    stats["other_status"][str(status)] = stats["other_status"].get(str(status), 0) + 1
                if status == 429:
                    time.sleep(0.2)
                continue
            try:
                answer = json.loads(raw)
                number, secret = answer["number"], answer["secret"]
            except (ValueError, KeyError, TypeError):
                with stats_lock:
                    stats["other_status"]["201-unparsable"] = stats["other_status"].get("201-unparsable", 0) + 1
                continue
            receipts.add({"round": args.round, "tag": tag, "number": number, "secret": secret, "title": doc["title"]})
            bump("receipts")
        conn.close()

    threads = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    receipts.close()
    print(json.dumps(stats))
    return 0


def verify(args: argparse.Namespace) -> int:
    with open(args.receipts, encoding="utf-8") as file:
        records = [json.loads(line) for line in file if line.strip()]
    results: dict[str, list[str]] = {"verified": [], "missing": [], "mismatch": [], "error": []}
    lock = threading.Lock()
    local = threading.local()
    counter = iter(range(10**9))

    unreachable = threading.Event()

    def check(record: dict) -> None:
        if not hasattr(local, "ip"):
            with lock:
                slot = next(counter)
            local.ip = f"127.1.{slot // 200}.{10 + slot % 200}"
            local.conn = None
        outcome, detail = "error", "server unreachable, not checked"
        failures = refused = 0
        while not unreachable.is_set():
            try:
                if local.conn is None:
                    local.conn = connect(args.url, local.ip, args.timeout)
                status, raw = post(local.conn, "/api/v1/complaints/track",
                                   {"number": record["number"], "secret": record["secret"]}, [False])
            except (OSError, http.client.HTTPException) as err:
                if local.conn is not None:
                    local.conn.close()
                local.conn = None
                detail = f"{type(err).__name__}: {err}"
                refused += 1
                if refused >= 8:  # about 2 s: the server is gone; checking the rest would only repeat this
                    unreachable.set()
                time.sleep(0.25)
                continue
            if status == 429 and failures < 120:  # rate limited: wait for the address's bucket to refill (up to 60 s)
                failures += 1
                time.sleep(0.5)
                continue
            if status == 404:
                outcome, detail = "missing", "404"
            elif status != 200:
                outcome, detail = "error", f"status {status}: {raw[:200]!r}"
            else:
                answer = json.loads(raw)
                if answer.get("number") != record["number"] or answer.get("title") != record["title"]:
                    outcome = "mismatch"
                    detail = f"got number {answer.get('number')!r} title {answer.get('title')!r}"
                else:
                    outcome, detail = "verified", ""
            break
        with lock:
            results[outcome].append(f"{record['number']} (round {record['round']}, {record['tag']}) {detail}".strip())

    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        list(pool.map(check, records))
    for kind in ("missing", "mismatch", "error"):
        lines = sorted(results[kind])
        for line in lines[:20]:
            print(f"  {kind.upper()}: {line}", file=sys.stderr)
        if len(lines) > 20:
            print(f"  ... and {len(lines) - 20} more {kind}", file=sys.stderr)
    numbers = [it["number"] for it in records]
    duplicates = len(numbers) - len(set(numbers))
    if duplicates:
        print(f"  DUPLICATE NUMBERS: {duplicates} receipts share a number with another receipt", file=sys.stderr)
    print(json.dumps({"receipts": len(records), "verified": len(results["verified"]),
                      "missing": len(results["missing"]), "mismatch": len(results["mismatch"]),
                      "error": len(results["error"]), "duplicate_numbers": duplicates}))
    bad = len(results["missing"]) + len(results["mismatch"]) + len(results["error"]) + duplicates
    return 1 if bad else 0


def count(args: argparse.Namespace) -> int:
    db = sqlite3.connect(f"file:{args.sqlite_file}?mode=ro", uri=True, timeout=10)
    try:
        print(db.execute("SELECT count(*) FROM complaint").fetchone()[0])
    finally:
        db.close()
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("load", help="file complaints until the server dies; record the receipts")
    p.add_argument("--url", required=True)
    p.add_argument("--out", required=True, help="receipts file (JSON lines, appended)")
    p.add_argument("--round", type=int, required=True, help="round number, 1-200 (also picks the source addresses)")
    p.add_argument("--run", default="uji", help="a tag that makes this run's texts unique")
    p.add_argument("--workers", type=int, default=16)
    p.add_argument("--timeout", type=float, default=30.0)
    p.add_argument("--max-seconds", type=float, default=60.0, help="stop even if the server never dies")
    p.set_defaults(func=load)
    p = sub.add_parser("verify", help="follow every recorded receipt")
    p.add_argument("--url", required=True)
    p.add_argument("--receipts", required=True)
    p.add_argument("--workers", type=int, default=8)
    p.add_argument("--timeout", type=float, default=30.0)
    p.set_defaults(func=verify)
    p = sub.add_parser("count", help="complaints stored in an SQLite file")
    p.add_argument("--sqlite-file", required=True)
    p.set_defaults(func=count)
    args = parser.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
