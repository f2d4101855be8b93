"""Readable terminal output of a search."""

from __future__ import annotations

import re
import textwrap

from retrieval.analysis import ParsedQuery
from retrieval.models import SearchResult


def _plain(marked: str) -> str:
    import html

    return html.unescape(re.sub(r"</?mark>", "*", marked))


def understood(p: ParsedQuery) -> str:
    """What the query was read as, in one line ("" when nothing beyond its words)."""
    parts = [
        f"language {p.language}" if p.language else "",
        f"intent {p.intent}" if p.intent else "",
        f"cities {', '.join(p.cities)}" if p.cities else "",
        f"places {', '.join(p.places)}" if p.places else "",
        f"phases {', '.join(p.phases)}" if p.phases else "",
        f"areas {', '.join(p.interventions)}" if p.interventions else "",
        "corrected " + ", ".join(f"{a} -> {b}" for a, b in p.corrections.items()) if p.corrections else "",
    ]
    return "; ".join(x for x in parts if x)


def render_text(result: SearchResult) -> str:
    p = result.parsed
    lines = [f'"{result.query}": {result.total} passages']
    if p.suggestion:
        lines.append(f'  did you mean: "{p.suggestion}"')
    if read_as := understood(p):
        lines.append("  understood: " + read_as)
    if result.answer:
        a = result.answer
        cited = ", ".join(x for x in (a.title, a.outlet, a.date) if x)
        lines += ["", "Answer: " + _plain(a.highlighted), f"  ({cited})"]
    for n, h in enumerate(result.hits, start=(result.page - 1) * result.k + 1):
        where = " · ".join(x for x in (h.city, h.outlet, h.date, ", ".join(h.interventions)) if x)
        lines += ["", f"{n}. {h.title}  [{h.score:.4f}]", f"   {where}"]
        lines += textwrap.wrap(_plain(h.snippet), 100, initial_indent="   ", subsequent_indent="   ")
        if h.duplicates:
            outlets = sorted({d.outlet or d.doc_id for d in h.duplicates})
            more = h.duplicates_total - len(h.duplicates)
            shown = ", ".join(outlets) + (f" (+{more} more)" if more > 0 else "")
            lines.append(f"   also published by {len(outlets)}: {shown}")
        lines.append(f"   source: {h.url or h.source} ({h.id})")
    return "\n".join(lines)
