"""Practice records built from facts: one per city x intervention area x phase.

Each passage of the city's documents is read sentence by sentence; every fact (a count, a partner, an
activity, a result...) is attributed to an area by its OWN sentence, never by the passage around it. Facts
whose sentence names no area (or three or more: the programme's description) belong to the whole project in
that city (`ProjectFacts`). Copies of one article are read once (the near-duplicate groups of ingest), a
sentence found in the documents of three or more cities is the programme's boilerplate and never a fact.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from knowledge import figures as fig
from knowledge import mentions, money, partners
from knowledge.attribution import figure_area
from knowledge.mentions import TARGET_LABELS
from knowledge.merging import (
    budget_of,
    citation,
    contacts_of,
    merge_figures,
    merge_partners,
    stated_period,
    unique_sourced,
)
from knowledge.reading import Passage, Read, copies_left, numbers, read_once
from knowledge.sections import Sections, sections
from knowledge.sentences import Sentence, clean, key, readable, sentences
from knowledge.tables import table_sentences
from knowledge.timeframe import results_only, target
from lgnet.gazetteer import Gazetteer
from lgnet.practice import Partner, PracticeRecord, ProjectFacts, Source, Sourced, Target
from lgnet.taxonomy import Taxonomy
from lgnet.text import fold

_TARGET_WORD = re.compile(r"\b(?:obiettiv[oi]|target)\b", re.I)
SUMMARY_SENTENCES = 3
MAX_ACTIVITIES = 8
BOILERPLATE_CITIES = 3  # a sentence found in the passages of this many cities describes the programme
RECORD_TYPES = ("press_article", "project_sheet", "practice_report", "report", "minutes", "other")
# Which documents speak best for a record's summary: a city's own sheet or report before a press copy.
TYPE_RANK = {"practice_report": 0, "project_sheet": 1, "report": 2, "minutes": 3, "press_article": 4, "other": 5}


def _as_target(f: fig.FigureFact) -> fig.FigureFact:
    return f if "obiettiv" in f.label else replace(f, label=f"{f.label} (obiettivo)")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def practice_id(city: str, area: str, phase: str | None) -> str:
    return f"{slug(city)}-{slug(area)}-{slug(phase or 'nd')}"


def project_id(city: str, phase: str | None) -> str:
    return f"{slug(city)}-{slug(phase or 'nd')}"


@dataclass
class _Bucket:
    """The facts of one area (or of the whole project when `area` is None)."""

    sentences: list[Read] = field(default_factory=list)
    figures: list[tuple[Read, fig.FigureFact]] = field(default_factory=list)
    partners: list[tuple[Read | None, Partner]] = field(default_factory=list)
    activities: list[tuple[Read, str]] = field(default_factory=list)
    targets: list[tuple[Read, mentions.Mention]] = field(default_factory=list)
    results: list[Read] = field(default_factory=list)
    transferability: list[Read] = field(default_factory=list)

    def weight(self) -> int:
        facts = len(self.figures) + len(self.partners) + len(self.activities) + len(self.results)
        return facts * 2 + len(self.sentences)


class RecordBuilder:
    """Turns the passages of one (city, phase) into its practice records and its project-level facts."""

    def __init__(self, taxonomy: Taxonomy | None = None, gazetteer: Gazetteer | None = None,
                 figure_reader: Callable[[str], list[fig.FigureFact]] | None = None) -> None:  # fmt: skip
        self.taxonomy = taxonomy or Taxonomy.default()
        self.figure_reader = figure_reader or fig.figures  # the counts of a sentence (the rules by default)
        self.gazetteer = gazetteer or Gazetteer.default()
        self._sections = Sections({}, {})
        self._copies: dict[str, list[str]] = {}
        self._city: str | None = None
        self._last_area: dict[str, tuple[int, str]] = {}  # per passage, where its last count with an area was
        self._counts: list[tuple[int, int]] = []  # the spans of the counts of the sentence being read

    # --- reading -----------------------------------------------------------------------------------------
    def _areas(self, body: str) -> list[str]:
        areas = self.taxonomy.classify(body)
        return areas if len(areas) < 3 else []

    def _figure_area(self, read: Read, f: fig.FigureFact) -> str | None:
        """The area its own sentence gives a count (`knowledge.attribution`), else the sentence's only area, else
        the area of the count before it for a bare count or a target, else its section's."""
        decided, area = figure_area(read.body, f, self.taxonomy, self._counts)
        if decided:
            return area
        if len(read.areas) == 1:
            return read.areas[0]
        # "Per 27 di loro il percorso si è concluso...": a count without its noun goes on with the people the
        # sentence before counted, in their area.
        previous = self._last_area.get(read.passage.id)
        # A target stated after a result ("The target set in 2022 was 900 people") is that result's area.
        bare = re.fullmatch(r"[\d.,]+", f.text) or _TARGET_WORD.search(read.body)
        if bare and previous and previous[0] < read.sentence.start:
            return previous[1]
        # The sentence names no area: its section's heading, else the document's one dominant area.
        return self._sections.area(read.passage.id, read.passage.doc_id, read.sentence.start)

    def build(self, city: str, phase: str | None, passages: list[Passage], boilerplate: set[str]
              ) -> tuple[list[PracticeRecord], ProjectFacts]:  # fmt: skip
        self._city = city
        self._last_area = {}
        buckets: dict[str | None, _Bucket] = defaultdict(_Bucket)
        periods: list[tuple[Read, mentions.Mention]] = []
        amounts: list[tuple[Read, money.AmountFact]] = []
        contacts: list[tuple[Read, mentions.ContactFact]] = []
        documents: dict[str, dict] = {}
        seen: set[tuple[str, str]] = set()
        copies: dict[str, list[str]] = defaultdict(list)  # a document's syndication group -> its copies
        for p in passages:
            documents.setdefault(p.doc_id, p.meta)
            group = p.meta.get("doc_dup_group") or p.doc_id
            if p.doc_id not in copies[group]:
                copies[group].append(p.doc_id)
        self._copies = {d: copies[m.get("doc_dup_group") or d] for d, m in documents.items()}
        self._sections = sections(passages, self.taxonomy.classify, self._areas, self.taxonomy.matches)
        kept = read_once(passages)
        said: dict[str, set[str]] = defaultdict(set)  # the numbers each syndication group's read copy states
        for p in kept:
            said[p.meta.get("doc_dup_group") or p.doc_id] |= numbers(p.text)
        for p in kept:
            documents.setdefault(p.doc_id, p.meta)
            for part in partners.partnership(p.text) + partners.attendees(p.text, city):
                buckets[None].partners.append((None, Partner(
                    name=part.name, role=part.role,
                    source=Source(chunk_id=p.id, doc_id=p.doc_id, start=part.start, end=part.end, quote=part.sentence),
                )))  # fmt: skip
            for s in sentences(p.text, p.meta.get("header_end", 0)):
                body = clean(s.text)
                k = key(body)
                if (p.doc_id, k) in seen:
                    continue  # the sentence two consecutive passages share
                seen.add((p.doc_id, k))
                read = Read(p, s, body, self._areas(body))
                self._read_sentence(read, buckets, k in boilerplate)
                if k in boilerplate:
                    continue
                periods += [(read, m) for m in mentions.periods(body)]
                amounts += [(read, a) for a in money.amounts(body)]
                if c := mentions.contact(body):
                    contacts.append((read, c))
            # The dates of a table ("Data di inizio | 01/04/2025"), a sentence per row. Its counts are not read:
            # on documents the rules had not seen they restated the text's counts in other areas more often than
            # they added one (measured on the unseen batch's totals).
            for row in table_sentences(p.text):
                read = Read(p, Sentence(row.text, row.start, row.end), row.text, [])
                periods += [(read, m) for m in mentions.periods(row.text)]
        # A paragraph only another copy kept: its sentences with numbers the read copy never states.
        for p in copies_left(passages, kept):
            for s in sentences(p.text, p.meta.get("header_end", 0)):
                body = clean(s.text)
                k = key(body)
                found = numbers(body)
                if k in boilerplate or not found or found & said[p.meta["doc_dup_group"]]:
                    continue
                said[p.meta["doc_dup_group"]] |= found
                self._read_sentence(Read(p, s, body, self._areas(body)), buckets, False)
        # Results only: counts dated before the project's stated start, and targets beside results, are not.
        start = stated_period(periods).start
        for b in buckets.values():
            b.figures = results_only(b.figures, lambda i: i[0].body, lambda i: i[0].passage.doc_id, start,
                                     lambda i: (i[1].start, i[1].end))  # fmt: skip
            # a stated target says so in its label ("persone prese in carico (obiettivo)")
            b.figures = [(r, _as_target(f) if target(r.body, (f.start, f.end)) else f) for r, f in b.figures]
        stated = {(f.value, f.unit) for area, b in buckets.items() if area for _, f in b.figures}
        if None in buckets:  # the same count said without its area elsewhere is the same fact
            buckets[None].figures = [(r, f) for r, f in buckets[None].figures if (f.value, f.unit) not in stated]
        project = self._project(city, phase, buckets.get(None, _Bucket()), periods, amounts, contacts, documents)
        records = []
        for area in self.taxonomy.codes:
            bucket = buckets.get(area)
            if bucket and (bucket.figures or bucket.activities or bucket.results or bucket.partners
                           or bucket.sentences):  # fmt: skip
                records.append(self._record(city, area, phase, bucket, project, documents))
        areas = [r.area for r in records]
        for r in records:
            r.areas = areas
        project.records = [r.id for r in records]
        return records, project

    def _read_sentence(self, read: Read, buckets: dict, boilerplate: bool) -> None:
        body = read.body
        found = partners.partners(body, self._city, named_orgs=not boilerplate)
        if found:
            # The area of a list of partners is what the sentence says apart from their names ("Segretariato
            # sociale" is an organisation there, not the area).
            rest = body
            for item in found:
                rest = rest.replace(item.name, " ")
            areas: list[str | None] = list(self._areas(rest)) or [None]
            for item in found:
                for area in areas:
                    buckets[area].partners.append((read, Partner(name=item.name, source=read.source())))
        if boilerplate:
            return
        for area in read.areas:
            buckets[area].sentences.append(read)
        counts = self.figure_reader(body)
        self._counts = [(f.start, f.end) for f in counts]
        for f in counts:
            area = self._figure_area(read, f)
            buckets[area].figures.append((read, f))
            if area:
                self._last_area[read.passage.id] = (read.sentence.start, area)
        for a in money.amounts(body):
            if a.kind == "unit" and money.average(body, a):  # "un contributo medio di 900 euro": what each got
                f = fig.FigureFact(a.value, "euro", a.label, a.text, a.start, a.end)
                buckets[self._figure_area(read, f)].figures.append((read, f))
        act = mentions.activity(body)
        read_areas: list[str | None] = list(read.areas) or [None]
        for area in read_areas:
            if act:
                buckets[area].activities.append((read, act.text))
            if mentions.result(body):
                buckets[area].results.append(read)
            if mentions.transferability(body):
                buckets[area].transferability.append(read)
            if area is not None:
                buckets[area].targets += [(read, m) for m in mentions.target_groups(body)]

    # --- one record ----------------------------------------------------------------------------------------
    def _record(self, city: str, area: str, phase: str | None, b: _Bucket, project: ProjectFacts,
                documents: dict[str, dict]) -> PracticeRecord:  # fmt: skip
        label = self.taxonomy.by_code[area]
        summary = self._summary(area, b)
        used = [s.source for s in summary if s.source] + [f.source for f in merge_figures(b.figures, area) if f.source]
        used += [p.source for p in merge_partners(b.partners) if p.source]
        doc_ids = list(dict.fromkeys(s.doc_id for s in used if s.doc_id))
        doc_ids += [r.passage.doc_id for r in b.sentences if r.passage.doc_id not in doc_ids]
        # The copies of each article read are cited too (as copies: the site groups them, "anche in ...").
        doc_ids = list(dict.fromkeys(c for d in doc_ids for c in [d, *self._copies.get(d, [])]))
        city_en = self.gazetteer.by_name[city].name_en if city in self.gazetteer.by_name else city
        suffix = f" ({phase})" if phase else ""
        targets: dict[str, Target] = {}
        for read, m in b.targets:
            if m.code not in targets:
                it, en = TARGET_LABELS[m.code]
                targets[m.code] = Target(code=m.code, label_it=it, label_en=en, text=m.text, source=read.source())
        record = PracticeRecord(
            id=practice_id(city, area, phase),
            title=f"{label.label_it} a {city}{suffix}",
            title_en=f"{label.label_en} in {city_en}{suffix}",
            city=city,
            area=area,
            area_label_it=label.label_it,
            area_label_en=label.label_en,
            phase=phase,
            summary=summary,
            activities=unique_sourced(b.activities, MAX_ACTIVITIES),
            target_groups=list(targets.values()),
            figures=merge_figures(b.figures, area),
            partners=merge_partners(b.partners),
            period=project.period,
            budget=project.budget,
            contacts=project.contacts,
            results=unique_sourced([(r, r.body) for r in b.results], 5),
            transferability=unique_sourced([(r, r.body) for r in b.transferability], 3),
            sources=[citation(d, documents[d]) for d in doc_ids if d in documents],
            passages=list(dict.fromkeys(r.passage.id for r in b.sentences)),
        )
        record.text = record_text(record)
        return record

    def _summary(self, area: str, b: _Bucket) -> list[Sourced]:
        """Whole, readable sentences from the best source: the document saying most about the area (a city's
        sheet or report before a press article), then the next ones if it has too few."""
        per_doc: dict[str, list[Read]] = defaultdict(list)
        for r in b.sentences:
            per_doc[r.passage.doc_id].append(r)
        facts: dict[str, int] = defaultdict(int)
        for r, _ in b.figures + b.activities:
            facts[r.passage.doc_id] += 1

        def rank(doc_id: str) -> tuple:
            meta = per_doc[doc_id][0].passage.meta
            return (-(facts[doc_id] * 2 + len(per_doc[doc_id])), TYPE_RANK.get(str(meta.get("doc_type")), 9), doc_id)

        chosen: list[Read] = []
        for doc_id in sorted(per_doc, key=rank):
            candidates = [r for r in per_doc[doc_id] if readable(r.body) and not r.body.startswith(("«", '"', "“"))]
            scored = sorted(candidates, key=lambda r: -self._sentence_score(area, r))
            for r in scored[: SUMMARY_SENTENCES - len(chosen)]:
                chosen.append(r)
            if len(chosen) >= SUMMARY_SENTENCES or len(chosen) >= 2:
                break
        order = {id(r): i for i, r in enumerate(b.sentences)}
        chosen.sort(key=lambda r: order[id(r)])
        return [Sourced(text=r.body, source=r.source()) for r in chosen]

    def _sentence_score(self, area: str, r: Read) -> float:
        counts = self.taxonomy.counts(r.body)
        score = 2.0 * counts.get(area, 0) + 1.5 * bool(fig.figures(r.body)) + 1.0 * bool(mentions.activity(r.body))
        return score - 0.5 * (len(r.areas) > 1) - 1.0 * (len(r.body) > 350)

    # --- the whole project in the city ---------------------------------------------------------------------
    def _project(self, city: str, phase: str | None, b: _Bucket, periods: list, amounts: list, contacts: list,
                 documents: dict) -> ProjectFacts:  # fmt: skip
        return ProjectFacts(
            id=project_id(city, phase),
            city=city,
            phase=phase,
            figures=merge_figures(b.figures),
            partners=merge_partners(b.partners),
            activities=unique_sourced(b.activities, MAX_ACTIVITIES),
            results=unique_sourced([(r, r.body) for r in b.results], 5),
            transferability=unique_sourced([(r, r.body) for r in b.transferability], 3),
            period=stated_period(periods),
            budget=budget_of(amounts),
            contacts=contacts_of(contacts),
        )


def record_text(record: PracticeRecord) -> str:
    """What lexical search reads of a record."""
    parts = [record.title, record.title_en, record.city, record.area_label_it, record.area_label_en]
    parts += [s.text for s in record.summary] + [a.text for a in record.activities]
    parts += [p.name for p in record.partners] + [t.label_it for t in record.target_groups]
    parts += [f"{f.value} {f.unit_label_it} {f.label}" for f in record.figures]
    return "\n".join(parts)


__all__ = ["BOILERPLATE_CITIES", "RECORD_TYPES", "Passage", "Read", "RecordBuilder", "read_once", "record_text",
           "stated_period"]  # fmt: skip
