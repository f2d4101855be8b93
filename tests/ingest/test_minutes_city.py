"""The city of minutes whose comune is only in their place line, their attendance table and an e-mail address
(ingest/city.py): the place line weighs as a dateline, the comune's own mail domain as a title, and a table row's
"Comune di X" as one row's body among the others, unless the row says it leads. Texts made up for the test."""

from ingest.city import city_scores, main_city

# The invited comune's "Comune di" is written as often as the host's, in the attendance table, a point's heading and
# its sentence, and the decisions' table; the host's place is its place line.
MINUTES = (
    "# Verbale del tavolo «Case aperte» – seduta del 3 febbraio 2026\n\n"
    "**Luogo:** Voghera, sala della Giunta, piazza Duomo\n"
    "**Ora:** dalle 10.00 alle 12.00\n\n"
    "## Presenti\n\n"
    "| Ente | Nome | Ruolo |\n"
    "|---|---|---|\n"
    "| Comune di Voghera | Anna Ferri, assessora | ospite |\n"
    "| Cooperativa sociale Il Ponte | Luca Sala | partner |\n"
    "| Comune di Stradella | Paolo Riva | invitato |\n\n"
    "## 1. I numeri\n\n"
    "La cooperativa riferisce che gli alloggi messi a disposizione dal Comune di Voghera sono 7 e che vi abitano "
    "22 persone, tutte residenti sul territorio di Voghera.\n\n"
    "## 2. Richiesta del Comune di Stradella\n\n"
    "Il Comune di Stradella chiede di aderire al tavolo con due alloggi.\n\n"
    "## Decisioni\n\n"
    "| Decisione | Chi |\n"
    "|---|---|\n"
    "| Risposta al Comune di Stradella | Comune di Voghera |\n\n"
    "Per comunicazioni: tavolo.casa@comune.voghera.pv.it\n"
)


def test_minutes_get_the_comune_of_their_place_line_table_and_mail_domain_not_the_invited_one():
    assert main_city("", MINUTES) == "Voghera"
    scores = city_scores("", MINUTES)
    assert scores["Voghera"] >= 1.5 * scores["Stradella"]


def test_a_place_line_weighs_as_a_dateline_and_a_plain_mention_does_not():
    placed = "Verbale della riunione\n\nLuogo: sala del municipio, via Roma 3, Tolentino\n\nSi discute del servizio."
    plain = "Verbale della riunione\n\nSi discute del servizio, come già fatto a Tolentino, con i volontari."
    assert city_scores("", placed)["Tolentino"] > city_scores("", plain)["Tolentino"]


def test_a_table_row_naming_a_comune_weighs_less_than_running_text_unless_it_leads():
    row = "| Comune di Stradella | Paolo Riva | invitato |\n"
    lead = "| Comune di Stradella | Paolo Riva | capofila |\n"
    text = "Il Comune di Stradella ha chiesto di aderire al tavolo.\n"
    assert city_scores("", row)["Stradella"] < city_scores("", text)["Stradella"]
    assert city_scores("", lead)["Stradella"] == city_scores("", text)["Stradella"]


def test_the_comune_s_own_mail_domain_weighs_as_a_title():
    address = "Verbale.\n\nPer comunicazioni: tavolo.casa@comune.voghera.pv.it\n"
    titled = city_scores("Il tavolo di Voghera", "Verbale.\n")["Voghera"]
    assert city_scores("", address)["Voghera"] == titled
