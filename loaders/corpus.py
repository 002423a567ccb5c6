"""A corpus on disk -> one `PolicyGraph` and a report per file.

Folders are read recursively for the supported suffixes, in sorted order, so two runs over one
folder load the same documents in the same order. A file that cannot be loaded is reported
(one line naming it and the reason) and skipped: it never stops the others. Both command lines
(`python -m loaders`, `python -m graph sync`) load through here.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, TextIO

from graph.model import PolicyGraph
from loaders.errors import LoaderError, shown_name
from loaders.pipeline import Documents
from loaders.reading import SUPPORTED_SUFFIXES

Progress = Callable[[int, int, "FileReport"], None]  # (files done, files in all, the report just made)


@dataclass(frozen=True)
class FileReport:
    """What became of one file: `doc_id` when it loaded (with its `warnings`), else `error`."""

    path: str
    doc_id: str = ""
    warnings: tuple[str, ...] = ()
    error: str = ""

    @property
    def loaded(self) -> bool:
        return not self.error

    def line(self) -> str:
        """One line for a person reading the report.

        >>> FileReport("a.txt", "doc:x").line(), FileReport("b.txt", error="b.txt: empty file").line()
        ('loaded: a.txt -> doc:x', 'error: b.txt: empty file')
        >>> FileReport("a.txt", "doc:x", ("no date",)).line()
        'loaded: a.txt -> doc:x (1 warning)'
        """
        if self.error:
            return f"error: {self.error}"
        count = len(self.warnings)
        note = f" ({count} warning{'s' if count > 1 else ''})" if count else ""
        return f"loaded: {shown_name(self.path)} -> {self.doc_id}{note}"


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


# A folder's own notes (README.md, LICENSE.txt …) describe the documents; they are not one of them.
FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "contributing", "notice", "authors"})


def _folder_files(folder: Path) -> list[Path]:
    """The supported files under `folder`, at any depth, sorted; hidden files and folders
    (.git, editor backups) and the folder's own notes (README.md) are not documents."""
    found = [Path(dirpath) / name
             for dirpath, _, names in os.walk(folder)
             for name in names if Path(name).suffix.lower() in SUPPORTED_SUFFIXES
             and Path(name).stem.lower() not in FOLDER_NOTES]
    return sorted(p for p in found if not _is_hidden(p, folder))


def expand_paths(args: Iterable[str | os.PathLike]) -> list[Path]:
    """Files as given, folders replaced by the supported files under them (sorted); each file once.
    A named file is kept whatever its suffix, so that loading it reports why it cannot be read.

    >>> [p.name for p in expand_paths(["data/seed", "data/seed/zhejiang-platform-economy-2023.txt"])]
    ['zhejiang-platform-economy-2023.txt']
    """
    out: dict[Path, None] = {}
    for arg in args:
        path = Path(arg)
        for file in _folder_files(path) if path.is_dir() else [path]:
            out.setdefault(file, None)
    return list(out)


def empty_folders(args: Iterable[str | os.PathLike]) -> list[FileReport]:
    """A report for every folder among `args` that holds no supported file."""
    return [FileReport(str(arg), error=str(LoaderError(str(arg), "no supported files in this folder (" +
                                                         ", ".join(SUPPORTED_SUFFIXES) + ")")))
            for arg in args if Path(arg).is_dir() and not _folder_files(Path(arg))]


def load_corpus(paths: Iterable[str | os.PathLike], progress: Progress | None = None
                ) -> tuple[PolicyGraph, list[FileReport]]:
    """Every file of `paths` (files or folders) loaded into one graph, with a report per file.

    >>> graph, reports = load_corpus(["data/seed", "no-such-file.txt"])
    >>> [r.loaded for r in reports], len(graph.documents)
    ([True, False], 1)
    """
    paths = list(paths)
    files = expand_paths(paths)
    documents = Documents()
    reports: list[FileReport] = []
    items = [*empty_folders(paths), *files]
    for item in items:
        reports.append(item if isinstance(item, FileReport) else _load_one(documents, item))
        if progress is not None:
            progress(len(reports), len(items), reports[-1])
    return documents.graph(), reports


def _load_one(documents: Documents, file: Path) -> FileReport:
    try:
        graph = documents.add(file)
    except LoaderError as err:
        return FileReport(str(file), error=str(err))
    except OSError as err:
        return FileReport(str(file), error=str(LoaderError(str(file), err.strerror or type(err).__name__)))
    doc = graph.documents[0]
    return FileReport(str(file), doc.id, tuple(doc.warnings))


def summary(reports: list[FileReport]) -> str:
    """The last line of a report.

    >>> summary([FileReport("a", "doc:a", ("w",)), FileReport("b", error="b: empty file")])
    'loaded 1 of 2 files (1 failed, 1 warning)'
    """
    loaded = sum(r.loaded for r in reports)
    failed = len(reports) - loaded
    warnings = sum(len(r.warnings) for r in reports)
    notes = [f"{failed} failed"] if failed else []
    notes += [f"{warnings} warning{'s' if warnings != 1 else ''}"] if warnings else []
    return f"loaded {loaded} of {len(reports)} file{'s' if len(reports) != 1 else ''}" + (
        f" ({', '.join(notes)})" if notes else "")


def file_lines(report: FileReport) -> list[str]:
    """The lines of one file: what became of it, then its warnings one a line."""
    return [report.line()] + [f"warning: {shown_name(report.path)}: {w}" for w in report.warnings]


def closing_line(reports: list[FileReport]) -> str | None:
    """The summary; when nothing loaded, an error saying so (none for a single file: its own error
    line says it all, so a one-file run that fails prints one line)."""
    if any(r.loaded for r in reports):
        return summary(reports)
    return f"error: none of the {len(reports)} files loaded" if len(reports) != 1 else None


def report_lines(reports: list[FileReport]) -> list[str]:
    """The report as the command lines print it: each file's lines, then the closing line.

    >>> report_lines([FileReport("a.txt", "doc:a", ("no date",))])
    ['loaded: a.txt -> doc:a (1 warning)', 'warning: a.txt: no date', 'loaded 1 of 1 file (1 warning)']
    >>> report_lines([FileReport("b.txt", error="b.txt: empty file")])
    ['error: b.txt: empty file']
    >>> report_lines([FileReport("b.txt", error="b.txt: empty file"),
    ...               FileReport("c.pdf", error="c.pdf: damaged PDF")])
    ['error: b.txt: empty file', 'error: c.pdf: damaged PDF', 'error: none of the 2 files loaded']
    """
    closing = closing_line(reports)
    return [line for r in reports for line in file_lines(r)] + ([closing] if closing else [])


def load_reporting(paths: Iterable[str | os.PathLike], stream: TextIO) -> PolicyGraph:
    """`load_corpus` for a command line: each file's lines on `stream` as soon as it is done (a long
    load shows its progress), then the closing line."""
    def progress(done: int, total: int, report: FileReport) -> None:
        print("\n".join(file_lines(report)), file=stream, flush=True)

    graph, reports = load_corpus(paths, progress)
    closing = closing_line(reports)
    if closing:
        print(closing, file=stream)
    return graph
