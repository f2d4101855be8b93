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
from dataclasses import dataclass
from typing import Literal

from knowledge import figures as fig
from knowledge import mentions, money, partners
from knowledge.area_choice import context, shipped
from knowledge.area_model import AreaChooser, document_areas
from knowledge.attribution import ATTENDANCE_NOUNS, attended, figure_area, hosted
from knowledge.context import context_spans
from knowledge.doc_parts import Bucket, DocPart, DocParts
from knowledge.elsewhere import about_elsewhere, other_comune_clauses, other_phase_clauses, other_places
from knowledge.mentions import TARGET_LABELS
from knowledge.merging import (
    citation,
    merge_figures,
    merge_partners,
    stated_period,
    unique_sourced,
)
from knowledge.partner_denials import denied_clauses
from knowledge.reading import Passage, Read, copies_left, foreign_spans, numbers, read_once, running_spans
from knowledge.readings import NO_MEMO, Memo, Readings
from knowledge.record_fields import MAX_ACTIVITIES, as_target, practice_id, project_facts, record_text, settle_figures
from knowledge.sections import Outline, Sections, outline, sections
from knowledge.sentences import Sentence, clean, key, readable, sentences
from knowledge.table_counts import TableCount, indicator_rows, table_counts
from knowledge.tables import table_sentences
from lgnet.gazetteer import Gazetteer
from lgnet.practice import Partner, PracticeRecord, ProjectFacts, Source, Sourced, Target
from lgnet.taxonomy import Taxonomy

_TARGET_WORD = re.compile(r"\b(?:obiettiv[oi]|target)\b", re.I)
_OF_THOSE = re.compile(r"\bne\s+(?:(?:sono|è|ha|hanno|abbiamo)\s+)?(?:stat[ie]\s+)?[a-zà-ù]+\s+(?:\w+\s+){0,2}$", re.I)
SUMMARY_SENTENCES = 3
BOILERPLATE_CITIES = 3  # a sentence found in the passages of this many cities describes the programme
# A review whose articles could not be split is read too: its articles' sections give each comune its facts.
RECORD_TYPES = ("press_article", "press_review", "project_sheet", "practice_report", "report", "minutes", "other")
# Which documents speak best for a record's summary: a city's own sheet or report before a press copy.
TYPE_RANK = {"practice_report": 0, "project_sheet": 1, "report": 2, "minutes": 3, "press_article": 4, "press_review": 4,
             "other": 5}


@dataclass(frozen=True)
class _Said:
    """What the rules find in one sentence that is not the programme's boilerplate (kept per passage)."""

    figures: list[fig.FigureFact]
    decided: list[tuple[bool, str | None]]  # per count, what its own sentence says of its area
    averages: list[tuple[fig.FigureFact, tuple[bool, str | None]]]  # unit amounts stated as averages, as counts
    amounts: list[money.AmountFact]
    activity: mentions.Mention | None
    result: bool
    transferability: bool
    targets: list[mentions.Mention]  # only for a sentence naming an area
    periods: list[mentions.Mention]
    contact: mentions.ContactFact | None


