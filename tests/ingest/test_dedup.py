"""Near-duplicates: one notion (passages: shingle Jaccard; documents: shared own shingles), kept incrementally."""

from __future__ import annotations

import itertools
import random
import sqlite3

import pytest

from ingest.copies import DOC_SHARE
from ingest.dedup import Doc, DuplicateIndex, Passage, gram_hashes, gram_jaccard, shingles
from lgnet.state import transaction

WORDS = [
    "comune",
    "alloggi",
    "famiglie",
    "migranti",
    "progetto",
    "rete",
    "inclusione",
    "sportello",
    "unità",
    "strada",
    "minori",
    "donne",
]


def _texts(n: int, seed: int = 7) -> list[str]:
    """Random texts, some of them edited copies of others (a few words changed, cut or added)."""
    rng = random.Random(seed)
    texts: list[str] = []
    for _ in range(n):
        if texts and rng.random() < 0.5:
            words = rng.choice(texts).split()
            for _ in range(rng.randint(0, 12)):
                words[rng.randrange(len(words))] = rng.choice(WORDS)
            words = words[: rng.randint(len(words) * 3 // 4, len(words))] + rng.choices(WORDS, k=rng.randint(0, 8))
        else:
            words = rng.choices(WORDS, k=rng.randint(40, 120))
        texts.append(" ".join(words))
    return texts


def _index() -> DuplicateIndex:
    return DuplicateIndex(sqlite3.connect(":memory:", isolation_level=None))


def _refresh(dups: DuplicateIndex, passages=(), docs=(), removed_passages=(), removed_docs=()) -> None:
    with transaction(dups.conn):
        dups.refresh(removed_passages, removed_docs, list(passages), list(docs))


def _pairs(dups: DuplicateIndex, table: str = "dup_near") -> set[tuple[str, str]]:
    return {(a, b) for a, b in dups.conn.execute(f"SELECT a, b FROM {table} WHERE a < b")}  # noqa: S608


def _groups(dups: DuplicateIndex, table: str = "dup_passage") -> dict[str, tuple[str, int]]:
    return {i: (g, c) for i, g, c in dups.conn.execute(f"SELECT id, grp, canonical FROM {table}")}  # noqa: S608


def _brute(texts: dict[str, str]) -> set[tuple[str, str]]:
    grams = {i: gram_hashes(t) for i, t in texts.items()}
    return {(a, b) for a, b in itertools.combinations(sorted(grams), 2) if gram_jaccard(grams[a], grams[b]) >= 0.6}


def test_hashed_shingles_match_the_shingle_sets():
    for text in _texts(20):
        assert len(gram_hashes(text)) == len(shingles(text))


def test_neighbours_added_in_batches_are_exactly_the_pairs_over_the_threshold():
    texts = {f"p{i:03d}": t for i, t in enumerate(_texts(150))}
    dups = _index()
    ids = sorted(texts)
    for batch in (ids[:60], ids[60:61], ids[61:]):  # LSH queried with the new passages only
        _refresh(dups, [Passage(i, f"d{i}", texts[i]) for i in batch])
    brute = _brute(texts)
    assert brute  # the fixture does contain near-copies
    assert _pairs(dups) == brute


def test_incremental_groups_equal_groups_computed_at_once():
    texts = {f"p{i:03d}": t for i, t in enumerate(_texts(120, seed=3))}
    ids = sorted(texts)
    removed = ids[::7]
    step = _index()
    _refresh(step, [Passage(i, f"d{i}", texts[i]) for i in ids[:80]])
    _refresh(step, [Passage(i, f"d{i}", texts[i]) for i in ids[80:]], removed_passages=[])
    _refresh(step, removed_passages=removed)
    once = _index()
    _refresh(once, [Passage(i, f"d{i}", texts[i]) for i in ids if i not in removed])
    assert _groups(step) == _groups(once)
    assert _pairs(step) == _pairs(once) == _brute({i: texts[i] for i in ids if i not in removed})
    sizes = {}
    for g, _ in _groups(once).values():
        sizes[g] = sizes.get(g, 0) + 1
    assert max(sizes.values()) > 1
    # The canonical member is the longest of its group, and the group is named after it.
    for i, (g, canonical) in _groups(once).items():
        assert bool(canonical) == (i == g)
        assert len(texts[g]) >= len(texts[i])


def test_dirty_marks_only_the_passages_whose_group_changed():
    texts = _texts(40, seed=5)
    dups = _index()
    _refresh(dups, [Passage(f"p{i}", "d", t) for i, t in enumerate(texts)])
    grouped = {i for i, (g, _) in _groups(dups).items() if g != i}
    assert set(dups.dirty("chunk", 1000)) >= grouped
    with transaction(dups.conn):
        dups.clear_dirty("chunk", list(dups.dirty("chunk", 1000)))
    _refresh(dups, [Passage("new", "d", "una frase del tutto nuova su altro " * 5)])
    assert set(dups.dirty("chunk", 1000)) == set()  # a singleton keeps the default group it was stored with


BOILERPLATE = (
    "Il progetto LGNet rientra nella rete nazionale dei comuni per la presa in carico dei migranti vulnerabili, "
    "finanziata dal Fondo Asilo Migrazione e Integrazione con il Ministero dell'Interno, ANCI e Cittalia, che "
    "coordina le attività delle città aderenti e il monitoraggio dei risultati raggiunti nei territori."
)
CITIES = ["Roma", "Milano", "Torino", "Napoli", "Bari", "Latina"]


def _article(city: str, seed: int) -> str:
    rng = random.Random(seed)
    words = ["casa", "lavoro", "scuola", "famiglie", "sportello", "servizi", "alloggio", "quartiere", "corsi"]
    body = " ".join(rng.choice(words) + str(rng.randint(0, 999)) for _ in range(90))
    return f"{city}. {body}\n\n{BOILERPLATE}"


def test_boilerplate_shared_by_articles_of_different_cities_never_makes_them_copies():
    dups = _index()
    _refresh(dups, docs=[Doc(f"a-{c}", _article(c, i), c) for i, c in enumerate(CITIES)])
    assert _pairs(dups, "dup_doc_near") == set()
    assert dups.group_sizes() == {}


def test_a_syndicated_copy_with_new_title_byline_opening_and_a_cut_paragraph_is_one_group():
    rng = random.Random(11)
    vocab = ["progetto", "comune", "alloggi", "famiglie", "sportello", "unità", "strada", "corsi", "lingua"]
    paragraphs = [" ".join(rng.choice(vocab) + str(rng.randint(0, 500)) for _ in range(60)) for _ in range(5)]
    original = "Roma, nuovo sportello per i migranti\n\n" + "\n\n".join(paragraphs) + "\n\n" + BOILERPLATE
    copy = (
        "Apre in città lo sportello unico\ndi Mario Rossi\n\nUn'apertura attesa da tempo, con parole diverse. "
        + "\n\n".join(paragraphs[1:4])  # the first paragraph reworded away, the last one cut
        + "\n\n"
        + BOILERPLATE
    )
    dups = _index()
    others = [Doc(f"a-{c}", _article(c, i), c) for i, c in enumerate(CITIES)]
    _refresh(dups, docs=others + [Doc("orig", original, "Roma")])
    _refresh(dups, docs=[Doc("copy", copy, "Roma")])  # arrives later, on its own
    groups = _groups(dups, "dup_doc")
    assert groups["copy"] == ("orig", 0) and groups["orig"] == ("orig", 1)
    assert dups.group_sizes() == {"orig": 2}
    assert set(dups.dirty("doc", 100)) == {"copy"}
    # Removing the original leaves the copy alone, canonical of its own group again.
    _refresh(dups, removed_docs=["orig"])
    assert _groups(dups, "dup_doc")["copy"] == ("copy", 1)
    assert 0 < DOC_SHARE < 1


def _paragraph(rng: random.Random, words: int = 45) -> str:
    vocab = ["bici", "officina", "quartiere", "ragazzi", "corso", "comune", "volontari", "lavoro", "strada"]
    return " ".join(rng.choice(vocab) + str(rng.randint(0, 900)) for _ in range(words)) + "."


def _headline(rng: random.Random) -> str:
    """A short line of a page's furniture: a sidebar's headline, a masthead, a byline, a footer."""
    return " ".join(rng.choice(["fiera", "tartufo", "raccolta", "manovra", "notizie", "provincia"]) + str(
        rng.randint(0, 900)) for _ in range(12))  # fmt: skip


def test_an_outlet_copy_with_its_page_furniture_reworded_opening_and_a_cut_paragraph_is_one_group():
    """An outlet's copy carries a masthead, a byline, a sidebar of other headlines and a footer the agency text has
    not, beside its reworded opening and a cut paragraph: its running text is the agency's, and it groups."""
    rng = random.Random(5)
    paragraphs = [_paragraph(rng) for _ in range(5)]
    original = "Cuneo, la ciclofficina rimette in strada le biciclette\n\n" + "\n\n".join(paragraphs)
    furniture = "\n\n".join(_headline(rng) for _ in range(7))
    copy = (
        "La Provincia - quotidiano online\n\nDiciotto meccanici e trecentoventi bici\n\ndi Marco Rossi\n\n"
        + _paragraph(rng)
        + "\n\n"
        + "\n\n".join(paragraphs[1:4])
        + "\n\nLe altre notizie\n\n"
        + furniture
    )
    dups = _index()
    _refresh(dups, docs=[Doc("agency", original, "Cuneo"), Doc("copy", copy, None)])
    assert sorted(dups.group_sizes().values()) == [2]
    assert dups.dirty("doc", 10)["copy"]["city"] == "Cuneo"  # the copy names no city: served with its group's


def test_two_cities_articles_sharing_one_long_paragraph_beside_short_lines_are_not_copies():
    """Short blocks are left out of a copy's comparison only when the two documents are not of two different
    cities: two cities' articles made of short lines and one long paragraph they share (a press note both quote,
    not yet boilerplate: two cities only) stay apart."""
    rng = random.Random(9)
    shared = "\n\n".join(_paragraph(rng, 40) for _ in range(2))
    docs = []
    for city in ("Savona", "Sarzana"):
        lines = "\n\n".join(_headline(rng) for _ in range(5))
        docs.append(Doc(f"a-{city}", f"{city}, una notizia\n\n{lines}\n\n{shared}", city))
    dups = _index()
    _refresh(dups, docs=docs)
    assert dups.group_sizes() == {}


@pytest.mark.parametrize("scan", [1000, 7])
def test_a_paragraph_repeated_past_the_bucket_bound_is_one_group_at_linear_cost(monkeypatch, scan):
    """The network's standard paragraph fills one LSH bucket per band with thousands of passages at 100k: past
    OVERFULL_BUCKET a bucket pairs its new members with representatives only, and the copies are still one group,
    also when the representatives are taken from the bucket's first few members only (REPRESENTATIVE_SCAN)."""
    import ingest.dedup as dedup

    monkeypatch.setattr(dedup, "OVERFULL_BUCKET", 6)
    monkeypatch.setattr(dedup, "REPRESENTATIVE_SCAN", scan)
    compared = []
    real = dedup.set_jaccard
    monkeypatch.setattr(dedup, "set_jaccard", lambda a, b: compared.append(1) or real(a, b))
    rng = random.Random(3)
    base = rng.choices(WORDS + [f"w{i}" for i in range(200)], k=80)
    copies = {}
    for n in range(60):
        words = list(base)
        for _ in range(2):
            words[rng.randrange(len(words))] = f"x{n}"
        copies[f"c{n:03d}"] = " ".join(words)
    others = {f"o{n:03d}": t for n, t in enumerate(_texts(10, seed=11))}
    dups = _index()
    ids = sorted(copies)
    _refresh(dups, [Passage(i, f"d{i}", t) for i, t in {**{i: copies[i] for i in ids[:40]}, **others}.items()])
    for i in ids[40:]:  # then one at a time, as uploads come
        _refresh(dups, [Passage(i, f"d{i}", copies[i])])
    groups = _groups(dups)
    assert len({groups[i][0] for i in copies}) == 1  # every copy in the one group
    assert sum(groups[i][1] for i in copies) == 1  # with one canonical
    assert all(groups[i][0] not in copies for i in others)  # unrelated texts stay apart
    all_pairs = len(copies) * (len(copies) - 1) // 2
    assert len(compared) < all_pairs / 2  # without the bound every pair of copies would be compared


def test_groups_after_rounds_of_additions_changes_and_removals_equal_groups_computed_at_once():
    """Additions merge groups by name, removals walk what they touched: together, the groups of the final
    passages, whatever the order they came in."""
    rng = random.Random(17)
    texts = {f"p{i:03d}": t for i, t in enumerate(_texts(160, seed=13))}
    ids = sorted(texts)
    rng.shuffle(ids)
    step = _index()
    live: dict[str, str] = {}
    for n in range(0, len(ids), 20):
        batch = ids[n : n + 20]
        changed = rng.sample(sorted(live), min(3, len(live)))  # re-ingested with a new text: removed, then added
        for i in changed:
            live[i] = texts[ids[rng.randrange(len(ids))]] + " aggiunta"
        gone = rng.sample(sorted(set(live) - set(changed)), min(2, len(live) - len(changed)))
        for i in gone:
            del live[i]
        live.update({i: texts[i] for i in batch})
        _refresh(step, [Passage(i, f"d{i}", live[i]) for i in batch + changed], removed_passages=gone)
    once = _index()
    _refresh(once, [Passage(i, f"d{i}", t) for i, t in live.items()])
    assert _pairs(step) == _pairs(once) == _brute(live)
    assert _groups(step) == _groups(once)
    assert len({g for g, _ in _groups(once).values()}) < len(live)  # there are groups to get right


def test_a_passage_joining_a_large_group_does_not_walk_its_members():
    """A near-copy of a paragraph repeated across the corpus joins its group by the group's name: the walk of
    the group is only for removals, which can split it, and reads a level of it a query (500 members), not each
    member with one of its own (the network's paragraph's group holds ~14k passages at 100k)."""
    rng = random.Random(5)
    base = rng.choices(WORDS + [f"w{i}" for i in range(200)], k=80)

    def copy(n: int, extra: int = 0) -> str:
        words = list(base)
        words[rng.randrange(len(words))] = f"x{n}"
        return " ".join(words + [f"y{k}" for k in range(extra)])

    dups = _index()
    _refresh(dups, [Passage(f"c{n:03d}", f"d{n}", copy(n)) for n in range(50)])
    with transaction(dups.conn):
        dups.clear_dirty("chunk", list(dups.dirty("chunk", 1000)))
    walked = []
    dups.conn.set_trace_callback(lambda sql: walked.append(sql) if "FROM dup_near WHERE a" in sql else None)
    _refresh(dups, [Passage("new", "dn", copy(99))])
    _refresh(dups, [Passage("longest", "dl", copy(98, extra=5))])  # longer than every member: the new canonical
    dups.conn.set_trace_callback(None)
    assert walked == []
    groups = _groups(dups)
    assert {g for g, _ in groups.values()} == {"longest"} and [i for i, (_, c) in groups.items() if c] == ["longest"]
    # "new" joined, then every member moved to "longest" (stored as its own canonical: nothing to write)
    assert set(dups.dirty("chunk", 1000)) == set(groups) - {"longest"}
    dups.conn.set_trace_callback(lambda sql: walked.append(sql) if "FROM dup_near WHERE a" in sql else None)
    _refresh(dups, removed_passages=["longest"])  # a removal walks the group again and names it anew
    dups.conn.set_trace_callback(None)
    assert len({g for g, _ in _groups(dups).values()}) == 1 and "longest" not in _groups(dups)
    walks = [sql for sql in walked if sql.startswith("SELECT b FROM dup_near WHERE a")]
    assert 0 < len(walks) <= 4  # its 50 members: the removed one's, then a level a query (one by one: 50 more)


def _recombined(n: int, seed: int) -> dict[str, str]:
    """Passages recombined from a small pool of sentences (as the bench corpora are): many share a sentence or
    two and fall into a common LSH bucket without being near-copies; a few are edited copies."""
    rng = random.Random(seed)
    pool = [" ".join(rng.choices(WORDS + [f"w{i}" for i in range(300)], k=12)) for _ in range(40)]
    texts: dict[str, str] = {}
    for i in range(n):
        if texts and rng.random() < 0.2:
            words = rng.choice(list(texts.values())).split()
            words[rng.randrange(len(words))] = f"z{i}"
            texts[f"p{i:03d}"] = " ".join(words)
        else:
            texts[f"p{i:03d}"] = " ".join(rng.sample(pool, 6))
    return texts


def test_candidates_whose_signatures_disagree_skip_the_exact_jaccard_and_the_pairs_stay_exact(monkeypatch):
    """The MinHash-agreement prefilter: most LSH candidates of recombined passages share a sentence or two
    only; their exact Jaccard is not computed, and the near-duplicate pairs are still exactly the brute force's
    (added in slices smaller than the batch, each queried against the ones before)."""
    import ingest.dedup as dedup

    monkeypatch.setattr(dedup, "ADD_SLICE", 25)
    compared = []
    real = dedup.set_jaccard
    monkeypatch.setattr(dedup, "set_jaccard", lambda a, b: compared.append(1) or real(a, b))
    candidates = []
    real_likely = dedup.likely_pairs
    monkeypatch.setattr(
        dedup, "likely_pairs", lambda p, s, least: candidates.append(len(p)) or real_likely(p, s, least)
    )
    texts = _recombined(150, seed=21)
    dups = _index()
    _refresh(dups, [Passage(i, f"d{i}", t) for i, t in texts.items()])
    brute = _brute(texts)
    assert brute and _pairs(dups) == brute
    assert len(candidates) == 6  # one query per slice of 25
    assert len(compared) < sum(candidates) / 2  # without the prefilter every candidate is compared
    once = _index()
    monkeypatch.setattr(dedup, "ADD_SLICE", 1000)
    _refresh(once, [Passage(i, f"d{i}", t) for i, t in texts.items()])
    assert _groups(once) == _groups(dups)


def test_copy_links_are_checked_again_when_a_shingle_becomes_boilerplate_and_only_then(monkeypatch):
    """Two short articles of two cities sharing the network's paragraph are copies until a third city's article
    makes it boilerplate; articles quoting it later re-check nothing (it was boilerplate already), and the
    links end as those of the same articles added at once."""
    rng = random.Random(5)

    def short(city: str) -> str:
        return f"{city}. " + " ".join(f"parola{rng.randint(0, 99999)}" for _ in range(10)) + f"\n\n{BOILERPLATE}"

    syndicated = _article("Genova", 99)
    docs = (
        [Doc(f"a-{c}", short(c), c) for c in CITIES[:3]]
        + [
            Doc("agency", syndicated, "Genova"),  # a linked pair quoting the paragraph
            Doc("outlet", "Titolo nuovo.\n\n" + syndicated, "Genova"),
        ]
        + [Doc(f"a-{c}", short(c), c) for c in CITIES[3:]]
    )
    step = _index()
    checked: list[str] = []
    original = DuplicateIndex._check_doc_edges
    monkeypatch.setattr(
        DuplicateIndex, "_check_doc_edges", lambda self, did: checked.append(did) or original(self, did)
    )
    _refresh(step, docs=docs[:2])
    assert _pairs(step, "dup_doc_near") == {("a-Milano", "a-Roma")}  # the paragraph is theirs alone: copies
    _refresh(step, docs=docs[2:3])
    assert _pairs(step, "dup_doc_near") == set() and checked  # boilerplate now: the link was checked, and went
    checked.clear()
    for doc in docs[3:]:
        _refresh(step, docs=[doc])
    assert not checked  # boilerplate before they came: no link is checked again (the agency's pair quotes it)
    once = _index()
    _refresh(once, docs=docs)
    assert _pairs(step, "dup_doc_near") == _pairs(once, "dup_doc_near") == {("agency", "outlet")}
    assert _groups(step, "dup_doc") == _groups(once, "dup_doc")


def test_documents_without_a_city_are_no_city_of_their_own_for_boilerplate():
    """A paragraph is boilerplate when articles of BOILERPLATE_CITIES cities quote it; documents with no city (a
    press review, a summary) are not one more city: adding one quoting the paragraph changes no link between the
    others (with "" counted as a city, the paragraph of two cities' articles became boilerplate and a syndicated
    pair quoting it was split)."""
    rng = random.Random(3)
    lead = " ".join(f"parola{rng.randint(0, 99999)}" for _ in range(10))
    docs = [Doc("agency", f"Genova. {lead}\n\n{BOILERPLATE}", "Genova"),
            Doc("outlet", f"Titolo nuovo.\n\n{lead}\n\n{BOILERPLATE}", "Genova"),
            Doc("roma", _article("Roma", 1), "Roma")]  # fmt: skip
    review = Doc("review", "Rassegna. " + _article("Savona", 2), None)
    without, with_review = _index(), _index()
    _refresh(without, docs=docs)
    _refresh(with_review, docs=docs + [review])
    assert ("agency", "outlet") in _pairs(without, "dup_doc_near")
    assert {p for p in _pairs(with_review, "dup_doc_near") if "review" not in p} == _pairs(without, "dup_doc_near")
    # a third city's article makes it boilerplate: the short copies then share too little of their own
    _refresh(with_review, docs=[Doc("bari", _article("Bari", 3), "Bari")])
    assert _pairs(with_review, "dup_doc_near") == set()


def test_a_page_clipping_without_blank_lines_and_its_news_in_brief_is_one_group_with_its_original():
    """A PDF clipping's text has no blank lines between paragraphs, so no block is its furniture; its news in brief
    under an "IN BREVE" heading are other stories and are left out of the comparison like a sidebar's."""
    rng = random.Random(11)
    paragraphs = [_paragraph(rng) for _ in range(5)]
    original = "Arezzo, la casa dei ragazzi\n\n" + "\n\n".join(paragraphs)
    brief = "\n".join(_headline(rng) + " " + _headline(rng) for _ in range(6))
    copy = "\n".join(["Un titolo nuovo", _paragraph(rng), *paragraphs[1:4], "IN BREVE", brief])
    dups = _index()
    _refresh(dups, docs=[Doc("agency", original, "Arezzo"), Doc("copy", copy, "Arezzo")])
    assert sorted(dups.group_sizes().values()) == [2]
    # without the heading, the same lines are running text the original lacks: no copy
    dups = _index()
    _refresh(dups, docs=[Doc("agency", original, "Arezzo"), Doc("copy", copy.replace("IN BREVE\n", ""), "Arezzo")])
    assert dups.group_sizes() == {}


def test_an_overfull_buckets_representatives_are_read_from_indexes_only():
    """An over-full bucket's members and their groups come from covering indexes, never from the rows of
    dup_passage (each holds its shingles' blob: at 100k, scattered pages of a 1.2 GB table, read again for every
    file added), and an index made before them gets them when opened."""
    import ingest.dedup as dedup

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE dup_lsh (band INTEGER, key INTEGER, id TEXT)")
    conn.execute("CREATE INDEX dup_lsh_key ON dup_lsh (band, key)")  # what an older index has
    DuplicateIndex(conn)
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"dup_lsh_bucket", "dup_passage_id_grp"} <= indexes
    assert "dup_lsh_key" not in indexes
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS dup_new (id TEXT PRIMARY KEY) WITHOUT ROWID")
    plan = " | ".join(r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + dedup.REPRESENTATIVES_SQL, (0, 0, 10, 8)))
    for index in ("dup_lsh_bucket", "dup_passage_id_grp"):
        assert f"COVERING INDEX {index}" in plan
    rows = [("a", "d1", "g1"), ("b", "d1", "g1"), ("c", "d2", "g2")]
    conn.executemany("INSERT INTO dup_passage (id, doc_id, grp) VALUES (?, ?, ?)", rows)
    conn.executemany("INSERT INTO dup_lsh VALUES (0, 7, ?)", [("a",), ("b",), ("c",)])
    conn.execute("INSERT INTO dup_new VALUES ('c')")  # a new member is no representative
    assert conn.execute(dedup.REPRESENTATIVES_SQL, (0, 7, 10, 8)).fetchall() == [("a",)]
