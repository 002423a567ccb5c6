"""The query contract both stores answer to: which named queries exist, their parameters, how a
call is checked and how rows are shaped.

Names and parameters are read once from the headers of ``cypher/queries/*.cypher`` (`query_spec`):
the Cypher files are the one list. The embedded store answers each name in Python, the Neo4j store
runs the file; both check a call with `check_params` and give rows through `plain`, ordered like
Cypher's ``ORDER BY`` (`order`). Neither store imports the other.

>>> query_params()["neighbourhood"]
{'node': REQUIRED, 'depth': 1}
"""

from __future__ import annotations

from enum import Enum
from functools import cache
from typing import Any, Callable

from graph.cypher import query_names, query_spec
from graph.model import Label
from graph.store import StoreError

__all__ = ["DIRECTIONS", "REQUIRED", "check_params", "is_number", "order", "plain", "query_names",
           "query_params", "sort_key"]

DIRECTIONS = ("downstream", "upstream")  # of `dependencies`: along edges, or against them
_LABELS = tuple(label.value for label in Label)


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


REQUIRED = _Required()  # marks a parameter without a default in `query_params`


@cache
def query_params() -> dict[str, dict[str, Any]]:
    """Query name -> {parameter: default, or `REQUIRED`}, in header order."""
    return {name: {p.name: REQUIRED if p.required else p.default for p in query_spec(name).params}
            for name in query_names()}


def is_number(value: Any) -> bool:
    """True for int and float, not bool.

    >>> [is_number(v) for v in (1, 2.5, True, "3")]
    [True, True, False, False]
    """
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _is_int(value: Any, low: int = 1) -> bool:
    return is_number(value) and isinstance(value, int) and value >= low


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and value != ""


# What a parameter of each name must be: (test, what it means in an error message).
_RULES: dict[str, tuple[Callable[[Any], bool], str]] = {
    **{p: (_is_text, "a node id (non-empty text)") for p in ("node", "measure", "source", "target", "doc")},
    "system": (_is_text, "a target-system id or name"),
    "law": (_is_text, "a law id or name"),
    "text": (lambda v: isinstance(v, str), "text"),
    "type": (lambda v: v is None or v in _LABELS, f"None or one of {', '.join(_LABELS)}"),
    **{p: (_is_int, "an integer >= 1") for p in ("limit", "min_shared", "depth")},
    "max_degree": (lambda v: _is_int(v, 0), "an integer >= 0 (0: no limit)"),
    "skip_outline": (lambda v: isinstance(v, bool), "true or false"),
    "direction": (lambda v: v in DIRECTIONS, " or ".join(DIRECTIONS)),
    "ids": (lambda v: isinstance(v, (list, tuple, set, frozenset)) and all(isinstance(i, str) for i in v),
            "a list of node ids"),
}


def _rule(name: str, param: str) -> tuple[Callable[[Any], bool], str]:
    """The rule of `param`, narrowed by the bounds its header gives (``depth=1 (1..3)``)."""
    test, meaning = _RULES[param]
    bounds = next(p.bounds for p in query_spec(name).params if p.name == param)
    if bounds is None:
        return test, meaning
    low, high = bounds
    return (lambda v: test(v) and low <= v <= high), f"an integer {low}-{high}"


def check_params(name: str, params: dict[str, Any]) -> dict[str, Any]:
    """`params` completed with defaults, or StoreError with one line saying what is wrong.

    None for a parameter with a default means the default; an enum member means its value.

    >>> check_params("neighbourhood", {"node": "law:反垄断法"})
    {'node': 'law:反垄断法', 'depth': 1}
    >>> check_params("neighbourhood", {"node": "x", "depth": 4})
    Traceback (most recent call last):
    graph.store.StoreError: query 'neighbourhood': depth must be an integer 1-3, got 4; usage: neighbourhood(node, depth=1)
    """
    specs = query_params()
    if name not in specs:
        raise StoreError(f"unknown query {name!r}; valid names: {', '.join(sorted(specs))}")
    spec = specs[name]
    usage = f"{name}({', '.join(p if d is REQUIRED else f'{p}={d!r}' for p, d in spec.items())})"
    unknown = sorted(set(params) - set(spec))
    if unknown:
        raise StoreError(f"query {name!r} has no parameter {unknown[0]!r}; usage: {usage}")
    out = {}
    for param, default in spec.items():
        value = params.get(param)
        if value is None and default is REQUIRED:
            raise StoreError(f"query {name!r} needs parameter {param!r}; usage: {usage}")
        value = default if value is None else value.value if isinstance(value, Enum) else value
        ok, meaning = _rule(name, param)
        if not ok(value):
            got = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
            raise StoreError(f"query {name!r}: {param} must be {meaning}, got {got}; usage: {usage}")
        out[param] = value
    return out


# ---------------------------------------------------------------- rows

def plain(value: Any) -> Any:
    """JSON-plain copy: tuples become lists, lists of strings or numbers are sorted (a store may
    keep a list in any order; a row must not depend on it).

    >>> plain({"issuers": ("乙", "甲"), "span": (3, 1), "n": None})
    {'issuers': ['乙', '甲'], 'span': [1, 3], 'n': None}
    """
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        items = [plain(v) for v in value]
        if all(isinstance(i, str) for i in items) or all(is_number(i) for i in items):
            items.sort()
        return items
    return value


def sort_key(value: Any) -> tuple[Any, ...]:
    """Cypher's ascending order: numbers, then text, then anything else; None last.

    >>> sorted(["b", None, 2, "a", 1.5], key=sort_key)
    [1.5, 2, 'a', 'b', None]
    """
    if value is None:
        return (1, 0, 0)
    if is_number(value):
        return (0, 0, value)
    return (0, 1, value) if isinstance(value, str) else (0, 2, repr(value))


def order(rows: list[dict[str, Any]], *fields: str) -> list[dict[str, Any]]:
    """Sort rows in place like Cypher ``ORDER BY``; a leading ``-`` means descending (None first).

    >>> order([{"w": 1, "n": "b"}, {"w": None, "n": "a"}, {"w": 2, "n": "c"}], "-w", "n")
    [{'w': None, 'n': 'a'}, {'w': 2, 'n': 'c'}, {'w': 1, 'n': 'b'}]
    """
    if not any(f.startswith("-") for f in fields):
        rows.sort(key=lambda row: tuple(sort_key(row.get(f)) for f in fields))
        return rows
    for field in reversed(fields):
        desc = field.startswith("-")
        rows.sort(key=lambda row: sort_key(row.get(field.lstrip("-"))), reverse=desc)
    return rows
