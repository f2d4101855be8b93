"""How exports and dossier pages cite and print things: Italian dates and numbers, clean links, file names,
one source per article (syndicated copies cited once, "anche in ...")."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lgnet.text import fold

MONTHS_IT = ("gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
             "ottobre", "novembre", "dicembre")  # fmt: skip
# Click and campaign tracking added by social networks and newsletters: they say nothing about the source.
_TRACKING = re.compile(
    r"^(utm_\w+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|"
    r"ref_src|s_cid|trk|__tn__|__cft__\[?\d*\]?)$",
    re.IGNORECASE,
)


def date_it(iso: str | None) -> str:
    """'2023-10-18' -> '18 ottobre 2023'; '2023-10' -> 'ottobre 2023'; '2023' -> '2023'; anything else as is."""
    if not iso:
        return ""
    parts = str(iso)[:10].split("-")
    try:
        numbers = [int(p) for p in parts]
    except ValueError:
        return str(iso)
    if len(numbers) >= 2 and not 1 <= numbers[1] <= 12:
        return str(iso)
    if len(numbers) == 1:
        return str(numbers[0])
    month = MONTHS_IT[numbers[1] - 1]
    return f"{month} {numbers[0]}" if len(numbers) == 2 else f"{numbers[2]} {month} {numbers[0]}"


def number_it(value: float | int) -> str:
    """1200 -> '1.200', 2.5 -> '2,5' (Italian separators)."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def clean_url(url: str | None) -> str | None:
    """The URL without tracking parameters (fbclid, utm_*, gclid...) and without a trailing '?'; only http(s)."""
    if not url:
        return None
    url = url.strip().strip("<>")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return None
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def file_slug(title: str, fallback: str = "dossier") -> str:
    """A file name from a title: 'Casa e presa in carico!' -> 'casa-e-presa-in-carico'."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(title or "")).strip("-")[:80].rstrip("-")
    return slug or fallback


def one_paragraph(text: str) -> str:
    """A passage as one paragraph: the line breaks of a PDF or a press review are not the author's."""
    return re.sub(r"\s+", " ", text or "").strip()


def source_entry(meta: dict) -> dict:
    """What a citation shows of a document: title, outlet, Italian date, page, clean link. No internal ids."""
    return {
        "title": (meta.get("title") or "").strip() or None,
        "outlet": meta.get("outlet") or None,
        "date": meta.get("date") or None,
        "date_it": date_it(meta.get("date")),
        "page": meta.get("page") or None,
        "url": clean_url(meta.get("url")),
        "also": [],
        "doc_id": meta.get("doc_id"),  # for the site's links; exports never print it
    }


def group_sources(metas: list[dict], groups: dict[str, str]) -> list[dict]:
    """One entry per article: copies of one article (the same duplicate group, `groups[doc_id]`) are cited once,
    the others listed under `also` ('anche in ...'). Order of first appearance."""
    entries: list[dict] = []
    by_group: dict[str, dict] = {}
    for meta in metas:
        doc_id = meta.get("doc_id") or ""
        group = groups.get(doc_id) or doc_id or str(id(meta))
        entry = source_entry(meta)
        if group in by_group:
            first = by_group[group]
            if entry["url"] and not first["url"]:  # cite the copy that has a link; the other goes "anche in"
                entry["also"], first["also"] = first["also"], []
                entries[entries.index(first)] = by_group[group] = entry
                first, entry = entry, first
            seen = [(first["outlet"], first["url"])] + [(a["outlet"], a["url"]) for a in first["also"]]
            if (entry["outlet"], entry["url"]) not in seen:
                first["also"].append({k: entry[k] for k in ("outlet", "date", "date_it", "url")})
            continue
        by_group[group] = entry
        entries.append(entry)
    return entries


def citation_head(entry: dict) -> str:
    """'Titolo. Testata, 18 ottobre 2023, p. 3.' (a snapshot's ready-made citation as it was)."""
    if "text" in entry:
        return entry["text"]
    head = f"{entry['title']}." if entry.get("title") else ""
    where = ", ".join(x for x in (entry.get("outlet"), entry.get("date_it")) if x)
    if entry.get("page"):
        where = f"{where}, p. {entry['page']}" if where else f"p. {entry['page']}"
    return " ".join(p for p in (head, f"{where}." if where else "") if p) or "Fonte senza titolo."


def citation(entry: dict) -> str:
    """'Titolo. Testata, 18 ottobre 2023, p. 3. https://... Anche in: Altra testata (19 ottobre 2023).'"""
    parts = [citation_head(entry), entry.get("url") or ""]
    if entry.get("also"):
        parts.append("Anche in: " + "; ".join(also_text(a) for a in entry["also"]) + ".")
    return " ".join(p for p in parts if p)


def also_text(also: dict) -> str:
    label = also.get("outlet") or also.get("url") or "altra testata"
    return f"{label} ({also['date_it']})" if also.get("date_it") else label
