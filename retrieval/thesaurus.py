"""The domain thesaurus (lgnet/data/thesaurus.json) and the English-Italian glossary (lgnet/data/glossary.json)
as one lookup: a phrase of the query -> the other ways the field says it. Expansions widen the lexical query
at a lower weight than the user's own words. The glossary is read both ways: an English term's Italian
equivalents, and an Italian term's English one (counted in the English passages only: retrieval/terms.py).

A phrase of several words is also found inflected ("prese in carico" is "presa in carico", "alloggio di
transizione" is "alloggi di transizione"): each of its words by its stem. A single word only as written: its
stem would say too much ("casa" and "CAS" share the stem "cas"); an English one also in its other number, as
English writes it ("greenhouse" is the thesaurus' "greenhouses", "cities" its "city")."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import Stemmer

from lgnet.text import fold

_WORD = re.compile(r"\w+")
_STEMMERS = (Stemmer.Stemmer("italian"), Stemmer.Stemmer("english"))


def _stems(word: str) -> frozenset[str]:
    return frozenset(stemmer.stemWord(word) for stemmer in _STEMMERS)


def english_number(word: str) -> list[str]:
    """The word's other number, as English writes it: "greenhouse" -> "greenhouses", "cities" -> "city",
    "houses" -> "house"."""
    if len(word) < 4 or not word.isalpha():
        return []
    if word.endswith("ies"):
        return [word[:-3] + "y"]
    if word.endswith("s") and not word.endswith("ss"):
        return [word[:-1], word[:-2]] if word.endswith("es") else [word[:-1]]
    if word.endswith("y") and word[-2] not in "aeiou":
        return [word[:-1] + "ies"]
    return [word + "es"] if word.endswith(("s", "x", "ch", "sh")) else [word + "s"]


@dataclass(frozen=True)
class Match:
    phrase: str  # folded, as found in the query
    start: int
    end: int
    alternatives: tuple[str, ...]  # other ways of saying it (lower case, accents kept)


class Thesaurus:
    def __init__(self, groups: list[dict], glossary: dict[str, list[str]]) -> None:
        alternatives: dict[str, list[str]] = {}
        self.language: dict[str, str] = {}  # folded term -> "it" or "en"
        self.italian: set[str] = set()  # single words known to be Italian / English (for language detection)
        self.english: set[str] = set()
        for group in groups:
            terms = [t.lower() for t in (*group.get("it", []), *group.get("en", []))]
            for lang in ("it", "en"):
                self.language.update((fold(t), lang) for t in group.get(lang, []))
            for term in terms:
                alternatives.setdefault(fold(term), []).extend(t for t in terms if t != term)
            self.italian.update(w for t in group.get("it", []) for w in fold(t).split())
            self.english.update(w for t in group.get("en", []) for w in fold(t).split())
        for english, italian in glossary.items():
            key = fold(english)
            self.language.setdefault(key, "en")
            self.language.update((fold(t), "it") for t in italian if fold(t) != key)
            alternatives.setdefault(key, []).extend(t.lower() for t in italian if fold(t) != key)
            self.english.update(key.split())
            # and the other way: an Italian query's word is the English term in the English passages (an
            # evaluation report about "rented flats" answers "appartamenti in affitto")
            for term in italian:
                if fold(term) != key:
                    alternatives.setdefault(fold(term), []).append(english.lower())
        self.alternatives = {k: tuple(dict.fromkeys(a for a in v if fold(a) != k)) for k, v in alternatives.items()}
        self.words = {w for phrase in self.alternatives for w in re.findall(r"\w+", phrase)}
        self.words |= {w for alts in self.alternatives.values() for a in alts for w in re.findall(r"\w+", fold(a))}
        # Longest phrases first, so "alloggi ponte" wins over "alloggi"; hyphen and space are the same.
        ordered = sorted(self.alternatives, key=len, reverse=True)
        self._pattern = re.compile(
            r"(?<!\w)("
            + "|".join(re.escape(p).replace(r"\-", "[- ]?").replace(r"\ ", "[- ]") for p in ordered)
            + r")(?!\w)"
        )
        self._canonical = {re.sub(r"[- ]", "", p): p for p in ordered}
        # phrases of several words by their first word's stems: (their words' stems, the phrase)
        self._inflected: dict[str, list[tuple[tuple[frozenset[str], ...], str]]] = {}
        for phrase in ordered:
            words = _WORD.findall(phrase)
            if len(words) > 1:
                stems = tuple(_stems(w) for w in words)
                for stem in stems[0]:
                    self._inflected.setdefault(stem, []).append((stems, phrase))

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> Thesaurus:
        data = resources.files("lgnet").joinpath("data")
        thesaurus = json.loads(data.joinpath("thesaurus.json").read_text("utf-8"))
        glossary = json.loads(data.joinpath("glossary.json").read_text("utf-8"))
        return cls(thesaurus["groups"], glossary["terms"])

    def find(self, folded: str) -> list[Match]:
        """Thesaurus phrases in a folded query, the longest first, without overlaps: as written, or for a phrase of
        several words inflected ("case sfitte" in "la casa sfitta" wins over "casa")."""
        found = []
        for m in self._pattern.finditer(folded):
            phrase = self._canonical.get(re.sub(r"[- ]", "", m.group(1)))
            if phrase:
                match = Match(m.group(1), m.start(), m.end(), self.alternatives[phrase])
                found.append((len(_WORD.findall(m.group(1))), phrase, match))
        words = [(m.start(), m.end(), _stems(m.group(0))) for m in _WORD.finditer(folded)]
        for i, (start, _, first) in enumerate(words):
            for stems, phrase in {c for stem in first for c in self._inflected.get(stem, ())}:
                span = words[i : i + len(stems)]
                if len(span) == len(stems) and all(not a.isdisjoint(w[2]) for a, w in zip(stems, span, strict=True)):
                    end = span[-1][1]
                    found.append((len(stems), phrase, Match(folded[start:end], start, end, self.alternatives[phrase])))
        for start, end, _ in words:  # an English word of the thesaurus in the other number ("greenhouse")
            word = folded[start:end]
            for variant in english_number(word):
                if self.language.get(variant) == "en" and variant in self.alternatives:
                    found.append((1, variant, Match(word, start, end, (variant, *self.alternatives[variant]))))
                    break
        out: list[Match] = []
        for _, _, match in sorted(found, key=lambda f: (-f[0], f[2].start, f[1])):
            if not any(match.start < m.end and m.start < match.end for m in out):
                out.append(match)
        return sorted(out, key=lambda m: m.start)
