-- Schema of the bundled dataset (atlas.sqlite). atlas-dbgen creates it and fills it
-- from the CSV files beside this one. The user's own database (imports, stories,
-- edits) uses the same record tables; see src/store/atlas-store-migrations.c.
--
-- Copyright 2026 The Chongqing Science Atlas authors
-- SPDX-License-Identifier: GPL-3.0-or-later

PRAGMA foreign_keys = ON;

-- The dataset's vintage: one row.
CREATE TABLE release (
  version     TEXT NOT NULL,
  created_on  TEXT NOT NULL,
  checksum    TEXT NOT NULL          -- SHA-256 of the dataset files, hex
);

CREATE TABLE source (
  id            TEXT PRIMARY KEY,
  title_zh      TEXT NOT NULL,
  title_en      TEXT NOT NULL,
  publisher_zh  TEXT NOT NULL,
  publisher_en  TEXT NOT NULL,
  published_on  TEXT NOT NULL,       -- ISO 8601, reduced precision allowed
  kind          TEXT NOT NULL,
  seed_file     TEXT,
  note          TEXT,               -- what the document is, in English
  note_zh       TEXT                -- the same in Chinese
);

-- Provenance: every area, site, event, statistic and series has at least one
-- row here.  The quote is verbatim from the document (without the seed files'
-- Markdown bold marks); quote_en is our English gloss of it.
CREATE TABLE citation (
  entity     TEXT NOT NULL,          -- 'area', 'site', 'event', 'statistic', 'series', 'party'
  entity_id  TEXT NOT NULL,
  source_id  TEXT NOT NULL REFERENCES source (id),
  quote      TEXT NOT NULL,
  position   INTEGER NOT NULL DEFAULT 0,
  quote_en   TEXT,
  PRIMARY KEY (entity, entity_id, source_id, quote)
);
CREATE INDEX citation_by_source ON citation (source_id);

-- geometry: see atlas-geometry.h (little-endian polygons of lon/lat doubles).
CREATE TABLE district (
  adcode     INTEGER PRIMARY KEY,
  name_zh    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  kind       TEXT NOT NULL,
  geometry   BLOB NOT NULL,
  label_lon  REAL NOT NULL,
  label_lat  REAL NOT NULL,
  min_lon    REAL NOT NULL,
  min_lat    REAL NOT NULL,
  max_lon    REAL NOT NULL,
  max_lat    REAL NOT NULL
);

CREATE TABLE river (
  id         TEXT PRIMARY KEY,
  name_zh    TEXT,
  name_en    TEXT,
  level      INTEGER NOT NULL,
  geometry   BLOB NOT NULL,          -- lines, same encoding as district.geometry
  label_lon  REAL,
  label_lat  REAL
);

-- A named zone that spans several districts (the Western (Chongqing) Science
-- City, Liangjiang New Area): a site known only to lie in one has precision
-- 'area', no point and no single district.  Cited like the other records.
CREATE TABLE area (
  id              TEXT PRIMARY KEY,
  name_zh         TEXT NOT NULL,
  name_en         TEXT NOT NULL,
  description_zh  TEXT,
  description_en  TEXT,
  note            TEXT,
  note_zh         TEXT
);

CREATE TABLE area_district (
  area_id  TEXT NOT NULL REFERENCES area (id),
  adcode   INTEGER NOT NULL REFERENCES district (adcode),
  PRIMARY KEY (area_id, adcode)
);

-- New columns go at the end: the user's database adds them with ALTER TABLE
-- and its tables must keep the bundled column order.
CREATE TABLE site (
  id                  TEXT PRIMARY KEY,
  name_zh             TEXT NOT NULL,
  name_en             TEXT NOT NULL,
  category            TEXT NOT NULL,
  district_adcode     INTEGER REFERENCES district (adcode),
  lon                 REAL,
  lat                 REAL,
  location_precision  TEXT NOT NULL CHECK (location_precision IN ('exact', 'approximate', 'district',
                                                                  'area', 'unknown')),
  description_zh      TEXT,
  description_en      TEXT,
  established_on      TEXT,
  note                TEXT,
  area_id             TEXT REFERENCES area (id),
  note_zh             TEXT,
  caveat_en           TEXT,           -- where the sources disagree or are unclear
  caveat_zh           TEXT,
  -- A point and a district exactly when the precision says there is one; an
  -- area exactly for precision 'area'.
  CHECK ((location_precision IN ('exact', 'approximate', 'district'))
         = (district_adcode IS NOT NULL AND lon IS NOT NULL AND lat IS NOT NULL)),
  CHECK ((location_precision = 'area') = (area_id IS NOT NULL))
);
CREATE INDEX site_by_district ON site (district_adcode);
CREATE INDEX site_by_area ON site (area_id);

