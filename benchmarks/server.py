"""The bench's server: the real app (`app.factory.create_app`, warming up at start) with the bench's
embedder (the real model, or the labelled stand-in above 10k passages), served by uvicorn.

`python -m benchmarks.server --port P --data-dir D [--chroma-url U] [--stand-in] [--workers N]`
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import uvicorn

from lgnet.config import Settings
from lgnet.embedders import get_embedder


def build_app():
    """Factory for uvicorn (also in each worker): the configuration comes through the environment."""
    from app.factory import create_app
    from benchmarks.synthetic import StandInEmbedder
    from retrieval.service import SearchService

    settings = Settings()
    embedder = StandInEmbedder() if os.environ.get("BENCH_STAND_IN") == "1" else None
    embedder = embedder or get_embedder(settings.embedding_model, settings.threads)
    return create_app(settings, service=SearchService(settings, embedder=embedder), warm=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--chroma-url")
    parser.add_argument("--stand-in", action="store_true")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    os.environ["LGNET_DATA_DIR"] = str(args.data_dir)
    if args.chroma_url:
        os.environ["LGNET_CHROMA_URL"] = args.chroma_url
    os.environ["BENCH_STAND_IN"] = "1" if args.stand_in else "0"
    uvicorn.run(
        "benchmarks.server:build_app",
        factory=True,
        host="127.0.0.1",
        port=args.port,
        workers=args.workers,
        log_level="warning",
    )


if __name__ == "__main__":
    main()
