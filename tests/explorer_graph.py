"""A small hand-made policy graph for the explorer tests.

Shaped like the seed (policy → parts → sections → measures, shared actors, laws,
mechanisms, programmes, concepts, five target systems, cross-references and
set-aside text), with hostile text in names and measure text so every page's
escaping is exercised: ``<script>``, ``<img onerror>`` and Markdown syntax.
"""

from __future__ import annotations

from graph.model import Document, Edge, EdgeType, Excluded, Label, Node, PolicyGraph

DOC = "doc:关于测试图谱的实施意见"
SCRIPT = "<script>alert('xss')</script>"
IMG = "<img src=x onerror=alert(1)>"
SYSTEMS = ["更具活力的创新体系", "多元融合的生态体系", "精准高效的服务体系", "公平透明的规则体系", "高效协同的监管体系"]
ACTORS = {
    "actor:平台企业": ("平台企业", "enterprise", "platform enterprises"),
    "actor:金融机构": ("金融机构", "financial", "financial institutions"),
    "actor:省市场监管局": ("省市场监管局", "government", ""),
    "actor:行业协会": ("行业协会", "association", "industry associations"),
}
LAWS = {"law:数据安全法": ("数据安全法", "Data Security Law"), "law:反垄断法": ("反垄断法", "")}

# number -> (section, title, text, [(actor, role)], [laws])
MEASURES = {
    1: (1, "支持平台企业科技创新", f"支持平台企业科技创新。鼓励平台企业与金融机构合作{SCRIPT}，推动算力建设。",
        [("actor:平台企业", "支持"), ("actor:金融机构", "鼓励")], []),
    2: (2, "提升平台消费创造能力", "鼓励行业协会引导平台企业提升消费创造能力。",
        [("actor:行业协会", "引导"), ("actor:平台企业", "鼓励")], []),
    3: (3, f"降低经营成本{IMG}", f"鼓励金融机构降低平台企业经营成本{IMG}。",
        [("actor:金融机构", "鼓励"), ("actor:平台企业", "对")], []),
    4: (4, "建立平台数据及算法管理规则", "严格落实《数据安全法》，督促平台企业落实数据安全责任，开展竞争合规辅导。",
        [("actor:平台企业", "督促")], ["law:数据安全法"]),
    5: (5, "规范网络市场监管执法", "省市场监管局依据《反垄断法》规范执法，**不是粗体**。",
        [("actor:省市场监管局", "负责"), ("actor:平台企业", "督促")], ["law:反垄断法"]),
}


def measure_id(number: int) -> str:
    return f"{DOC}/part:2/section:{MEASURES[number][0]}/measure:{number}"


