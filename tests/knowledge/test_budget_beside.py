"""The sums of a budget in shapes new documents write them: the shares of the sentence before's sum ("Di questi,
90.000 arrivano dalla Fondazione X, i restanti 25.000 li mette il Comune", plain numbers) and a sum spent beside the
project ("... 400.000 euro di fondi regionali, che non rientrano nel costo del progetto"), never its total. Texts
invented here."""

from knowledge.money import amounts
from knowledge.records import Passage, RecordBuilder


def test_shares_of_the_sum_before_and_a_sum_beside_the_project():
    assert [(a.value, a.kind) for a in amounts(
        "Di questi, 90.000 arrivano dalla Fondazione Varrone, i restanti 25.000 li mette il Comune di Rieti.")] == [
        (90000.0, "funded"), (25000.0, "cofinancing")]  # fmt: skip
    assert amounts("Di queste, 1.200 persone sono state seguite dal Comune.") == []
    text = ("L'immobile è stato ristrutturato con 400.000 euro di fondi regionali, che non rientrano nel costo del "
            "progetto. Il costo complessivo delle attività è di 150.000 euro.")  # fmt: skip
    passage = Passage("b:0", text, {"doc_id": "b", "doc_type": "report", "city": "Rieti", "chunk_index": 0})
    _, project = RecordBuilder().build("Rieti", None, [passage], set())
    assert project.budget is not None and project.budget.total is not None
    assert project.budget.total.value == 150000.0
    # ... said of what another predicate after the sum names, it leaves the sum alone
    text = ("Il costo complessivo è di 200.000 euro. La Regione ha finanziato 150.000 euro; il Comune ha coperto con "
            "fondi propri i restanti 50.000 euro e ha pagato a parte i lavori sull'edificio, che non rientrano nel "
            "costo del progetto.")  # fmt: skip
    passage = Passage("c:0", text, {"doc_id": "c", "doc_type": "report", "city": "Rieti", "chunk_index": 0})
    _, project = RecordBuilder().build("Rieti", None, [passage], set())
    assert project.budget is not None and project.budget.cofinancing is not None
    assert project.budget.cofinancing.value == 50000.0
