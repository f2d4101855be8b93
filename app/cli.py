"""The `lgnet` command: ingest, search, serve, eval."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from lgnet.config import get_settings
from lgnet.errors import ConfigError, LGNetError
from lgnet.text import replace_between


def cmd_ingest(args: argparse.Namespace) -> int:
    from knowledge.hooks import index_pipeline

    settings = get_settings()
    if args.max_file_mb is not None:
        settings = settings.model_copy(update={"max_file_mb": args.max_file_mb})
    pipeline = index_pipeline(settings)
    report = pipeline.run([Path(p) for p in args.paths], rebuild=args.rebuild)
    from retrieval.lexical_manager import LexicalIndexManager

    LexicalIndexManager(pipeline.store, settings.lexical_dir).refresh_saved()
    print(report.render(verbose=args.verbose))
    print(f"  report saved to {settings.report_path}")
    if report.errors and args.strict:
        print(f"--strict: {len(report.errors)} file(s) failed", file=sys.stderr)
        return 1
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from retrieval.render import render_text
    from retrieval.service import SearchRequest, get_search_service

    service = get_search_service(get_settings())
    request = SearchRequest(
        q=args.query,
        k=args.k,
        city=args.city,
        intervention=args.intervention,
        doc_type=args.doc_type,
        phase=args.phase,
        year=args.year,
    )
    result = service.search(request)
    if args.json:
        print(json.dumps(result.to_contract(), ensure_ascii=False, indent=1))
    else:
        print(render_text(result))
    return 0


MAX_HEADER_BYTES = 32 * 1024


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    # Each worker is a process with its own model and derived indexes, loaded while it starts (/api/ready
    # says when); they share the store, the data dir (uploads, jobs, the change log) and the saved indexes.
    settings = get_settings()  # a configuration error shows here, once, not in every worker
    if args.workers > 1 and not settings.chroma_url:
        raise ConfigError(
            "--workers above 1 needs a Chroma server (LGNET_CHROMA_URL): an embedded store belongs to one process"
        )
    uvicorn.run(
        "app.factory:create_served_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="info",
        # h11 enforces a size limit on the request line and headers (httptools has none): 32 KB, then 400.
        http="h11",
        h11_max_incomplete_event_size=MAX_HEADER_BYTES,
        timeout_graceful_shutdown=5,  # SIGTERM: open requests get 5 s, then the process exits
    )
    return 0


def cmd_eval(args: argparse.Namespace) -> int:
    from retrieval.evaluation import run_evaluation

    if args.tune:
        from retrieval.rerank import Reranker
        from retrieval.service import get_search_service
        from retrieval.tuning import run_tuning

        service = get_search_service(get_settings())
        service.warm_up()
        service.reranker = Reranker()  # features and candidates as the fusion gives them
        tuned = run_tuning(service)
        verdict = "written to lgnet/data/rerank.json" if tuned["shipped"] else "not better: the committed weights stay"
        print(f"reranker tuned on {tuned['tuned_on']}: {tuned['weights']} ({verdict})")
        for name, value in tuned["figures"].items():
            print(f"  {name}: {value}")
        Reranker.default.cache_clear()
        service.reranker = Reranker.default()
    report = run_evaluation(get_settings(), ablation=not args.no_ablation)
    print(report.render())
    if args.write:
        Path(args.write).write_text(report.markdown(), "utf-8")
        print(f"written to {args.write}")
    if args.readme:
        report.update_readme(Path(args.readme))
        print(f"figures updated in {args.readme}")
    if args.knowledge:
        from app.quality import knowledge_report

        text, summary = knowledge_report(get_settings())
        Path(args.knowledge).write_text(text, "utf-8")
        print(f"document types, cities and practice records measured in {args.knowledge}")
        if args.readme:
            markers = ("<!-- knowledge:start (make eval) -->", "<!-- knowledge:end -->")
            replace_between(Path(args.readme), *markers, summary)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="lgnet", description="LGNet knowledge platform")
    parser.add_argument("-v", "--verbose-log", action="store_true", help="debug logging")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("ingest", help="ingest files or folders into the index")
    p.add_argument("paths", nargs="+")
    p.add_argument("--rebuild", action="store_true", help="drop the index and start clean")
    p.add_argument("--strict", action="store_true", help="exit with an error if any file fails")
    p.add_argument("--max-file-mb", type=float, default=None, help="refuse files larger than this")
    p.add_argument("--verbose", action="store_true", help="list every document in the report")
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser("search", help="search the index")
    p.add_argument("query")
    p.add_argument("--city")
    p.add_argument("--intervention")
    p.add_argument("--doc-type")
    p.add_argument("--phase")
    p.add_argument("--year", type=int)
    p.add_argument("--k", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print the JSON contract of the API")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("serve", help="serve the API and the site")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--workers", type=int, default=1, help="worker processes (share one store: set LGNET_CHROMA_URL)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("eval", help="run the relevance set and print the metrics")
    p.add_argument("--no-ablation", action="store_true")
    p.add_argument(
        "--tune",
        action="store_true",
        help="first tune the reranker on the old part and the development batches but the last, check it on the "
        "last (retrieval/tuning.py); lgnet/data/rerank.json is rewritten only if it wins",
    )
    p.add_argument("--write", metavar="FILE", help="also write the Markdown report (docs/search-quality.md)")
    p.add_argument("--readme", metavar="FILE", help="also rewrite the figures between the eval markers of FILE")
    p.add_argument(
        "--knowledge",
        metavar="FILE",
        help="also measure types, cities and records (docs/knowledge-quality.md)",
    )
    p.set_defaults(func=cmd_eval)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose_log else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    try:
        return args.func(args)
    except LGNetError as exc:
        print(f"lgnet: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
