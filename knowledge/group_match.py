"""When a record's target group names the same people as a gold group: the scorer's rule (knowledge.evaluation),
written apart from the extractor's (knowledge.mentions) and decided before any result was read.

A group is reduced to its key words: the text folded (`lgnet.text.fold`), split into words, function words and
the generic heads of persons ("persone", "people") left out, each word lightly stemmed (an English plural's "s",
then an Italian ending vowel: "minori", "minore", "minors" are one word), and only its first four kept: a group is
named by its head and nearest modifiers, and a long qualifier narrows it without naming other people ("titolari
di protezione internazionale e speciale in uscita dai progetti SAI" is named by "titolari di protezione
internazionale"). Two groups match when their key words' Dice coefficient, 2|A∩B| / (|A| + |B|), is at least
0.5: "donne" names "donne sole con figli" (2/4), "minori" does not name "nuclei monoparentali con minori in
condizione di emergenza abitativa" (2/5).

A record's group has several names (its Italian and English labels, the words its document wrote); it matches a
gold group when one of them does. Groups are paired one to one (a maximum matching, so the order never counts):
right = pairs, wrong = the record's groups left over, missed = the gold's left over.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from lgnet.text import fold

KEY_WORDS = 4
THRESHOLD = 0.5

_FUNCTION = frozenset(re.findall(r"\w+",
    "di del della dello dei degli delle da dal dalla dallo dai dagli dalle a al alla allo ai agli alle in nel nella "
    "nello nei negli nelle con col su sul sulla sui per tra fra il lo la i gli le l un uno una d e ed o od che cui "
    "anche come non ne piu loro the of and or with in on at to for from by a an who whose which that their his her "
    "its as"))  # fmt: skip
_GENERIC = frozenset({"persone", "persona", "people", "persons", "person", "individui", "soggetti"})
_WORD = re.compile(r"[a-z0-9]+")


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 3 and word[-1] in "aeio":
        word = word[:-1]
    return word


def key_words(group: str) -> frozenset[str]:
    """The first four content words of a group, stemmed."""
    words = [w for w in _WORD.findall(fold(group)) if w not in _FUNCTION and w not in _GENERIC]
    return frozenset(_stem(w) for w in words[:KEY_WORDS])


def same_people(a: str, b: str) -> bool:
    """Whether two names of groups name the same people (Dice of their key words >= THRESHOLD)."""
    ka, kb = key_words(a), key_words(b)
    if not ka or not kb:
        return False
    return 2 * len(ka & kb) / (len(ka) + len(kb)) >= THRESHOLD


def match_groups(found: Sequence[Iterable[str]], gold: Sequence[str]) -> list[tuple[int, int]]:
    """A maximum one-to-one pairing (found index, gold index) of found groups (each given by its names) with gold
    groups they name."""
    edges = [[j for j, g in enumerate(gold) if any(same_people(n, g) for n in names)] for names in found]
    owner: dict[int, int] = {}  # gold index -> found index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(found)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())
