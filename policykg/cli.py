"""Command line: ``python -m policykg load|sync|query|compare|export``.

    python -m policykg load FILE_OR_FOLDER...            print the graph (see ``load --help``)
    python -m policykg sync FILE_OR_FOLDER...            write documents to Neo4j (NEO4J_* settings)
    python -m policykg query NAME [--param key=value]... [--store embedded|neo4j] [--data FILE...]
    python -m policykg export ...                        see ``python -m policykg export --help``
    python -m policykg compare A B [--format text|json]  what document B inherits from A, adds and drops

``python -m graph …`` and ``python -m loaders …`` (the names used before this package) run the
same program.

`query` prints the rows as JSON. A parameter value is text, except that it is an
integer where the query's default is one, and JSON where it starts with ``[``
(``--param 'ids=["law:反垄断法", "actor:平台企业"]'``). Any failure is one line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import sys
import time
from collections.abc import Sequence
from typing import Any

from graph.store import StoreError
from policykg import ingest

PROG = "python -m policykg"
NOT_CONFIGURED = ("Neo4j is not configured: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE) "
                  "or add a [neo4j] table to .streamlit/secrets.toml")


class CommandError(Exception):
    """A failure to report as one line."""


# Commands with their own options, each in its own module, imported only when run.
OWN_OPTIONS = {"export": "policykg.export_cli", "load": "policykg.load_cli"}


def main(argv: Sequence[str] | None = None, prog: str = PROG) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] and argv[0] in OWN_OPTIONS:
        try:
            command = importlib.import_module(OWN_OPTIONS[argv[0]])
        except ImportError as exc:
            print(f"error: {argv[0]} is not available: {exc}", file=sys.stderr)
            return 1
        return command.main(argv[1:])
    args = _parser(prog).parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="warning: %(message)s")
    logging.getLogger("neo4j").setLevel(logging.CRITICAL)  # its failures reach us as exceptions
    try:
        return args.run(args)
    except (CommandError, StoreError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # a loader's bad input (LoaderError) or anything unforeseen: still one line
        print(f"error: {' '.join(str(exc).split()) or type(exc).__name__}", file=sys.stderr)
        return 1


def _parser(prog: str = PROG) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Policy documents, their graph and its stores.")
    sub = parser.add_subparsers(required=True, metavar="{load,sync,query,compare,export}")
    sub.add_parser("load", help="print the graph of documents as JSON, GraphML or GEXF (own options)")
    sync = sub.add_parser("sync", help="write documents to Neo4j, each replacing its previous version")
    sync.add_argument("files", nargs="+", metavar="FILE",
                      help="documents, or folders read recursively; a file that fails is reported, skipped")
    sync.set_defaults(run=_sync)
    query = sub.add_parser("query", help="run a named query and print its rows as JSON")
    query.add_argument("name")
    query.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    query.add_argument("--store", choices=("embedded", "neo4j"), default="embedded")
    query.add_argument("--data", nargs="+", metavar="FILE",
                       help="documents or folders for the embedded store (default: the bundled seed)")
    query.set_defaults(run=_query)
    sub.add_parser("export", help="export the graph (own options)")
    compare = sub.add_parser("compare", help="align two documents unit by unit: inherited, added, dropped")
    compare.add_argument("first", metavar="A", help="the earlier or higher-level document (a file)")
    compare.add_argument("second", metavar="B", help="the document compared with it (a file)")
    compare.add_argument("--format", choices=("text", "json", "csv", "xlsx"), default="text")
    compare.add_argument("--out", metavar="FILE", help="write the table here (csv and xlsx need it)")
    compare.add_argument("--threshold", type=float, default=None, help="lowest score of a pair (0-1)")
    compare.set_defaults(run=_compare)
    return parser


def _sync(args: argparse.Namespace) -> int:
    """Load every file (a failing one is reported and skipped, so its stored version stays),
    then write what loaded; nothing is written when no file loaded."""
    store = _neo4j_store(schema=True)
    report = ingest.load_into(store, args.files, sys.stderr, progress=_progress_line())
    if report is None:
        return 1
    print(f"synced {len(report.documents)} document(s); the store holds {report.nodes} nodes "
          f"and {report.edges} relationships")
    return 0


def _query(args: argparse.Namespace) -> int:
    from graph.contract import query_params

    specs = query_params()
    if args.name not in specs:
        raise CommandError(f"unknown query {args.name!r}; valid names: {', '.join(sorted(specs))}")
    params = _params(args.param, specs[args.name])
    if args.store == "neo4j":
        store = _neo4j_store(schema=False)  # queries only read
    else:
        store = ingest.embedded_store(ingest.expand_paths(args.data) if args.data else ingest.bundled_paths())
    rows = store.query(args.name, **params)
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _compare(args: argparse.Namespace) -> int:
    from graph.compare import THRESHOLD, compare_documents, comparison_rows
    from graph.factory import embedded_store

    graphs = [ingest.load_file(path) for path in (args.first, args.second)]
    ids = [g.documents[0].id for g in graphs]
    if ids[0] == ids[1]:
        raise CommandError(f"{args.first!r} and {args.second!r} are the same document ({ids[0]})")
    store = embedded_store(graphs[0].merged_with(graphs[1]))
    result = compare_documents(store, ids[0], ids[1], THRESHOLD if args.threshold is None else args.threshold)
    rows = comparison_rows(result)
    if args.format in ("csv", "xlsx"):
        return _write_comparison(result, args.format, args.out)
    if args.format == "json":
        json.dump({"meta": dict(result.meta), "rows": rows}, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    print(f"{ids[0]} -> {ids[1]}: {len(result.inherited)} inherited, {len(result.added)} added, "
          f"{len(result.dropped)} dropped")
    for row in rows:
        a, b = row["a_name"] or "-", row["b_name"] or "-"
        score = f"{row['score']:.2f}" if row["score"] is not None else ""
        print(f"{row['status']:<9} {score:>5}  {a} -> {b}")
    return 0


def _write_comparison(result, fmt: str, out: str | None) -> int:
    from graph.compare import comparison_table
    from graph.files import write_atomic
    from render import spreadsheet

    if not out:
        raise CommandError(f"--format {fmt} needs --out FILE")
    columns, rows = comparison_table(result)
    content = spreadsheet.csv_bytes(columns, rows) if fmt == "csv" else \
        spreadsheet.xlsx_bytes({"comparison": (columns, rows)})
    write_atomic(out, content)
    print(f"wrote {out}: {len(result.inherited)} inherited, {len(result.added)} added, "
          f"{len(result.dropped)} dropped", file=sys.stderr)
    return 0


def _params(pairs: list[str], defaults: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise CommandError(f"--param {pair!r}: write it as key=value")
        default = defaults.get(key)
        try:
            if value.startswith("["):
                out[key] = json.loads(value)
            elif isinstance(default, int) and not isinstance(default, bool):
                out[key] = int(value)
            else:
                out[key] = value
        except ValueError as exc:
            raise CommandError(f"--param {key}: cannot read {value!r} ({exc})") from None
    return out


def _neo4j_store(schema: bool):
    from graph.factory import neo4j_store
    from graph.settings import load_settings

    settings = load_settings()
    if settings is None:
        raise CommandError(NOT_CONFIGURED)
    return neo4j_store(settings, schema=schema)


def _progress_line():
    """A progress callback writing ``sync: done/total document`` to stderr, at most about once a second."""
    last = [0.0]

    def progress(done: int, total: int, doc_id: str) -> None:
        now = time.monotonic()
        if done == total or now - last[0] >= 1.0:
            last[0] = now
            end = "\n" if done == total or not sys.stderr.isatty() else "\r"
            print(f"sync: {done}/{total} documents ({doc_id})", end=end, file=sys.stderr, flush=True)

    return progress


if __name__ == "__main__":
    sys.exit(main())
