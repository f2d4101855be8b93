"""Catalogue entries and upload fields: checked the same way, and a changed entry re-describes its file."""

from __future__ import annotations

import json

import pytest

from ingest.catalogue import check_fields, load_catalogue, save_entry
from ingest.pipeline import IngestPipeline
from lgnet.errors import IngestError, InvalidRequest
from tests.conftest import make_settings

MINUTES = (
    "Verbale della riunione del tavolo casa. Presenti: l'assessora e due assistenti sociali. "
    "Ordine del giorno: alloggi di transizione. La riunione si chiude alle ore 12:00. " * 20
)


def test_fields_are_normalised():
    entry = check_fields({"city": "turin", "title": "  Nota   breve ", "date": "2024-02", "doc_type": "minutes"})
    assert entry == {"city": "Torino", "title": "Nota breve", "date": "2024-02", "doc_type": "minutes"}
    assert check_fields({"city": "Castro (LE)"})["city"] == "Castro (LE)"
    assert check_fields({"city": "Lecce nei Marsi"})["city"] == "Lecce nei Marsi"


@pytest.mark.parametrize(
    "fields",
    [
        {"city": "Gotham"},
        {"city": "Castro"},
        {"doc_type": "press_summary"},
        {"phase": "LGNet4"},
        {"date": "2024-02-30"},
        {"date": "1800"},
        {"language": "ITA"},
        {"title": " "},
        {"title": 12},
    ],
)
def test_bad_fields_name_the_field(fields):
    with pytest.raises(InvalidRequest) as err:
        check_fields(fields)
    assert err.value.detail["field"] == next(iter(fields))


def test_a_bad_catalogue_entry_names_the_file_and_entry(tmp_path):
    save_entry(tmp_path, "a.txt", {"city": "Gotham"})
    with pytest.raises(IngestError) as err:
        load_catalogue(tmp_path)
    assert "a.txt" in err.value.message and "Gotham" in err.value.message
    save_entry(tmp_path, "a.txt", None)
    assert load_catalogue(tmp_path) == {}


def test_a_changed_entry_re_describes_the_same_bytes(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "verbale.txt").write_text(MINUTES, encoding="utf-8")
    settings = make_settings(tmp_path / "data")
    pipeline = IngestPipeline(settings, progress=False)

    def described() -> tuple[str, str | None]:
        doc = json.loads(settings.report_path.read_text())["doc_list"][0]
        return doc["doc_type"], doc["city"]

    assert pipeline.run([corpus]).files_ingested == 1
    assert described() == ("minutes", None)  # from the content
    assert pipeline.run([corpus]).files_unchanged == 1
    save_entry(corpus, "verbale.txt", {"doc_type": "report", "city": "Bra"})
    assert pipeline.run([corpus]).files_ingested == 1
    assert described() == ("report", "Bra")
    assert pipeline.run([corpus]).files_unchanged == 1
