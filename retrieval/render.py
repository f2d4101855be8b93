"""Readable terminal output of a search."""

from __future__ import annotations

import re
import textwrap

from retrieval.models import SearchResult


def _plain(marked: str) -> str:
    import html

    return html.unescape(re.sub(r"</?mark>", "*", marked))


def render_text(result: SearchResult) -> str:
    p = result.parsed
    lines = [f'"{result.query}": {result.total} passages']
    understood = [
        f"cities {', '.join(p.cities)}" if p.cities else "",
        f"areas {', '.join(p.interventions)}" if p.interventions else "",
    ]
    if any(understood):
        lines.append("  understood: " + "; ".join(u for u in understood if u))
    if result.answer:
        a = result.answer
        lines += ["", "Answer: " + _plain(a.highlighted), f"  ({a.title}, {a.outlet or ''} {a.date or ''})"]
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
