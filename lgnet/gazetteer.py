"""Cities named in documents and queries: every Italian comune and region (lgnet/cities.py loads them: ISTAT's list
with region, province and NUTS codes, English names, aliases and coordinates, regions in Italian and English).

Documents are read case-aware (a place starts with a capital, and a comune whose name is a common word needs
evidence: see lgnet/place_names.py); queries case-free for well-known cities, with typo tolerance
(lgnet/typo_keys.py). The token trie is built on first use, never at import.
"""

from __future__ import annotations

import re
from collections.abc import Container
from dataclasses import dataclass
from functools import cached_property, lru_cache

from lgnet.cities import City, Region, load_cities
from lgnet.homonyms import DocumentScan, HomonymContext
from lgnet.place_names import (
    LOCATIVE,
    PLACE,
    STRONG,
    TOKEN,
    Entry,
    NameTrie,
    evidence,
    fold_token,
    in_address,
    in_street_name,
    previous_word,
    sentence_start,
    strict_dateline,
)
from lgnet.text import fold
from lgnet.typo_keys import TypoKeys, close_matches


@dataclass(frozen=True)
class Mention:
    city: City
    start: int
    end: int
    form: str
    evidence: str = "plain"  # phrase, sigla, dateline, alias, place, plain (lgnet/place_names.py)


