"""`python -m policykg load FILE_OR_FOLDER...` (also `python -m loaders …`): print the graph of
policy documents.

JSON is networkx node-link data; GraphML and GEXF come from `render.gephi`, the one writer of
each, so they are the same files the exports write.

Folders are read recursively. stderr has one line per file (loaded, its warnings, or why it
failed) and a summary; a file that fails is skipped. Exit status 0 when at least one file
loaded, 1 when none did or the output cannot be written (2 for bad arguments); never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys

from graph.convert import node_link
from graph.files import write_atomic
from graph.model import PolicyGraph
from loaders.corpus import load_reporting
from loaders.errors import LoaderError
from render.gephi import gexf_bytes, graphml_bytes

PROG = "python -m policykg load"


def _parser(prog: str = PROG) -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog=prog, description="Policy documents -> knowledge graph.")
    p.add_argument("files", nargs="+", metavar="FILE",
                   help=".txt (any encoding), .md, .html, .docx or .pdf files, or folders of them")
    p.add_argument("--format", choices=("json", "graphml", "gexf"), default="json",
                   help="json = networkx node-link data (default)")
    p.add_argument("--out", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--excluded", action="store_true",
                   help="list the text set aside as not part of the policy, with reasons, instead")
    return p


def main(argv: list[str] | None = None, prog: str = PROG) -> int:
    args = _parser(prog).parse_args(argv)
    try:
        graph = load_reporting(args.files, sys.stderr)
        if not graph.documents:
            return 1
        if args.excluded:
            rows = [{"doc_id": x.doc_id, "start": x.start, "end": x.end, "reason": x.reason, "text": x.text}
                    for x in graph.excluded]
            _emit(json.dumps(rows, ensure_ascii=False, indent=1).encode("utf-8"), args.out)
        else:
            _emit(graph_bytes(graph, args.format), args.out)
    except LoaderError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except OSError as err:
        print(f"error: {err.filename or args.out}: {err.strerror}", file=sys.stderr)
        return 1
    return 0


def graph_bytes(graph: PolicyGraph, fmt: str) -> bytes:
    """`graph` as ``json`` (node-link), ``graphml`` or ``gexf``."""
    if fmt == "graphml":
        return graphml_bytes(graph)
    if fmt == "gexf":
        return gexf_bytes(graph)
    return json.dumps(node_link(graph), ensure_ascii=False, indent=1).encode("utf-8")


def _emit(data: bytes, out: str | None) -> None:
    if out:
        write_atomic(out, data)
    else:
        sys.stdout.buffer.write(data + b"\n")


if __name__ == "__main__":
    sys.exit(main())
