"""A passage's display text: a paragraph's wrapped lines joined, a table's rows and a list's items kept apart."""

from ingest.documents import display_text


def test_a_word_processor_table_keeps_a_row_a_line():
    text = ("Risultato atteso | Indicatore | Valore obiettivo | Verifica\n"
            "Le famiglie trovano casa | famiglie accolte | 12 | contratti\n"
            "I vicini si conoscono | feste di quartiere | 4 | foto\n")  # fmt: skip
    assert display_text(text).split("\n") == [
        "Risultato atteso | Indicatore | Valore obiettivo | Verifica",
        "Le famiglie trovano casa | famiglie accolte | 12 | contratti",
        "I vicini si conoscono | feste di quartiere | 4 | foto",
    ]


def test_a_spreadsheet_s_rows_and_a_list_s_items_keep_their_lines_and_wrapping_is_joined():
    text = ("Indicatori\n\nArea: Alloggi; Valore: 12\nArea: Comunità; Valore: 4\n\n"
            "Il progetto, avviato nel 2025, ha aperto uno sportello\ne due alloggi.\n"
            "• Modena: il dormitorio ha 150 posti e resterà aperto\nfino al 15 aprile.\n• Sassuolo: 30 corsisti.\n"
            "1. Carpi, il punto salute compie un anno\n2. Mirandola, otto alloggi\n")  # fmt: skip
    assert display_text(text).split("\n") == [
        "Indicatori", "", "Area: Alloggi; Valore: 12", "Area: Comunità; Valore: 4", "",
        "Il progetto, avviato nel 2025, ha aperto uno sportello e due alloggi.",
        "• Modena: il dormitorio ha 150 posti e resterà aperto fino al 15 aprile.", "• Sassuolo: 30 corsisti.",
        "1. Carpi, il punto salute compie un anno", "2. Mirandola, otto alloggi",
    ]  # fmt: skip