class Gazetteer:
    """Finds cities in text (case-aware, for documents) and in queries (case-free, typo-tolerant)."""

    def __init__(
        self,
        cities: list[City],
        regions: list[Region] | None = None,
        province_aliases: dict[str, list[str]] | None = None,
    ) -> None:
        self.cities = cities
        self.regions = regions or []
        self.by_name = {c.name: c for c in cities}
        self._by_form: dict[str, list[City]] = {}
        for c in cities:
            for f in (*c.forms, c.name):
                bucket = self._by_form.setdefault(fold(f), [])
                if c not in bucket:
                    bucket.append(c)
        self._regions_by_form = {fold(f): r for r in self.regions for f in r.forms}
        self.provinces: dict[str, str] = {}  # code -> name
        for c in cities:
            if c.province_code:
                self.provinces.setdefault(c.province_code, c.province)
        self._province_forms = {fold(n): code for code, n in self.provinces.items()}
        self._province_forms.update({fold(part): code for code, n in self.provinces.items() for part in n.split("/")})
        for code, names in (province_aliases or {}).items():
            self._province_forms.update({fold(n): code for n in names})
        self._province_alias_names = {n: code for code, names in (province_aliases or {}).items() for n in names}
        self._typo_cache: dict[str, str | None] = {}
        # The last texts scanned: describing a document asks for the mentions of its text twice (its city and
        # the cities it names: ingest/city.py, ingest/metadata.py); a text read with `about` is not kept.
        self._scanned = lru_cache(maxsize=8)(self._scan)

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Gazetteer:
        return cls(*load_cities())

    def warm_up(self) -> None:
        """Build the name trie now (about 0.1 s of CPU) rather than on the first document or query."""
        _ = self._trie, self._typo_key_counts, self._lowercase_starts

    # --- lookups -----------------------------------------------------------------------------------------
    def get(self, name: str) -> City | None:
        """A city by any of its forms, case- and accent-insensitive ('Florence', 'firenze', 'Bozen', 'Castro (LE)');
        None when unknown or when the name is shared by two comuni and no province code says which."""
        found = self._by_form.get(fold(name.strip()))
        return found[0] if found and len(found) == 1 else None

    def homonyms(self, name: str) -> list[City]:
        """Every comune written this way ('Castro': Castro (BG) and Castro (LE))."""
        return list(self._by_form.get(fold(name.strip()), []))

    def by_domain(self, label: str, province_code: str | None = None) -> City | None:
        """The comune whose web or mail domain is comune.<label>[.<province>].it ("santeodoro", "ss"): its name
        folded, without spaces, apostrophes or hyphens; the province code decides between homonyms."""
        found = self._domains.get(label.lower(), [])
        if province_code:
            found = [c for c in found if c.province_code == province_code.upper()]
        else:  # only chief towns write comune.<name>.it; "comune.re.it" is Reggio Emilia's, not the comune Re's
            found = [c for c in found if c.capital or c.well_known]
        return found[0] if len(found) == 1 else None

    @cached_property
    def _domains(self) -> dict[str, list[City]]:
        out: dict[str, list[City]] = {}
        for c in self.cities:
            out.setdefault(re.sub(r"[^a-z]", "", fold(c.official or c.name)), []).append(c)
        return out

    def region(self, name: str) -> Region | None:
        """A region by its Italian or English name ('Sicily', 'Puglia', 'Apulia', 'Lombardy')."""
        return self._regions_by_form.get(fold(name.strip()))

    def province_code(self, name: str) -> str | None:
        """A province's car-plate code from its code or name ('TO', 'Torino', 'Bozen', 'Alto Adige')."""
        key = name.strip()
        if key.upper() in self.provinces:
            return key.upper()
        return self._province_forms.get(fold(key))

    # --- documents ---------------------------------------------------------------------------------------
    def mentions(self, text: str, about: list[Mention] | None = None) -> list[Mention]:
        """Cities named in a document, each with the evidence that the word is the place. A comune whose name is a
        common word, once the document names it as a place ("Comune di Vasto", "a Vasto"), is that place wherever
        else it is capitalised ("Vasto è un comune", "tra Vasto, San Salvo e ..."), unless a person's surname
        follows ("Paola Ruffo"). `about`: the mentions of the text this one heads (a title's body), whose places
        count as this text's own evidence ("Fondi, braccianti al lavoro" over a body that says "a Fondi")."""
        if about:
            return self._scan_text(text, about)
        return list(self._scanned(text))

    def _scan(self, text: str) -> tuple[Mention, ...]:
        return tuple(self._scan_text(text, []))

    def _scan_text(self, text: str, about: list[Mention]) -> list[Mention]:
        spans = [m.span() for m in TOKEN.finditer(text)]
        scan = DocumentScan()
        found = self._mentions(text, spans, frozenset(), scan)
        confirmed = frozenset(m.city.name for m in [*found, *about] if m.city.common_word)
        if scan.homonyms:  # a name two comuni share, with no province code: the text's other places may say which
            scan.context = HomonymContext.of([*found, *about], scan.areas)
        if confirmed or scan.context:
            return self._mentions(text, spans, confirmed, DocumentScan(context=scan.context))
        return found

    def _mentions(
        self, text: str, spans: list[tuple[int, int]], confirmed: frozenset[str], scan: DocumentScan
    ) -> list[Mention]:
        found: list[Mention] = []
        i = 0
        while i < len(spans):
            start, end = spans[i]
            if not text[start].isupper() and fold_token(text[start:end]) not in self._lowercase_starts:
                i += 1
                continue
            hit = self._trie.longest(text, spans, i)
            if hit is None:
                i += 1
                continue
            j, entries = hit
            if entries[0].kind != "city" and not in_address(text, spans[i][0], spans[j - 1][1]):
                scan.areas.extend(e for e in entries if e.kind != "city")  # a region or province named
            mention = self._document_mention(text, spans, i, j, entries, confirmed, scan)
            if mention:
                found.append(mention)
            i = j if mention or any(e.kind != "city" for e in entries) else i + 1
        return found

    def _document_mention(
        self,
        text: str,
        spans: list[tuple[int, int]],
        i: int,
        j: int,
        entries: list[Entry],
        confirmed: frozenset[str],
        scan: DocumentScan,
    ) -> Mention | None:
        start, end = spans[i][0], spans[j - 1][1]
        cities = [e for e in entries if e.kind == "city"]
        if not cities or len(cities) < len(entries) or in_address(text, start, end):
            return None  # a region or province name ("Friuli Venezia Giulia", "Alto Adige") is no city
        if not text[start].isupper():
            cities = [e for e in cities if e.alias and e.form[0].islower()]  # "capoluogo ionico"
            if not cities:
                return None
        written = text[start:end]
        all_caps = written.isupper() and len(written) > 1
        before = previous_word(text, spans, i)
        if in_street_name(text, spans, i):
            return None  # "via Roma", "piazza Venezia", "via Monsignor Bologna"
        graded = [(e, evidence(text, start, end, e, before)) for e in cities]
        if len({e.target for e, _ in graded}) > 1:  # homonyms: "Castro (LE)" says which, or the text's other places
            sigla = [(e, ev) for e, ev in graded if ev == "sigla"]
            graded = sigla if len(sigla) == 1 else scan.context.choose(graded) if scan.context else []
            if len(graded) != 1:
                scan.homonyms = True
                return None
        entry, ev = graded[0]
        city: City = entry.target
        if city.name in confirmed and not _before_surname(text, spans, j):
            return Mention(city, start, end, written, ev)
        if not _counts_in_document(city, ev, all_caps, text, spans, i, j, before):
            return None
        return Mention(city, start, end, written, ev)

    def cities_in(self, text: str) -> list[str]:
        """Names of the cities mentioned, in order of first mention, without repeats."""
        return list(dict.fromkeys(m.city.name for m in self.mentions(text)))

    # --- queries -----------------------------------------------------------------------------------------
    def query_mentions(self, query: str, not_typos: Container[str] = ()) -> list[Mention]:
        """Cities named in a user query: well-known ones in any case, others capitalised or after 'a', 'di',
        'comune di'; typos ('Turino', 'Palremo') for the curated cities and words of five letters or more, but for
        the (folded) words of `not_typos`, which the caller would drop as typos anyway."""
        spans = [m.span() for m in TOKEN.finditer(query)]
        found: list[Mention] = []
        taken: list[tuple[int, int]] = []
        i = 0
        while i < len(spans):
            hit = self._trie.longest(query, spans, i)
            if hit is None:
                i += 1
                continue
            j, entries = hit
            start, end = spans[i][0], spans[j - 1][1]
            taken.append((start, end))
            mention = self._query_mention(query, spans, i, start, end, entries)
            if mention:
                found.append(mention)
            i = j
        for start, end in spans:
            word = fold(query[start:end])
            # A lower-case short word is more often a word than a misspelt city ("quanto costa": not Aosta)
            shortest = 5 if query[start].isupper() else 6
            if len(word) < shortest or word in not_typos or any(s <= start < e for s, e in taken):
                continue
            close = self._closest_name(word)
            if close:
                found.append(Mention(self._by_form[close][0], start, end, query[start:end], "typo"))
        return sorted(found, key=lambda m: m.start)

    def _query_mention(
        self, query: str, spans: list[tuple[int, int]], i: int, start: int, end: int, entries: list[Entry]
    ) -> Mention | None:
        cities = [e for e in entries if e.kind == "city"]
        if not cities or len(cities) < len(entries):
            return None
        before = previous_word(query, spans, i)
        ev = evidence(query, start, end, cities[0], before)
        if len({e.target for e in cities}) > 1:
            cities = [e for e in cities if evidence(query, start, end, e, before) == "sigla"]
            if len(cities) != 1:
                return None
        entry = cities[0]
        city: City = entry.target
        capitalised = query[start].isupper()
        if entry.alias or (city.well_known and not city.common_word):
            ok = True
        elif city.common_word:
            ok = ev in _QUERY_STRONG or (capitalised and ev == "place" and fold(before or "") in LOCATIVE)
        else:
            ok = capitalised or ev in _QUERY_STRONG or ev == "place"
        return Mention(city, start, end, query[start:end], ev) if ok else None

    def _closest_name(self, word: str) -> str | None:
        """The curated city a (folded) word is probably a misspelling of; remembered, as users repeat words."""
        if word not in self._typo_cache:
            close = close_matches(word, self._typo_key_counts)
            if len(self._typo_cache) > 50_000:
                self._typo_cache.clear()
            self._typo_cache[word] = close[0] if close else None
        return self._typo_cache[word]

    # --- built on first use --------------------------------------------------------------------------------
    @cached_property
    def _trie(self) -> NameTrie:
        trie = NameTrie()
        for c in self.cities:
            official = c.official or c.name
            trie.add(official, Entry("city", c, official, alias=False))
            for form in c.forms[1:]:
                trie.add(form, Entry("city", c, form, alias=fold(form) != fold(official)))
        for r in self.regions:
            for form in r.forms:
                trie.add(form, Entry("region", r, form, alias=False))
        for code, name in self.provinces.items():
            for form in {name, *name.split("/")}:
                if fold(form) not in self._by_form:  # "Torino" the province is the city's name too
                    trie.add(form, Entry("province", code, form, alias=False))
        for form, code in self._province_alias_names.items():
            trie.add(form, Entry("province", code, form, alias=True))
        return trie

    @cached_property
    def _lowercase_starts(self) -> frozenset[str]:
        """First words of the aliases written in lower case ("capoluogo ionico"), where a lower-case word may
        start a name in a document."""
        return frozenset(fold_token(TOKEN.findall(f)[0]) for c in self.cities for f in c.aliases if f[:1].islower())

    @cached_property
    def _typo_key_counts(self) -> TypoKeys:
        return TypoKeys(self._typo_keys)

    @cached_property
    def _typo_keys(self) -> list[str]:
        # Only the curated cities: against every chief town, everyday words come too close ("prima": Parma).
        keys = {fold(f) for c in self.cities if c.curated for f in c.forms if " " not in f}
        return sorted(k for k in keys if len(self._by_form.get(k, [])) == 1)


