"""Text analysis for the lexical index, and query understanding: what a query asks and how."""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_ITALIAN

from lgnet.gazetteer import Gazetteer
from lgnet.taxonomy import Taxonomy
from lgnet.text import fold
from retrieval.cognates import cognate
from retrieval.dictionary import is_word, language_words
from retrieval.language import FUNCTION_WORDS, ITALIAN, detect_query_language
from retrieval.phases import PhaseRecognizer
from retrieval.places import PlaceRecognizer
from retrieval.query_cities import city_mentions
from retrieval.question import read_question
from retrieval.spelling import MIN_LENGTH, Vocabulary, split
from retrieval.thesaurus import Thesaurus
from retrieval.word_sense import adjective_after_a_noun

_WORD = re.compile(r"\w+(?:['’]\w+)?")
# Italian elided articles and prepositions before a word ("dall'accoglienza", "nell'ambito", "un'unità"): the word
# is what the user asked about, and what spelling checks ("dall'acoglienza" is "accoglienza" misspelt).
_ELIDED = re.compile(r"^(?:[ldcsmtvn]|un|dell|dall|nell|all|sull|coll|quest|quell|nessun|sant|tutt|anch)['’](?=\w)")
STEM_CACHE_SIZE = 200_000  # distinct words remembered (a few MB)
_LETTERS = re.compile(r"[^\W\d_]+")
# an Italian word's inflected ending, with the "h" a plural of -co/-ca/-go/-ga keeps before it ("psichiatriche")
_ENDING = re.compile(r"(?<=[cg])h?[aeiou]+$|[aeiou]+$")
# Prefixes that make a word of another ("riusare" of "usare", "coabitare", "preiscrizione"): a word the lists lack
# that is one of them before its would-be correction is that word's derivative, not a typo of it.
_PREFIXES = (
    "ri", "re", "pre", "co", "auto", "inter", "sotto", "sovra", "semi", "post", "anti", "multi", "extra", "neo",
)  # fmt: skip
_STOP = {fold(w) for w in (*STOPWORDS_ITALIAN, *STOPWORDS_EN)} | {"lgnet", "lgnet2", "lgnet3", "progetto"}
STOP = frozenset(_STOP)  # the stop words of the index and the query, both languages


class Analyzer:
    """Fold accents, drop stop words, stem with the text's language (Italian or English)."""

    def __init__(self) -> None:
        self._stemmers = {"it": Stemmer.Stemmer("italian"), "en": Stemmer.Stemmer("english")}
        self._stem_cache: dict[str, frozenset[str]] = {}

    def words(self, text: str) -> list[str]:
        out = []
        for w in _WORD.findall(fold(text)):
            w = re.sub(r"^\w['’]", "", w)  # l'accoglienza -> accoglienza
            if len(w) > 1 and w not in _STOP:
                out.append(w)
        return out

    def tokens(self, text: str, language: str = "it") -> list[str]:
        return self._stemmers.get(language, self._stemmers["it"]).stemWords(self.words(text))

    def word_stems(self, word: str) -> frozenset[str]:
        """Both stems of one word ({} for a stop word): how a text word is matched against a query.
        Cached: snippets ask this for every word of every hit shown."""
        stems = self._stem_cache.get(word)
        if stems is None:
            folded = fold(word)
            if len(folded) < 2 or folded in _STOP:
                stems = frozenset()
            else:
                stems = frozenset({self._stemmers["it"].stemWord(folded), self._stemmers["en"].stemWord(folded)})
            if len(self._stem_cache) < STEM_CACHE_SIZE:
                self._stem_cache[word] = stems
        return stems

    def query_tokens(self, text: str, drop: Container[str] = ()) -> list[str]:
        """A query is stemmed both ways: the user may write English or Italian words in either. `drop`: words
        left out (a query's function words: retrieval/language.FUNCTION_WORDS)."""
        words = [w for w in self.words(text) if w not in drop]
        return list(dict.fromkeys(self._stemmers["it"].stemWords(words) + self._stemmers["en"].stemWords(words)))

    def stem_pairs(self, text: str, language: str, drop: Container[str] = ()) -> list[tuple[str, str]]:
        """Each word's stem in `language` and in the other one (the query's words as `query_tokens` stems them):
        a passage is stemmed in its own language only, so the other stem of an Italian word matches English
        passages that quote it ("accoglienza" in an English report), and is rare there."""
        other = "en" if language == "it" else "it"
        if language not in self._stemmers:
            return []
        words = [w for w in self.words(text) if w not in drop]
        return list(zip(self._stemmers[language].stemWords(words), self._stemmers[other].stemWords(words), strict=True))


@lru_cache(maxsize=1)
def get_analyzer() -> Analyzer:
    return Analyzer()


