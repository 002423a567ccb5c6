"""Check the loader's chapters, sections and articles on many laws at once.

    python scripts/law_structure_check.py FOLDER [--sample 300] [--keep-going]

FOLDER holds laws and regulations in the LawRefBook markdown layout (e.g. a checkout of
github.com/LawRefBook/Laws; never commit its files). The expected structure of each comes from its
own marks (loaders/markdown_gold.py); the loader reads the .md and a plain-text rendering without
the marks, and the script prints, per form, chapters, sections and articles found of expected,
extra ones, and how many laws came out exactly right. The sample is a fixed, spread-out choice of
files (by a hash of their path), so a rerun checks the same laws.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere
    sys.path.insert(0, str(ROOT))

from graph.model import PolicyGraph  # noqa: E402
from loaders.evaluate import Score, evaluate  # noqa: E402
from loaders.markdown_gold import law_gold_from_markdown, markdown_to_plain  # noqa: E402
from loaders.pipeline import load_paths  # noqa: E402

FIELDS = ("chapters", "sections", "articles")
# Folders of LawRefBook that hold no laws or regulations (court interpretations, cases) and files
# that are not documents.
SKIP_PARTS = {"司法解释", "案例", "scripts"}
SKIP_NAMES = {"_index.md", "README.md", "法律法规模版.md"}


@dataclass
class Tally:
    """Totals of one form (md or txt) over the sample."""

    counts: dict[str, list[int]] = field(default_factory=lambda: {f: [0, 0, 0] for f in FIELDS})
    exact: int = 0
    failed: list[str] = field(default_factory=list)

    def add(self, scores: list[Score]) -> None:
        for s in scores:
            c = self.counts[s.kind]
            c[0], c[1], c[2] = c[0] + s.gold, c[1] + s.found, c[2] + s.correct
        self.exact += all(s.gold == s.found == s.correct for s in scores)


def candidates(folder: Path) -> list[Path]:
    """Every law or regulation .md under `folder`."""
    return [p for p in folder.rglob("*.md")
            if p.name not in SKIP_NAMES and not SKIP_PARTS & set(p.relative_to(folder).parts)]


def sample(paths: list[Path], n: int, folder: Path) -> list[Path]:
    """n of `paths`, the same on every run: the first n by a hash of their relative path."""
    def key(p: Path) -> str:
        return hashlib.sha1(str(p.relative_to(folder)).encode("utf-8")).hexdigest()
    return sorted(paths, key=key)[:n]


def _check(path: Path, gold: dict, tally: Tally) -> None:
    try:
        graph = load_paths([path])
    except Exception as err:  # the check reports crashes with the rest; it must see every law
        tally.failed.append(f"{path.name}: {type(err).__name__}: {err}".splitlines()[0])
        tally.add(evaluate(PolicyGraph(), gold))
        return
    tally.add(evaluate(graph, gold, path.name))


def run(paths: list[Path], plain_dir: Path) -> tuple[dict[str, Tally], int]:
    """Tallies per form; and how many laws were skipped for having no 第X条 articles to check."""
    tallies, skipped = {"md": Tally(), "txt": Tally()}, 0
    for path in paths:
        text = path.read_text(encoding="utf-8", errors="replace")
        expected = law_gold_from_markdown(text)
        if not expected["articles"]:
            skipped += 1
            continue
        gold = {k: expected[k] for k in FIELDS if k in expected and k != "sections"}
        _check(path, gold, tallies["md"])
        plain = plain_dir / f"{path.stem}.txt"
        plain.write_text(markdown_to_plain(text), encoding="utf-8")
        _check(plain, gold, tallies["txt"])
    return tallies, skipped


def report(tallies: dict[str, Tally], checked: int) -> str:
    lines = [f"{'form':<6}{'field':<10}{'expected':>9}{'found':>8}{'correct':>9}{'extra':>7}{'recall':>8}"
             f"{'precision':>11}"]
    for form, tally in tallies.items():
        for kind, (gold, found, correct) in tally.counts.items():
            recall = correct / gold if gold else 1.0
            precision = correct / found if found else 1.0
            lines.append(f"{form:<6}{kind:<10}{gold:>9}{found:>8}{correct:>9}{found - correct:>7}{recall:>8.3f}"
                         f"{precision:>11.3f}")
    for form, tally in tallies.items():
        lines.append(f"{form}: {tally.exact} of {checked} laws exactly right (chapters, sections and articles); "
                     f"{len(tally.failed)} failed to load" + (f", e.g. {tally.failed[0]}" if tally.failed else ""))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("folder", type=Path, help="a folder of LawRefBook .md files (searched recursively)")
    p.add_argument("--sample", type=int, default=300, help="how many laws to check (default 300)")
    args = p.parse_args(argv)
    if not args.folder.is_dir():
        print(f"error: {args.folder}: not a folder", file=sys.stderr)
        return 2
    chosen = sample(candidates(args.folder), args.sample, args.folder)
    with tempfile.TemporaryDirectory(prefix="law-plain-") as plain_dir:
        tallies, skipped = run(chosen, Path(plain_dir))
    checked = len(chosen) - skipped
    print(f"{checked} laws and regulations checked ({skipped} of the {len(chosen)} sampled have no 第X条 "
          f"articles and were skipped)")
    print(report(tallies, checked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
