"""All Cypher, loaded by name from ``cypher/``.

``load_cypher(name)`` reads ``cypher/<name>.cypher`` (writes, schema) or
``cypher/queries/<name>.cypher`` (the named queries). A named query's header
comment gives its name, what it answers and its parameters; `query_spec` reads it.

Labels and relationship types cannot be Cypher parameters, so the write
statements are templates with ``{label}``, ``{type}``, ``{source}``, ``{target}``
placeholders. `fill` puts in only members of the `Label` / `EdgeType` enums
(never a user value), so no text from data ever becomes Cypher.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from graph.model import EdgeType, Label

CYPHER_DIR = Path(__file__).resolve().parent.parent / "cypher"
QUERY_DIR = CYPHER_DIR / "queries"
_NAME = re.compile(r"[a-z][a-z0-9_]*")
_PARAM = re.compile(r"\s*(\w+)\s*(?:=\s*([^()]+?))?\s*(?:\((\d+)\.\.(\d+)\))?\s*$")


@cache
def load_cypher(name: str) -> str:
    """The text of ``cypher/<name>.cypher`` or ``cypher/queries/<name>.cypher``.

    >>> "MATCH" in load_cypher("all_nodes")
    True
    """
    if not _NAME.fullmatch(name):
        raise KeyError(f"not a Cypher name: {name!r}")
    for path in (CYPHER_DIR / f"{name}.cypher", QUERY_DIR / f"{name}.cypher"):
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise KeyError(f"no Cypher named {name!r}")


def fill(name: str, **parts: Label | EdgeType | tuple[Label, ...] | tuple[EdgeType, ...]) -> str:
    """Template `name` with each ``{part}`` replaced by an enum member's value, or by several members'
    values joined with ``|`` (a label or type disjunction: one statement for all of them).

    >>> fill("merge_nodes", label=Label.LAW).count(":Law ")
    1
    >>> "[e:CITES|AMENDS]" in fill("count_edges", types=(EdgeType.CITES, EdgeType.AMENDS))
    True
    """
    text = load_cypher(name)
    for key, members in parts.items():
        members = members if isinstance(members, tuple) and members else (members,)
        for member in members:
            if not isinstance(member, (Label, EdgeType)):  # the one guard between data and Cypher text
                raise TypeError(f"{key} must be a Label or EdgeType, not {type(member).__name__}")
        text = text.replace("{" + key + "}", "|".join(m.value for m in members))
    return text


def query_names() -> list[str]:
    """Names of the named queries, sorted.

    >>> "outline" in query_names()
    True
    """
    return sorted(p.stem for p in QUERY_DIR.glob("*.cypher"))


@dataclass(frozen=True)
class Param:
    name: str
    default: Any = None
    required: bool = True
    bounds: tuple[int, int] | None = None


@dataclass(frozen=True)
class QuerySpec:
    """A named query's header: ``// name:``, ``// answers:``, ``// params:``, ``// rows:``."""

    name: str
    answers: str
    params: tuple[Param, ...]
    rows: str


@cache
def query_spec(name: str) -> QuerySpec:
    """The header of named query `name`.

    >>> [p.name for p in query_spec("search_nodes").params]
    ['text', 'type', 'limit']
    """
    header: dict[str, str] = {}
    last = None
    for line in load_cypher(name).splitlines():
        if not line.startswith("//"):
            break
        key, _, value = line[2:].partition(":")
        if value and key.strip() in ("name", "answers", "params", "rows"):
            last = key.strip()
            header[last] = value.strip()
        elif last and line.startswith("//   "):  # an indented line carries the one above on
            header[last] += " " + line[2:].strip()
        else:
            last = None
    if header.get("name") != name:
        raise ValueError(f"cypher/queries/{name}.cypher: header must start with '// name: {name}'")
    params = []
    for chunk in filter(None, (c.strip() for c in header.get("params", "-").split(","))):
        if chunk == "-":
            continue
        m = _PARAM.fullmatch(chunk)
        if not m:
            raise ValueError(f"cypher/queries/{name}.cypher: cannot read parameter {chunk!r}")
        bounds = (int(m[3]), int(m[4])) if m[3] else None
        if m[2] is None:
            params.append(Param(m[1], bounds=bounds))
        else:
            params.append(Param(m[1], ast.literal_eval(m[2]), required=False, bounds=bounds))
    return QuerySpec(name, header.get("answers", ""), tuple(params), header.get("rows", ""))