@dataclass
class Concept:
    """One thing the user asked about: a word or a thesaurus phrase, with the other ways of saying it."""

    text: str  # folded, as the user wrote it
    corrections: list[str] = field(default_factory=list)  # spelling corrections (weigh as the word itself)
    alternatives: list[str] = field(default_factory=list)  # thesaurus / glossary expansions (weigh less)
    # read in its own sense, with no alternative of the thesaurus or the model: "comuni" after a noun it agrees with
    # ("spazi comuni") is the adjective, "common", never "municipalities" (`retrieval/word_sense.py`)
    literal: bool = False


@dataclass
class ParsedQuery:
    text: str
    language: str
    cities: list[str] = field(default_factory=list)
    interventions: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)
    core: str = ""  # the query without its question frame (folded); what the lexical search weighs
    intent: str | None = None  # "figure", "partners", "places", "how", "definition"
    frame: list[str] = field(default_factory=list)
    concepts: list[Concept] = field(default_factory=list)
    corrections: dict[str, str] = field(default_factory=dict)  # typed word -> index word
    suggestion: str | None = None  # the query with its typos corrected ("Forse cercavi")
    regions: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # regions / macro-areas / provinces as named
    region_cities: list[str] = field(default_factory=list)  # cities of those places
    provinces: list[str] = field(default_factory=list)  # provinces named ("provincia di Chieti")
    phases: list[str] = field(default_factory=list)
    # of `phases`, those named by name, edition or a range of years: their passages are ranked first. One year
    # ("nel 2025") only boosts its phase: a document of that year may be of no phase (a comune outside the network)
    named_phases: list[str] = field(default_factory=list)
    translations: dict[str, str] = field(default_factory=dict)  # English word -> its Italian cognate in the index
    # Italian alternatives found by the embedding model (retrieval/word_translation.py) -> the weight they count with
    translated: dict[str, float] = field(default_factory=dict)
    # the folded words of the cities and places read in the query ("bolzano", "bozen", "sicily"): names, the same
    # in the index, that an English query sends to no translation (retrieval/service.py)
    names: frozenset[str] = frozenset()

    def term_languages(self, thesaurus: dict[str, str]) -> Mapping[str, str]:
        """The language of each alternative: the thesaurus', and Italian for the model's translations."""
        return ChainMap(dict.fromkeys(self.translated, "it"), thesaurus) if self.translated else thesaurus

    def __post_init__(self) -> None:
        if not self.core:
            self.core = fold(self.text)

    @property
    def main_text(self) -> str:
        """The user's own words (frame removed) with their corrections: full weight."""
        return " ".join([self.core, *self.corrections.values(), *self.translations.values()])

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "language": self.language,
            "cities": self.cities,
            "interventions": self.interventions,
            "expansions": self.expansions,
            "intent": self.intent,
            "frame": self.frame,
            "corrections": self.corrections,
            "regions": self.regions,
            "places": self.places,
            "region_cities": self.region_cities,
            "phases": self.phases,
        }


