"""Compare two documents unit by unit: what the second inherits, adds and drops.

A national regulation and its provincial counterpart, or two versions of one law,
are compared by their numbered units (articles, else measures and items). Units
are aligned by content, not by number: character n-gram TF-IDF cosine over both
documents' texts, plus the entities the two units share. Pairs are taken best
first, one partner each, above a threshold; what is left over is added (second
document) or dropped (first document).

Plain data in, plain data out, like the analytics: `align` takes two lists of
unit rows (as the named query ``units_of_document`` gives them) and returns a
`Comparison`.
"""

from __future__ import annotations

import difflib
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

Row = Mapping[str, Any]

NGRAMS = (1, 2)
TEXT_WEIGHT = 0.85  # the rest is the share of named entities in common (Jaccard)
THRESHOLD = 0.15  # on 优化营商环境条例 vs 上海市优化营商环境条例, pairs below it are mostly unrelated
_SKIP = set(" \n\t，。；：、（）《》“”‘’！？,.;:()")


@dataclass(frozen=True)
class Pair:
    """Unit `a` of the first document inherited as unit `b` of the second."""

    a: Row
    b: Row
    score: float
    text_similarity: float
    shared_entities: tuple[str, ...]


@dataclass(frozen=True)
class Comparison:
    inherited: tuple[Pair, ...] = ()
    added: tuple[Row, ...] = ()  # units of the second document with no counterpart
    dropped: tuple[Row, ...] = ()  # units of the first document with no counterpart
    meta: Mapping[str, Any] = field(default_factory=dict)


def ngrams(text: str, sizes: Sequence[int] = NGRAMS) -> Counter:
    """Character n-grams of `text`, punctuation and spaces left out.

    >>> sorted(ngrams("优化营商", (2,)))
    ['优化', '化营', '营商']
    """
    chars = "".join(c for c in text if c not in _SKIP)
    return Counter(chars[i:i + n] for n in sizes for i in range(len(chars) - n + 1))


def _tfidf(docs: list[Counter]) -> list[dict[str, float]]:
    df = Counter(term for doc in docs for term in doc)
    total = len(docs)
    vectors = []
    for doc in docs:
        vec = {t: (1 + math.log(c)) * math.log((1 + total) / (1 + df[t])) + 1e-9 for t, c in doc.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        vectors.append({t: v / norm for t, v in vec.items()})
    return vectors


def similarities(texts_a: Sequence[str], texts_b: Sequence[str]) -> list[list[float]]:
    """Cosine similarity of every text of `a` with every text of `b` (TF-IDF over both).

    >>> [[round(x, 2) for x in row] for row in similarities(["保护市场主体", "优化政务服务"], ["优化政务服务"])]
    [[0.0], [1.0]]
    """
    vectors = _tfidf([ngrams(t) for t in [*texts_a, *texts_b]])
    va, vb = vectors[:len(texts_a)], vectors[len(texts_a):]
    postings: dict[str, list[tuple[int, float]]] = {}
    for j, vec in enumerate(vb):
        for term, weight in vec.items():
            postings.setdefault(term, []).append((j, weight))
    out = []
    for vec in va:
        row = [0.0] * len(vb)
        for term, weight in vec.items():
            for j, other in postings.get(term, ()):
                row[j] += weight * other
        out.append([min(1.0, x) for x in row])
    return out


def _unit_text(unit: Row) -> str:
    return str(unit.get("text") or unit.get("title") or "")


def _jaccard(a: Iterable[str], b: Iterable[str]) -> tuple[float, tuple[str, ...]]:
    sa, sb = set(a or ()), set(b or ())
    shared = tuple(sorted(sa & sb))
    return (len(shared) / len(sa | sb) if sa | sb else 0.0), shared


def align(units_a: Sequence[Row], units_b: Sequence[Row], threshold: float = THRESHOLD) -> Comparison:
    """Pairs, additions and drops between the units of two documents.

    >>> a = [{"id": "a1", "text": "国家保护市场主体的经营自主权"}, {"id": "a2", "text": "政府应当公开收费目录"}]
    >>> b = [{"id": "b1", "text": "本市依法保护市场主体的经营自主权"}, {"id": "b2", "text": "建设国际金融中心"}]
    >>> c = align(a, b)
    >>> [(p.a["id"], p.b["id"]) for p in c.inherited], [u["id"] for u in c.added], [u["id"] for u in c.dropped]
    ([('a1', 'b1')], ['b2'], ['a2'])
    """
    sims = similarities([_unit_text(u) for u in units_a], [_unit_text(u) for u in units_b])
    candidates = []
    for i, ua in enumerate(units_a):
        for j, ub in enumerate(units_b):
            if sims[i][j] <= 0:
                continue
            jac, shared = _jaccard(ua.get("entities"), ub.get("entities"))
            score = TEXT_WEIGHT * sims[i][j] + (1 - TEXT_WEIGHT) * jac
            if score >= threshold:
                candidates.append((score, sims[i][j], shared, i, j))
    candidates.sort(key=lambda c: (-c[0], c[3], c[4]))
    used_a, used_b, pairs = set(), set(), []
    for score, sim, shared, i, j in candidates:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            pairs.append(Pair(units_a[i], units_b[j], round(score, 4), round(sim, 4), shared))
    pairs.sort(key=lambda p: _order(p.b))
    return Comparison(tuple(pairs), tuple(u for j, u in enumerate(units_b) if j not in used_b),
                      tuple(u for i, u in enumerate(units_a) if i not in used_a), {"threshold": threshold})


def _order(unit: Row) -> tuple:
    number = unit.get("number")
    return (str(unit.get("type") or ""), number if isinstance(number, int) else 1 << 30, str(unit.get("id")))


def diff_segments(old: str, new: str) -> list[tuple[str, str, str]]:
    """The wording change from `old` to `new` as ``(op, old_text, new_text)`` runs, op one of
    equal, replace, delete, insert.

    >>> diff_segments("国家保护市场主体", "本市依法保护市场主体")
    [('replace', '国家', '本市依法'), ('equal', '保护市场主体', '保护市场主体')]
    """
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(op, old[i1:i2], new[j1:j2]) for op, i1, i2, j1, j2 in matcher.get_opcodes()]