def build() -> PolicyGraph:
    """The fixture graph: one document, 5 measures, 4 actors, 2 laws, set-aside text."""
    text = "关于测试图谱的实施意见\n" + "\n".join(m[2] for m in MEASURES.values()) + "\n（紧接第一版）报纸内容。"
    nodes: list[Node] = [
        Node(DOC, Label.POLICY, "关于测试图谱的实施意见",
             {"title": "关于测试图谱的实施意见", "issuers": ["测试省人民政府办公厅"], "date": "2023-01-31",
              "number": "测政办发〔2023〕1号", "target_year": 2027, "source": "fixture.txt", "doc_id": DOC}),
        Node(f"{DOC}/part:1", Label.PART, "总体要求", {"number": 1, "title": "总体要求", "doc_id": DOC}),
        Node(f"{DOC}/part:2", Label.PART, "主要举措", {"number": 2, "title": "主要举措", "doc_id": DOC}),
        Node(f"{DOC}/part:1/item:1", Label.ITEM, "目标要求",
             {"number": 1, "title": "目标要求", "text": "到2027年，全面构建五大体系。", "doc_id": DOC}),
        Node("mechanism:竞争合规辅导", Label.MECHANISM, "竞争合规辅导", {"name_en": "competition compliance guidance"}),
        Node("programme:数字生活新服务", Label.PROGRAMME, "数字生活新服务", {}),
        Node("concept:算力", Label.CONCEPT, "算力", {"name_en": "computing power"}),
        Node("actor:测试省人民政府办公厅", Label.ACTOR, "测试省人民政府办公厅", {"kind": "government"}),
    ]
    edges: list[Edge] = [
        Edge(DOC, f"{DOC}/part:1", EdgeType.HAS_PART, DOC),
        Edge(DOC, f"{DOC}/part:2", EdgeType.HAS_PART, DOC),
        Edge(f"{DOC}/part:1", f"{DOC}/part:1/item:1", EdgeType.HAS_ITEM, DOC),
        Edge(DOC, "actor:测试省人民政府办公厅", EdgeType.ISSUED_BY, DOC, "测试省人民政府办公厅印发。", (0, 10)),
        Edge(f"{DOC}/part:1/item:1", "actor:平台企业", EdgeType.INVOLVES, DOC, "支持平台企业发展。", (11, 20),
             {"role": "支持"}),
    ]
    for i, system in enumerate(SYSTEMS, start=1):
        sid = f"{DOC}/system:{system}"
        section = f"{DOC}/part:2/section:{i}"
        nodes.append(Node(sid, Label.TARGET_SYSTEM, system, {"doc_id": DOC}))
        nodes.append(Node(section, Label.SECTION, f"着力构建{system}",
                          {"number": i, "title": f"着力构建{system}", "doc_id": DOC}))
        edges.append(Edge(f"{DOC}/part:2", section, EdgeType.HAS_SECTION, DOC))
        edges.append(Edge(section, sid, EdgeType.BUILDS, DOC, f"着力构建{system}", (100 + i, 110 + i)))
    for aid, (name, kind, en) in ACTORS.items():
        nodes.append(Node(aid, Label.ACTOR, name, {"kind": kind, **({"name_en": en} if en else {})}))
    for lid, (name, en) in LAWS.items():
        nodes.append(Node(lid, Label.LAW, name, {"name_en": en} if en else {}))
    for number, (section, title, body, actors, laws) in MEASURES.items():
        mid = measure_id(number)
        nodes.append(Node(mid, Label.MEASURE, title, {"number": number, "title": title, "text": body,
                                                      "span": [200 + number * 50, 240 + number * 50], "doc_id": DOC}))
        edges.append(Edge(f"{DOC}/part:2/section:{section}", mid, EdgeType.HAS_MEASURE, DOC))
        for aid, role in actors:
            edges.append(Edge(mid, aid, EdgeType.INVOLVES, DOC, body, (200 + number * 50, 240 + number * 50),
                              {"role": role}))
        for lid in laws:
            edges.append(Edge(mid, lid, EdgeType.CITES, DOC, body, (200 + number * 50, 240 + number * 50)))
    edges += [
        Edge(measure_id(4), "mechanism:竞争合规辅导", EdgeType.ESTABLISHES, DOC, "开展竞争合规辅导。", (450, 460)),
        Edge(measure_id(2), "programme:数字生活新服务", EdgeType.RUNS, DOC, "深入开展数字生活新服务行动。", (300, 310)),
        Edge(measure_id(1), "concept:算力", EdgeType.MENTIONS, DOC, "推动算力建设。", (250, 258)),
        Edge(measure_id(1), measure_id(3), EdgeType.CROSS_REFERENCES, DOC,
             attrs={"weight": 2, "shared": ["actor:金融机构", "actor:平台企业"]}),
        Edge(measure_id(4), measure_id(5), EdgeType.CROSS_REFERENCES, DOC,
             attrs={"weight": 1, "shared": ["actor:平台企业"]}),
    ]
    start = text.index("（紧接第一版）")
    excluded = (Excluded(DOC, start, start + 7, "page furniture", "（紧接第一版）"),
                Excluded(DOC, start + 7, len(text), "newspaper article", text[start + 7:]))
    return PolicyGraph(tuple(nodes), tuple(edges), (Document(DOC, "fixture.txt", text),), excluded)
