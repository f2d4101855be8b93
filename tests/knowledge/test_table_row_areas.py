"""An indicator table's row takes its area from its own words, the row before it or its section's heading, never
from the document's dominant area: a table sums up the whole project, its rows are each their own. Sentences
invented here."""

from tests.knowledge.figure_text import built

TEXT = """Il progetto ha preso in affitto 6 alloggi nel centro storico.

Negli alloggi vivono oggi 21 persone, accompagnate dagli educatori verso l'autonomia abitativa.

Il fondo di garanzia ha coperto la caparra di 9 contratti di locazione.

Gli alloggi sono stati arredati con mobili donati.

Indicatore | Obiettivo | Risultato
Persone che hanno completato il percorso | 40 | 37
"""


def test_a_table_row_naming_no_area_takes_none_of_the_document_s_dominant_area():
    found = built(TEXT, doc_type="practice_report")
    assert (6.0, "housing") in found  # the document is about housing
    rows = {a for v, a in found if v in (40.0, 37.0)}
    assert rows and "housing" not in rows  # the row's own words or the area chooser decide
