"""Who the rules took for a partner though the document says otherwise: a body that "non fa parte della convenzione",
a guest of the minutes' attendance table named again in the text, an organisation a sentence names with a cue when a
partnership section or table lists the partners without it, and where the people themselves go ("nei rapporti con il
Centro per l'impiego"); and a valley's community (Comunità Valle X), a body that runs an area's social services, as a
partner. Texts invented here."""

from knowledge.organisations import named
from knowledge.partner_denials import denied, denied_clauses
from knowledge.partner_lists import guests
from knowledge.partners import partners
from knowledge.records import Passage, RecordBuilder


def _found(*texts: str, doc_type: str = "project_sheet") -> set[str]:
    passages = [Passage(f"v:{i}", t, {"doc_id": "v", "doc_type": doc_type, "city": "Pontelungo", "chunk_index": i})
                for i, t in enumerate(texts)]  # fmt: skip
    records, project = RecordBuilder().build("Pontelungo", None, passages, set())
    return {p.name for r in records for p in r.partners} | {p.name for p in project.partners}


def test_a_body_that_is_no_part_of_the_agreement_is_denied():
    for text in ("La Parrocchia di San Rocco ci ha prestato la sala, ma non fa parte della convenzione.",
                 "La Caritas diocesana distribuisce i pasti, ma non fa parte dell'accordo.",
                 "The Parish of San Rocco lent the hall but is not part of the agreement."):  # fmt: skip
        clauses = denied_clauses(text)
        names = ("Parrocchia di San Rocco", "Caritas diocesana", "Parish of San Rocco")
        assert any(denied(name, clauses) for name in names), text
    # the partners of the clause before are not denied
    clauses = denied_clauses("Lavoriamo con la cooperativa Il Faggio. La Parrocchia di San Rocco non fa parte della "
                             "convenzione.")  # fmt: skip
    assert not denied("Cooperativa Il Faggio", clauses)


_MINUTES = """# Verbale del gruppo di lavoro

## Presenti

| Nome | Ente | Ruolo |
|---|---|---|
| Anna Neri | cooperativa sociale Il Faggio | coordinatrice |
| Bruno Sala | ATER Pontelungo, sede di Borgo | invitato per il punto 2 |

## 2. Alloggi

Bruno Sala illustra gli alloggi gestiti da ATER: ne risultano 30 sfitti."""


def test_a_guest_of_the_attendance_table_is_no_partner_where_the_text_names_it():
    assert guests(_MINUTES) == ["ATER Pontelungo"]
    found = _found(_MINUTES, doc_type="minutes")
    assert any("Il Faggio" in n for n in found) and not any("ATER" in n for n in found)


_SHEET = """Scheda di progetto

Lo sportello di Borgo, gestito dal Consorzio Monte Verde, ha seguito 45 persone. Un operatore affianca le
persone nel lavoro con la Confcooperative Valle Alta.

5. Partenariato

Soggetto | Natura giuridica | Ruolo nel progetto
Cooperativa sociale Il Faggio | Impresa sociale | Partner: sportello
Associazione Amici Lontani APS | Associazione | Partner: laboratori
"""


def test_a_listed_partnership_is_the_whole_partnership():
    found = _found(_SHEET)
    assert found == {"Cooperativa sociale Il Faggio", "Associazione Amici Lontani APS"}
    # without the list, the sentences' organisations stay
    assert "Consorzio Monte Verde" in _found(_SHEET.split("5. Partenariato")[0])


def test_where_the_people_go_is_no_partner():
    for text in ("Per 20 di loro è stato costruito un progetto individuale con il Centro per l'impiego di Borgo.",
                 "Un operatore affianca le persone nei rapporti con il Centro per l'impiego di Borgo."):  # fmt: skip
        assert partners(text, "Pontelungo") == [], text
    assert [p.name for p in partners("Il corso è realizzato con il Centro per l'impiego di Borgo.", "Pontelungo")] == [
        "Centro per l'impiego di Borgo"]  # fmt: skip


def test_a_valleys_community_is_an_organisation():
    assert [n for n, *_ in named("e con la Comunità Valle Verde, che ci manda le persone dal servizio sociale")] == [
        "Comunità Valle Verde"]  # fmt: skip
    assert [n for n, *_ in named("la Comunità di montagna del Monte Alto aderisce")] == [
        "Comunità di montagna del Monte Alto"]  # fmt: skip
    assert named("Comunità | Laboratori di cucina") == []
    assert partners("Il progetto è realizzato con la Comunità Europea.", "Pontelungo") == []
