"""Numbers written in words, Italian and English, read by their parts ("trentadue", "centoventi",
"duemilacinquecento", "twenty-two", "one hundred and fifty"), not from a list of the ones met so far.

Italian writes a number as one word built from parts (units, teens, tens that drop their last vowel before
"uno" and "otto", "cento", "mille"/"mila"); English as words joined by hyphens, spaces and "and". `WORD_NUMBER`
is the pattern of either, `word_value` its value.
"""

from __future__ import annotations

import re

_IT_UNITS = {"uno": 1, "una": 1, "un": 1, "due": 2, "tre": 3, "tré": 3, "quattro": 4, "cinque": 5, "sei": 6,
             "sette": 7, "otto": 8, "nove": 9}  # fmt: skip
_IT_TEENS = {"dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14, "quindici": 15, "sedici": 16,
             "diciassette": 17, "diciotto": 18, "diciannove": 19}  # fmt: skip
_IT_TENS = {"venti": 20, "trenta": 30, "quaranta": 40, "cinquanta": 50, "sessanta": 60, "settanta": 70,
            "ottanta": 80, "novanta": 90}  # fmt: skip
# Every part, longest first, with the elided tens ("vent" of "ventotto") and "cent" ("centottanta").
_IT_PARTS = {**_IT_UNITS, **_IT_TEENS, **_IT_TENS, **{t[:-1]: v for t, v in _IT_TENS.items()}, "cento": 100,
             "cent": 100, "mille": 1000, "mila": 1000}  # fmt: skip
_IT_PART = "|".join(sorted(_IT_PARTS, key=len, reverse=True))
_IT_WORD = rf"(?:{_IT_PART})+"

_EN_SMALL = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
             "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
             "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}  # fmt: skip
_EN_SCALE = {"hundred": 100, "thousand": 1000}
_EN_PART = "|".join(sorted([*_EN_SMALL, *_EN_SCALE], key=len, reverse=True))
_EN_WORD = rf"(?:{_EN_PART})(?:(?:[\s-]+|\s+and\s+)(?:{_EN_PART}))*"

WORD_NUMBER = rf"(?:{_EN_WORD}|{_IT_WORD})"
_WHOLE = re.compile(rf"(?:{WORD_NUMBER})", re.I)
_ORDERED = sorted(_IT_PARTS, key=len, reverse=True)


def _parts(word: str) -> list[str] | None:
    """The word cut into number parts, trying the longer part first and backing off ("centottanta": "cent" +
    "ottanta", not "cento" + "ttanta")."""
    if not word:
        return []
    for part in _ORDERED:
        if word.startswith(part) and (rest := _parts(word[len(part) :])) is not None:
            return [part, *rest]
    return None


def _italian(word: str) -> int | None:
    parts = _parts(word)
    if not parts:
        return None
    total, current = 0, 0
    for part in parts:
        value = _IT_PARTS[part]
        if value == 100:
            current = (current or 1) * 100
        elif value == 1000:
            total += (current or 1) * 1000
            current = 0
        else:
            current += value
    return total + current


def _english(words: str) -> int | None:
    total, current = 0, 0
    for part in re.split(r"[\s-]+", words):
        if part == "and":
            continue
        if part in _EN_SMALL:
            current += _EN_SMALL[part]
        elif part == "hundred":
            current = (current or 1) * 100
        elif part == "thousand":
            total += (current or 1) * 1000
            current = 0
        else:
            return None
    return total + current


def word_value(raw: str) -> int | None:
    """The value of a number in words ("trentadue" 32, "milleduecento" 1200, "two hundred and fifty" 250)."""
    word = raw.lower().strip()
    if not _WHOLE.fullmatch(word):
        return None
    if re.search(r"[\s-]", word) or word in _EN_SMALL or word in _EN_SCALE:
        return _english(word)
    return _italian(word)


# About that many: "una cinquantina di residenti", "un centinaio di persone", "a dozen volunteers".
APPROXIMATE = {"decina": 10, "dozzina": 12, "quindicina": 15, "ventina": 20, "trentina": 30, "quarantina": 40,
               "cinquantina": 50, "sessantina": 60, "settantina": 70, "ottantina": 80, "novantina": 90,
               "centinaio": 100, "dozen": 12}  # fmt: skip
