"""A small hand-made policy graph shaped like the seed, for the workshop tests.

Two documents share some actors and laws, so the tour's scoping to one document
is exercised. Every name is Chinese, as in the seed; a few carry `name_en`.
"""

from __future__ import annotations

from graph.model import Document, Edge, EdgeType, Label, Node, PolicyGraph

DOC = "doc:关于促进平台经济高质量发展的实施意见"
OTHER = "doc:关于数字经济的若干措施"

SYSTEMS = ["创新体系", "生态体系", "服务体系", "规则体系", "监管体系"]
ACTORS = {
    "actor:平台企业": ("平台企业", "enterprise", "platform enterprises"),
    "actor:省市场监管局": ("省市场监管局", "government", "Provincial Market Regulation Bureau"),
    "actor:省发展改革委": ("省发展改革委", "government", ""),
    "actor:金融机构": ("金融机构", "financial", "financial institutions"),
    "actor:行业协会": ("行业协会", "association", ""),
    "actor:高校院所": ("高校院所", "other", ""),
}
LAWS = {"law:反垄断法": "反垄断法", "law:电子商务法": "电子商务法", "law:个人信息保护法": "个人信息保护法"}

# measure number -> (section index, title, actors with roles, laws)
MEASURES = {
    1: (1, "支持平台企业科技创新", [("actor:平台企业", "支持"), ("actor:高校院所", "鼓励")], []),
    2: (1, "推动平台企业模式创新", [("actor:平台企业", "支持")], []),
    3: (2, "提升平台消费创造能力", [("actor:平台企业", "鼓励"), ("actor:行业协会", "引导")], ["law:电子商务法"]),
    4: (3, "降低平台经济参与者经营成本", [("actor:金融机构", "鼓励"), ("actor:平台企业", "引导")], []),
    5: (4, "健全平台经济公平竞争规则",
        [("actor:省市场监管局", "负责"), ("actor:平台企业", "督促"), ("actor:省发展改革委", "配合")],
        ["law:反垄断法", "law:电子商务法"]),
    6: (4, "建立平台数据及算法管理规则", [("actor:平台企业", "督促")], ["law:个人信息保护法"]),
    7: (5, "强化平台经济协同治理", [("actor:省市场监管局", "牵头"), ("actor:省发展改革委", "配合")], []),
    8: (5, "规范网络市场监管执法", [("actor:省市场监管局", "负责")], ["law:反垄断法"]),
}


def _measure_id(section: int, number: int) -> str:
    return f"{DOC}/part:2/section:{section}/measure:{number}"


