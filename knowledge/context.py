"""The parts of a document that describe the place, not the practice: its context section ("Il contesto",
"Contesto territoriale", "Context", "Background") and an act's recital of the situation ("Premesso che nella
marineria lavorano circa 230 pescatori ..."). Their counts ("una quarantina di laboratori", "floods damaged 1,500
homes") are the setting a practice answers, never what it did: the records read no count there.

A context section runs from its heading (a line of its own, `knowledge.sections`) to the next heading; a heading
run into its paragraph where a PDF's lines were joined ("Il contesto Nove è il paese della ceramica: ...") covers
its paragraph's first sentences only, since the next heading cannot be told there. A heading that also names
objectives or actions ("Contesto e obiettivi") is not only context.
"""

from __future__ import annotations

import re

from knowledge.sections import _headings
from knowledge.sentences import sentences

_CONTEXT = (r"(?:il\s+|l['’]\s*)?(?:contesto|context|background|analisi\s+del\s+contesto|situazione\s+di\s+partenza)"
            r"(?:\s+(?:territoriale|di\s+riferimento|locale|sociale|e\s+bisogn[io]|and\s+needs?))?")  # fmt: skip
_HEADING = re.compile(rf"^(?:\d{{1,2}}[.)]?\s+)?{_CONTEXT}\s*:?$", re.I)
_RUN_IN = re.compile(r"(?:^|(?<=\s))(?:\d{1,2}[.)]?\s+)?(?:Il\s+contesto|Contesto|CONTESTO|Context|"
                     r"Background|Analisi\s+del\s+contesto)(?:\s+(?:territoriale|di\s+riferimento|locale|sociale|"
                     r"e\s+bisogn[io]))?\s+(?=[A-ZÀ-Ý])")  # fmt: skip
RUN_IN_SENTENCES = 3  # a run-in context heading covers this many sentences of its paragraph
# An act's recital stating the situation ("Premesso che nella marineria ... lavorano circa 230 pescatori ...;"), up to
# its ";": the recitals that cite acts, funds and the project ("Premesso che il Comune ha aderito ...") say no counts.
_RECITAL = re.compile(r"(?:^|\n)\s*Premesso\s+che\s+(?:nel|nella|nei|nelle|in|a|sul|sulla)\b[^;\n]*", re.I)


def context_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` that describe the place (see the module's docstring)."""
    out: list[tuple[int, int]] = []
    heads = _headings(text)
    for i, (start, title) in enumerate(heads):
        if _HEADING.match(title.strip(" #*_")):
            out.append((start, heads[i + 1][0] if i + 1 < len(heads) else len(text)))
    for m in _RUN_IN.finditer(text):
        if any(a <= m.start() < b for a, b in out):
            continue
        end = text.find("\n", m.end())
        paragraph = text[m.end() : end if end >= 0 else len(text)]
        said = sentences(paragraph)[:RUN_IN_SENTENCES]
        out.append((m.start(), m.end() + (said[-1].end if said else 0)))
    out += [(m.start(), m.end()) for m in _RECITAL.finditer(text)]
    return out