class QueryAnalyzer:
    """Reads a query: language, question frame and intent, cities (names, aliases, typos), regions and
    provinces with their cities, phases, intervention areas, thesaurus expansions and spelling corrections
    against the index's vocabulary. Used to weigh, boost and report, never to filter silently."""

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        taxonomy: Taxonomy | None = None,
        places: PlaceRecognizer | None = None,
    ) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.taxonomy = taxonomy or Taxonomy.default()
        self.thesaurus = Thesaurus.default()
        self.places = places or PlaceRecognizer()
        self.phases = PhaseRecognizer.default()
        # the words of place names as a vocabulary's extra words: none of the index's texts is read for them
        self._place_words = Vocabulary(
            [], frozenset(w for f in self.places.forms() for w in re.findall(r"[a-z]{3,}", f))
        )
        self._known = frozenset(
            {w for c in self.gazetteer.cities for f in c.forms for w in re.findall(r"\w+", fold(f))}
            | self.thesaurus.words
            | _STOP
            | ITALIAN
            | FUNCTION_WORDS
        )

    def parse(
        self,
        query: str,
        vocabulary: Callable[[], Vocabulary] | None = None,
        known_stems: Container[str] = (),
        known_cities: Container[str] = (),
        searched: Callable[[str], object] | None = None,
    ) -> ParsedQuery:
        """`vocabulary`: gives the index's words, for spelling corrections (called only when a word is unknown);
        `known_stems`: the index's stems (a word whose stem the index has is an inflection, not a typo);
        `searched`: called with the text the search is for (the suggestion, else the query) as soon as it is
        known, before a query with typos is read again.

        A query with typos is read again as corrected: the search is the corrected query's ("in Pugia" is in
        Puglia, "Avezano" is the city), and the corrections and the suggestion stay those of the query typed."""
        parsed = self._read(query, vocabulary, known_stems, known_cities)
        if searched is not None:
            searched(parsed.suggestion or parsed.text)
        if parsed.suggestion is not None:
            # the index's words again: "in transito" read from "in tranzito" is no misspelt Taranto either
            fixed = self._read(parsed.suggestion, vocabulary, known_stems, known_cities)
            fixed.text = parsed.text
            fixed.corrections, fixed.suggestion = parsed.corrections, parsed.suggestion
            parsed = fixed
        if parsed.language == "en" and vocabulary is not None:
            _translate(parsed, vocabulary())
        return parsed

    def spelt_right(self, query: str, vocabulary: Vocabulary) -> bool:
        """A guess, before reading `query`, that its reading corrects nothing (no suggestion): each of its words is
        the index's, too short to correct, or one `_read` never corrects (a place's, the thesaurus', a word of the
        language). It decides whether the query as typed is embedded while it is read (retrieval/stages.py): a
        wrong guess costs a second embedding, never another result."""
        return all(
            w in vocabulary or len(w) < MIN_LENGTH or w in self._known or is_word(w)
            for w in _LETTERS.findall(fold(query))
        )

    def _read(
        self,
        query: str,
        vocabulary: Callable[[], Vocabulary] | None = None,
        known_stems: Container[str] = (),
        known_cities: Container[str] = (),
    ) -> ParsedQuery:
        text = " ".join(query.split())
        folded = fold(text)
        language = detect_query_language(text, self.thesaurus.italian, self.thesaurus.english)
        question = read_question(folded)

        mentions = city_mentions(self.gazetteer, text, vocabulary, known_cities)
        places = [  # "Emilia" inside "Reggio Emilia" is the city
            p
            for p in self.places.find(folded)
            if not any(m.start <= p.start and p.end <= m.end and m.end - m.start > p.end - p.start for m in mentions)
        ]
        in_place = [(p.start, p.end) for p in places]
        cities = list(
            dict.fromkeys(
                m.city.name
                for m in mentions
                if not any(s <= m.start < e for s, e in in_place)  # "Venezia" inside "Friuli-Venezia Giulia"
            )
        )
        found_phases = self.phases.find(folded)
        phases = list(dict.fromkeys(p.code for p in found_phases))
        named_phases = list(dict.fromkeys(p.code for p in found_phases if p.how != "year"))

        core = question.core
        # "la terza edizione", "in Sicilia": a phase or a place to boost, not words to match
        named = {p.name for p in places}
        spans = [(p.start, p.end) for p in self.phases.find(core) if p.how != "year"]  # "primo semestre 2025"
        spans += [(p.start, p.end) for p in self.places.find(core) if p.name in named]
        for start, end in spans:
            core = core[:start] + " " * (end - start) + core[end:]
        core = " ".join(core.split()) or question.core
        # A city called by another of its names ("Turin", "Bozen", "capoluogo ionico") is read by the name the
        # documents use, as its words (the answer, the snippets, the reranker weigh it): it is no typo, so nothing
        # is suggested and the query is not read twice. A short name ("Cividale") stays as written.
        renamed: set[str] = set()
        for m in mentions:
            name = fold(m.city.name)
            if m.evidence in ("typo", "short name") or m.city.name not in cities or name in folded:
                continue
            written = re.sub(rf"(?<!\w){re.escape(fold(m.form))}(?!\w)", name, core)
            if written != core:
                core = written
                renamed.add(m.city.name)
        concepts, expansions = self._concepts(core)
        corrections: dict[str, str] = {}
        suggestion_words: dict[str, str] = {}
        if vocabulary is not None:
            for concept in concepts:
                word = concept.text
                if " " in word or not word.isalpha() or word in self._known or is_word(word):
                    continue
                fix = vocabulary().correct(word, language_words()) or split(vocabulary(), word)
                if word not in vocabulary():  # a region's name, English or the people's ("Sardiia", "Sicliy")
                    place = self._place_words.correct(word, language_words())
                    if place is not None and (fix is None or place.distance <= fix.distance):
                        fix = place
                stems = get_analyzer().word_stems(word)
                # An inflection the index has the stem of ("coprogettazioni") matches already: it is not a typo
                # when its correction is of the same family and differs only in its ending vowels ("rifugati",
                # stemmed as "rifugiati" is, is a typo). A stem alone proves nothing: the Italian stemmer cuts
                # "stranieir" to "stran", as "strano".
                if fix is None or any(fold(word) == p + fold(fix.correct) for p in _PREFIXES):
                    continue
                inflection = _ENDING.sub("", word) == _ENDING.sub("", fix.correct)
                if inflection and any(s in known_stems for s in stems & get_analyzer().word_stems(fix.correct)):
                    continue
                concept.corrections.append(fix.correct)
                corrections[word] = fix.correct
                # an inflection the stemmer cuts apart ("psichiatrici", "psichiatr-iche") is searched in the
                # index's form, but it is no typo: nothing to suggest
                if not inflection:
                    suggestion_words[word] = fix.display
                # the corrected word may itself be a thesaurus term: "senzateto" -> "senzatetto"
                for match in self.thesaurus.find(fix.correct):
                    concept.alternatives.extend(match.alternatives)
                    expansions.extend(match.alternatives)
        # Cities named otherwise and not read by their name above (typo'd, a short name) are added in their name so
        # BM25 can match them too; only a typo'd one is suggested.
        city_fixes = [c for c in cities if fold(c) not in folded and c not in renamed]
        expansions += city_fixes
        misspelt = {m.city.name for m in mentions if m.evidence == "typo"}
        city_typos = [c for c in city_fixes if c in misspelt]
        areas = self.taxonomy.classify(" ".join([core, *corrections.values(), *expansions]))
        suggestion = None
        if suggestion_words or city_typos:
            suggestion = _rewrite(text, suggestion_words)
            for c in city_typos:  # written as the city is, capital included ("a palremo" -> "a Palermo")
                for m in self.gazetteer.query_mentions(suggestion):
                    if m.city.name == c and m.form != c:
                        suggestion = suggestion[: m.start] + c + suggestion[m.end :]
                        break
            if fold(suggestion) == folded:
                suggestion = None
        return ParsedQuery(
            text=text,
            language=language,
            cities=cities,
            interventions=areas,
            expansions=list(dict.fromkeys(e for e in expansions if e not in core)),
            core=core,
            intent=question.intent,
            frame=question.frame,
            concepts=concepts,
            corrections=corrections,
            suggestion=suggestion,
            regions=list(dict.fromkeys(r for p in places for r in p.regions)),
            places=list(dict.fromkeys(p.name for p in places)),
            region_cities=self.places.cities_in(places),
            provinces=list(dict.fromkeys(v for p in places for v in p.provinces)),
            phases=phases,
            named_phases=named_phases,
            names=frozenset(
                re.findall(
                    r"\w+",
                    " ".join(
                        [fold(n) for m in mentions if m.city.name in cities for n in (m.form, m.city.name)]
                        + [folded[p.start : p.end] + " " + fold(p.name) for p in places]
                    ),
                )
            ),
        )

    def _concepts(self, core: str) -> tuple[list[Concept], list[str]]:
        """The query's thesaurus phrases (with their alternatives) and its other content words."""
        concepts: list[Concept] = []
        expansions: list[str] = []
        taken = []
        for match in self.thesaurus.find(core):
            if adjective_after_a_noun(core, match.start, match.end, _STOP):  # "spazio comune": no "municipality"
                concepts.append(Concept(match.phrase, literal=True))
            else:
                concepts.append(Concept(match.phrase, alternatives=list(match.alternatives)))
                expansions.extend(match.alternatives)
            taken.append((match.start, match.end))
        for m in _WORD.finditer(core):
            if any(s < m.end() and m.start() < e for s, e in taken):  # "all'abitare" holds "abitare"
                continue
            word = _ELIDED.sub("", m.group(0))
            if len(word) > 2 and word not in _STOP and word not in ITALIAN and word not in FUNCTION_WORDS:
                concepts.append(Concept(word, literal=adjective_after_a_noun(core, m.start(), m.end(), _STOP)))
        return concepts, expansions


def _translate(parsed: ParsedQuery, vocabulary: Vocabulary) -> None:
    """An English word the thesaurus does not know is also searched as its Italian cognate in the index
    (retrieval/cognates.py), at the weight of the word itself: it is the same word in the corpus's language."""
    for concept in parsed.concepts:
        if " " in concept.text or concept.alternatives or concept.corrections:
            continue
        italian = cognate(concept.text, vocabulary)
        if italian is not None and italian != concept.text:
            concept.corrections.append(italian)
            parsed.translations[concept.text] = italian


def _rewrite(text: str, replacements: dict[str, str]) -> str:
    """The query as typed, with the corrected words replaced (matched accent- and case-free)."""

    def swap(m: re.Match) -> str:
        typed = m.group(0)
        new = replacements.get(fold(typed), typed)
        if typed[:1].isupper() and new[:1].islower():  # "Avezano" -> "Avezzano": a city stays a name
            return new.upper() if typed.isupper() and len(typed) > 1 else new[:1].upper() + new[1:]
        return new

    return re.sub(r"\w+", swap, text)
