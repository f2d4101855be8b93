"""What every step of the record builder shares (`knowledge.records.RecordBuilder`): its rules (taxonomy,
gazetteer, figure reader, area chooser), the stored readings of the passages, and the state of the group and
document being read."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from knowledge import figures as fig
from knowledge import mentions
from knowledge.area_choice import shipped
from knowledge.area_model import AreaChooser
from knowledge.doc_parts import DocParts
from knowledge.quoted import without_names
from knowledge.reading import Passage, numbers
from knowledge.readings import NO_MEMO, Memo, Readings
from knowledge.sections import Sections
from knowledge.sentence_facts import Said, said
from knowledge.sentences import as_read, key
from lgnet.gazetteer import Gazetteer
from lgnet.taxonomy import Taxonomy


class BuilderBase:
    """The record builder's rules and state. With `readings`, what each passage says is taken from (and added to)
    its stored readings (`knowledge.readings`)."""

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
        # per passage, where its last sentence read ends and its counts ("Di questi, 64": `knowledge.antecedents`)
        self._last_counts: dict[str, tuple[int, list[fig.FigureFact]]] = {}

    def memo(self, p: Passage) -> Memo:
        """The passage's stored readings (none kept for another figure reader than the rules')."""
        if self.readings is None or self.figure_reader is not fig.figures:
            return NO_MEMO
        return self.readings.of(p)

    def _areas(self, body: str) -> list[str]:
        areas = self.taxonomy.classify(without_names(body))  # a name in quotation marks describes nothing
        return areas if len(areas) < 3 else []

    def sentence_of(self, text: str) -> tuple[str, str, list[str], set[str]]:
        """A sentence as read: its clean text, its key, the areas it names itself, its numbers."""
        body = as_read(text)
        return body, key(body), self._areas(body), numbers(body)

    def _said(self, memo: Memo, body: str) -> Said:
        """Every per-sentence rule of a sentence that is not boilerplate, at once (`knowledge.sentence_facts`), kept
        in the passage's readings. Its periods are the sentence's "periods" reading, which the programme's dated
        sentences (`knowledge.programme.dated`) ask of every sentence: read once, not once for each."""
        return memo("said", lambda b: said(b, self.figure_reader, self.taxonomy, self._areas,
                                           memo("periods", mentions.periods, b)), body)  # fmt: skip
