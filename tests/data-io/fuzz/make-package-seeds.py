#!/usr/bin/env python3
# Writes the seed corpus of fuzz-package-import: small dataset packages (512-byte
# pages) made from data/schema.sql, valid ones with a correct manifest checksum
# and hostile ones (a view for a content table, a trigger, a renamed column).
#   make-package-seeds.py SCHEMA.SQL OUTPUT_DIR
# Copyright 2026 The Chongqing Science Atlas authors
# SPDX-License-Identifier: GPL-3.0-or-later
import hashlib
import os
import sqlite3
import struct
import sys

CONTENT = ["source", "citation", "district", "river", "site", "party", "event",
           "event_party", "event_site", "series", "statistic", "area", "area_district"]
# PRAGMA user_version of a dataset: ATLAS_DATASET_FORMAT in src/store/atlas-store.h.
DATASET_FORMAT = 2
TAGS = {int: 1, float: 2, str: 3, bytes: 4, type(None): 5}


def checksum(db):
    """atlas_package_compute_checksum() in Python."""
    sha = hashlib.sha256()
    for table in CONTENT:
        n = len(db.execute(f"PRAGMA table_info({table})").fetchall())
        order = ", ".join(str(i + 1) for i in range(n))
        sha.update(table.encode())
        for row in db.execute(f"SELECT * FROM {table} ORDER BY {order}"):
            for value in row:
                sha.update(bytes([TAGS[type(value)]]))
                if isinstance(value, int):
                    sha.update(str(value).encode())
                elif isinstance(value, float):
                    sha.update(("%.17g" % value).encode())
                elif isinstance(value, (str, bytes)):
                    data = value.encode() if isinstance(value, str) else value
                    sha.update(struct.pack("<I", len(data)))
                    sha.update(data)
    return sha.hexdigest()


def make(path, schema, rows, hostile=None):
    if os.path.exists(path):
        os.unlink(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA page_size = 512")
    db.executescript(schema)
    db.execute("CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    db.executescript(rows)
    total = checksum(db)
    db.execute("INSERT INTO release VALUES ('2026.9', '2026-12-01', ?)", (total,))
    db.executemany("INSERT INTO manifest VALUES (?, ?)",
                   [("format_version", "1"), ("created", "2026-12-01"), ("version", "2026.9"),
                    ("sources", "s1"), ("checksum", total)])
    if hostile:
        db.executescript(hostile)
    db.execute(f"PRAGMA user_version = {DATASET_FORMAT}")
    db.commit()
    db.execute("VACUUM")
    db.close()


def main():
    schema = open(sys.argv[1], encoding="utf-8").read()
    out = sys.argv[2]
    one = ("INSERT INTO source (id, title_zh, title_en, publisher_zh, publisher_en, published_on, kind)"
           " VALUES ('s1', '来源', 'Source', '出版', 'Press', '2024-01', 'report');"
           "INSERT INTO district (adcode, name_zh, name_en, kind, geometry, label_lon, label_lat,"
           " min_lon, min_lat, max_lon, max_lat) VALUES (500106, '沙坪坝区', 'Shapingba', 'district',"
           " X'0102', 106.4, 29.5, 106.2, 29.4, 106.6, 29.7);"
           "INSERT INTO area (id, name_zh, name_en) VALUES ('z', '科学城', 'Science City');"
           "INSERT INTO area_district (area_id, adcode) VALUES ('z', 500106);"
           "INSERT INTO site (id, name_zh, name_en, category, district_adcode, lon, lat,"
           " location_precision, established_on) VALUES ('a', '实验室', 'Lab', 'laboratory', 500106,"
           " 106.4, 29.5, 'exact', '2020');"
           "INSERT INTO site (id, name_zh, name_en, category, location_precision, area_id)"
           " VALUES ('b', '园区', 'Park', 'industrial_park', 'area', 'z');"
           "INSERT INTO citation (entity, entity_id, source_id, quote, quote_en)"
           " VALUES ('site', 'a', 's1', '一个实验室', 'a laboratory');"
           "INSERT INTO statistic (id, metric, label_zh, label_en, value, unit, scope, scope_zh,"
           " scope_en, as_of) VALUES ('n', 'count', '数量', 'Count', 41.5, 'item', 'city', '重庆',"
           " 'Chongqing', '2024');")
    make(os.path.join(out, "empty.cqatlas"), schema, "")
    make(os.path.join(out, "rows.cqatlas"), schema, one)
    make(os.path.join(out, "view-for-table.cqatlas"), schema, one,
         "DROP TABLE party; CREATE VIEW party AS WITH RECURSIVE r (n) AS"
         " (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT n AS id FROM r;")
    make(os.path.join(out, "trigger.cqatlas"), schema, one,
         "CREATE TRIGGER t AFTER INSERT ON site BEGIN DELETE FROM source; END;")
    make(os.path.join(out, "renamed-column.cqatlas"), schema, one,
         "ALTER TABLE statistic RENAME COLUMN note TO \"x\"\" ); DELETE FROM story; --\";")


if __name__ == "__main__":
    main()
