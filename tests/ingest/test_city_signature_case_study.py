"""An e-mail whose comune is written with a hyphen and is a sender's first name: its sender's domain
("comune.saint-vincent.ao.it", the hyphen kept in the label) and its signature, which closes the message before a
forwarded one ("Servizio Sociale comunale di X – tel. ..."), name its comune over the forwarded message's comuni; an
English case study of a local practice is a practice report. Texts invented here."""

from ingest.city import main_city
from ingest.doctype import DocTypeClassifier

_MAIL = """Da: Ufficio Casa comunale <casa@comune.saint-christophe.ao.it>

Buongiorno a tutti,

vi mandiamo i numeri della stagione prima del tavolo di lunedì. La casa del Comune di Saint-Christophe ha ospitato
20 lavoratori stagionali; lo sportello ha incontrato 60 persone.

Un saluto,
Christophe Martin
Ufficio Casa comunale di Saint-Christophe – tel. 0165 000 000

---------- Messaggio inoltrato ----------
Da: Cooperativa Il Monte <info@ilmonte-coop.it>

Ciao Christophe, a Quart il nostro dormitorio, che è un servizio del Comune di Quart, ha ospitato 12 persone; ad Aosta
lo sportello regionale ha visto 900 persone.
"""


def test_an_emails_sender_domain_and_signature_before_a_forwarded_message_name_its_comune():
    assert main_city("Bilancio della stagione", _MAIL) == "Saint-Christophe"


def test_a_case_study_of_a_local_practice_is_a_practice_report():
    head = (
        'Case study: Lecco\'s "Lake Pathways" – jobs and homes for newcomers\nLake Inclusion Lab – Local '
        "practice case studies, No. 3\n\nKey facts\n\nMunicipality: Lecco\n\nWhat the project did\n\n"
    )
    text = head + "The desk helped people find work and rooms. " * 40 + "\n\nLessons\n\nLandlords trusted the lease."
    decision = DocTypeClassifier().run("Case study: Lecco's Lake Pathways", text, language="en")
    assert decision.doc_type == "practice_report"
