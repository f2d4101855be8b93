"""Exports: a dossier as Markdown, DOCX or PDF for a classroom (A4, Italian, cover and contents, numbered
sources with links), the practice table as CSV (open data, and the Italian spreadsheet flavour) and JSON.

`resolve` turns a stored dossier into what every format prints: each item's current text as one paragraph,
labelled facts and its sources, one per article (syndicated copies cited once, "anche in ...")."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, datetime

from knowledge.figures import UNIT_LABELS
from lgnet.errors import NotFound
from lgnet.practice import Budget, Figure, PracticeRecord
from practices.cite import citation, date_it, file_slug, group_sources, number_it, one_paragraph
from practices.dossiers import ITEM_KINDS
from retrieval.browse import documents
from retrieval.practices import TABLE_COLUMNS, PracticeCatalogue, get_catalogue
from retrieval.service import SearchService

FORMATS = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}
LANGUAGE = "it-IT"
KIND_LABEL = {"practice": "Pratica", "passage": "Passaggio"}
MISSING = "(fonte non più disponibile nell'indice: testo conservato quando è stata aggiunta)"


def dup_groups(service: SearchService) -> dict[str, str]:
    """doc_id -> the group of its article's syndicated copies (its own id when it has none), from the read
    model's documents."""
    return {d.doc_id: d.dup_group or d.doc_id for d in documents(service.lexical.current()).values()}


def figure_text(figure: Figure) -> str:
    """'32 posti letto' or 'Persone accolte: 120 persone': a figure always with what it counts, never a code."""
    unit = figure.unit_label_it
    text = f"{number_it(figure.value)} {unit}".strip()
    label = figure.label.strip()
    return f"{label}: {text}" if label and label.lower() != unit.lower() else text


def budget_text(budget: Budget) -> str | None:
    """A record's budget in words ('Budget: 250.000 euro'); None when there is none."""
    if budget.total is None:
        return None
    text = f"Budget: {number_it(budget.total.value)} euro"
    if budget.cofinancing is not None:
        text += f" (cofinanziamento {number_it(budget.cofinancing.value)} euro)"
    return text


def practice_facts(record: PracticeRecord) -> list[str]:
    """The facts an export prints for a practice: period, budget, labelled figures, partners, contacts."""
    facts = []
    start, end = record.period.start, record.period.end
    if start:
        facts.append("Periodo: " + date_it(start) + (f" – {date_it(end)}" if end and end != start else ""))
    if (budget := budget_text(record.budget)) is not None:
        facts.append(budget)
    facts += [figure_text(f) for f in record.figures]
    if record.partners:
        facts.append("Partner: " + "; ".join(p.name for p in record.partners))
    for contact in record.contacts:
        value = ", ".join(str(p) for p in (contact.office, contact.email, contact.phone) if p)
        if value:
            facts.append(f"Contatto: {value}")
    return facts


def _sources_out(entries: list[dict]) -> tuple[list[dict], list[str]]:
    return entries, [citation(e) for e in entries]


def snapshot(service: SearchService, kind: str, ref: str) -> dict:
    """What a new dossier item keeps of its source (title, text, facts, sources, city), in case it later leaves
    the index. Unknown kinds and refs are NotFound."""
    if kind not in ITEM_KINDS:
        raise NotFound(f"unknown kind {kind!r}")
    content = _content(service, get_catalogue(service), dup_groups(service), kind, ref)
    if content is None:
        raise NotFound(f"no {kind} with id {ref!r}", {"ref": ref})
    return {k: content[k] for k in ("title", "text", "facts", "sources", "citations", "city")}


def _content(service: SearchService, catalogue: PracticeCatalogue, groups: dict, kind: str, ref: str) -> dict | None:
    """The current content of a practice or passage, or None if it is no longer in the index."""
    if kind == "practice":
        try:
            r = catalogue.model(ref)
        except NotFound:
            return None
        sources, citations = _sources_out(group_sources([s.model_dump(mode="json") for s in r.sources], groups))
        return {
            "title": r.title,
            "text": one_paragraph(" ".join(s.text for s in r.summary)),
            "facts": practice_facts(r),
            "sources": sources,
            "citations": citations,
            "city": r.city,
            "missing": False,
        }
    rows = service.store.get_chunks([ref])
    if not rows:
        return None
    meta = rows[0]["meta"]
    sources, citations = _sources_out(group_sources([meta], groups))
    return {
        "title": meta.get("title") or "Passaggio senza titolo",
        "text": one_paragraph(rows[0]["text"]),
        "facts": [],
        "sources": sources,
        "citations": citations,
        "city": meta.get("city"),
        "missing": False,
    }