_QUERY_STRONG = frozenset({"phrase", "sigla"})  # a query has no datelines


_HOMONYM_CODE = re.compile(r" \([A-Z]{2}\)$")


def same_comune(expected: str | None, found: str | None) -> bool:
    """Whether a found canonical name is the comune a hand-written gold names: the same name, or the gold's ISTAT
    name without the province code the gazetteer gives homonyms ("Castro" for "Castro (LE)")."""
    if expected is None or found is None:
        return expected == found
    return found == expected or (_HOMONYM_CODE.search(found) is not None and found[:-5] == expected)


def _counts_in_document(
    city: City, ev: str, all_caps: bool, text: str, spans: list[tuple[int, int]], i: int, j: int, before: str | None
) -> bool:
    """Whether a capitalised name is the place here, by how well known it is and the evidence around it."""
    if ev == "dateline" and city.common_word:
        return strict_dateline(text, spans[i][0], spans[j - 1][1])  # "Vita, 12 marzo", not "Ora, il progetto"
    if ev in STRONG or ev == "alias":
        return True
    if all_caps:
        return city.well_known and not city.common_word  # headings: "ROMA", but not "ORA", "VITA", "PONTE"
    if city.common_word:
        if ev != "place" or fold_token(before or "") not in LOCATIVE:
            return False
        return not _before_surname(text, spans, j)  # "a Paola Rossi": a first name followed by a surname
    if city.well_known:
        return True
    if ev == "plain" and _before_surname(text, spans, j):
        return False  # a lesser-known comune's name, no place word before it, then a surname: "la sindaca Rosa Tedesco"
    # A lesser-known comune right after a capitalised word is part of a longer name ("Fernando Picerno",
    # "Spazio Culturale Nicolosi"), unless that word only opens the sentence.
    if before and before[0].isupper() and before.lower() not in PLACE:
        return sentence_start(text, spans[i - 1][0])
    return True


def _before_surname(text: str, spans: list[tuple[int, int]], j: int) -> bool:
    """The name ending before token j is followed, one space on, by a capitalised word: a first name and its
    surname ("Paola Rossi")."""
    after = spans[j][0] if j < len(spans) else None
    return after is not None and text[spans[j - 1][1] : after] == " " and text[after].isupper()
