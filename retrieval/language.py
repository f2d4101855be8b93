"""The language of a short query. Documents have many function words to count; a query has few, so the
question's own phrasing (question words, elisions, auxiliaries) and the domain vocabulary both count."""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet

from lgnet.text import fold

# Function words and question phrasing of each language; words both languages write ("in", "a") are left out.
ITALIAN = frozenset(
    re.findall(
        r"\S+",
        """il lo la i gli le un una uno di del dello della dei degli delle da dal dallo dalla dai dagli dalle nel
    nello nella nei negli nelle sul sullo sulla sui sugli sulle con per tra fra al allo alla ai agli alle e ed o
    che chi come dove quando quanto quanta quanti quante quale quali cosa perche non sono e ha hanno ho abbiamo
    fatto fanno fare altri altre altro altra stati stato stata questo questa questi queste quello quella anche
    ci si mi ti piu loro essere avere sono esistono possono puo posso vorrei degli cui nelle ogni tutti
    tutte loro sia gia molto molti molte dopo prima senza verso presso""",
    )
)
ENGLISH = frozenset(
    re.findall(
        r"\S+",
        """the an of on at to for with from by and or what which who whom whose how where when why is are was were
    do does did have has had been be this that these those other others their there can could should would will
    about into than many much any some there was did get got does their its our
    your we they them it""",
    )
)
# English function words (prepositions, auxiliaries, pronouns, determiners, adverbs), beyond the short stop list
# the index drops: the lexical query and the concepts leave them out, so "under LGNetEA" or "what can other towns"
# does not chase the English passages that say "under", "can", "other". Italian needs no such list: the index's
# Italian stop list is long, and a preposition may be half of what is asked ("senza casa", "dopo l'accoglienza").
FUNCTION_WORDS = ENGLISH | frozenset(
    re.findall(
        r"\S+",
        """above across after against along among around before behind below beneath beside besides between beyond
    despite down during except inside near off onto out outside over since through throughout toward towards under
    until upon within without am being cannot may might must shall doing also again already always even ever here
    just only quite rather still then too very yet whether although because though unless whereas while i me my
    mine you yours he him his she her hers us ours theirs itself themselves each every either neither both few more
    most several another whatever whichever""",
    )
)
_ELISION = re.compile(r"(?<!\w)(?:l|un|dell|dall|nell|all|sull|quest|quell|c|d|s)['’]\w")
_ITALIAN_LETTERS = re.compile(r"[àèéìòù]")


def detect_query_language(
    text: str, italian_terms: AbstractSet[str] = frozenset(), english_terms: AbstractSet[str] = frozenset()
) -> str:
    """'it' or 'en'. `italian_terms`/`english_terms`: domain words known to be of one language (thesaurus,
    glossary). Italian when nothing tells them apart: the users and the corpus are Italian."""
    lowered = text.lower()
    words = re.findall(r"\w+", fold(lowered))
    it = (
        sum(2 for w in words if w in ITALIAN)
        + 2 * len(_ELISION.findall(lowered))
        + len(_ITALIAN_LETTERS.findall(lowered))
    )
    en = sum(2 for w in words if w in ENGLISH)
    it += sum(1 for w in words if w in italian_terms and w not in english_terms)
    en += sum(1 for w in words if w in english_terms and w not in italian_terms)
    return "en" if en > it else "it"
