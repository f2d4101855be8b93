"""Phrases several rules read, defined once.

- `PART`: what follows is a part of the count just stated ("48 domande, di cui 30 ammesse", "312 persone, 118
  delle quali donne", "1,200 people, of whom 300 women", "€ 400.000, di cui € 80.000 di cofinanziamento").
- `TARGET_BEFORE`: the words right before a number that make it a stated target ("contro un obiettivo di 250",
  "(obiettivo annuale: 250)", "the target was 900", "obiettivo di almeno 40").
"""

from __future__ import annotations

import re

PART = r"(?:di\s+cui|(?:delle|dei)\s+quali|of\s+whom|of\s+which)"
TARGET_BEFORE = re.compile(r"\b(?:obiettiv[oi]|target)\b[^.,;:()\d]{0,30}?(?::|\bdi|\bwas|\bof|\bè\s+di)\s*"
                           r"(?:(?:almeno|circa|at\s+least)\s+)?$", re.I)  # fmt: skip
