"""The near-duplicate tables of the index's state file (`ingest.dedup.DuplicateIndex` keeps them): their layout,
and the one query that names their indexes.

- `dup_passage`, `dup_lsh`, `dup_near`, `dup_sig`: passages, their MinHash LSH band keys, the near-duplicate
  pairs found, their signatures.
- `dup_doc`, `dup_doc_furniture`, `dup_doc_gram`, `dup_gram_city`, `dup_doc_near`: documents, their page
  furniture's shingles, their sampled shingles' postings, the cities each shingle occurs in (boilerplate), the
  syndicated copies found.
- `dup_dirty`: ids whose group the store has not received yet.
"""

# An over-full bucket's members and their groups are read from covering indexes (`dup_lsh_bucket`,
# `dup_passage_id_grp`), never from the tables' rows: a dup_passage row holds its shingles' blob before its group, so
# at 100k the groups of a bucket's members were read from scattered pages of a 1.2 GB table, for each of the ~55
# over-full buckets of one added file (0.35 s of CPU in a fresh connection; 0.07 s from the indexes, 5a54833's
# measure). Named in the query: SQLite's planner took the table's unique key and read the rows.
REPRESENTATIVES_SQL = (
    "SELECT MIN(id) FROM (SELECT l.id AS id, p.grp AS grp FROM dup_lsh l INDEXED BY dup_lsh_bucket "
    "JOIN dup_passage p INDEXED BY dup_passage_id_grp ON p.id = l.id "
    "WHERE l.band = ? AND l.key = ? AND l.id NOT IN (SELECT id FROM dup_new) LIMIT ?) "
    "GROUP BY grp ORDER BY COUNT(*) DESC, MIN(id) LIMIT ?"
)

SCHEMA = """
CREATE TABLE IF NOT EXISTS dup_passage (id TEXT PRIMARY KEY, doc_id TEXT, length INTEGER, grams BLOB,
    grp TEXT, canonical INTEGER);
CREATE INDEX IF NOT EXISTS dup_passage_doc ON dup_passage (doc_id);
CREATE INDEX IF NOT EXISTS dup_passage_grp ON dup_passage (grp);
CREATE INDEX IF NOT EXISTS dup_passage_id_grp ON dup_passage (id, grp);
CREATE TABLE IF NOT EXISTS dup_lsh (band INTEGER, key INTEGER, id TEXT);
CREATE INDEX IF NOT EXISTS dup_lsh_bucket ON dup_lsh (band, key, id);
DROP INDEX IF EXISTS dup_lsh_key;
CREATE INDEX IF NOT EXISTS dup_lsh_id ON dup_lsh (id);
CREATE TABLE IF NOT EXISTS dup_near (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dup_sig (id TEXT PRIMARY KEY, sig BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dup_doc (id TEXT PRIMARY KEY, city TEXT, length INTEGER, grams BLOB,
    grp TEXT, canonical INTEGER);
CREATE INDEX IF NOT EXISTS dup_doc_grp ON dup_doc (grp);
CREATE TABLE IF NOT EXISTS dup_doc_furniture (id TEXT PRIMARY KEY, grams BLOB) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dup_doc_gram (h INTEGER, id TEXT);
CREATE INDEX IF NOT EXISTS dup_doc_gram_h ON dup_doc_gram (h);
CREATE INDEX IF NOT EXISTS dup_doc_gram_id ON dup_doc_gram (id);
CREATE TABLE IF NOT EXISTS dup_gram_city (h INTEGER, city TEXT, n INTEGER, PRIMARY KEY (h, city)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dup_doc_near (a TEXT, b TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dup_dirty (kind TEXT, id TEXT, PRIMARY KEY (kind, id)) WITHOUT ROWID;
"""