def build() -> PolicyGraph:
    """The fixture graph: one full document plus a second that shares entities."""
    nodes: list[Node] = [
        Node(DOC, Label.POLICY, "关于促进平台经济高质量发展的实施意见",
             {"title": "关于促进平台经济高质量发展的实施意见", "issuers": ["中共浙江省委办公厅", "浙江省人民政府办公厅"],
              "date": "2023-01-31", "target_year": 2027, "source": "seed.txt",
              "name_en": "Implementation Opinions on the Platform Economy"}),
        Node(f"{DOC}/part:1", Label.PART, "总体要求", {"number": 1, "title": "总体要求", "doc_id": DOC}),
        Node(f"{DOC}/part:2", Label.PART, "主要举措", {"number": 2, "title": "主要举措", "doc_id": DOC}),
        Node(f"{DOC}/part:1/item:2", Label.ITEM, "目标要求",
             {"number": 2, "title": "目标要求", "text": "到2027年，全面构建五大体系。", "doc_id": DOC}),
        Node("actor:中共浙江省委办公厅", Label.ACTOR, "中共浙江省委办公厅", {"kind": "government"}),
        Node("mechanism:竞争合规辅导", Label.MECHANISM, "竞争合规辅导", {}),
        Node("programme:数字生活新服务", Label.PROGRAMME, "数字生活新服务", {}),
        Node("concept:算力", Label.CONCEPT, "算力", {"name_en": "computing power"}),
    ]
    edges: list[Edge] = [
        Edge(DOC, f"{DOC}/part:1", EdgeType.HAS_PART, DOC),
        Edge(DOC, f"{DOC}/part:2", EdgeType.HAS_PART, DOC),
        Edge(f"{DOC}/part:1", f"{DOC}/part:1/item:2", EdgeType.HAS_ITEM, DOC),
        Edge(DOC, "actor:中共浙江省委办公厅", EdgeType.ISSUED_BY, DOC),
    ]
    for i, system in enumerate(SYSTEMS, start=1):
        sid = f"{DOC}/system:{system}"
        nodes.append(Node(sid, Label.TARGET_SYSTEM, system, {"doc_id": DOC}))
        section = f"{DOC}/part:2/section:{i}"
        nodes.append(Node(section, Label.SECTION, f"着力构建{system}",
                          {"number": i, "title": f"着力构建{system}", "doc_id": DOC}))
        edges.append(Edge(f"{DOC}/part:2", section, EdgeType.HAS_SECTION, DOC))
        edges.append(Edge(section, sid, EdgeType.BUILDS, DOC, f"（{i}）着力构建{system}", (1000 + i * 100, 1020 + i * 100)))
        edges.append(Edge(f"{DOC}/part:1/item:2", sid, EdgeType.BUILDS, DOC,
                          "到2027年，全面构建五大体系。", (500, 515)))
    for aid, (name, kind, en) in ACTORS.items():
        nodes.append(Node(aid, Label.ACTOR, name, {"kind": kind, **({"name_en": en} if en else {})}))
    for lid, name in LAWS.items():
        nodes.append(Node(lid, Label.LAW, name, {}))
    for number, (section, title, actors, laws) in MEASURES.items():
        mid = _measure_id(section, number)
        text = f"{number}.{title}。{''.join(ACTORS[a][0] + role + '。' for a, role in actors)}"
        nodes.append(Node(mid, Label.MEASURE, title, {"number": number, "title": title, "text": text,
                                                      "span": [2000 + number * 10, 2009 + number * 10], "doc_id": DOC}))
        edges.append(Edge(f"{DOC}/part:2/section:{section}", mid, EdgeType.HAS_MEASURE, DOC))
        edges.append(Edge(mid, f"{DOC}/system:{SYSTEMS[section - 1]}", EdgeType.BUILDS, DOC,
                          f"{title}，构建{SYSTEMS[section - 1]}。", (2000 + number * 10, 2005 + number * 10)))
        for aid, role in actors:
            edges.append(Edge(mid, aid, EdgeType.INVOLVES, DOC, f"{role}{ACTORS[aid][0]}{title}。",
                              (2000 + number * 10, 2008 + number * 10), {"role": role}))
        for lid in laws:
            edges.append(Edge(mid, lid, EdgeType.CITES, DOC, f"全面落实《{LAWS[lid]}》，{title}。",
                              (2000 + number * 10, 2008 + number * 10)))
    edges += [
        Edge(_measure_id(4, 5), "mechanism:竞争合规辅导", EdgeType.ESTABLISHES, DOC, "实施竞争合规辅导。", (2050, 2058)),
        Edge(_measure_id(2, 3), "programme:数字生活新服务", EdgeType.RUNS, DOC, "深入开展数字生活新服务行动。", (2030, 2040)),
        Edge(_measure_id(1, 1), "concept:算力", EdgeType.MENTIONS, DOC, "推动算力基础设施建设。", (2010, 2019)),
        Edge(_measure_id(4, 5), _measure_id(5, 8), EdgeType.CROSS_REFERENCES, DOC,
             attrs={"weight": 2, "shared": ["actor:省市场监管局", "law:反垄断法"]}),
        Edge(_measure_id(4, 5), _measure_id(4, 6), EdgeType.CROSS_REFERENCES, DOC,
             attrs={"weight": 1, "shared": ["actor:平台企业"]}),
        Edge(_measure_id(5, 7), _measure_id(5, 8), EdgeType.CROSS_REFERENCES, DOC,
             attrs={"weight": 1, "shared": ["actor:省市场监管局"]}),
    ]
    # A second document that shares an actor and a law: the tour must not wander into it.
    nodes += [
        Node(OTHER, Label.POLICY, "关于数字经济的若干措施", {"title": "关于数字经济的若干措施", "target_year": 2025}),
        Node(f"{OTHER}/part:1", Label.PART, "措施", {"number": 1, "doc_id": OTHER}),
        Node(f"{OTHER}/part:1/section:1/measure:1", Label.MEASURE, "加强监管",
             {"number": 1, "title": "加强监管", "text": "加强监管。", "doc_id": OTHER}),
    ]
    edges += [
        Edge(OTHER, f"{OTHER}/part:1", EdgeType.HAS_PART, OTHER),
        Edge(f"{OTHER}/part:1/section:1/measure:1", "actor:省市场监管局", EdgeType.INVOLVES, OTHER,
             "省市场监管局加强监管。", (10, 20), {"role": "负责"}),
        Edge(f"{OTHER}/part:1/section:1/measure:1", "law:反垄断法", EdgeType.CITES, OTHER,
             "依据《反垄断法》。", (20, 30)),
    ]
    docs = (Document(DOC, "seed.txt", "…"), Document(OTHER, "other.txt", "…"))
    return PolicyGraph(tuple(nodes), tuple(edges), docs)
