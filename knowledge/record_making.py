"""One practice record from the facts of its area (`knowledge.doc_parts.Bucket`) and its project's: title,
summary (whole, readable sentences from the best source), activities, target groups, figures, partners, period,
budget, contacts, results, transferability and the documents cited."""

from __future__ import annotations

import re
from collections import defaultdict

from knowledge import figures as fig
from knowledge.builder_base import BuilderBase
from knowledge.doc_parts import Bucket
from knowledge.merging import citation, merge_figures, merge_partners, unique_sourced
from knowledge.reading import Read
from knowledge.record_fields import MAX_ACTIVITIES, practice_id, record_text
from knowledge.sentences import readable
from lgnet.practice import PracticeRecord, ProjectFacts, Sourced, Target
from lgnet.text import fold

SUMMARY_SENTENCES = 3
# Which documents speak best for a record's summary: a city's own sheet or report before a press copy.
TYPE_RANK = {
    "practice_report": 0,
    "project_sheet": 1,
    "report": 2,
    "minutes": 3,
    "press_article": 4,
    "press_review": 4,
    "other": 5,
}


class RecordMaking(BuilderBase):
    """A record of one area of the group."""

    def _record(self, city: str, area: str, phase: str | None, b: Bucket, project: ProjectFacts,
                documents: dict[str, dict], stated: list | None = None) -> PracticeRecord:  # fmt: skip
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
        targets = self._targets(stated or [], set(doc_ids))
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
            target_groups=targets,
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

    def _targets(self, stated: list, doc_ids: set[str]) -> list[Target]:
        """The target groups the record's own documents state (`stated`: the group's, `knowledge.target_groups`),
        as they word them, each once; its code (the kind of group) for facets."""
        out: dict[str, Target] = {}
        for read, m in stated:
            key = " ".join(re.findall(r"\w+", fold(m.text))[:3])  # one group named twice: "persone in transito"
            if read.passage.doc_id in doc_ids and key not in out:
                out[key] = Target(code=m.code, label_it=m.text, label_en=m.text, text=m.text, source=read.source())
        return list(out.values())

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
        facts = self._said(self.memo(r.passage), r.body)
        figures = facts.figures if self.figure_reader is fig.figures else fig.figures(r.body)
        score = 2.0 * counts.get(area, 0) + 1.5 * bool(figures) + 1.0 * bool(facts.activity)
        return score - 0.5 * (len(r.areas) > 1) - 1.0 * (len(r.body) > 350)
