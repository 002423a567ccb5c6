"""Rows of a named query as a reader sees them: names instead of ids, the document each row belongs
to, types, roles and yes/no in the interface language, and only the columns that have a header in
``data/i18n/queries.yaml`` (the raw rows stay available to whoever asks for them).

>>> nodes = {"actor:a": {"id": "actor:a", "type": "Actor", "name": "企业", "name_en": "firms"},
...          "d1": {"id": "d1", "type": "Policy", "name": "某意见", "title": "某意见"},
...          "d1/m:1": {"id": "d1/m:1", "type": "Measure", "name": "举措一", "doc_id": "d1"}}
>>> readable_rows([{"id": "d1/m:1", "type": "Measure", "name": "举措一", "distance": 1}], nodes, "en")
(['Name', 'Type', 'Steps away', 'Document'], [{'Name': '举措一', 'Type': 'Measure', 'Steps away': 1, 'Document': '某意见'}])
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from render.i18n import edge_name, node_caption, role_name, strings, t, type_name
from render.messages import message

COLUMN = "query.column."
# A column holding a node id, and the column of the same row that names it when the node is not loaded.
NAMED_BY = {"actor": "actor_name", "system": "system_name", "law": "law_name", "source": "source_name",
            "target": "target_name", "a": "a_name", "b": "b_name", "doc_id": "document_title"}


def readable_rows(rows: Sequence[Mapping[str, Any]], nodes: Mapping[str, Mapping[str, Any]],
                  lang: str) -> tuple[list[str], list[dict[str, Any]]]:
    """(headers, rows keyed by header) of `rows`, with node ids turned into captions (`nodes`: id -> row).

    >>> readable_rows([{"a": "actor:a", "a_name": "企业", "shared": 2, "forward": True}],
    ...               {"actor:a": {"name": "企业", "name_en": "firms"}}, "zh")
    (['主体甲', '共同', '顺向'], [{'主体甲': '企业', '共同': 2, '顺向': '是'}])
    """
    fields = _shown_fields(rows, nodes)
    headers = _unique([t(COLUMN + f, lang) for f in fields])
    out = [{h: _cell(f, row, nodes, lang) for f, h in zip(fields, headers)} for row in rows]
    return headers, out


def _shown_fields(rows: Sequence[Mapping[str, Any]], nodes: Mapping[str, Mapping[str, Any]]) -> list[str]:
    present = list(dict.fromkeys(k for row in rows for k in row))
    known = strings()
    fields = [f for f in present if COLUMN + f in known]
    if "id" in fields:  # the id column shows the name already
        fields = [f for f in fields if f != "name"]
    if "doc_id" not in fields and any(_doc_of(row, nodes) for row in rows):
        fields.append("doc_id")  # the document a row's node belongs to
    return fields


def _doc_of(row: Mapping[str, Any], nodes: Mapping[str, Mapping[str, Any]]) -> str | None:
    if row.get("doc_id"):
        return str(row["doc_id"])
    node = nodes.get(str(row.get("id"))) or {}
    return node.get("doc_id")


def _cell(field: str, row: Mapping[str, Any], nodes: Mapping[str, Mapping[str, Any]], lang: str) -> Any:
    value = _doc_of(row, nodes) if field == "doc_id" else row.get(field)
    if isinstance(value, bool):
        return t("query.value.flag_yes" if value else "query.value.flag_no", lang)
    worded = _worded(field, value, lang)
    if worded is not None:
        return worded
    if isinstance(value, str) and value in nodes:
        return _title(nodes[value], lang)
    if isinstance(value, (list, tuple)):
        return "、".join(_title(nodes[v], lang) if isinstance(v, str) and v in nodes else str(v) for v in value)
    if isinstance(value, str) and field in NAMED_BY and row.get(NAMED_BY[field]):
        return str(row[NAMED_BY[field]])  # a node this store does not hold: its name as the row gives it
    return value


def _worded(field: str, value: Any, lang: str) -> str | None:
    """A field whose value is a code with a name in the interface language (type, role, kind, level,
    the loader's warnings); None for any other field."""
    if field == "warnings" and isinstance(value, (list, tuple)):  # the loader's words, in the interface's
        return " · ".join(message(str(w), lang) for w in value)
    if not isinstance(value, str):
        return None
    if field == "type":
        return type_name(value, lang) if f"type.{value}" in strings() else edge_name(value, lang)
    if field == "role":
        return role_name(value, lang)
    if field in ("kind", "level"):
        key = f"kind.{value}" if field == "kind" else f"documents.level.{value}"
        return t(key, lang) if key in strings() else value
    return None


def _title(node: Mapping[str, Any], lang: str) -> str:
    if node.get("type") == "Policy" and node.get("title"):
        return str(node["title"])
    return node_caption(node, lang)


def _unique(headers: list[str]) -> list[str]:
    """Headers made distinct (two fields may share a translation) by numbering the repeats."""
    seen: dict[str, int] = {}
    out = []
    for header in headers:
        seen[header] = seen.get(header, 0) + 1
        out.append(header if seen[header] == 1 else f"{header} ({seen[header]})")
    return out


SKIPPED = ("id", "name", "type", "name_en", "text", "span")  # shown elsewhere, or raw


def readable_properties(node: Mapping[str, Any], nodes: Mapping[str, Mapping[str, Any]], lang: str,
                        skip: Sequence[str] = SKIPPED) -> list[tuple[str, Any]]:
    """(label, value) of a node's properties that have a header in ``queries.yaml``, as `readable_rows`
    shows them; raw properties (hashes, spans, the notice's full text) are left out.

    >>> readable_properties({"id": "a", "kind": "enterprise", "level": "national", "content_hash": "9"}, {}, "zh")
    [('类别', '企业'), ('层级', '国家')]
    """
    row = {k: v for k, v in node.items() if k not in skip}
    headers, rows = readable_rows([row], nodes, lang)
    return [(h, rows[0][h]) for h in headers if rows[0][h] not in (None, "", [])]