def resolve(service: SearchService, dossier: dict) -> dict:
    """The dossier with each item's current content and sources (a removed source falls back to the snapshot
    taken when the item was added)."""
    catalogue = get_catalogue(service)
    groups = dup_groups(service)
    items = []
    for item in dossier["items"]:
        entry = {k: item[k] for k in ("id", "kind", "ref", "note")}
        entry.update(_content(service, catalogue, groups, item["kind"], item["ref"]) or _missing(item))
        items.append(entry)
    now = datetime.now(UTC).date().isoformat()
    return {
        "title": dossier.get("title") or "Dossier",
        "description": dossier.get("description", ""),
        "author": dossier.get("author") or "",
        "created": dossier.get("created", ""),
        "updated": dossier.get("updated", ""),
        "exported": now,
        "exported_it": date_it(now),
        "items": items,
    }


def _missing(item: dict) -> dict:
    snap = item.get("snapshot") or {}
    citations = snap.get("citations", [])
    sources = snap.get("sources") or [{"text": c, "url": None, "also": []} for c in citations]
    return {
        "title": snap.get("title") or "Voce non più disponibile",
        "text": one_paragraph(snap.get("text", "")),
        "facts": snap.get("facts", []),
        "sources": sources,
        "citations": citations,
        "city": snap.get("city"),
        "missing": True,
    }


def kind_line(item: dict) -> str:
    return KIND_LABEL.get(item["kind"], "") + (f" · {item['city']}" if item.get("city") else "")


def byline(resolved: dict) -> str:
    """'A cura di Maria Rossi · 23 novembre 2026' (the author only when the dossier has one)."""
    parts = [f"A cura di {resolved['author']}"] if resolved.get("author") else []
    return " · ".join([*parts, resolved["exported_it"]])


# --- dossier formats ---------------------------------------------------------------------------------------
def to_markdown(resolved: dict) -> str:
    lines = [f"# {resolved['title']}", "", f"_{byline(resolved)} · banca dati LGNet_", ""]
    if resolved.get("description"):
        lines += [resolved["description"], ""]
    lines += ["## Indice", ""] + [f"{n}. {i['title']}" for n, i in enumerate(resolved["items"], 1)] + [""]
    for n, item in enumerate(resolved["items"], 1):
        lines += [f"## {n}. {item['title']}", "", f"*{kind_line(item)}*", ""]
        if item["missing"]:
            lines += [f"> {MISSING}", ""]
        if item["text"]:
            lines += [item["text"], ""]
        lines += [f"- {fact}" for fact in item["facts"]] + ([""] if item["facts"] else [])
        if item["note"]:
            lines += [f"**Nota:** {item['note']}", ""]
        lines += ["**Fonti:**", ""] + [f"{k}. {c}" for k, c in enumerate(item["citations"], 1)] + [""]
    return "\n".join(lines)


def export_dossier(service: SearchService, dossier: dict, fmt: str) -> tuple[bytes, str, str]:
    """(content, media type, file name) of a dossier in md, docx or pdf."""
    resolved = resolve(service, dossier)
    if fmt == "md":
        content = to_markdown(resolved).encode("utf-8")
    elif fmt == "docx":
        from practices.export_docx import to_docx

        content = to_docx(resolved)
    else:
        from practices.export_pdf import to_pdf

        content = to_pdf(resolved)
    return content, FORMATS[fmt], f"{file_slug(resolved['title'])}.{fmt}"


# --- the practice table ------------------------------------------------------------------------------------
def table_csv(rows: list[dict]) -> str:
    """Open data: comma-separated UTF-8, dots for decimals (what programs read)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(TABLE_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def table_csv_it(rows: list[dict]) -> bytes:
    """The same table as Italian spreadsheets open it as it is: semicolons, a UTF-8 byte-order mark, CRLF,
    decimal commas in numbers, Italian dates."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(TABLE_COLUMNS), delimiter=";", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell_it(k, v) for k, v in row.items() if k in TABLE_COLUMNS})
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cell_it(column: str, value: object) -> object:
    if isinstance(value, float | int) and not isinstance(value, bool):
        return number_it(value)
    if column == "figures" and isinstance(value, str):  # "32 beds | 2.5 euro" -> "32 posti letto | 2,5 euro"
        return _FIGURE.sub(lambda m: f"{number_it(_num(m[1]))} {UNIT_LABELS.get(m[2], (m[2],))[0]}", value)
    if column.startswith("period_") and isinstance(value, str):
        return date_it(value)
    return value


_FIGURE = re.compile(r"(\d+(?:\.\d+)?) ([a-z_]+)")


def _num(text: str) -> float | int:
    return float(text) if "." in text else int(text)


def table_json(rows: list[dict]) -> str:
    return json.dumps({"columns": list(TABLE_COLUMNS), "practices": rows}, ensure_ascii=False, indent=1)
