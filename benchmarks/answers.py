"""Dump the API's whole answer to every query of the relevance set (old and new parts), to check that a change
meant only for speed leaves rankings, snippets, facets, answers and practice cards as they were.

    python -m benchmarks.answers dump --data-dir D --out before.jsonl   # one line per query, timings left out
    python -m benchmarks.answers compare before.jsonl after.jsonl       # exit 1 and the first differences
    (--cap-duplicates 20: `before` was dumped when every copy of a passage was listed under its hit)

Runs the real app (`app.factory.create_app`) in-process through a test client, with the data dir's own model.
Never part of the test run.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

LAST_QUERY = "n261"  # queries written after it (batch 6 onwards) are the honest measure: never dumped here


def queries() -> list[tuple[str, str]]:
    from retrieval.evaluation import load_relevance_set

    cases = load_relevance_set("old") + load_relevance_set("new")
    return [(c.id, c.query) for c in cases if not (c.id.startswith("n") and c.id > LAST_QUERY)]


def dump(data_dir: Path, out: Path) -> int:
    from fastapi.testclient import TestClient

    from app.factory import create_app
    from lgnet.config import Settings
    from retrieval.service import SearchService

    settings = Settings(data_dir=data_dir)
    service = SearchService(settings)
    service.warm_up()
    n = 0
    with TestClient(create_app(settings, service=service)) as client, out.open("w", encoding="utf-8") as f:
        for qid, q in queries():
            for params in ({"q": q}, {"q": q, "page": 2}):
                response = client.get("/api/search", params=params)
                body = response.json()
                body.pop("timings_ms", None)
                f.write(json.dumps({"id": qid, "params": params, "status": response.status_code, "body": body},
                                   ensure_ascii=False, sort_keys=True) + "\n")  # fmt: skip
                n += 1
    return n


def capped(line: str, cap: int) -> str:
    """A dump's line from before `Hit.duplicates_total` as it reads with the copies listed capped at `cap`."""
    row = json.loads(line)
    for hit in row["body"].get("results", []):
        if "duplicates_total" not in hit:
            hit["duplicates_total"] = len(hit["duplicates"])
            hit["duplicates"] = hit["duplicates"][:cap]
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def compare(before: Path, after: Path, shown: int = 5, cap: int | None = None) -> int:
    a = before.read_text("utf-8").splitlines()
    b = after.read_text("utf-8").splitlines()
    if cap is not None:
        a = [capped(line, cap) for line in a]
    if len(a) != len(b):
        print(f"{len(a)} answers before, {len(b)} after")
        return 1
    differ = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    for x, y in differ[:shown]:
        rx, ry = json.loads(x), json.loads(y)
        keys = sorted(k for k in set(rx["body"]) | set(ry["body"]) if rx["body"].get(k) != ry["body"].get(k))
        print(f"{rx['id']} {rx['params']}: differs in {keys}")
    print(f"{len(a)} answers compared, {len(differ)} differ")
    return 1 if differ else 0


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("--data-dir", type=Path, required=True)
    d.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("compare")
    c.add_argument("before", type=Path)
    c.add_argument("after", type=Path)
    c.add_argument("--cap-duplicates", type=int, help="a dump from before the copies under a hit were capped")
    args = parser.parse_args()
    if args.command == "dump":
        print(f"{dump(args.data_dir, args.out)} answers written to {args.out}")
    else:
        sys.exit(compare(args.before, args.after, cap=args.cap_duplicates))


if __name__ == "__main__":
    main()
