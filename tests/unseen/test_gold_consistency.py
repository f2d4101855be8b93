"""The unseen set is consistent with itself: every gold quote, partner, contact and query evidence is really
written in its document. This checks the material only, never the extraction or search rules."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import docx
import pypdf
import pytest
from odf import teletype
from odf.opendocument import load as load_odf
from odf.text import H, P

from ingest.readers import read_file
from lgnet.text import fold, normalize_space, strip_markdown
from lgnet.vocabulary import DOC_TYPES, PHASES

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
GOLD = json.loads((HERE / "gold.json").read_text(encoding="utf-8"))
NEW_QUERIES = REPO / "lgnet" / "data" / "relevance_set_new.jsonl"
AREAS = {"housing", "taking_charge", "civic_engagement", "community_building", "capacity_building"}
FORMS = {
    "natural_question_it",
    "typo",
    "acronym_synonym",
    "region",
    "phase",
    "english_it_term",
    "figure",
    "paraphrase",
    "keyword",
}
READABLE = {".txt", ".md", ".html", ".pdf", ".docx", ".odt", ".xlsx", ".eml"}
# Figures written in words (batch 5: "dodici famiglie", "una trentina", "two dozen"): the value the word stands for.
# fmt: off
NUMBER_WORDS = {
    "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "undici": 11, "dodici": 12, "quindici": 15, "diciotto": 18, "venti": 20, "ventina": 20, "trenta": 30,
    "trentina": 30,
    "quaranta": 40, "quarantina": 40, "cinquanta": 50, "cinquantina": 50, "cento": 100, "centinaio": 100,
    "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "nine": 9, "dozen": 12, "sixteen": 16, "twenty": 20,
    "thirty": 30,
}
# fmt: on


def norm(text: str) -> str:
    # Same normalisation as retrieval/evaluation.py's `_norm`, so evidence found here is found there.
    return normalize_space(fold(strip_markdown(text)).replace("’", "'"))


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag) -> None:
        if tag in ("script", "style"):
            self._skip -= 1
        elif tag in ("p", "h1", "h2", "h3", "li", "title", "header", "footer"):
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def document_text(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(path).pages)
    if suffix == ".docx":
        document = docx.Document(str(path))
        cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
        return "\n".join([p.text for p in document.paragraphs] + cells)
    if suffix == ".odt":
        body = load_odf(str(path)).text
        return "\n".join(teletype.extractText(e) for e in body.getElementsByType(H) + body.getElementsByType(P))
    if suffix in (".xlsx", ".eml"):
        # Batch 9: a spreadsheet's rows ("Header: value; ...") and an e-mail with its attachments, as the
        # readers give them to the index (evidence and quotes must be in what is indexed).
        raw = read_file(path, 50 * 1024 * 1024)
        return "\n\n".join([raw.text] + [a.text for a in raw.attachments])
    if suffix == ".html":
        parser = _Text()
        parser.feed(path.read_text(encoding="utf-8"))
        return "".join(parser.parts)
    return path.read_text(encoding="utf-8")


def _strings_of(entry: dict) -> list[tuple[str, str]]:
    """Every (what, string) of a document's gold that must be written in its text."""
    out: list[tuple[str, str]] = []
    for record in entry["records"]:
        for figure in record["figures"]:
            out.append(("figure quote", figure["quote"]))
        out += [("partner", p) for p in record["partners"]]
        out += [("target group", t) for t in record["target_groups"]]
        out += [("contact e-mail", c["email"]) for c in record["contacts"] if c.get("email")]
        if record["period"] and record["period"].get("quote"):
            out.append(("period quote", record["period"]["quote"]))
        for key in ("quote_total", "quote_cofinancing"):
            if record["budget"] and record["budget"].get(key):
                out.append(("budget quote", record["budget"][key]))
    out += [("not_figure quote", n["quote"]) for n in entry.get("not_figures", [])]
    return out


