"""Facts merged into what a record shows: one figure per (value, unit), one entry per organisation, the
project's period from stated dates, its budget and contacts, the citations of its documents."""

from __future__ import annotations

import re
from collections import defaultdict

from knowledge import figures as fig
from knowledge import mentions, money, partners
from knowledge.budget_rest import rest_of_total
from knowledge.figure_facts import unit_labels
from knowledge.reading import Read
from knowledge.sentences import key
from knowledge.table_counts import counted
from lgnet.practice import Amount, Budget, Citation, Contact, Figure, Partner, Period, PeriodMention, Sourced
from lgnet.text import fold


def merge_figures(items: list[tuple[Read, fig.FigureFact]], area: str | None = None) -> list[Figure]:
    """One figure per (value, unit); `also_in` counts the other documents (copies excluded) stating it."""
    out: dict[tuple[float, str], Figure] = {}
    docs: dict[tuple[float, str], set[str]] = defaultdict(set)
    for read, f in items:
        # persons counted under two nouns in one area are one count ("18 giovani titolari di protezione" and a
        # headline's "Diciotto ragazzi formati come meccanici")
        k = (f.value, counted(f.unit))
        docs[k].add(read.passage.doc_id)
        if k in out:
            continue
        it, en = unit_labels(f.unit)
        value = int(f.value) if f.value == int(f.value) else f.value
        out[k] = Figure(value=value, unit=f.unit, unit_label_it=it, unit_label_en=en, label=f.label, text=f.text,
                        area=area, source=read.source())  # fmt: skip
    for k, figure in out.items():
        figure.also_in = len(docs[k]) - 1
    return list(out.values())


def merge_partners(items: list[tuple[Read | None, Partner]]) -> list[Partner]:
    """One entry per organisation; spelling variants of copies ('Stimate'/'Stimmate') merge, the fuller
    name wins."""
    out: list[Partner] = []
    keys: list[str] = []
    # The entry a name went to: the first key it matches, which stays so while keys are only appended (a name
    # repeated across a city's 4k passages at 100k was compared with every key each time). A key replaced by a
    # fuller name may now match the names that went to it or to a later entry first: those are forgotten, the
    # names that went to an earlier entry still go there (the keys before it are unchanged). Forgetting every
    # name at each replacement compared ~5k pairs per refresh of a city's group at 100k.
    went: dict[str, int] = {}
    for _, p in items:
        k = partners.comparable_name(p.name)
        same = went.get(k)
        if same is None:
            same = next((i for i, other in enumerate(keys) if partners.same_org(other, k)), None)
        if same is None:
            keys.append(k)
            out.append(p)
            went[k] = len(keys) - 1
        elif len(k) > len(keys[same]):
            keys[same] = k
            out[same] = p.model_copy(update={"role": p.role or out[same].role})
            went = {name: i for name, i in went.items() if i < same}
            went[k] = same
        else:
            went[k] = same
    return out


def unique_sourced(items: list[tuple[Read, str]], limit: int) -> list[Sourced]:
    out: list[Sourced] = []
    seen: set[str] = set()
    for read, text in items:
        k = key(text)
        if k not in seen and len(out) < limit:
            seen.add(k)
            out.append(Sourced(text=text, source=read.source()))
    return out


# An act's recital quotes another act or the background ("Vista la deliberazione ... di adesione al progetto LGNet3
# ..., della durata complessiva dal 16/01/2024 al 31/12/2026"): its dates are the programme's or that act's, below
# the dates the act itself decides ("di approvare il progetto ..., che si svolgerà dal 1° luglio 2024 ...").
_RECITAL = re.compile(r"\W*(?:vist[oaie]|richiamat[oaie]|premess[oa]|considerat[oa]|atteso|rilevat[oa])\b", re.I)


