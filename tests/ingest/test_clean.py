"""Page furniture blanked, headings kept (ingest/clean.py). Texts made up for the test."""

from ingest.clean import blank_furniture


def test_a_feed_code_is_furniture_but_a_heading_in_capitals_is_not():
    article = "ROMA, 3 marzo - Aperto lo sportello.\nANSAGEN\n"
    assert "ANSAGEN" not in blank_furniture(article)
    sheet = "IL CONTESTO\nUn quartiere.\n\nI RISULTATI\n40 famiglie.\n\nPARTNER\nCooperativa Alfa, Associazione Beta.\n"
    kept = blank_furniture(sheet)
    assert "PARTNER" in kept and len(kept) == len(sheet)
