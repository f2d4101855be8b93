"""Practice records built from facts: one per city x intervention area x phase.

Each passage of the city's documents is read sentence by sentence; every fact (a count, a partner, an
activity, a result...) is attributed to an area by its OWN sentence, never by the passage around it. Facts
whose sentence names no area (or three or more: the programme's description) belong to the whole project in
that city (`ProjectFacts`). Copies of one article are read once (the near-duplicate groups of ingest), a
sentence found in the documents of three or more cities is the programme's boilerplate and never a fact.
"""

from __future__ import annotations

from collections import defaultdict

from knowledge import figures as fig
from knowledge import mentions, money
from knowledge.area_choice import shipped
from knowledge.doc_parts import Bucket, DocPart
from knowledge.document_reading import DocumentReading
from knowledge.merging import stated_period
from knowledge.reading import Passage, Read, copies_left, read_once
from knowledge.record_fields import project_facts, record_text, settle_figures
from knowledge.record_making import RecordMaking
from lgnet.practice import PracticeRecord, ProjectFacts

BOILERPLATE_CITIES = 3  # a sentence found in the passages of this many cities describes the programme
# A review whose articles could not be split is read too: its articles' sections give each comune its facts.
RECORD_TYPES = ("press_article", "press_review", "project_sheet", "practice_report", "report", "minutes", "other")


class RecordBuilder(DocumentReading, RecordMaking):
    """Turns the passages of one (city, phase) into its practice records and its project-level facts (the reading
    of each document: `knowledge.document_reading`; a count's area: `knowledge.count_area`; one record:
    `knowledge.record_making`; shared rules and state: `knowledge.builder_base`). With `readings`, what each passage
    says is taken from (and added to) its stored readings (`knowledge.readings`)."""

    def build(self, city: str, phase: str | None, passages: list[Passage], boilerplate: set[str]
              ) -> tuple[list[PracticeRecord], ProjectFacts]:  # fmt: skip
        """The group's records: each read document's part (`_part`, kept per document with `parts`), merged in
        the order of `read_once`, then what crosses documents."""
        self._city = city
        self._phase = phase
        self._last_area, self._said_areas, self._last_counts = {}, {}, {}
        buckets: dict[str | None, Bucket] = defaultdict(Bucket)
        periods: list[tuple[Read, mentions.Mention]] = []
        amounts: list[tuple[Read, money.AmountFact]] = []
        contacts: list[tuple[Read, mentions.ContactFact]] = []
        documents: dict[str, dict] = {}
        copies: dict[str, list[str]] = defaultdict(list)  # a document's syndication group -> its copies
        of_doc: dict[str, list[Passage]] = defaultdict(list)
        for p in passages:
            documents.setdefault(p.doc_id, p.meta)
            of_doc[p.doc_id].append(p)
            group = p.meta.get("doc_dup_group") or p.doc_id
            if p.doc_id not in copies[group]:
                copies[group].append(p.doc_id)
        self._copies = {d: copies[m.get("doc_dup_group") or d] for d, m in documents.items()}
        runs: dict[str, list[Passage]] = defaultdict(list)  # a read document's passages read, in order
        for p in read_once(passages):
            runs[p.doc_id].append(p)
        gkey = f"{city}|{phase or ''}"
        # parts are kept of the rules' and the shipped area's only (the builder's version stamps both)
        rules = self.figure_reader is fig.figures and self.area_chooser in (None, shipped())
        cache = self.parts if self.parts is not None and rules else None
        kept = cache.parts(gkey, passages) if cache else {}
        said: dict[str, set[str]] = defaultdict(set)  # the numbers each syndication group's read copy states
        rows: dict[str, list[tuple[int, int]]] = {}  # per passage, its indicator tables' rows and context sections
        tabled: list[tuple[str | None, Read, fig.FigureFact]] = []  # the counts of tables, added after the text's
        made: dict[str, tuple[list[str], DocPart]] = {}
        denials: dict[str, list[str]] = defaultdict(list)  # per document, the organisations it says are no partners
        for doc_id, run in runs.items():
            ids = [p.id for p in run]
            part = cache.usable(kept.get(doc_id), ids, boilerplate) if cache else None
            if part is None:
                part = self._part(run, of_doc[doc_id], boilerplate)
                made[doc_id] = (ids, part)
            for area, facts in part.buckets.items():
                buckets[area].extend(facts)
            periods += part.periods
            amounts += part.amounts
            contacts += part.contacts
            tabled += part.tabled
            rows.update(part.rows)
            denials[doc_id] += part.denials
            said[run[0].meta.get("doc_dup_group") or doc_id] |= part.numbers
        if cache:
            cache.put_parts(gkey, made, boilerplate)
        # A paragraph only another copy kept: its sentences with numbers the read copy never states (`_copy_part`),
        # each copy in turn (those before it may have said a number), kept per copy with the numbers said before it.
        copy_runs: dict[str, list[Passage]] = defaultdict(list)
        for p in copies_left(passages, [p for run in runs.values() for p in run]):
            copy_runs[p.doc_id].append(p)
        made = {}
        for doc_id, run in copy_runs.items():
            before = sorted(said[run[0].meta["doc_dup_group"]])
            part = cache.usable(kept.get(f"copy:{doc_id}"), before, boilerplate) if cache else None
            if part is None:
                part = self._copy_part(run, of_doc[doc_id], set(before), boilerplate)
                made[f"copy:{doc_id}"] = (before, part)
            for area, facts in part.buckets.items():
                buckets[area].extend(facts)
            contacts += part.contacts
            said[run[0].meta["doc_dup_group"]] |= part.numbers
        if cache:
            cache.put_parts(gkey, made, boilerplate)
        settle_figures(buckets, tabled, rows, periods, denials)
        project = project_facts(city, phase, buckets.get(None, Bucket()), periods, amounts, contacts)
        records = []
        for area in self.taxonomy.codes:
            bucket = buckets.get(area)
            if bucket and (bucket.figures or bucket.activities or bucket.results or bucket.partners
                           or bucket.sentences):  # fmt: skip
                stated = buckets[None].targets if None in buckets else []
                records.append(self._record(city, area, phase, bucket, project, documents, stated))
        areas = [r.area for r in records]
        for r in records:
            r.areas = areas
        project.records = [r.id for r in records]
        return records, project


__all__ = ["BOILERPLATE_CITIES", "RECORD_TYPES", "Passage", "Read", "RecordBuilder", "read_once", "record_text",
           "stated_period"]  # fmt: skip
