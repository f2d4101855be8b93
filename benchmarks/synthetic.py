"""Synthetic corpora for the scale bench: articles recombined from the sentences of corpus/, about 20 % of
them near-duplicate copies (new title, reworded opening, a paragraph cut, a few words changed), and a third
carrying the network's boilerplate paragraph. Deterministic for a size; written once under `.bench/`.

Also the stand-in embedder used above 10k passages: a hashed bag of words projected to 512 dimensions. It is
NOT a semantic model: it exists so that the bench measures everything except the embedding at 100k passages
on a 2-core machine; the real embedding cost is measured apart and reported beside it.
"""

from __future__ import annotations

import hashlib
import random
import re
from pathlib import Path

import numpy as np

from ingest.readers import read_file
from lgnet.network import Network

REPO = Path(__file__).resolve().parents[1]
WORDS_PER_PASSAGE = 190  # what the chunker makes of these articles on average (measured at 1k)
BOILERPLATE = (
    "Il progetto LGNet è finanziato dal Fondo Asilo, Migrazione e Integrazione (FAMI) e coordinato dal "
    "Ministero dell'Interno con ANCI e Cittalia: una rete di comuni per servizi di inclusione rapidi nelle "
    "aree urbane svantaggiate, rivolti ai migranti vulnerabili usciti dai percorsi di accoglienza."
)


def source_sentences() -> list[str]:
    sentences: list[str] = []
    for path in sorted((REPO / "corpus").rglob("*.txt")):
        text = read_file(path, 50 * 1024 * 1024).text
        for s in re.split(r"(?<=[.!?])\s+", re.sub(r"\s+", " ", text)):
            if 8 <= len(s.split()) <= 60:
                sentences.append(s.strip())
    return sentences


def generate(target_passages: int, folder: Path, seed: int = 42) -> Path:
    """Write (once) a corpus of about `target_passages` passages; returns its folder."""
    done = folder / ".complete"
    if done.is_file():
        return folder
    rng = random.Random(seed)
    sentences = source_sentences()
    cities = sorted(Network.default().cities())
    articles: list[tuple[str, str, list[str]]] = []
    words = 0
    n = 0
    while words < target_passages * WORDS_PER_PASSAGE:
        if articles and rng.random() < 0.2:
            city, title, paragraphs = rng.choice(articles)
            paragraphs = [list(p) for p in paragraphs]
            paragraphs[0][0] = rng.choice(sentences)  # reworded opening
            if len(paragraphs) > 2:
                paragraphs.pop(rng.randrange(1, len(paragraphs)))  # a paragraph cut
            for p in paragraphs:  # a few words changed
                i = rng.randrange(len(p))
                p[i] = " ".join(w if rng.random() > 0.1 else rng.choice(p[i].split()) for w in p[i].split())
            title = f"{title} (ripresa)"
        else:
            city = rng.choice(cities)
            title = f"{city}: " + " ".join(rng.choice(sentences).split()[:8])
            paragraphs = [rng.sample(sentences, rng.randint(3, 6)) for _ in range(rng.randint(3, 8))]
            if rng.random() < 0.33:
                paragraphs.append([BOILERPLATE])
        articles.append((city, title, paragraphs))
        body = "\n\n".join(" ".join(p) for p in paragraphs)
        target = folder / f"batch-{n // 500:03d}" / f"article-{n:06d}.txt"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(f"{title}\n\n{city}, {2019 + n % 6}. {body}\n", "utf-8")
        words += len(body.split())
        n += 1
    done.write_text(str(n))
    return folder


def new_article(folder: Path, seed: int) -> Path:
    """One more article (for the add-one-file measure), outside the corpus folder."""
    rng = random.Random(seed)
    sentences = source_sentences()
    body = "\n\n".join(" ".join(rng.sample(sentences, 5)) for _ in range(5))
    path = folder / f"new-article-{seed}.txt"
    path.write_text(f"Aosta: un nuovo sportello zanzibarite {seed}\n\nAosta. {body} zanzibarite\n", "utf-8")
    return path


class StandInEmbedder:
    """Deterministic hashed bag of words, 512 dims: a stand-in for the cost of everything but the model."""

    name = "bench-hashed-bow-512 (stand-in)"
    dim = 512

    def warm_up(self) -> None:
        return None

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode(), digest_size=4).digest(), "little")
                out[row, h % self.dim] += 1.0 if h & 0x8000_0000 else -1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-12)
