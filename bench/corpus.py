"""A synthetic corpus for the benches: n policy documents derived from the seed.

Each document is the seed with its own title (so its own document id), subject, target year and a
few measure words swapped, so no two texts are equal and a merged graph keeps every document apart.
Document i depends only on i and the seed, so the corpus is the same on every machine and run; it is
cached on disk and a rerun (or a smaller n) reuses what is there.

    python -m bench.corpus 1000 [DEST]

>>> make_corpus(3, Path("build/bench-corpus"))  # doctest: +SKIP
[PosixPath('build/bench-corpus/policy-0001.txt'), ...]
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
DEFAULT_DEST = ROOT / "bench" / "results" / "corpus"  # bench/results/ is git-ignored
# Bump when the derivation changes, so stale caches are rebuilt rather than silently reused.
VERSION = 2

SEED_TITLE = "关于促进平台经济高质量发展的实施意见"
SEED_SUBJECT = "平台经济"
SUBJECTS = ("平台经济", "数字贸易", "跨境电商", "数字经济", "直播电商", "工业互联网", "智慧物流",
            "数字文化", "网络零售", "共享经济", "数字金融", "智能制造")
# (word in the seed, replacement): document i swaps pair k when bit k of i is set.
WORD_SWAPS = (("进一步", "更大力度"), ("加快", "加速"), ("积极", "主动"), ("深入", "全面深入"),
              ("鼓励", "引导"), ("着力", "大力"))
SEED_YEAR = "到2027年"
MANIFEST = "manifest.json"


def title_of(i: int) -> str:
    """The title of document `i` (1-based).

    >>> title_of(2)
    '关于促进数字贸易高质量发展的第2号实施意见'
    """
    # The number goes inside: the outline only recognises a title line that ends in 意见/办法/…, and
    # a title it does not recognise would send the corpus down a path the seed never takes.
    subject = SUBJECTS[(i - 1) % len(SUBJECTS)]
    return SEED_TITLE.replace(SEED_SUBJECT, subject).replace("实施意见", f"第{i}号实施意见")


def derive(seed: str, i: int) -> str:
    """Document `i` of the corpus, from the seed text.

    >>> "第7号实施意见" in derive("关于促进平台经济高质量发展的实施意见\\n\\n到2027年，加快发展。", 7)
    True
    """
    # The title occurs as the heading line and inside 《…》 of the issuing notice; replace both first,
    # before the word swaps could touch it.
    text = seed.replace(SEED_TITLE, "\0")
    for k, (old, new) in enumerate(WORD_SWAPS):
        if i >> k & 1:
            text = text.replace(old, new)
    text = text.replace(SEED_YEAR, f"到{2025 + i % 8}年")
    return text.replace("\0", title_of(i))


def _name(i: int) -> str:
    return f"policy-{i:04d}.txt"


def _write_atomic(path: Path, data: bytes) -> None:
    # Several benches may build the same cache at once: never leave a half-written file behind.
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def make_corpus(n: int, dest: Path = DEFAULT_DEST) -> list[Path]:
    """Paths of n documents derived from the seed in `dest`, written only if not cached there yet.

    >>> [p.name for p in make_corpus(2, Path("build/bench-corpus"))]  # doctest: +SKIP
    ['policy-0001.txt', 'policy-0002.txt']
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, not {n}")
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    seed_bytes = SEED.read_bytes()
    key = {"version": VERSION, "seed_sha256": hashlib.sha256(seed_bytes).hexdigest()}
    try:
        manifest = json.loads((dest / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {}
    sizes: dict[str, int] = manifest.get("sizes", {}) if {k: manifest.get(k) for k in key} == key else {}
    seed = seed_bytes.decode("utf-8")
    paths, wrote = [], False
    for i in range(1, n + 1):
        path = dest / _name(i)
        try:
            cached = sizes.get(path.name) == path.stat().st_size
        except FileNotFoundError:
            cached = False
        if not cached:
            data = derive(seed, i).encode("utf-8")
            _write_atomic(path, data)
            sizes[path.name] = len(data)
            wrote = True
        paths.append(path)
    if wrote:
        _write_atomic(dest / MANIFEST, json.dumps({**key, "sizes": sizes}, indent=0).encode("utf-8"))
    return paths


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 1000
    paths = make_corpus(n, Path(args[1]) if len(args) > 1 else DEFAULT_DEST)
    total = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} documents, {total / 1048576:.1f} MB in {paths[0].parent if paths else '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