class RecordBuilder:
    """Turns the passages of one (city, phase) into its practice records and its project-level facts. With
    `readings`, what each passage says is taken from (and added to) its stored readings (`knowledge.readings`)."""

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        gazetteer: Gazetteer | None = None,
        figure_reader: Callable[[str], list[fig.FigureFact]] | None = None,
        readings: Readings | None = None,
        area_chooser: AreaChooser | None | Literal["shipped"] = "shipped",
    ) -> None:
        self.taxonomy = taxonomy or Taxonomy.default()
        self.figure_reader = figure_reader or fig.figures  # the counts of a sentence (the rules by default)
        self.gazetteer = gazetteer or Gazetteer.default()
        self.readings = readings
        self.parts: DocParts | None = None  # during a refresh: each document's part, kept (`knowledge.doc_parts`)
        # a count's area after the rules' (`knowledge.area_choice`; None: the rules')
        self.area_chooser = shipped() if area_chooser == "shipped" else area_chooser
        self._doc_areas: dict[str, dict[str, int]] = {}  # per document, its lines naming one area, per area
        self._sections = Sections({}, {})
        self._copies: dict[str, list[str]] = {}
        self._city: str | None = None
        self._phase: str | None = None
        self._last_area: dict[str, tuple[int, str]] = {}  # per passage, where its last count with an area was
        self._said_areas: dict[str, list[str]] = {}  # per passage, the areas its last sentence read names

    # --- reading -----------------------------------------------------------------------------------------
    def memo(self, p: Passage) -> Memo:
        """The passage's stored readings (none kept for another figure reader than the rules')."""
        if self.readings is None or self.figure_reader is not fig.figures:
            return NO_MEMO
        return self.readings.of(p)

    def _areas(self, body: str) -> list[str]:
        areas = self.taxonomy.classify(body)
        return areas if len(areas) < 3 else []

    def sentence_of(self, text: str) -> tuple[str, str, list[str], set[str]]:
        """A sentence as read: its clean text, its key, the areas it names itself, its numbers."""
        body = clean(text)
        return body, key(body), self._areas(body), numbers(body)

    def _said(self, body: str) -> _Said:
        """Every per-sentence rule of a sentence that is not boilerplate, at once."""
        counts = self.figure_reader(body)
        spans = [(f.start, f.end) for f in counts]
        found = money.amounts(body)
        averages = []
        for a in found:
            if a.kind == "unit" and money.average(body, a):  # "un contributo medio di 900 euro": what each got
                f = fig.FigureFact(a.value, "euro", a.label, a.text, a.start, a.end)
                averages.append((f, figure_area(body, f, self.taxonomy, spans)))
        return _Said(
            figures=counts,
            decided=[figure_area(body, f, self.taxonomy, spans) for f in counts],
            averages=averages,
            amounts=found,
            activity=mentions.activity(body),
            result=mentions.result(body),
            transferability=mentions.transferability(body),
            targets=mentions.target_groups(body) if self._areas(body) else [],
            periods=mentions.periods(body),
            contact=mentions.contact(body),
        )

    def _table_counts(self, text: str) -> list[TableCount]:
        return table_counts(text, self.figure_reader, self.taxonomy, self._areas)

    def _elsewhere(self, body: str, city: str | None, phase: str | None = None) -> list[tuple[int, int]]:
        """The parts of a sentence about another comune, a city abroad or an earlier phase."""
        return other_comune_clauses(body, city, self.gazetteer) + other_places(body) + other_phase_clauses(body, phase)

    def _tables(self, text: str) -> list[tuple[Sentence, list[mentions.Mention]]]:
        return [(Sentence(row.text, row.start, row.end), mentions.periods(row.text)) for row in table_sentences(text)]

    def _outline_of(self, text: str) -> Outline:
        return outline(text, self.taxonomy.classify, self._areas)

    def _outline(self, p: Passage) -> Outline:
        return self.memo(p)("outline", self._outline_of, p.text)

    def _figure_area(self, read: Read, f: fig.FigureFact, decision: tuple[bool, str | None]) -> str | None:
        """The rules' area of a count (`_rules_area`), or the area chooser's (`knowledge.area_choice`)."""
        return self._chosen(read.passage, read.sentence.start, read.body, f, *self._rules_area(read, f, decision))

    def _chosen(self, p: Passage, start: int, body: str, f: fig.FigureFact, area: str | None, why: str) -> str | None:
        if self.area_chooser is None:
            return area
        return self.area_chooser(context(p.id, p.doc_id, start, body, f, area, why, self._sections, self._doc_areas,
                                         self._city, self._phase))  # fmt: skip

    def _rules_area(self, read: Read, f: fig.FigureFact, decision: tuple[bool, str | None]) -> tuple[str | None, str]:
        """(area, why): the area its own sentence gives a count (`decision`: `knowledge.attribution`), else the
        sentence's only area, else the area of the count before it for a bare count or a target, else its
        section's."""
        decided, area = decision
        if decided:
            return area, "own"
        if len(read.areas) == 1:
            return read.areas[0], "sentence"
        # "Per 27 di loro il percorso si è concluso...": a count without its noun goes on with the people the
        # sentence before counted, in their area.
        previous = self._last_area.get(read.passage.id)
        # A target stated after a result ("The target set in 2022 was 900 people") is that result's area.
        section = self._sections.area(read.passage.id, read.passage.doc_id, read.sentence.start)
        bare = re.fullmatch(r"[\d.,]+", f.text)
        # ... but a target with its own noun under a heading of another area is that section's
        same_section = not section or self._sections.area(read.passage.id, read.passage.doc_id, previous[0]
                                                          if previous else 0) == section  # fmt: skip
        goes_on = bare or (_TARGET_WORD.search(read.body) and same_section)
        if previous and previous[0] < read.sentence.start and goes_on:
            return previous[1], "previous"
        before = self._said_areas.get(read.passage.id, [])
        if len(before) == 1 and _OF_THOSE.search(read.body[: f.start]):
            # "... ospitano 10 ragazzi. Da gennaio ne sono passati 9": "ne" names what it just said
            return before[0], "previous"
        # The sentence names no area: its section's heading, else the document's one dominant area, else the
        # place to stay given to the persons it counts ("le persone accolte in paese sono 23").
        if section is None and attended(read.body, f.unit) and (f.unit in ATTENDANCE_NOUNS
                                                                 or not hosted(read.body, f.unit)):  # fmt: skip
            return "community_building", "attended"  # "a cui hanno partecipato più di 150 persone": an event's public
        if section is None and hosted(read.body, f.unit):
            return "housing", "hosted"
        return section, "section" if section else "none"

    def build(self, city: str, phase: str | None, passages: list[Passage], boilerplate: set[str]
              ) -> tuple[list[PracticeRecord], ProjectFacts]:  # fmt: skip
        """The group's records: each read document's part (`_part`, kept per document with `parts`), merged in
        the order of `read_once`, then what crosses documents."""
        self._city = city
        self._phase = phase
        self._last_area, self._said_areas = {}, {}
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
        # parts are kept of the rules' and the shipped area's only (BUILDER_VERSION stamps both)
        rules = self.figure_reader is fig.figures and self.area_chooser in (None, shipped())
        cache = self.parts if self.parts is not None and rules else None
        kept = cache.parts(gkey) if cache else {}
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
                records.append(self._record(city, area, phase, bucket, project, documents))
        areas = [r.area for r in records]
        for r in records:
            r.areas = areas
        project.records = [r.id for r in records]
        return records, project

    def _document(self, passages: list[Passage]) -> None:
        """The sections of one document (and its lines' areas for the area chooser) from its passages in the group:
        what the reading of its sentences asks of it."""
        self._sections = sections(passages, self._outline, self.taxonomy.matches)
        if self.area_chooser is not None:
            self._doc_areas = document_areas(passages, lambda p: self._outline(p).single)

    def _part(self, run: list[Passage], passages: list[Passage], boilerplate: set[str]) -> DocPart:
        """What one document's passages read once (`run`) give the group, its sections found in all of its
        `passages` in the group."""
        city = self._city or ""
        out = DocPart()
        buckets = out.buckets
        self._document(passages)
        seen: set[str] = set()
        for p in run:
            memo = self.memo(p)
            out.numbers |= memo("numbers", numbers, p.text)
            out.denials += memo("denials", denied_clauses, p.text)
            elsewhere = foreign_spans(p, city, self.gazetteer)
            parts = memo("partnership", partners.partnership, p.text) + memo("attendees", partners.attendees, p.text,
                                                                               city)  # fmt: skip
            for part in parts:
                if any(a <= part.start < b for a, b in elsewhere):
                    continue
                buckets[None].partners.append((None, Partner(
                    name=part.name, role=part.role,
                    source=Source(chunk_id=p.id, doc_id=p.doc_id, start=part.start, end=part.end, quote=part.sentence),
                )))  # fmt: skip
            for s in memo("sentences", sentences, p.text, p.meta.get("header_end", 0)):
                if any(a <= s.start < b for a, b in elsewhere):
                    continue  # another comune's article or short news: none of its facts are this city's
                body, k, areas, _ = memo("sentence", self.sentence_of, s.text)
                if k in seen:
                    continue  # the sentence two consecutive passages share
                seen.add(k)
                out.tested.add(k)
                read = Read(p, s, body, areas)
                issuer = not p.meta.get("char_start") and s.start == 0 and partners.masthead(body)
                self._read_sentence(read, buckets, k in boilerplate, memo, issuer)
                if k in boilerplate:
                    continue
                facts = memo("said", self._said, body)
                out.periods += [(read, m) for m in facts.periods]
                out.amounts += [(read, a) for a in facts.amounts]
                if c := facts.contact:
                    out.contacts.append((read, c))
            # The dates of a table ("Data di inizio | 01/04/2025"), a sentence per row. Its counts are not read:
            # on documents the rules had not seen they restated the text's counts in other areas more often than
            # they added one (measured on the unseen batch's totals).
            for row, found_periods in memo("tables", self._tables, p.text):
                if any(a <= row.start < b for a, b in elsewhere):
                    continue
                read = Read(p, row, row.text, [])
                out.periods += [(read, m) for m in found_periods]
            # Its counts in a column of results or targets, in the area of the row, else of the row before for a
            # part of it ("di cui donne"), else of the table's section.
            row_area: str | None = None
            for row, body, f, decided, is_target in memo("table_counts", self._table_counts, p.text):
                if any(a <= row.start < b for a, b in elsewhere):
                    continue
                of_row = body.startswith("di cui")
                area = decided or (row_area if of_row else None) or self._sections.area(p.id, p.doc_id, row.start)
                area = self._chosen(p, row.start, body, f, area, "table")
                row_area = area if not of_row else row_area
                out.tabled.append((area, Read(p, row, body, []), as_target(f) if is_target else f))
            out.rows[p.id] = memo("indicator_rows", indicator_rows, p.text) + memo("context", context_spans, p.text)
        return out

    def _copy_part(self, run: list[Passage], passages: list[Passage], said: set[str], boilerplate: set[str]
                   ) -> DocPart:  # fmt: skip
        """What a syndicated copy that is not read gives: the sentences of its running text (an outlet's sidebar
        headlines are not the article's, "Alba, la fiera chiude con 200.000 visitatori") with numbers its group's
        copies read before it never `said`; its `numbers`: those it said."""
        out = DocPart()
        self._document(passages)
        said = set(said)
        for p in run:
            memo = self.memo(p)
            elsewhere = foreign_spans(p, self._city or "", self.gazetteer)
            running = memo("running", running_spans, p.text)
            for s in memo("sentences", sentences, p.text, p.meta.get("header_end", 0)):
                if any(a <= s.start < b for a, b in elsewhere) or not any(a <= s.start < b for a, b in running):
                    continue
                body, k, areas, found = memo("sentence", self.sentence_of, s.text)
                out.tested.add(k)
                if k in boilerplate or not found or found & said:
                    continue
                said |= found
                out.numbers |= found
                self._read_sentence(Read(p, s, body, areas), out.buckets, False, memo)
        return out

    def _read_sentence(self, read: Read, buckets: dict, boilerplate: bool, memo: Memo, issuer: bool = False) -> None:
        body = read.body
        # the document's masthead names who issued it, not a partner
        found = [] if issuer else memo("partners", partners.partners, body, self._city, not boilerplate)
        if found:
            # The area of a list of partners is what the sentence says apart from their names ("Segretariato
            # sociale" is an organisation there, not the area).
            rest = body
            for item in found:
                rest = rest.replace(item.name, " ")
            areas: list[str | None] = list(memo("areas", self._areas, rest)) or [None]
            for item in found:
                for area in areas:
                    buckets[area].partners.append((read, Partner(name=item.name, source=read.source())))
        if boilerplate:
            return
        for area in read.areas:
            buckets[area].sentences.append(read)
        facts = memo("said", self._said, body)
        # a count placed in another comune is that comune's ("per il Comune di Carrara ha accolto 22 persone")
        counts = facts.figures or facts.averages
        away = memo("elsewhere", self._elsewhere, body, self._city, self._phase) if counts else []
        for f, decision in zip(facts.figures, facts.decided, strict=True):
            if about_elsewhere(away, f.start, f.end):
                continue
            area = self._figure_area(read, f, decision)
            buckets[area].figures.append((read, f))
            if area:
                self._last_area[read.passage.id] = (read.sentence.start, area)
        self._said_areas[read.passage.id] = read.areas
        for f, decision in facts.averages:
            if about_elsewhere(away, f.start, f.end):
                continue
            buckets[self._figure_area(read, f, decision)].figures.append((read, f))
        act = facts.activity
        read_areas: list[str | None] = list(read.areas) or [None]
        for area in read_areas:
            if act:
                buckets[area].activities.append((read, act.text))
            if facts.result:
                buckets[area].results.append(read)
            if facts.transferability:
                buckets[area].transferability.append(read)
            if area is not None:
                buckets[area].targets += [(read, m) for m in facts.targets]

    # --- one record ----------------------------------------------------------------------------------------
    def _record(self, city: str, area: str, phase: str | None, b: Bucket, project: ProjectFacts,
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

    def _summary(self, area: str, b: Bucket) -> list[Sourced]:
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
            quoted = ("«", '"', "“")
            candidates = [
                r
                for r in per_doc[doc_id]
                if self.memo(r.passage)("readable", readable, r.body) and not r.body.startswith(quoted)
            ]
            scored = sorted(candidates, key=lambda r: -self._sentence_score(area, r))
            chosen += scored[: SUMMARY_SENTENCES - len(chosen)]
            if len(chosen) >= SUMMARY_SENTENCES or len(chosen) >= 2:
                break
        order = {id(r): i for i, r in enumerate(b.sentences)}
        chosen.sort(key=lambda r: order[id(r)])
        return [Sourced(text=r.body, source=r.source()) for r in chosen]

    def _sentence_score(self, area: str, r: Read) -> float:
        counts = self.memo(r.passage)("counts", self.taxonomy.counts, r.body)
        facts = self.memo(r.passage)("said", self._said, r.body)
        figures = facts.figures if self.figure_reader is fig.figures else fig.figures(r.body)
        score = 2.0 * counts.get(area, 0) + 1.5 * bool(figures) + 1.0 * bool(facts.activity)
        return score - 0.5 * (len(r.areas) > 1) - 1.0 * (len(r.body) > 350)

__all__ = ["BOILERPLATE_CITIES", "RECORD_TYPES", "Passage", "Read", "RecordBuilder", "read_once", "record_text",
           "stated_period"]  # fmt: skip
