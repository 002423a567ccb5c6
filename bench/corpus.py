"""A varied corpus for the benches: n documents derived from the shared corpus and the seed.

The bases are the laws and regulations (`../shared/corpus/*.md`), the web excerpts
(`../shared/corpus/excerpts/*.txt`) and the seed; document i is base (i-1) mod len(bases) with its own
identity: a year-range suffix, as titles carry them (`…实施意见（2003—2005年）`), added to its title,
and its 文号's serial number replaced by i, so under any id scheme (title, issuer+number, content)
no two documents are one. Titles come from the gold files (data/gold/), so no document is named
here. Without ../shared/corpus the corpus says so and falls back to the seed alone.

Document i depends only on i and the bases, so the corpus is the same on every machine and run; it is
cached on disk and a rerun (or a smaller n) reuses what is there.

    python -m bench.corpus 1000 [DEST]

>>> [p.name for p in make_corpus(2, Path("build/bench-corpus"))]  # doctest: +SKIP
['doc-0001.md', 'doc-0002.md']
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from graph.files import write_atomic
from loaders.gold import read_gold, source_name

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
GOLD_DIR = ROOT / "data" / "gold"
DEFAULT_DEST = ROOT / "bench" / "results" / "corpus"  # bench/results/ is git-ignored
# Bump when the derivation changes, so stale caches are rebuilt rather than silently reused.
VERSION = 4
MANIFEST = "manifest.json"
# 文号 in any common bracket form (〔2023〕6号, [2023]6号, (2023)6号, traditional 號) and 令 numbers
# (国务院令第722号): the serial number is group 2.
DOC_NUMBER = re.compile(r"([〔\[［(（]\d{4}[〕\]］)）]|令第)(\d{1,5})([号號])")
# Characters a copy may print in another width or form than the gold title does.
LOOSE = {"(": "(（", ")": ")）", "-": "-‐–—－", ",": ",，", ":": ":："}


@dataclass(frozen=True)
class Base:
    """One real document the corpus varies: its path, text and title (from its gold file)."""

    path: Path
    text: str
    title: str


def base_paths(shared: Path = SHARED_CORPUS) -> list[Path]:
    """The documents the corpus is made of, in a fixed order; the seed alone without `shared`."""
    if not shared.is_dir():
        return [SEED]
    found = sorted(p for p in shared.glob("*.md") if p.name.lower() != "readme.md")
    return found + sorted((shared / "excerpts").glob("*.txt")) + [SEED]


def _gold_titles() -> dict[str, str]:
    """Title of each annotated document, by file name."""
    titles = {}
    for path in sorted(GOLD_DIR.glob("*.yaml")):
        gold = read_gold(path)
        name, stem = source_name(gold, path)
        if gold.get("title"):
            titles[name or stem] = str(gold["title"])
    return titles


def load_bases(paths: list[Path]) -> list[Base]:
    titles = _gold_titles()
    return [Base(p, p.read_text(encoding="utf-8"), titles.get(p.name) or titles.get(p.stem, "")) for p in paths]


def variant(i: int) -> str:
    """The year-range suffix that sets document i apart; distinct for i < 2,500.

    >>> variant(1), variant(51)
    ('（2002—2003年）', '（2002—2004年）')
    """
    start = 2001 + i % 50
    return f"（{start}—{start + 1 + i // 50}年）"


@lru_cache(maxsize=1)  # building a converter reads its dictionaries: once
def _to_traditional():
    import opencc  # a loader dependency already; imported here so the bench's import stays light

    return opencc.OpenCC("s2t")


@lru_cache(maxsize=None)  # one pattern a base, not one a derived document
def title_pattern(title: str) -> re.Pattern[str]:
    """`title` as it may be printed: over several lines, in traditional characters, in full width.

    >>> bool(title_pattern("关于推动平台经济的意见").search("關於推動平台\\n\\n經濟的意見"))
    True
    """
    classes = []
    for ch in title:
        forms = set(LOOSE.get(ch, ch)) | {_to_traditional().convert(ch)}
        classes.append("[" + "".join(re.escape(f) for f in sorted(forms)) + "]")
    return re.compile(r"\s*".join(classes))


def derive(base: Base, i: int) -> str:
    """Document i from its base: the title everywhere it appears gets the suffix (where no title is
    known or found, the first line ending a sentence does), and every 文号's serial number becomes i.

    >>> derive(Base(Path("a.txt"), "关于甲的意见\\n甲政发〔2023〕6号\\n《关于甲的意见》印发。", "关于甲的意见"), 7)
    '关于甲的意见（2008—2009年）\\n甲政发〔2023〕7号\\n《关于甲的意见（2008—2009年）》印发。'
    """
    text = DOC_NUMBER.sub(lambda m: f"{m.group(1)}{i}{m.group(3)}", base.text)
    if base.title:
        text, count = title_pattern(base.title).subn(lambda m: m.group() + variant(i), text)
        if count:
            return text
    lines = text.split("\n")
    at = next((k for k, line in enumerate(lines) if line.rstrip().endswith("。")), len(lines) - 1)
    lines[at] = lines[at].rstrip() + variant(i)
    return "\n".join(lines)


def _cache_key(bases: list[Base]) -> dict:
    digest = hashlib.sha256()
    for b in bases:
        digest.update(f"{b.path.name}\0{b.title}\0".encode("utf-8") + b.text.encode("utf-8"))
    return {"version": VERSION, "bases_sha256": digest.hexdigest()}


def make_corpus(n: int, dest: Path = DEFAULT_DEST, shared: Path = SHARED_CORPUS) -> list[Path]:
    """Paths of n varied documents in `dest`, written only if not cached there yet.

    >>> [p.name for p in make_corpus(2, Path("build/bench-corpus"))]  # doctest: +SKIP
    ['doc-0001.md', 'doc-0002.md']
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n}")
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    bases = load_bases(base_paths(shared))
    key = _cache_key(bases)
    try:
        manifest = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    sizes: dict[str, int] = manifest.get("sizes", {}) if {k: manifest.get(k) for k in key} == key else {}
    paths, wrote = [], False
    for i in range(1, n + 1):
        base = bases[(i - 1) % len(bases)]
        path = dest / f"doc-{i:04d}{base.path.suffix}"
        try:
            cached = sizes.get(path.name) == path.stat().st_size
        except FileNotFoundError:
            cached = False
        if not cached:
            data = derive(base, i).encode("utf-8")
            write_atomic(path, data)
            sizes[path.name] = len(data)
            wrote = True
        paths.append(path)
    if wrote:
        write_atomic(dest / MANIFEST, json.dumps({**key, "sizes": sizes}, indent=0).encode("utf-8"))
    return paths


def describe(shared: Path = SHARED_CORPUS) -> str:
    """One line on what the corpus is made of (and whether it fell back to the seed)."""
    paths = base_paths(shared)
    if paths == [SEED]:
        return f"{shared} is absent: the corpus is the seed alone, varied"
    laws = sum(p.suffix == ".md" for p in paths)
    return f"{len(paths)} bases: {laws} laws and regulations, {len(paths) - laws - 1} web excerpts and the seed"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 1000
    paths = make_corpus(n, Path(args[1]) if len(args) > 1 else DEFAULT_DEST)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {total / 1048576:.1f} MB in {paths[0].parent if paths else '-'} ({describe()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