def compare_documents(store: Any, doc_a: str, doc_b: str, threshold: float = THRESHOLD) -> Comparison:
    """Align the units of two loaded documents, read through the store's named queries."""
    units_a = store.query("units_of_document", doc=doc_a)
    units_b = store.query("units_of_document", doc=doc_b)
    result = align(units_a, units_b, threshold)
    meta = {**result.meta, "a": doc_a, "b": doc_b, "units_a": len(units_a), "units_b": len(units_b)}
    return Comparison(result.inherited, result.added, result.dropped, meta)


COLUMNS = ("status", "score", "text_similarity", "a_number", "a_name", "a_text", "b_number", "b_name",
           "b_text", "shared_entities", "a_id", "b_id")


def comparison_table(result: Comparison) -> tuple[tuple[str, ...], list[list[Any]]]:
    """`comparison_rows` as (columns, rows) for a spreadsheet."""
    return COLUMNS, [[row[c] for c in COLUMNS] for row in comparison_rows(result)]


def comparison_rows(result: Comparison) -> list[dict[str, Any]]:
    """One flat row per pair, addition and drop (columns `COLUMNS`), for CSV and Excel."""
    def side(prefix: str, unit: Row | None) -> dict[str, Any]:
        unit = unit or {}
        return {f"{prefix}_number": unit.get("number"), f"{prefix}_name": unit.get("name") or unit.get("title"),
                f"{prefix}_text": _unit_text(unit) if unit else None, f"{prefix}_id": unit.get("id")}

    rows = [{"status": "inherited", "score": p.score, "text_similarity": p.text_similarity,
             **side("a", p.a), **side("b", p.b), "shared_entities": "、".join(p.shared_entities)}
            for p in result.inherited]
    rows += [{"status": "added", **side("a", None), **side("b", u)} for u in result.added]
    rows += [{"status": "dropped", **side("a", u), **side("b", None)} for u in result.dropped]
    return [{c: row.get(c) for c in COLUMNS} for row in rows]