def stated_period(items: list[tuple[Read, mentions.Mention]]) -> Period:
    """The project's period from stated dates: the earliest start and the latest end; a year range when no
    date is stated. Dates in sentences about the project's own time ("Periodo di realizzazione: ...", "il
    progetto si svolge dal ...") outrank dates of what happened in it ("tra ottobre 2022 e settembre 2024 lo
    sportello ha registrato ..."). Of two dates of one month, the one with its day wins. Empty (basis None)
    when the text states none."""
    durations = [int(m.text) for r, m in items if m.code == "duration" and mentions.PROJECT_TIME.search(r.body)]
    items = [(r, m) for r, m in items if m.code != "duration"]
    own = [(r, m) for r, m in items if mentions.PROJECT_TIME.search(r.body) and m.code in ("start", "end")
           and not _RECITAL.match(r.body)]  # fmt: skip
    if any(m.code == "start" for _, m in own) or any(m.code == "end" for _, m in own):
        # per side: a side the project's own sentences leave open is taken from what happened in it ("Il progetto
        # durerà fino a dicembre 2026" and "Da gennaio 2024 ne sono passati 9": from January 2024)
        sides = {m.code for _, m in own}
        items = own + [(r, m) for r, m in items if m.code == "range" or (m.code in ("start", "end")
                                                                          and m.code not in sides)]  # fmt: skip
    starts = [(m.text, r) for r, m in items if m.code == "start"]
    ends = [(m.text, r) for r, m in items if m.code == "end"]
    ranges = [((m.text.split("/")[0], m.text.split("/")[-1]), r) for r, m in items if m.code == "range"]
    listed = [PeriodMention(code=m.code, value=m.text, source=r.source()) for r, m in items][:5]
    # Years "2024-2026" ("il triennio 2024-2026") run from the first one's January to the last one's December
    ranges = [((f"{y1}-01", f"{y2}-12"), r) for (y1, y2), r in ranges]
    if ranges and not (starts and ends):  # "2024-2026" completes a start or an end stated alone
        (y1, y2), _ = ranges[0]
        starts = starts or [(y1, ranges[0][1])]
        ends = ends or [(y2, ranges[0][1])]
    if starts and not ends and durations:  # "è partito a gennaio 2025 e durerà due anni": to December 2026
        first = min(starts, key=lambda t: t[0])
        ends = [(_months_after(first[0], durations[0]), first[1])]
    if starts or ends:
        start = _precise(starts, min(starts, key=lambda t: t[0])) if starts else None
        end = _precise(ends, max(ends, key=lambda t: t[0])) if ends else None
        where = start[1] if start else end[1]  # type: ignore[index]  # one of them is set
        return Period(start=start[0] if start else None, end=end[0] if end else None, basis="stated",
                      source=where.source(), mentions=listed)  # fmt: skip
    if ranges:
        (y1, y2), where = ranges[0]
        return Period(start=y1, end=y2, basis="stated", source=where.source(), mentions=listed)
    return Period(mentions=listed)


def _months_after(start: str, months: int) -> str:
    """The month a project of `months` months starting at `start` ("2025-01", "2025-01-16") ends in."""
    year, month = int(start[:4]), int(start[5:7]) if len(start) >= 7 else 1
    last = year * 12 + month - 1 + months - 1
    return f"{last // 12}-{last % 12 + 1:02d}"


def _precise(dates: list[tuple[str, Read]], chosen: tuple[str, Read]) -> tuple[str, Read]:
    """The most precise statement of the chosen date: "2022-10-01" rather than "2022-10"."""
    return max((d for d in dates if d[0].startswith(chosen[0])), key=lambda t: len(t[0]))


# A sum named a share of others' money: never a whole budget alone.
_NAMED_SHARE = re.compile(r"co-?finanz|co-?financ|\bdi\s+cui\b|\bquota\b|\bparte\b|\bof\s+which\b|contribu|concorr|"
                          r"partecip|aggiung|\badds?\b|\bdi\s+suo\b", re.I)  # fmt: skip
_NAMED_TOTAL = re.compile(r"\b(?:total[ei]?|complessiv\w*|overall|in\s+tutto)\b", re.I)


def _same_sentence(a: Amount, b: Amount) -> bool:
    return a.source is not None and b.source is not None and (a.source.chunk_id, a.source.start) == (
        b.source.chunk_id, b.source.start)  # fmt: skip


def budget_of(items: list[tuple[Read, money.AmountFact]]) -> Budget:
    amounts: list[Amount] = []
    tabled: list[Amount] = []  # the sums a budget's table gives by its rows and columns (`knowledge.budget_tables`)
    parts: list[Amount] = []  # parts of a total ("i restanti 32.000 euro"): maybe the rest beside a funder's grant
    seen: set[tuple[float, str]] = set()
    for read, a in items:
        if a.kind == "cell":  # a key-value row's sum whose label cell ended the sentence before
            kind = money.cell_kind(read.passage.text[max(0, read.sentence.start - 150) : read.sentence.start])
            if kind is None:
                continue
            a = money.AmountFact(a.value, kind, "", a.text, a.start, a.end)
        if a.kind == "part":
            parts.append(Amount(value=a.value, kind="total", label=a.label, source=read.source()))
        if a.kind in ("unit", "part", "paid", "accounts", "spent", "line", "outside"):
            continue  # a sum per person is a figure; a part of a total, what people pay or what is spent beside the
            # project ("che non rientrano nel costo del progetto") is neither total nor share
        amount = Amount(value=a.value, kind=a.kind, label=a.label, source=read.source())
        if a.table:
            tabled.append(amount)
        if (a.value, a.kind) not in seen:
            seen.add((a.value, a.kind))
            amounts.append(amount)

    def first(*kinds: str) -> Amount | None:
        return next((a for k in kinds for a in amounts if a.kind == k), None)

    cofinancing = first("cofinancing")
    total = first("city_share", "total", "funded")
    if total is not None and total.kind == "total" and not _NAMED_TOTAL.search(total.label):
        # a sum of the same sentence its words name the total ("Costo totale del progetto") before a budget line's
        # sum that a flattened table's header ran into ("Voce | Importo Personale ... | 52.000,00 € ...")
        total = next((a for a in amounts if a.kind == "total" and _NAMED_TOTAL.search(a.label)
                      and _same_sentence(a, total)), total)  # fmt: skip
    if total is not None and total.kind == "city_share" and cofinancing is not None:
        # the city's share of a grant and its co-financing adding up to a stated total are its parts: "costo
        # complessivo pari a € 486.500, coperto per € 436.500 dal finanziamento assegnato al Comune e per € 50.000
        # dal cofinanziamento"
        whole = next((a for a in amounts if a.kind == "total"
                      and abs(a.value - total.value - cofinancing.value) < 1), None)  # fmt: skip
        total = whole or total
    if total is None and cofinancing is not None and not _NAMED_SHARE.search(cofinancing.label):
        # the Comune's money and nobody else's ("finanziato con 60.000 euro dal Comune per due anni"): the whole
        # budget, no share of what others fund
        total, cofinancing = cofinancing.model_copy(update={"kind": "total"}), None
    if cofinancing is None and total is not None and total.kind == "total":
        # the rest of the total beside a funder's grant, in words that do not name it co-financing (budget_rest.py)
        cofinancing = rest_of_total(total, [a for a in amounts if a is not total] + parts)
    # a budget's table says by its rows and columns what its total and the Comune's share are: above the sums of the
    # text, and of the flattened table's text, around it
    total = next((a for a in tabled if a.kind == "total"), total)
    cofinancing = next((a for a in tabled if a.kind == "cofinancing"), cofinancing)
    return Budget(total=total, cofinancing=cofinancing, items=amounts)