@pytest.mark.parametrize("entry", GOLD["documents"], ids=lambda e: e["file"])
def test_gold_strings_are_in_the_document(entry: dict) -> None:
    path = HERE / entry["file"]
    assert path.is_file(), f"{entry['file']} is in gold.json but not on disk"
    body = norm(document_text(path))
    assert len(body.split()) >= 300, f"{entry['file']}: fewer than 300 words"
    missing = [f"{what}: {s!r}" for what, s in _strings_of(entry) if norm(s) not in body]
    assert not missing, f"{entry['file']}: not found in the text:\n" + "\n".join(missing)


@pytest.mark.parametrize("entry", GOLD["documents"], ids=lambda e: e["file"])
def test_gold_fields_are_well_formed(entry: dict) -> None:
    assert entry["doc_type"] in DOC_TYPES
    assert entry["phase"] is None or entry["phase"] in PHASES
    assert entry["language"] in ("it", "en")
    # batches 2-23: written on 2026-11-24, 2026-12-04 (3, 4), 2026-12-05 (5-8), 2026-12-06 (9-14), 2026-12-07 (15-22),
    # 2026-12-08 (23)
    assert entry.get("batch", 1) in (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23)
    if entry.get("source"):
        assert (HERE / entry["source"]).is_file(), f"missing source text {entry['source']}"
    keys = set()
    for record in entry["records"]:
        key = (record["city"], record["area"], record["phase"])
        assert key not in keys, f"{entry['file']}: two records for {key}"
        keys.add(key)
        # A press review about several comuni is about none: each article's records are its city's.
        review = entry["doc_type"] == "press_review" and entry["city"] is None
        assert record["city"] in entry["mentioned_cities"] if review else record["city"] == entry["city"]
        assert record["area"] in AREAS
        for figure in record["figures"]:
            assert figure["area"] == record["area"]
            assert figure["label"] and figure["unit"]
            # The value is written in its own quote (Italian thousands separators removed), or in words.
            digits = re.sub(r"(?<=\d)[.,](?=\d{3}\b)", "", figure["quote"])
            words = {NUMBER_WORDS.get(w) for w in re.findall(r"\w+", fold(figure["quote"]))}
            in_digits = re.search(rf"(?<![\d]){int(figure['value'])}(?![\d])", digits)
            assert in_digits or int(figure["value"]) in words, figure


def test_every_document_on_disk_has_gold_and_formats_are_covered() -> None:
    on_disk = {p.name for p in (HERE / "documents").iterdir() if p.suffix in READABLE}
    in_gold = {Path(e["file"]).name for e in GOLD["documents"]}
    assert on_disk == in_gold
    assert {Path(n).suffix for n in in_gold} == READABLE
    groups = [e["syndication_group"] for e in GOLD["documents"] if e["syndication_group"]]
    assert groups and all(groups.count(g) >= 2 for g in groups)


def _searchable_texts() -> list[str]:
    files = [p for p in (REPO / "corpus").rglob("*") if p.suffix in READABLE]
    files += [p for p in (HERE / "documents").iterdir() if p.suffix in READABLE]
    return [norm(document_text(p)) for p in files]


def test_new_relevance_queries_are_well_formed_and_their_evidence_exists() -> None:
    rows = [json.loads(line) for line in NEW_QUERIES.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 60
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"n\d{3,4}", i) for i in ids)
    texts = _searchable_texts()
    missing = []
    for row in rows:
        assert set(row) >= {"id", "query", "lang", "city", "evidence", "kind", "note", "form", "source"}, row["id"]
        assert row["form"] in FORMS and row["lang"] in ("it", "en") and row["source"] in ("unseen", "corpus")
        assert row.get("batch", 1) in range(1, 24), row["id"]  # batches 1-23
        assert row["evidence"], row["id"]
        missing += [f"{row['id']}: {e!r}" for e in row["evidence"] if not any(norm(e) in t for t in texts)]
    assert not missing, "evidence not found in corpus/ or tests/unseen/documents/:\n" + "\n".join(missing)
