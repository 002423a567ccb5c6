"""Issue 8's acceptance on the shared corpus: every document against its gold file (data/gold/).

Policy documents (the web excerpts and the seed): title, number, issuers, date and every heading.
Laws and regulations: title, every chapter and section with number and title, every article number
and none extra, each read from its .md and from a plain-text copy without markdown marks.

The documents live in ../shared/corpus (not in the project). Without it the corpus tests skip, with
the reason, unless CI is set: then they fail.
"""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import pytest

from loaders.errors import LoaderError
from loaders.evaluate import found_sets, index_documents, pick_document
from loaders.gold import gold_sets, read_gold, source_name
from loaders.markdown_gold import markdown_to_plain
from loaders.pipeline import load_paths

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
SEED_DIR = ROOT / "data" / "seed"
GOLD_FILES = sorted((ROOT / "data" / "gold").glob("*.yaml"))
POLICY_FIELDS = ("title", "number", "issuers", "date", "headings")


def _is_law(gold: dict) -> bool:
    return "chapters" in gold or "articles" in gold


GOLD = {path.stem: read_gold(path) for path in GOLD_FILES}
LAWS = sorted(stem for stem, gold in GOLD.items() if _is_law(gold))
POLICIES = [(stem, field) for stem, gold in sorted(GOLD.items()) if not _is_law(gold)
            for field in POLICY_FIELDS if field in gold]


def require_corpus() -> None:
    """Skip (fail under CI) when ../shared/corpus is not there."""
    if CORPUS.is_dir():
        return
    reason = f"the shared corpus is not at {CORPUS} (see COMMON brief: ../shared/corpus)"
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@lru_cache(maxsize=None)
def _documents() -> dict[str, list[Path]]:
    return index_documents([CORPUS, SEED_DIR])


def document_of(stem: str) -> Path:
    """The document `data/gold/<stem>.yaml` annotates (the seed is in the project; the rest need
    the shared corpus)."""
    name, _ = source_name(GOLD[stem], f"{stem}.yaml")
    paths = _documents().get(name or stem)
    if not paths:
        require_corpus()
    assert paths, f"data/gold/{stem}.yaml: no document {name or stem} in {CORPUS} or {SEED_DIR}"
    return paths[0]


@lru_cache(maxsize=None)
def found(path: Path) -> dict[str, set]:
    """What the loader reads off one file, as the evaluator's sets."""
    graph = load_paths([path])
    return found_sets(graph, pick_document(graph, {}, path.name))


def plain_copy(md: Path, folder: Path) -> Path:
    """The .md as a user's plain-text copy: same stem, .txt, markdown marks gone."""
    out = folder / f"{md.stem}.txt"
    if not out.exists():
        out.write_text(markdown_to_plain(md.read_text(encoding="utf-8")), encoding="utf-8")
    return out


def assert_same(field: str, expected: set, got: set, where: str) -> None:
    missing, extra = sorted(expected - got), sorted(got - expected)
    assert not missing and not extra, (f"{where}: {field}: {len(missing)} missing {missing[:12]}, "
                                       f"{len(extra)} extra {extra[:12]}")


@pytest.mark.parametrize("stem, field", POLICIES, ids=[f"{s}-{f}" for s, f in POLICIES])
def test_policy_front_matter_and_headings_match_gold(stem, field):
    path = document_of(stem)
    assert_same(field, gold_sets(GOLD[stem])[field], found(path)[field], path.name)


@pytest.fixture(scope="module")
def plain_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("plain-laws")


def _law_file(stem: str, form: str, plain_dir: Path) -> Path:
    md = document_of(stem)
    return md if form == "md" else plain_copy(md, plain_dir)


LAW_CASES = [(stem, form) for stem in LAWS for form in ("md", "txt")]
LAW_IDS = [f"{stem}-{form}" for stem, form in LAW_CASES]


@pytest.mark.parametrize("stem, form", LAW_CASES, ids=LAW_IDS)
def test_law_title_matches_gold(stem, form, plain_dir):
    path = _law_file(stem, form, plain_dir)
    assert_same("title", gold_sets(GOLD[stem])["title"], found(path)["title"], path.name)


@pytest.mark.parametrize("stem, form", LAW_CASES, ids=LAW_IDS)
def test_law_every_chapter_and_section_with_number_and_title(stem, form, plain_dir):
    path = _law_file(stem, form, plain_dir)
    expected, got = gold_sets(GOLD[stem]), found(path)
    assert_same("chapters", expected["chapters"], got["chapters"], path.name)
    assert_same("sections", expected["sections"], got["sections"], path.name)


@pytest.mark.parametrize("stem, form", LAW_CASES, ids=LAW_IDS)
def test_law_every_article_number_and_none_extra(stem, form, plain_dir):
    path = _law_file(stem, form, plain_dir)
    assert_same("articles", gold_sets(GOLD[stem])["articles"], found(path)["articles"], path.name)


def test_every_corpus_file_loads_or_gives_one_clear_error():
    require_corpus()
    for path in sorted({p for paths in _documents().values() for p in paths if CORPUS in p.parents}):
        try:
            load_paths([path])
        except LoaderError as err:
            assert "\n" not in str(err) and path.name in str(err)
        # Any other exception fails the test, with its traceback: that is the bug.


def test_every_gold_file_names_a_document_of_the_corpus_or_the_seed():
    require_corpus()
    for stem in GOLD:
        document_of(stem)
