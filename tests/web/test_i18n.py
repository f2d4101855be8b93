"""Italian first, English through the catalogue: no visible string is written in a template."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from lgnet.taxonomy import Taxonomy
from lgnet.vocabulary import DOC_TYPES
from web.i18n import LANGUAGES, Translator, catalogue, pick_language
from web.state import FILTERS, SORTS

TEMPLATES = Path(__file__).resolve().parents[2] / "web" / "templates"
OTHERS = ("_never_",)  # every template is checked, the practice and dossier pages too
TEMPLATE_FILES = sorted(p for p in TEMPLATES.glob("*.html") if not p.name.startswith(OTHERS))
KEY = re.compile(r"""\bt(\.plural)?\(\s*["']([\w.]+)["']\s*[,)]""")


def visible_text(source: str) -> tuple[list[str], list[str]]:
    """Words left in a template once Jinja, tags and URL paths are removed; attribute texts with words."""
    source = re.sub(r"\{#.*?#\}|<!--.*?-->", "", source, flags=re.S)
    attrs = re.findall(r'\b(?:aria-label|title|alt|placeholder)="([^"]*)"', source)
    attrs = [a for a in attrs if re.search(r"[^\W\d_]{2,}", re.sub(r"\{\{.*?\}\}", "", a))]
    text = re.sub(r"\{%.*?%\}|\{\{.*?\}\}", " ", source, flags=re.S)
    text = re.sub(r"<[^>]*>", " ", text)
    text = re.sub(r"[/#?][\w\-/=?&]*", " ", text)  # paths in macros that build URLs
    return re.findall(r"[^\W\d_]{2,}", text), attrs


@pytest.mark.parametrize("template", TEMPLATE_FILES, ids=lambda p: p.name)
def test_templates_hold_no_hard_coded_strings(template):
    words, attrs = visible_text(template.read_text("utf-8"))
    assert words == [], f"text written in {template.name}: {words}"
    assert attrs == [], f"attribute text written in {template.name}: {attrs}"


def used_keys() -> set[str]:
    keys: set[str] = set()
    for template in TEMPLATE_FILES:
        for plural, key in KEY.findall(template.read_text("utf-8")):
            keys |= {f"{key}.one", f"{key}.other"} if plural else {key}
    keys |= {f"facet.{name}" for name in FILTERS} | {f"sort.{s}" for s in SORTS}
    keys |= {f"lang.name.{code}" for code in LANGUAGES} | {f"doc_type.{d}" for d in DOC_TYPES}
    keys |= {f"area.description.{code}" for code in Taxonomy.default().codes} | {f"month.{m}" for m in range(1, 13)}
    keys |= {"error.title.error", "error.text.error"}
    return keys


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_the_templates_use_is_translated(lang):
    keys = used_keys()
    assert len(keys) > 80
    missing = sorted(k for k in keys if not catalogue(lang).get(k))
    assert missing == [], f"missing in {lang}.json: {missing}"


def test_catalogues_have_the_same_keys_and_placeholders_and_english_is_english():
    it, en = catalogue("it"), catalogue("en")
    assert set(it) == set(en)
    for key in it:
        assert placeholders(it[key]) == placeholders(en[key]), key
    same = [k for k in it if it[k] == en[k] and not k.startswith("lang.name.")]
    assert len(same) < len(it) / 10, same


def test_translator_dates_numbers_plurals_and_language_choice():
    it, en = Translator("it"), Translator("en")
    assert it.date("2023-10-18") == "18 ottobre 2023" and en.date("2023-10-18") == "18 October 2023"
    assert it.date("2023-10") == "ottobre 2023" and it.date("2023") == "2023" and it.date(None) == ""
    assert it.number(12345) == "12.345" and en.number(12345) == "12,345"
    assert it.plural("count.documents", 1) != it.plural("count.documents", 2)
    assert it.city("Torino") == "Torino" and en.city("Torino") == "Turin"
    assert pick_language("en", "it") == "en" and pick_language(None, "en") == "en"
    assert pick_language("xx", None) == "it" and pick_language(None, None) == "it"

    with pytest.raises(KeyError):
        it("no.such.key")


def test_first_visit_follows_the_browser_then_the_link_and_the_cookie_win():
    assert pick_language(None, None, "en-GB,en;q=0.9,it;q=0.8") == "en"
    assert pick_language(None, None, "it-IT,it;q=0.9,en;q=0.8") == "it"
    assert pick_language(None, None, "de-DE,de;q=0.9,en;q=0.5") == "en"  # the best one the site has
    assert pick_language(None, None, "fr-FR,de") == "it" and pick_language(None, None, "en;q=0") == "it"
    assert pick_language(None, "it", "en-US") == "it" and pick_language("it", None, "en") == "it"
