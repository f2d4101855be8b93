"""Exports: a dossier as Markdown, DOCX (python-docx) or PDF (fpdf2, Unicode font shipped in the package);
the practice table as CSV and JSON (open data). Every dossier item carries its full citation."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from lgnet.errors import NotFound
from practices.dossiers import ITEM_KINDS
from retrieval.practices import TABLE_COLUMNS, get_catalogue
from retrieval.service import SearchService

FONTS = Path(__file__).resolve().parent / "fonts"
FORMATS = {
    "md": "text/markdown; charset=utf-8",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
}


def citation(source: dict) -> str:
    """'Title. Outlet, 2023-10-18. https://... (document doc_id, p. 3)'."""
    head = source.get("title") or source.get("doc_id") or ""
    where = ", ".join(str(x) for x in (source.get("outlet"), source.get("date")) if x)
    tail = [source["url"]] if source.get("url") else []
    ref = f"documento {source.get('doc_id')}" + (f", p. {source['page']}" if source.get("page") else "")
    return " ".join(p for p in (f"{head}.", f"{where}." if where else "", *tail, f"({ref})") if p)


def snapshot(service: SearchService, kind: str, ref: str) -> dict:
    """What a new dossier item keeps of its source (title, text, citations, city), in case it later leaves
    the index. Unknown kinds and refs are NotFound."""
    if kind not in ITEM_KINDS:
        raise NotFound(f"unknown kind {kind!r}")
    if kind == "passage" and not service.store.get_chunks([ref]):
        raise NotFound(f"no passage with id {ref!r}", {"ref": ref})
    if kind == "practice":
        get_catalogue(service).get(ref)
    resolved = resolve(service, {"id": "-", "title": "", "description": "", "created": "", "updated": "",
                                 "items": [{"id": "-", "kind": kind, "ref": ref, "note": ""}]})["items"][0]  # fmt: skip
    return {k: resolved[k] for k in ("title", "text", "citations", "city")}


def resolve(service: SearchService, dossier: dict) -> dict:
    """The dossier with each item's current content and citations (a removed source falls back to the
    snapshot taken when the item was added)."""
    catalogue = get_catalogue(service)
    items = []
    for item in dossier["items"]:
        entry = {k: item[k] for k in ("id", "kind", "ref", "note")}
        if item["kind"] == "practice":
            try:
                r = catalogue.get(item["ref"])
            except NotFound:
                entry.update(_missing(item))
            else:
                entry.update(
                    title=r["title"],
                    text=" ".join(s["text"] for s in r["summary"]),
                    facts=[f"{f['value']} {f['label'] or f['unit_label_it']}" for f in r["figures"]]
                    + [f"Partner: {p['name']}" for p in r["partners"]],
                    citations=[citation(s) for s in r["sources"]],
                    city=r["city"],
                    missing=False,
                )
        else:
            rows = service.store.get_chunks([item["ref"]])
            if not rows:
                entry.update(_missing(item))
            else:
                meta = rows[0]["meta"]
                source = {k: meta.get(k) for k in ("doc_id", "title", "outlet", "date", "url", "page")}
                entry.update(
                    title=meta.get("title") or meta.get("doc_id"),
                    text=rows[0]["text"],
                    facts=[],
                    citations=[citation(source)],
                    city=meta.get("city"),
                    missing=False,
                )
        items.append(entry)
    return {**{k: dossier[k] for k in ("id", "title", "description", "created", "updated")}, "items": items}


def _missing(item: dict) -> dict:
    snap = item.get("snapshot") or {}
    return {
        "title": snap.get("title") or item["ref"],
        "text": snap.get("text", ""),
        "facts": [],
        "citations": snap.get("citations", []),
        "city": snap.get("city"),
        "missing": True,
    }


# --- dossier formats ---------------------------------------------------------------------------------------
def to_markdown(resolved: dict) -> str:
    lines = [f"# {resolved['title']}", ""]
    if resolved.get("description"):
        lines += [resolved["description"], ""]
    lines += [f"_Esportato il {datetime.now(UTC).date().isoformat()} dalla banca dati LGNet._", ""]
    for n, item in enumerate(resolved["items"], 1):
        kind = "Pratica" if item["kind"] == "practice" else "Passaggio"
        lines += [f"## {n}. {item['title']}", "", f"*{kind}{' · ' + item['city'] if item.get('city') else ''}*", ""]
        if item["missing"]:
            lines += ["> (fonte non più disponibile nell'indice)", ""]
        if item["text"]:
            lines += [item["text"], ""]
        lines += [f"- {fact}" for fact in item["facts"]] + ([""] if item["facts"] else [])
        if item["note"]:
            lines += [f"**Nota:** {item['note']}", ""]
        lines += ["**Fonti:**", ""] + [f"- {c}" for c in item["citations"]] + [""]
    return "\n".join(lines)


def to_docx(resolved: dict) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = resolved["title"]
    doc.add_heading(resolved["title"], level=0)
    if resolved.get("description"):
        doc.add_paragraph(resolved["description"])
    for n, item in enumerate(resolved["items"], 1):
        doc.add_heading(f"{n}. {item['title']}", level=1)
        kind = "Pratica" if item["kind"] == "practice" else "Passaggio"
        doc.add_paragraph().add_run(f"{kind}{' · ' + item['city'] if item.get('city') else ''}").italic = True
        if item["missing"]:
            doc.add_paragraph("(fonte non più disponibile nell'indice)")
        if item["text"]:
            doc.add_paragraph(item["text"])
        for fact in item["facts"]:
            doc.add_paragraph(fact, style="List Bullet")
        if item["note"]:
            p = doc.add_paragraph()
            p.add_run("Nota: ").bold = True
            p.add_run(item["note"])
        doc.add_paragraph().add_run("Fonti").bold = True
        for c in item["citations"]:
            doc.add_paragraph(c, style="List Number")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def to_pdf(resolved: dict) -> bytes:
    from fpdf import FPDF
    from fpdf.enums import WrapMode, XPos, YPos

    pdf = FPDF(format="A4")
    pdf.set_title(resolved["title"])
    pdf.set_creator("LGNet knowledge platform")
    pdf.add_font("DejaVu", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()

    def para(text: str, size: float = 10, style: str = "", gap: float = 2, wrap: WrapMode = WrapMode.WORD) -> None:
        pdf.set_font("DejaVu", style, size)
        pdf.multi_cell(0, size * 0.5, text, new_x=XPos.LMARGIN, new_y=YPos.NEXT, wrapmode=wrap)
        pdf.ln(gap)

    para(resolved["title"], 18, "B", 4)
    if resolved.get("description"):
        para(resolved["description"])
    for n, item in enumerate(resolved["items"], 1):
        para(f"{n}. {item['title']}", 13, "B")
        kind = "Pratica" if item["kind"] == "practice" else "Passaggio"
        para(f"{kind}{' · ' + item['city'] if item.get('city') else ''}", 9)
        if item["missing"]:
            para("(fonte non più disponibile nell'indice)", 9)
        if item["text"]:
            para(item["text"])
        for fact in item["facts"]:
            para(f"• {fact}", 10, "", 0.5)
        if item["note"]:
            para(f"Nota: {item['note']}", 10, "B")
        para("Fonti", 10, "B", 0.5)
        for c in item["citations"]:
            para(f"- {c}", 8, "", 1)
        pdf.ln(3)
    return bytes(pdf.output())


def export_dossier(service: SearchService, dossier: dict, fmt: str) -> tuple[bytes, str, str]:
    """(content, media type, file name) of a dossier in md, docx or pdf."""
    resolved = resolve(service, dossier)
    if fmt == "md":
        content = to_markdown(resolved).encode("utf-8")
    elif fmt == "docx":
        content = to_docx(resolved)
    else:
        content = to_pdf(resolved)
    return content, FORMATS[fmt], f"dossier-{dossier['id'][:8]}.{fmt}"


# --- the practice table ------------------------------------------------------------------------------------
def table_csv(rows: list[dict]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(TABLE_COLUMNS), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def table_json(rows: list[dict]) -> str:
    return json.dumps({"columns": list(TABLE_COLUMNS), "practices": rows}, ensure_ascii=False, indent=1)
