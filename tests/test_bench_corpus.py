"""The bench's varied corpus: each derived document keeps its base's shape and gets its own identity."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.corpus import SEED, SHARED_CORPUS, Base, base_paths, derive, make_corpus, variant


def test_variants_are_distinct_for_every_document_of_the_bench():
    assert variant(1) == "（2002—2003年）" and variant(50) == "（2001—2003年）"
    assert len({variant(i) for i in range(1, 2501)}) == 2500


@pytest.mark.parametrize("text, title, expected", [
    ("关于甲的意见\n甲政发〔2023〕6号\n《关于甲的意见》印发。", "关于甲的意见",
     "关于甲的意见（2004—2005年）\n甲政发〔2023〕3号\n《关于甲的意见（2004—2005年）》印发。"),
    ("关于推动\n\n乙的实施意见\n盐政办发[2023]6号", "关于推动乙的实施意见",  # a title over two lines
     "关于推动\n\n乙的实施意见（2004—2005年）\n盐政办发[2023]3号"),
    ("關於推動平台經濟的意見\n\n發改高技〔2021〕1872號", "关于推动平台经济的意见",  # traditional characters
     "關於推動平台經濟的意見（2004—2005年）\n\n發改高技〔2021〕3號"),
    ("某条例\n\n中华人民共和国国务院令第722号公布", "某条例",  # a 令 number
     "某条例（2004—2005年）\n\n中华人民共和国国务院令第3号公布"),
    ("全文\n正文第一句。\n正文第二句。", "",  # no title known: the first sentence carries the variant
     "全文\n正文第一句。（2004—2005年）\n正文第二句。"),
])
def test_derive_varies_title_and_number(text, title, expected):
    assert derive(Base(Path("x.txt"), text, title), 3) == expected


def test_without_the_shared_corpus_the_corpus_is_the_seed_varied(tmp_path):
    paths = make_corpus(3, tmp_path / "out", shared=tmp_path / "absent")
    assert [p.name for p in paths] == ["doc-0001.txt", "doc-0002.txt", "doc-0003.txt"]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    assert len(set(texts)) == 3 and all(variant(i + 1) in t for i, t in enumerate(texts))
    assert base_paths(tmp_path / "absent") == [SEED]


def test_the_corpus_cycles_through_every_base_with_distinct_texts(tmp_path):
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {SHARED_CORPUS}")
    bases = base_paths()
    paths = make_corpus(len(bases) + 2, tmp_path)
    assert [p.suffix for p in paths[:len(bases)]] == [b.suffix for b in bases]
    assert len({p.read_bytes() for p in paths}) == len(paths)
    assert make_corpus(len(bases) + 2, tmp_path) == paths  # a rerun reuses the cache
