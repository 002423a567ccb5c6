"""The rules of the GEXF 1.2 schema (gexf.net, ``gexf.xsd`` + ``data.xsd``) that a static graph
file must keep, checked element by element. The schema files themselves are not available to this
project offline, so the rules are stated here, literally, from the schema:

- root ``gexf`` in namespace ``http://www.gexf.net/1.2draft`` with ``version="1.2"``; children
  ``meta`` (optional) then exactly one ``graph``;
- ``graph``: ``defaultedgetype`` one of directed, undirected, mutual; ``mode`` static or dynamic;
  children ``attributes`` (any number) then ``nodes`` and ``edges``;
- ``attributes``: ``class`` node or edge, each ``attribute`` with an ``id`` unique in its class,
  a ``title`` and a ``type`` of the schema's attrtype-type;
- ``node``: an ``id`` (unique) and optional ``label``; ``edge``: ``source`` and ``target`` naming
  nodes, an ``id`` unique among edges, optional ``type`` (directed, undirected, mutual: the edge's
  kind, never a domain relation) and ``weight`` (a float);
- ``attvalue``: ``for`` an attribute declared for its class, a ``value`` of that attribute's type.
"""

from __future__ import annotations

import math
import xml.etree.ElementTree as ET

NS = "http://www.gexf.net/1.2draft"
EDGE_TYPES = ("directed", "undirected", "mutual")
ATTR_TYPES = ("integer", "long", "double", "float", "boolean", "liststring", "string", "anyURI")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


def _value_ok(kind: str, value: str) -> bool:
    try:
        if kind in ("integer", "long"):
            int(value)
        elif kind in ("double", "float"):
            return not math.isnan(float(value)) or value.lower() == "nan"
        elif kind == "boolean":
            return value in ("true", "false", "1", "0")
    except ValueError:
        return False
    return True


def _declared(graph: ET.Element, problems: list[str]) -> dict[str, dict[str, str]]:
    """{class: {attribute id: type}}, noting every declaration the schema refuses."""
    declared: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in graph.findall(_q("attributes")):
        cls = block.get("class")
        if cls not in declared:
            problems.append(f"attributes class {cls!r} is not node or edge")
            continue
        for attr in block.findall(_q("attribute")):
            ident, kind = attr.get("id"), attr.get("type")
            if not ident or attr.get("title") is None:
                problems.append(f"{cls} attribute without id or title: {attr.attrib}")
            if kind not in ATTR_TYPES:
                problems.append(f"{cls} attribute {ident!r} has type {kind!r}, not one of {ATTR_TYPES}")
            if ident in declared[cls]:
                problems.append(f"{cls} attribute id {ident!r} declared twice")
            declared[cls][ident] = kind
    return declared


def _attvalues(owner: str, element: ET.Element, types: dict[str, str], problems: list[str]) -> None:
    for value in element.iter(_q("attvalue")):
        ident = value.get("for")
        if ident not in types:
            problems.append(f"{owner}: attvalue for undeclared attribute {ident!r}")
        elif value.get("value") is None or not _value_ok(types[ident], value.get("value")):
            problems.append(f"{owner}: attvalue {value.get('value')!r} is not a {types[ident]}")


def _with_unique_ids(graph: ET.Element, kind: str, problems: list[str]):
    """(id, element) of every `kind` element; a missing or repeated id is a problem."""
    seen: set[str] = set()
    for element in graph.iter(_q(kind)):
        ident = element.get("id")
        if not ident or ident in seen:
            problems.append(f"{kind} id {ident!r} missing or repeated")
        seen.add(ident)
        yield ident, element


def _elements(graph: ET.Element, declared: dict[str, dict[str, str]], problems: list[str]) -> None:
    node_ids: set[str] = set()
    for ident, node in _with_unique_ids(graph, "node", problems):
        node_ids.add(ident)
        _attvalues(f"node {ident}", node, declared["node"], problems)
    for ident, edge in _with_unique_ids(graph, "edge", problems):
        if edge.get("source") not in node_ids or edge.get("target") not in node_ids:
            problems.append(f"edge {ident}: source or target is not a node")
        if edge.get("type") is not None and edge.get("type") not in EDGE_TYPES:
            problems.append(f"edge {ident}: type {edge.get('type')!r} is not one of {EDGE_TYPES}")
        if edge.get("weight") is not None and not _value_ok("float", edge.get("weight")):
            problems.append(f"edge {ident}: weight {edge.get('weight')!r} is not a float")
        _attvalues(f"edge {ident}", edge, declared["edge"], problems)


def gexf_problems(content: bytes) -> list[str]:
    """Every way `content` breaks the rules above; empty for a valid file.

    >>> ok = (b'<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="directed">'
    ...       b'<nodes><node id="a"/><node id="b"/></nodes>'
    ...       b'<edges><edge id="e" source="a" target="b"/></edges></graph></gexf>')
    >>> gexf_problems(ok)
    []
    >>> gexf_problems(ok.replace(b'target="b"', b'target="b" type="BUILDS"'))
    ["edge e: type 'BUILDS' is not one of ('directed', 'undirected', 'mutual')"]
    """
    root = ET.fromstring(content)
    if root.tag != _q("gexf") or root.get("version") != "1.2":
        return [f"root is {root.tag} version {root.get('version')!r}, not gexf 1.2 in {NS}"]
    graphs = root.findall(_q("graph"))
    if len(graphs) != 1 or [c.tag for c in root if c.tag != _q("meta")] != [_q("graph")]:
        return ["gexf needs exactly one graph (after an optional meta)"]
    graph = graphs[0]
    problems: list[str] = []
    if graph.get("defaultedgetype", "undirected") not in EDGE_TYPES:
        problems.append(f"graph defaultedgetype {graph.get('defaultedgetype')!r} is not one of {EDGE_TYPES}")
    if graph.get("mode", "static") not in ("static", "dynamic"):
        problems.append(f"graph mode {graph.get('mode')!r} is not static or dynamic")
    order = [c.tag for c in graph]
    if order != sorted(order, key=lambda tag: tag != _q("attributes")):
        problems.append("graph: attributes must come before nodes and edges")
    _elements(graph, _declared(graph, problems), problems)
    return problems
