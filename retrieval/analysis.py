"""Text analysis for the lexical index, and query understanding (cities, areas, glossary expansion)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import Stemmer
from bm25s.stopwords import STOPWORDS_EN, STOPWORDS_ITALIAN

from lgnet.gazetteer import Gazetteer
from lgnet.taxonomy import Taxonomy
from lgnet.text import detect_language, fold

_WORD = re.compile(r"\w+(?:['’]\w+)?")
STEM_CACHE_SIZE = 200_000  # distinct words remembered (a few MB)
_STOP = {fold(w) for w in (*STOPWORDS_ITALIAN, *STOPWORDS_EN)} | {"lgnet", "lgnet2", "lgnet3", "progetto"}


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

    def query_tokens(self, text: str) -> list[str]:
        """A query is stemmed both ways: the user may write English or Italian words in either."""
        words = self.words(text)
        return list(dict.fromkeys(self._stemmers["it"].stemWords(words) + self._stemmers["en"].stemWords(words)))


@lru_cache(maxsize=1)
def get_analyzer() -> Analyzer:
    return Analyzer()


@lru_cache(maxsize=1)
def glossary() -> dict[str, list[str]]:
    raw = json.loads(resources.files("lgnet").joinpath("data/glossary.json").read_text("utf-8"))
    return {fold(k): v for k, v in raw["terms"].items()}


@dataclass
class ParsedQuery:
    text: str
    language: str
    cities: list[str] = field(default_factory=list)
    interventions: list[str] = field(default_factory=list)
    expansions: list[str] = field(default_factory=list)

    @property
    def lexical_text(self) -> str:
        """The words BM25 looks for: the query plus its glossary expansions."""
        return " ".join([self.text, *self.expansions])

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "language": self.language,
            "cities": self.cities,
            "interventions": self.interventions,
            "expansions": self.expansions,
        }


class QueryAnalyzer:
    """Recognises cities (Italian or English names, aliases, typos) and intervention areas in a query, and
    widens it with the English-Italian glossary. Used to boost and to report, never to filter silently."""

    def __init__(self, gazetteer: Gazetteer | None = None, taxonomy: Taxonomy | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.taxonomy = taxonomy or Taxonomy.default()
        self.glossary = glossary()
        # Longest phrases first, so "street unit" wins over "unit".
        self._phrases = sorted(self.glossary, key=len, reverse=True)

    def parse(self, query: str) -> ParsedQuery:
        text = " ".join(query.split())
        cities = list(dict.fromkeys(m.city.name for m in self.gazetteer.query_mentions(text)))
        expansions = self._expand(text)
        # Typo'd city names are added in their correct spelling so BM25 can match them too.
        expansions += [c for c in cities if fold(c) not in fold(text)]
        areas = self.taxonomy.classify(" ".join([text, *expansions]))
        return ParsedQuery(
            text=text,
            language=detect_language(text),
            cities=cities,
            interventions=areas,
            expansions=list(dict.fromkeys(expansions)),
        )

    def _expand(self, text: str) -> list[str]:
        folded = f" {fold(text)} "
        found: list[str] = []
        for phrase in self._phrases:
            pattern = rf"(?<!\w){re.escape(phrase)}(?!\w)"
            if re.search(pattern, folded):
                found.extend(self.glossary[phrase])
                folded = re.sub(pattern, " ", folded)
        return found
