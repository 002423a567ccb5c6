"""Every GEXF file the project writes keeps the GEXF 1.2 schema's rules (`gexf_rules`): the Gephi
export of the presenter and `policykg export`, and `policykg load --format gexf`, which all go
through the one writer, `render.gephi.gexf_bytes`."""

from __future__ import annotations

from pathlib import Path

import pytest
from gexf_rules import gexf_problems

from graph.model import Edge, EdgeType, Label, Node, PolicyGraph
from policykg import export_cli, load_cli
from render import gephi

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"


def test_the_rules_catch_a_domain_relation_in_the_reserved_edge_type():
    bad = (b'<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2"><graph defaultedgetype="directed">'
           b'<attributes class="node"><attribute id="0" title="number" type="long"/></attributes>'
           b'<nodes><node id="a"><attvalues><attvalue for="0" value="x"/><attvalue for="9" value="1"/>'
           b'</attvalues></node></nodes>'
           b'<edges><edge id="e" source="a" target="zz" type="BUILDS"/></edges></graph></gexf>')
    assert gexf_problems(bad) == [
        "node a: attvalue 'x' is not a long",
        "node a: attvalue for undeclared attribute '9'",
        "edge e: source or target is not a node",
        "edge e: type 'BUILDS' is not one of ('directed', 'undirected', 'mutual')",
    ]


def test_the_gephi_writer_keeps_the_schema_on_awkward_values():
    graph = PolicyGraph(
        nodes=(Node("doc:甲", Label.POLICY, "甲", {"issuers": ("国务院", "省政府"), "number": 3}),
               Node("doc:甲/measure:1", Label.MEASURE, "1. 措施", {"number": "一"}),
               Node("law:反垄断法", Label.LAW, "反垄断法")),
        edges=(Edge("doc:甲/measure:1", "law:反垄断法", EdgeType.CITES, "doc:甲", evidence="依据《反垄断法》"),
               Edge("doc:甲", "doc:甲/measure:1", EdgeType.HAS_MEASURE, "doc:甲")),
    )
    content = gephi.gexf_bytes(graph)
    assert gexf_problems(content) == []
    assert b'type="CITES"' not in content and b'label="CITES"' in content


def test_the_seed_as_gephi_exports_it_keeps_the_schema(seed_graph):
    assert gexf_problems(gephi.gexf_bytes(seed_graph)) == []


@pytest.mark.parametrize("command", ["export", "load"])
def test_the_command_lines_write_gexf_that_keeps_the_schema(tmp_path, command, capsys):
    out = tmp_path / "seed.gexf"
    run = export_cli.main if command == "export" else load_cli.main
    assert run([str(SEED), "--format", "gexf", "--out", str(out)]) == 0
    assert gexf_problems(out.read_bytes()) == []