# Addresses of who sends or publishes the text, not of the service: a newsletter's or a mailing list's, a newsroom's
_NOT_A_CONTACT = re.compile(r"^(?:newsletter|news|no-?reply|mailing\w*|unsubscribe|cancellazion\w*|redazione)@", re.I)


def contacts_of(items: list[tuple[Read, mentions.ContactFact]]) -> list[Contact]:
    """The contacts written, one an address (a syndicated copy's and the read copy's "scrivere a X" are one), none
    of a newsletter, a mailing list or a newsroom."""
    out: list[Contact] = []
    for read, c in items:
        if c.email and _NOT_A_CONTACT.match(c.email):
            continue
        if c.email and any(o.email == c.email for o in out):
            continue
        if not any((o.office, o.email) == (c.office, c.email) for o in out):
            out.append(Contact(office=c.office, email=c.email, phone=c.phone, source=read.source()))
    return out[:5]


def citation(doc_id: str, meta: dict) -> Citation:
    return Citation(doc_id=doc_id, **{k: meta.get(k) for k in ("title", "doc_type", "outlet", "date", "url",
                                                              "source", "page")})  # fmt: skip


_CLOSED = re.compile(r"[.!?…»\"”)]\s*$")


def headlines_yield(figures: dict[str | None, list[tuple[Read, fig.FigureFact]]]
                    ) -> dict[str | None, list[tuple[Read, fig.FigureFact]]]:  # fmt: skip
    """A headline (a line without final punctuation) restating a count its document's text states in another area
    yields to the text ("...: 530 persone seguite dallo sportello e 46 famiglie uscite dal sovraffollamento" puts
    the 46 by the desk; the text's "ha aiutato 46 famiglie a lasciare un alloggio sovraffollato" is housing); so does
    one the text states under another noun its sentence names (the headline's "61 contratti in regola" are the text's
    "In 61 sono riusciti a firmare un contratto regolare": persons who signed one each)."""
    said: dict[tuple[str, float, str], set[str]] = defaultdict(set)  # in sentences of the text, by area
    told: dict[tuple[str, float], list[tuple[str, str]]] = defaultdict(list)  # (unit, sentence) of the text's counts
    for area, found in figures.items():
        for r, f in found:
            doc = r.passage.meta.get("doc_dup_group") or r.passage.doc_id
            if _CLOSED.search(r.body):
                told[(doc, f.value)].append((counted(f.unit), fold(r.body).lower()))
            if area and _CLOSED.search(r.body):
                said[(doc, f.value, counted(f.unit))].add(area)

    def restated(r: Read, f: fig.FigureFact, area: str | None) -> bool:
        doc = r.passage.meta.get("doc_dup_group") or r.passage.doc_id
        if said[(doc, f.value, counted(f.unit))] - {area}:
            return True
        stem = fold(f.unit).lower().split()[0][:6] if f.unit.strip() and f.unit not in fig.UNIT_LABELS else ""
        return len(stem) >= 5 and any(unit != counted(f.unit) and re.search(rf"\b{re.escape(stem)}", body)
                                      for unit, body in told[(doc, f.value)])  # fmt: skip

    return {area: [(r, f) for r, f in found if _CLOSED.search(r.body) or not restated(r, f, area)]
            for area, found in figures.items()}  # fmt: skip
