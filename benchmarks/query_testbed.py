"""The search path's CPU by stage at 100k passages without a 100k ingest (about an hour on the shared machine).

`build` chunks the bench's synthetic corpus (`benchmarks.synthetic.generate`, the same articles a bench run
ingests) as ingest chunks it, gives every passage simple metadata (its article's city and year, Italian, LGNet2,
two intervention areas, no near-duplicate group: no parse rules run), embeds it with the stand-in embedder and
saves one lexical index with its vectors in a folder (~90 s of CPU at 100k). `stages` searches the relevance
set's first half warm, as `benchmarks.measure` does, on the bench's 1k index (left in `--work` by a bench run) and
on that index, and prints each stage's p50 / p95 in CPU time (`cpu_stage_timings`) and the ratio of the totals'
p95. What it measures is what grows with the corpus (the lexical and dense legs); the collapse, facets and
snippets of an index without duplicate groups are not the bench's. Never part of the test run:

    python -m benchmarks.query_testbed build --size 100000 --work .bench
    python -m benchmarks.query_testbed stages --size 100000 --work .bench --rounds 4
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
from pathlib import Path

from benchmarks.measure import _queries, cpu_stage_timings, pct
from benchmarks.synthetic import StandInEmbedder, generate
from ingest.chunking import chunk_spans
from lgnet.config import Settings
from lgnet.embedders import get_embedder
from retrieval.lexical import LexicalIndex
from retrieval.models import SearchRequest
from retrieval.service import SearchService

AREAS = ("housing", "taking_charge", "civic_engagement", "capacity_building", "work", "language")
STAGES = ("total", "lexical", "dense", "collapse_facets", "analysis", "answer")


def build(size: int, work: Path) -> Path:
    corpus = generate(size, work / f"corpus-{size}")
    rows = []
    for path in sorted(corpus.rglob("article-*.txt")):
        title, _, body = path.read_text("utf-8").partition("\n\n")
        found = re.match(r"([^,]+), (\d{4})\.", body)
        city = found.group(1) if found else None
        for i, (start, end) in enumerate(chunk_spans(body)):
            cid = f"{path.stem}:{i:03d}"
            h = int(hashlib.md5(cid.encode()).hexdigest()[:8], 16)
            meta = {"title": title, "doc_id": path.stem, "city": city, "language": "it", "phase": "LGNet2",
                    "cities_mentioned": [city] if city else [], "dup_group": cid, "dup_canonical": True,
                    "doc_dup_group": path.stem, "interventions": [AREAS[h % 6], AREAS[(h >> 4) % 6]],
                    "chunk_index": i, "doc_type": "press_article", "format": "txt"}  # fmt: skip
            rows.append({"id": cid, "text": body[start:end], "meta": meta})
    embedder = StandInEmbedder()
    for i in range(0, len(rows), 512):
        part = rows[i : i + 512]
        texts = [f"{r['meta']['title']} ({r['meta']['city']})\n{r['text']}" for r in part]
        for row, vector in zip(part, embedder.embed(texts), strict=True):
            row["embedding"] = vector
    folder = work / f"testbed-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    LexicalIndex.empty().apply(rows, set()).save(folder)
    print(f"{len(rows)} passages saved in {folder}")
    return folder


def stages(size: int, work: Path, rounds: int) -> None:
    settings = Settings(data_dir=work / "data-1000-embedded", embedding_model="use-m3")
    small = SearchService(settings, embedder=get_embedder("use-m3", settings.threads))
    large = SearchService(settings, embedder=StandInEmbedder())
    index = LexicalIndex.load(work / f"testbed-{size}")
    if index is None:
        raise SystemExit(f"no testbed in {work / f'testbed-{size}'}: run build first")
    large.lexical.current = lambda: index  # type: ignore[method-assign]
    services = {1000: small, size: large}
    queries = _queries()[: len(_queries()) // 2]
    timings: dict[int, list[dict[str, float]]] = {n: [] for n in services}
    with cpu_stage_timings():
        for service in services.values():
            service.warm_up()
            for q in queries:  # cold: not counted
                service.search(SearchRequest(q=q))
        for _ in range(rounds):
            for n, service in services.items():
                timings[n] += [service.search(SearchRequest(q=q)).timings for q in queries]
    print(f"load average {os.getloadavg()[0]:.1f}; warm CPU ms p50 / p95 by stage")
    for n, found in timings.items():
        cells = [f"{k} {1000 * pct([t.get(k, 0.0) for t in found], 0.5):.2f} / "
                 f"{1000 * pct([t.get(k, 0.0) for t in found], 0.95):.2f}" for k in STAGES]  # fmt: skip
        print(f"{n:>7}: " + ", ".join(cells))
    p95 = {n: pct([t["total"] for t in found], 0.95) for n, found in timings.items()}
    print(f"total p95 {size} / 1000: {p95[size] / p95[1000]:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("command", choices=("build", "stages"))
    parser.add_argument("--size", type=int, default=100_000)
    parser.add_argument("--work", default=".bench")
    parser.add_argument("--rounds", type=int, default=4)
    args = parser.parse_args()
    work = Path(args.work).resolve()
    if args.command == "build":
        build(args.size, work)
    else:
        stages(args.size, work, args.rounds)


if __name__ == "__main__":
    main()
