"""``python -m policykg export FILE... --format FMT --out PATH``: workshop exports from the command line.

Formats: ``html`` (one offline file with the graph, legend, search and tour), ``png``/``svg``
(the whole graph, or one tour step with ``--step``), ``graphml``/``gexf`` (Gephi), ``csv``
(``PATH`` → ``STEM.nodes.csv`` and ``STEM.edges.csv``, or ``nodes.csv``/``edges.csv`` in a
folder), ``xlsx``, ``handout`` (printable HTML) and ``pdf`` (the handout printed by headless
Chromium), and ``tour`` (the default tour as YAML or JSON, to edit and pass back with ``--tour``).

Errors are one line on stderr and a non-zero exit: 1 for bad input or a failed export,
2 for a bad command line. Nothing is left half-written.

>>> main(["no-such-file.txt", "--format", "csv", "--out", "nowhere.csv"])  # the error goes to stderr
1
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

PROG = "python -m policykg export"
FORMATS = ("html", "png", "svg", "graphml", "gexf", "csv", "xlsx", "handout", "pdf", "tour")


class _UsageError(Exception):
    pass


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line instead of usage + message
        raise _UsageError(message)


def build_parser() -> argparse.ArgumentParser:
    p = _Parser(prog=PROG, description="Export policy documents as offline HTML, pictures, Gephi files, tables, "
                                       "handouts or a tour file.")
    p.add_argument("files", nargs="+", metavar="FILE", help="policy documents (.txt, .html, .docx, .pdf …)")
    p.add_argument("--format", "-f", required=True, choices=FORMATS, help="what to write")
    p.add_argument("--out", "-o", required=True, metavar="PATH", help="file to write (csv: a file stem or folder)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of labels and texts (default zh)")
    p.add_argument("--tour", metavar="TOUR", help="a tour file (.yaml/.json) instead of the default tour")
    p.add_argument("--step", metavar="ID", help="png/svg: draw this tour step instead of the whole graph")
    p.add_argument("--doc", metavar="DOC_ID", help="which document the default tour and handouts cover")
    p.add_argument("--measure", metavar="ID", help="default tour: the measure its measure step shows")
    p.add_argument("--width", type=int, default=1600, help="png/svg width in pixels (default 1600)")
    p.add_argument("--height", type=int, default=900, help="png/svg height in pixels (default 900)")
    p.add_argument("--theme", choices=("light", "dark"), default="light", help="png/svg/html colours")
    p.add_argument("--pages", nargs="+", metavar="ID", help="handout/pdf: target system or measure ids")
    return p


def _fail(message: str, code: int = 1) -> int:
    print(f"{PROG}: error: {' '.join(str(message).split())}", file=sys.stderr)
    return code


def main(argv: Sequence[str] | None = None) -> int:
    """Run the export; 0 on success, 1 on bad input or a failed export, 2 on a bad command line."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except _UsageError as err:
        return _fail(str(err), 2)
    except SystemExit as done:  # --help
        return int(done.code or 0)

    from policykg.ingest import LoaderError
    from render.errors import ExportError
    from render.handout import HandoutError
    from render.tour import TourError

    try:
        return _run(args)
    except (LoaderError, TourError, ExportError, HandoutError) as err:
        return _fail(str(err))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except Exception as err:  # noqa: BLE001 - house style: one line, never a traceback
        return _fail(f"{type(err).__name__}: {err}")


def _run(args: argparse.Namespace) -> int:
    from policykg.ingest import load_paths
    from render import exports, handout
    from graph.index import GraphIndex
    from render.tour import default_tour, load_tour, save_tour

    graph = load_paths([str(f) for f in args.files])
    idx = GraphIndex(graph)
    out = Path(args.out)
    if args.tour:
        tour = load_tour(args.tour)
    elif args.format in ("html", "png", "svg", "tour") and (args.step or args.format in ("html", "tour")):
        tour = default_tour(idx, doc_id=args.doc, lang=args.lang, measure=args.measure)
    else:
        tour = None

    if args.format == "tour":
        written = [save_tour(tour, out)]
    elif args.format in ("handout", "pdf"):
        pages = args.pages if args.pages else handout.default_pages(idx, args.doc)
        unknown = [p for p in pages if p not in idx.nodes]
        if unknown:
            return _fail(f"--pages: no node {unknown[0]!r} in the graph")
        page = handout.handout_html(idx, pages, lang=args.lang)
        written = [exports.write_atomic(out, page) if args.format == "handout" else handout.html_to_pdf(page, out)]
    elif args.format == "html":
        from render.standalone import standalone_html

        written = [exports.write_atomic(out, standalone_html(idx, tour, lang=args.lang, theme=args.theme))]
    else:
        written = exports.write_export(graph, args.format, out, tour=tour, step=args.step, lang=args.lang,
                                       width=args.width, height=args.height, theme=args.theme)
    for path in written:
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
