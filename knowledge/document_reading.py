"""How the record builder reads one document of a (city, phase) group: its sections, then sentence by sentence
its partners, counts (with their areas: `knowledge.count_area`), activities, results, target groups, periods,
amounts and contacts, its tables' dates and counts (`_part`); a syndicated copy that is not read gives only the
sentences of its running text with numbers its group's other copies never said (`_copy_part`)."""

from __future__ import annotations

import re

from ingest.messages import others_from, quoted_line
from knowledge import mentions, partner_lists, partners
from knowledge import target_groups as groups
from knowledge.antecedents import antecedent
from knowledge.area_model import document_areas
from knowledge.budget_tables import budget_rows
from knowledge.context import context_spans
from knowledge.count_area import CountAreas
from knowledge.disowned import disowned_clauses
from knowledge.doc_parts import DocPart
from knowledge.elsewhere import about_elsewhere, other_comune_clauses, other_phase_clauses, other_places
from knowledge.partner_denials import denied_clauses
from knowledge.reading import Passage, Read, foreign_spans, numbers, other_comune_address, running_spans
from knowledge.readings import Memo
from knowledge.record_fields import as_target
from knowledge.sections import Outline, outline, sections
from knowledge.sentences import Sentence, sentences
from knowledge.split_tables import carried_header, under_header
from knowledge.table_counts import TableCount, indicator_rows, table_counts
from knowledge.tables import table_sentences
from lgnet.practice import Partner, Source

# A list of the document's recipients, said so by its label or heading ("Destinatari", "Beneficiari", "Target groups"):
# its groups are the document's, over those a clause names ("il progetto, rivolto ai lavoratori ...")
_LISTED = re.compile(r"\b(?:destinatari|beneficiari|target\s+groups?)\b", re.I)


def memo_runs(memo: Memo, text: str) -> bool:
    """Whether a passage says its document's issuer runs the service for the Comune (`partners.RUNS_IT`)."""
    return memo("runs_it", _runs_it, text)


def _runs_it(text: str) -> bool:
    return bool(partners.RUNS_IT.search(text))


def _unlisted_dropped(buckets: dict, kinds: list[tuple[str, Partner]]) -> None:
    """A document that states its partnership (a partnership list or table, "in partenariato con", "i partner
    sono"): the organisations it only names with no role or lists as present are not partners; when a section or
    table lists the partnership, neither are those its sentences name with a cue that the list does not name."""
    if not any(how == "formal" for how, _ in kinds):
        return
    # a partnership section or table (a partner found with its role) is the whole partnership: an organisation its
    # text names with a cue is then where people are sent or who runs something else ("gestito dall'Ambito", "nei
    # rapporti con il Centro per l'impiego"), unless the list names it too
    complete = any(how == "formal" and p.role for how, p in kinds)
    strong = ("formal",) if complete else ("formal", "cue", "listed")
    listed = [partners.comparable_name(p.name) for how, p in kinds if how in strong]
    weak = {id(p) for how, p in kinds if (how in ("named", "attended") or (complete and how in ("cue", "listed")))
            and not any(partners.same_org(partners.comparable_name(p.name), k) for k in listed)}  # fmt: skip
    if weak:
        for bucket in buckets.values():
            bucket.partners = [(r, p) for r, p in bucket.partners if id(p) not in weak]


def _named_elsewhere(body: str, name: str, away: list[tuple[int, int]]) -> bool:
    """Whether every place `name` is written in `body` is inside one of the `away` clauses (its first letter's case
    aside: a name is tidied with a capital)."""
    # only a clause the place opens ("A Capannori ...", "Nel Comune di X, ..."): a comune inside a name before the
    # partner ("la Caritas diocesana di Cosenza, l'ASP ...") places nothing
    away = [(a, b) for a, b in away if len(body[max(body.rfind(c, 0, a) for c in ";:") + 1 : a].split()) <= 5]
    if not away:
        return False
    at = [m.start() - 1 for m in re.finditer(re.escape(name[1:]), body)]
    return bool(at) and all(about_elsewhere(away, a, a + len(name)) for a in at)


def memo_header(memo: Memo, before: Passage | None, p: Passage) -> str:
    """The header of a table the passage right before `p` in its document ends with and `p` goes on, else ""."""
    if before is None or before.doc_id != p.doc_id:
        return ""
    if int(p.meta.get("chunk_index", 0)) != int(before.meta.get("chunk_index", 0)) + 1:
        return ""
    return memo("carried_header", carried_header, before.text, p.text)