CREATE TABLE party (
  id       TEXT PRIMARY KEY,
  name_zh  TEXT NOT NULL,
  name_en  TEXT NOT NULL,
  kind     TEXT NOT NULL
);

CREATE TABLE event (
  id               TEXT PRIMARY KEY,
  date             TEXT NOT NULL,     -- ISO 8601 at the source's precision
  date_precision   TEXT NOT NULL CHECK (date_precision IN ('day', 'month', 'year')),
  kind             TEXT NOT NULL,
  title_zh         TEXT NOT NULL,
  title_en         TEXT NOT NULL,
  summary_zh       TEXT,
  summary_en       TEXT,
  amount_cny       REAL,
  project_count    INTEGER,
  place_site_id    TEXT REFERENCES site (id),
  district_adcode  INTEGER REFERENCES district (adcode),
  note             TEXT,
  amount_qualifier TEXT,              -- NULL, 'over', 'about', 'nearly', 'at_least'
  figures_planned  INTEGER NOT NULL DEFAULT 0,  -- 1: amount and count are plans (拟, 计划, 目标)
  note_zh          TEXT,
  caveat_en        TEXT,
  caveat_zh        TEXT
);
CREATE INDEX event_by_date ON event (date);

CREATE TABLE event_party (
  event_id  TEXT NOT NULL REFERENCES event (id),
  party_id  TEXT NOT NULL REFERENCES party (id),
  role      TEXT NOT NULL,
  PRIMARY KEY (event_id, party_id, role)
);

CREATE TABLE event_site (
  event_id  TEXT NOT NULL REFERENCES event (id),
  site_id   TEXT NOT NULL REFERENCES site (id),
  role      TEXT NOT NULL,
  PRIMARY KEY (event_id, site_id, role)
);
CREATE INDEX event_site_by_site ON event_site (site_id);

CREATE TABLE series (
  id            TEXT PRIMARY KEY,
  title_zh      TEXT NOT NULL,
  title_en      TEXT NOT NULL,
  unit          TEXT,
  stated_total  REAL,
  note          TEXT,
  note_zh       TEXT
);

CREATE TABLE statistic (
  id               TEXT PRIMARY KEY,
  metric           TEXT NOT NULL,
  label_zh         TEXT NOT NULL,
  label_en         TEXT NOT NULL,
  value            REAL NOT NULL,
  qualifier        TEXT,              -- NULL, 'over', 'about', 'nearly', 'at_least'
  unit             TEXT NOT NULL,
  period           TEXT,
  scope            TEXT NOT NULL,
  scope_zh         TEXT NOT NULL,
  scope_en         TEXT NOT NULL,
  district_adcode  INTEGER REFERENCES district (adcode),
  site_id          TEXT REFERENCES site (id),
  as_of            TEXT NOT NULL,
  is_target        INTEGER NOT NULL DEFAULT 0,
  series           TEXT REFERENCES series (id),
  series_order     INTEGER,
  note             TEXT,
  note_zh          TEXT,
  caveat_en        TEXT,
  caveat_zh        TEXT
);
CREATE INDEX statistic_by_series ON statistic (series, series_order);

CREATE TABLE story (
  id        TEXT PRIMARY KEY,
  title_zh  TEXT NOT NULL,
  title_en  TEXT NOT NULL
);

CREATE TABLE story_step (
  story_id    TEXT NOT NULL REFERENCES story (id),
  position    INTEGER NOT NULL,
  view        TEXT NOT NULL,
  state_json  TEXT NOT NULL,
  caption_zh  TEXT NOT NULL,
  caption_en  TEXT NOT NULL,
  notes       TEXT,
  PRIMARY KEY (story_id, position)
);

-- Full-text index over names and descriptions. The trigram tokenizer matches any
-- substring of three or more characters, which suits Chinese (no spaces between words).
CREATE VIRTUAL TABLE search USING fts5 (
  entity UNINDEXED,
  entity_id UNINDEXED,
  name,
  body,
  tokenize = 'trigram'
);
