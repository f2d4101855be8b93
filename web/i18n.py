"""The site's languages: Italian first, English second. Every visible string comes from web/locales/*.json.

A catalogue is a flat JSON object `{"key": "text with {placeholders}"}`; plurals are two keys, `key.one` and
`key.other`. The language comes from `?lang=`, then the `lang` cookie, then the browser's Accept-Language, then Italian.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from lgnet.gazetteer import Gazetteer
from lgnet.taxonomy import Taxonomy

LANGUAGES = ("it", "en")
DEFAULT_LANGUAGE = "it"
COOKIE = "lang"
LOCALES = Path(__file__).resolve().parent / "locales"


@lru_cache(maxsize=len(LANGUAGES))
def catalogue(lang: str) -> dict[str, str]:
    return json.loads((LOCALES / f"{lang}.json").read_text("utf-8"))


def pick_language(query_lang: str | None, cookie_lang: str | None, accept_language: str | None = None) -> str:
    """`?lang=`, then the cookie, then (first visit) the browser's Accept-Language, then Italian."""
    for candidate in (query_lang, cookie_lang):
        if candidate in LANGUAGES:
            return candidate
    return from_accept_language(accept_language or "")


def from_accept_language(header: str) -> str:
    """The site language the browser prefers most ('en-GB,en;q=0.9,it;q=0.8' -> 'en'); Italian when none fits."""
    best, best_q = DEFAULT_LANGUAGE, 0.0
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        if params.strip().startswith("q="):
            try:
                q = float(params.strip()[2:])
            except ValueError:
                continue
        code = tag.strip().lower().split("-")[0]
        if code in LANGUAGES and q > best_q and q > 0:
            best, best_q = code, q - position * 1e-6  # ties: the first listed wins
    return best


class Translator:
    """`t("key", name=value)` in templates; labels of cities, areas, document types; dates."""

    def __init__(self, lang: str) -> None:
        self.lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
        self.messages = catalogue(self.lang)
        self._fallback = catalogue(DEFAULT_LANGUAGE)

    def __call__(self, key: str, **values: object) -> str:
        text = self.messages.get(key) or self._fallback.get(key)
        if text is None:
            raise KeyError(f"no string {key!r} in the {self.lang} catalogue")
        return text.format(**values) if values else text

    def plural(self, key: str, n: int, **values: object) -> str:
        return self(f"{key}.{'one' if n == 1 else 'other'}", n=self.number(n), **values)

    def number(self, n: int | float) -> str:
        text = f"{n:,}"
        return text.replace(",", ".") if self.lang == "it" else text

    def unit(self, code: str) -> str:
        """What a figure counts ('posti letto'), never the code ('beds', 'housing_units')."""
        return self.messages.get(f"unit.{code}") or self._fallback.get(f"unit.{code}") or code.replace("_", " ")

    def area(self, code: str) -> str:
        area = Taxonomy.default().by_code.get(code)
        if area is None:
            return code
        return area.label_it if self.lang == "it" else area.label_en

    def city(self, name: str | None) -> str:
        if not name:
            return ""
        city = Gazetteer.default().by_name.get(name)
        return city.name_en if city and self.lang == "en" else name

    def label(self, field: str, value: object) -> str:
        """A facet value as people read it: an area's name, a document type's name, a city, a year."""
        if field == "intervention":
            return self.area(str(value))
        if field == "city":
            return self.city(str(value))
        if field == "doc_type":
            return self.messages.get(f"doc_type.{value}") or str(value)
        return str(value)

    def date(self, iso: str | None) -> str:
        """'2023-10-18' as '18 ottobre 2023' or '18 October 2023'; partial dates as far as they go."""
        if not iso:
            return ""
        parts = iso.split("-")
        try:
            numbers = [int(p) for p in parts[:3]]
        except ValueError:
            return iso
        if len(numbers) == 1:
            return str(numbers[0])
        month = self(f"month.{numbers[1]}")
        if len(numbers) == 2:
            return f"{month} {numbers[0]}"
        return f"{numbers[2]} {month} {numbers[0]}"