def _own_contacts(contacts: list[tuple[Read, mentions.ContactFact]]) -> list[tuple[Read, mentions.ContactFact]]:
    """An e-mail's contacts: the address of its head (its subject and sender, "Da: Segreteria <segreteria@x.it>", up to
    the first blank line) is its contact only when its message gives none of its own (a signature's, "scrivete a ..."):
    the box that sent what a coordinator signs is not the project's contact."""

    def in_head(read: Read) -> bool:
        if read.passage.meta.get("char_start"):
            return False  # not the e-mail's first passage
        head = read.passage.text.find("\n\n")
        return head < 0 or read.sentence.start < head

    return [c for c in contacts if not in_head(c[0])] or contacts


def _carried_rows(text: str, header: str) -> list[tuple[int, int]]:
    """The spans of the indicator rows that go on a table whose `header` the passage before holds."""
    return under_header(text, header, indicator_rows, lambda s: s[0], lambda s, d: (s[0] + d, s[1] + d))


class DocumentReading(CountAreas):
    """A document's part of its group's records (`knowledge.doc_parts.DocPart`)."""

    _partner_kinds: list[tuple[str, Partner]]  # how each partner of the part being read was found

    def _table_counts(self, text: str) -> list[TableCount]:
        return table_counts(text, self.figure_reader, self.taxonomy, self._areas)

    def _carried_counts(self, text: str, header: str) -> list[TableCount]:
        """The counts of rows that go on a table whose `header` the passage before holds (`knowledge.split_tables`)."""
        return under_header(text, header, self._table_counts, lambda c: c[0].start,
                            lambda c, d: (Sentence(c[0].text, c[0].start + d, c[0].end + d), *c[1:]))  # fmt: skip

    def _elsewhere(self, body: str, city: str | None, phase: str | None = None) -> list[tuple[int, int]]:
        """The parts of a sentence about another comune, a city abroad or an earlier phase, or that it says are not
        the project's (`knowledge.disowned`)."""
        return (other_comune_clauses(body, city, self.gazetteer) + other_places(body)
                + other_phase_clauses(body, phase) + disowned_clauses(body))  # fmt: skip

    def _tables(self, text: str) -> list[tuple[Sentence, list[mentions.Mention]]]:
        return [(Sentence(row.text, row.start, row.end), mentions.periods(row.text)) for row in table_sentences(text)]

    def _outline_of(self, text: str) -> Outline:
        return outline(text, self.taxonomy.classify, self._areas)

    def _outline(self, p: Passage) -> Outline:
        return self.memo(p)("outline", self._outline_of, p.text)

    def _own_periods(self, body: str, found: list[mentions.Mention], memo: Memo) -> list[mentions.Mention]:
        """The dates of a sentence but those placed in another comune's clause ("A Merano un progetto analogo,
        avviato nel 2021, ...": Merano's project's start), found there by their year."""
        if not found:
            return found
        away = memo("elsewhere", self._elsewhere, body, self._city, self._phase)
        if not away:
            return found
        kept = []
        for m in found:
            at = [(x.start(), x.end()) for x in re.finditer(re.escape(m.text[:4]), body)]
            if not at or not all(about_elsewhere(away, a, b) for a, b in at):
                kept.append(m)
        return kept

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
        runs_it = any(memo_runs(self.memo(p), p.text) for p in passages)
        self._partner_kinds = []
        seen: set[str] = set()
        stated: list = []  # (Read, Mention): the groups the document states
        listed: list = []  # ... those of its list of recipients ("Destinatari", a heading and its items)
        inline: list = []  # ... and those it only names in passing, kept when it states none
        # the next sentence is an item of a section of target groups ("Destinatari", then its list), across passages:
        # a list runs on into the next passage, whose first sentence (the overlap) is not read again
        items = False
        forwarded = False  # past an e-mail's forwarded or answered message: another sender's words, not the document's
        before: Passage | None = None  # the passage read before, for a table it cuts (`knowledge.split_tables`)
        for p in run:
            header = memo_header(self.memo(p), before, p)
            before = p
            memo = self.memo(p)
            email = bool(p.meta.get("email"))  # the document's own e-mail-ness, decided at ingest (ingest/documents.py)
            marker = None if forwarded else others_from(p.text, email)
            from_here = 0 if forwarded else marker if marker is not None else len(p.text)
            forwarded = forwarded or marker is not None
            out.numbers |= memo("numbers", numbers, p.text)
            out.denials += memo("denials", denied_clauses, p.text)
            elsewhere = foreign_spans(p, city, self.gazetteer)
            parts = memo("partnership", partner_lists.partnership, p.text) + memo(
                "attendees", partner_lists.attendees, p.text, city
            )
            for part in parts:
                if any(a <= part.start < b for a, b in elsewhere):
                    continue
                partner = Partner(
                    name=part.name, role=part.role,
                    source=Source(chunk_id=p.id, doc_id=p.doc_id, start=part.start, end=part.end, quote=part.sentence),
                )  # fmt: skip
                buckets[None].partners.append((None, partner))
                self._partner_kinds.append((part.how, partner))
            for s in memo("sentences", sentences, p.text, p.meta.get("header_end", 0)):
                if any(a <= s.start < b for a, b in elsewhere):
                    continue  # another comune's article or short news: none of its facts are this city's
                body, k, areas, _ = memo("sentence", self.sentence_of, s.text)
                if k in seen:
                    continue  # the sentence two consecutive passages share
                seen.add(k)
                out.tested.add(k)
                read = Read(p, s, body, areas)
                # who issued the document is no partner, unless it says it runs the service for the Comune
                issuer = (not p.meta.get("char_start") and s.start == 0 and partners.issuer_line(body)
                          and not runs_it)  # fmt: skip
                # (a forwarded or answered message, and the lines a reply quotes with ">", are another sender's)
                own = s.start < from_here and not (email and quoted_line(p.text, s.start))
                self._read_sentence(read, buckets, k in boilerplate, memo, issuer, own)
                was_items, items = items, groups.items_follow(body, s.text, items)
                if k in boilerplate:  # (a bare heading "Destinatari" is in many cities' documents)
                    continue
                facts = self._said(memo, body)
                # the groups it states are the document's: every record it feeds names them
                found = groups.stated_groups(s.text, after_heading=True) if was_items else facts.groups
                stated += [(read, m) for m in found if own]
                if found and own and (was_items or _LISTED.search(body)):
                    listed += [(read, m) for m in found]
                inline += [(read, m) for m in facts.inline if own]
                out.periods += [(read, m) for m in self._own_periods(body, facts.periods, memo)]
                out.amounts += [(read, a) for a in facts.amounts]
                if (c := facts.contact) and own and not other_comune_address(c.email, city, self.gazetteer):
                    out.contacts.append((read, c))  # (never another comune's address: a newsletter's footer)
            # The dates of a table ("Data di inizio | 01/04/2025"), a sentence per row. Its counts are not read:
            # on documents the rules had not seen they restated the text's counts in other areas more often than
            # they added one (measured on the unseen batch's totals).
            for row, found_periods in memo("tables", self._tables, p.text):
                if any(a <= row.start < b for a, b in elsewhere):
                    continue
                read = Read(p, row, row.text, [])
                out.periods += [(read, m) for m in found_periods]
            # The sums of a budget's table, by their rows and columns (`knowledge.budget_tables`).
            for cells, amount in memo("budget_rows", budget_rows, p.text):
                if not any(a <= cells.start < b for a, b in elsewhere):
                    out.amounts.append((Read(p, Sentence(cells.text, cells.start, cells.end), cells.text, []), amount))
            # Its counts in a column of results or targets, in the area of the row, else of the row before for a
            # part of it ("di cui donne"), else of the table's section.
            row_area: str | None = None
            counts = (memo("carried_counts", self._carried_counts, p.text, header) if header
                      else memo("table_counts", self._table_counts, p.text))  # fmt: skip
            for row, body, f, decided, is_target in counts:
                if any(a <= row.start < b for a, b in elsewhere):
                    continue
                of_row = body.startswith("di cui")
                area = decided or (row_area if of_row else None) or self._sections.heading(p.id, row.start)
                area = self._chosen(p, row.start, body, f, area, "table")
                row_area = area if not of_row else row_area
                out.tabled.append((area, Read(p, row, body, []), as_target(f) if is_target else f))
            rows = (memo("carried_rows", _carried_rows, p.text, header) if header
                    else memo("indicator_rows", indicator_rows, p.text))  # fmt: skip
            out.rows[p.id] = rows + memo("context", context_spans, p.text)
        _unlisted_dropped(buckets, self._partner_kinds)
        if any(p.meta.get("email") for p in run):
            out.contacts = _own_contacts(out.contacts)
        # the groups it states are the document's: every record it feeds names them
        buckets[None].targets += listed or stated or groups.distinct_heads(inline)
        return out

    def _copy_part(self, run: list[Passage], passages: list[Passage], said: set[str], boilerplate: set[str]
                   ) -> DocPart:  # fmt: skip
        """What a syndicated copy that is not read gives: the sentences of its running text (an outlet's sidebar
        headlines are not the article's, "Alba, la fiera chiude con 200.000 visitatori") with numbers its group's
        copies read before it never `said`, and its e-mail contacts; its `numbers`: those it said."""
        out = DocPart()
        self._document(passages)
        self._partner_kinds = []
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
                contact = self._said(memo, body).contact
                if (k not in boilerplate and contact and contact.email
                        and not other_comune_address(contact.email, self._city or "", self.gazetteer)):  # fmt: skip
                    # an address the read copy cut ("per un appuntamento si può scrivere a ..."): the merge keeps one
                    out.contacts.append((Read(p, s, body, areas), contact))
                if k in boilerplate or not found or found & said:
                    continue
                said |= found
                out.numbers |= found
                self._read_sentence(Read(p, s, body, areas), out.buckets, False, memo)
        return out

    def _previous_counts(self, read: Read) -> list:
        """The counts of the sentence right before this one in its passage (none after a gap)."""
        end, counts = self._last_counts.get(read.passage.id, (-1, []))
        gap = read.passage.text[end : read.sentence.start] if 0 <= end <= read.sentence.start else "x"
        return counts if re.fullmatch(r"\s{0,3}", gap) else []

    def _read_sentence(
        self, read: Read, buckets: dict, boilerplate: bool, memo: Memo, issuer: bool = False, own: bool = True
    ) -> None:
        """What one sentence says: partners, and its counts unless another sender's (`own` False: a forwarded or
        answered message's, whose counts are its sender's project's or region's)."""
        body = read.body
        # the document's masthead names who issued it, not a partner
        # with and without named organisations at once: the pre-read reads every sentence as if no boilerplate, the
        # refresh the programme's without them (`knowledge.pre_read`)
        found = [] if issuer else memo.both("partners", partners.partners_both, (body, self._city), (True, False),
                                            not boilerplate)  # fmt: skip
        if found:
            # an organisation named in a clause placed in another comune is that comune's ("A Capannori un progetto
            # parallelo del Consorzio X segue 18 ragazzi")
            away = memo("elsewhere", self._elsewhere, body, self._city, self._phase)
            found = [f for f in found if not _named_elsewhere(body, f.name, away)]
        if found:
            # The area of a list of partners is what the sentence says apart from their names ("Segretariato
            # sociale" is an organisation there, not the area).
            rest = body
            for item in found:
                rest = rest.replace(item.name, " ")
            areas: list[str | None] = list(memo("areas", self._areas, rest)) or [None]
            for item in found:
                for area in areas:
                    partner = Partner(name=item.name, source=read.source())
                    buckets[area].partners.append((read, partner))
                    self._partner_kinds.append((item.how, partner))
        previous = self._previous_counts(read)
        counted = [] if boilerplate else self._said(memo, body).figures
        self._last_counts[read.passage.id] = (read.sentence.end, counted)
        if boilerplate:
            return
        for area in read.areas:
            buckets[area].sentences.append(read)
        facts = self._said(memo, body)
        # a count placed in another comune is that comune's ("per il Comune di Carrara ha accolto 22 persone")
        counts = facts.figures or facts.averages
        away = memo("elsewhere", self._elsewhere, body, self._city, self._phase) if counts else []
        for f, decision in zip(facts.figures, facts.decided, strict=True):
            if not own or about_elsewhere(away, f.start, f.end):
                continue
            # "Di questi, 64 ...": the unit of the count of the sentence before it points back to
            f = antecedent(body, f, [g for g in facts.figures if g.end <= f.start], previous)
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
