"""A count's area in the record builder: what its own sentence says (`knowledge.attribution`), else the sentence's
only area, the count before it, its section's heading, an event's public or the people hosted; then the area
chooser's (`knowledge.area_choice`) after the rules'."""

from __future__ import annotations

import re

from knowledge import figures as fig
from knowledge.area_choice import context
from knowledge.attribution import ATTENDANCE_NOUNS, attended, hosted, workshop_alone
from knowledge.builder_base import BuilderBase
from knowledge.quoted import without_names
from knowledge.reading import Passage, Read

# Persons attending or enrolled ("frequentato da 58 donne", "i ragazzi iscritti ai laboratori", "attended").
_ATTENDING = re.compile(r"\b(?:frequentat[oaie]|frequentano|iscritt[ie]|enrolled|attended|attend)\b", re.I)
_TARGET_WORD = re.compile(r"\b(?:obiettiv[oi]|target)\b", re.I)
_OF_THOSE = re.compile(r"\bne\s+(?:(?:sono|è|ha|hanno|abbiamo)\s+)?(?:stat[ie]\s+)?[a-zà-ù]+\s+(?:\w+\s+){0,2}$", re.I)


def _labelled(body: str, f: fig.FigureFact) -> bool:
    """A count under its own label, a row's cell ("Ospiti accolti: 601"): not bare, though its number stands alone
    ("Per 27 di loro", "Women were 142" go on with the count before them)."""
    label = f.label.lower().strip()
    at = body.lower().rfind(label, 0, f.start) if label else -1
    return at >= 0 and bool(re.fullmatch(r"\s*:\s*(?:circa|oltre|about|over)?\s*", body[at + len(label) : f.start]))


class CountAreas(BuilderBase):
    """The area of each count the builder reads."""

    def _named_areas(self, clause: str) -> list[str]:
        """The areas a clause's terms name, in taxonomy order, but a workshop named bare ("il laboratorio è stato
        frequentato da 58 donne": of what, it does not say)."""
        text = without_names(clause)
        named = {code for code, s, e in self.taxonomy.matches(text) if not workshop_alone(text, (code, s, e))}
        return [a.code for a in self.taxonomy.areas if a.code in named]

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
        # the sentence's only area, in the count's own clause when the sentence has several (";")
        end = read.body.find(";", f.end)
        clause = read.body[read.body.rfind(";", 0, f.start) + 1 : end if end >= 0 else len(read.body)]
        areas = self._areas(clause) if len(clause) < len(read.body) else read.areas
        if areas and len(areas) < 3 and _ATTENDING.search(clause):
            # a bare workshop its persons attend or enrol in says nothing of their area (`attribution.workshop_alone`:
            # a trade's, a language's or a neighbourhood's, it does not say), here as in the count's own words
            areas = self._named_areas(clause)
        if len(areas) == 1:
            return areas[0], "sentence"
        # "Per 27 di loro il percorso si è concluso...": a count without its noun goes on with the people the
        # sentence before counted, in their area.
        previous = self._last_area.get(read.passage.id)
        # A target stated after a result ("The target set in 2022 was 900 people") is that result's area.
        section = self._sections.area(read.passage.id, read.passage.doc_id, read.sentence.start)
        bare = re.fullmatch(r"[\d.,]+", f.text) and not _labelled(read.body, f)
        # ... but a target with its own noun under a heading of another area is that section's
        same_section = not section or self._sections.area(read.passage.id, read.passage.doc_id, previous[0]
                                                          if previous else 0) == section  # fmt: skip
        goes_on = bare or (_TARGET_WORD.search(read.body, 0, f.start) and same_section)
        if previous and previous[0] < read.sentence.start and goes_on:
            return previous[1], "previous"
        before = self._said_areas.get(read.passage.id, [])
        if len(before) == 1 and _OF_THOSE.search(read.body[: f.start]):
            # "... ospitano 10 ragazzi. Da gennaio ne sono passati 9": "ne" names what it just said
            return before[0], "previous"
        # The sentence names no area: its section's heading, else the document's one dominant area (with an area
        # chooser, the chooser's area: below), else the
        # place to stay given to the persons it counts ("le persone accolte in paese sono 23").
        # ... in the count's own clause ("sono state seguite 38 donne in gravidanza; 29 hanno partecipato al corso":
        # the 38 took part in nothing)
        if section is None and attended(clause, f.unit) and (f.unit in ATTENDANCE_NOUNS
                                                             or not hosted(clause, f.unit)):  # fmt: skip
            return "community_building", "attended"  # "a cui hanno partecipato più di 150 persone": an event's public
        if section is None and hosted(clause, f.unit):
            return "housing", "hosted"
        if section and self.area_chooser is not None and not self._sections.heading(read.passage.id,
                                                                                     read.sentence.start):  # fmt: skip
            # no heading, only the document's dominant area: a prior, which the area chooser weighs (its features
            # hold the section's area and the document's area shares) against what the count's sentence says
            return None, "none"
        return section, "section" if section else "none"
