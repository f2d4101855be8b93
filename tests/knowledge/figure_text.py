"""Invented sentences read the way the record builder reads them: the helpers of the figure-mechanism tests
(tests/knowledge/test_figure_counts.py, test_figure_areas.py, test_figure_records.py)."""

from knowledge.records import Passage, RecordBuilder


def areas_of(sentence: str) -> dict[float, str | None]:
    p = Passage("d:0", sentence, {"doc_id": "d", "doc_type": "project_sheet", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    found = {float(f.value): r.area for r in records for f in r.figures}
    found.update({float(f.value): None for f in project.figures})
    return found


def counts(sentence: str) -> dict[float, str]:
    from knowledge.figures import figures

    return {f.value: f.unit for f in figures(sentence)}


def areas_and_figures(text: str):
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": "project_sheet", "city": "Lucca"})
    records, project = RecordBuilder().build("Lucca", None, [p], set())
    return [f for r in records for f in r.figures] + list(project.figures)


def built(text: str, city: str = "Lucca", phase: str | None = None, doc_type: str = "report"):
    p = Passage("d:0", text, {"doc_id": "d", "doc_type": doc_type, "city": city, "phase": phase})
    records, project = RecordBuilder().build(city, phase, [p], set())
    return {(float(f.value), r.area) for r in records for f in r.figures} | {
        (float(f.value), None) for f in project.figures}  # fmt: skip
