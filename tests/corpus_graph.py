"""A hand-made corpus of three documents for the corpus pages: a national regulation, a city
regulation that implements it (articles reworded, one added, one dropped) and a law they cite."""

from __future__ import annotations

from graph.model import Document, Edge, EdgeType, Label, Node, PolicyGraph

NATIONAL, CITY, LAW = "doc:国务院:令第1号", "doc:某市人大常委会:某市条例:2023-01-01", "doc:全国人大常委会:某法"
NATIONAL_ARTICLES = [
    "为了持续优化营商环境，不断解放和发展社会生产力，制定本条例。",
    "国家依法保护市场主体经营自主权、财产权和其他合法权益。",
    "国家建立统一的清理规范涉企收费目录。",
]
CITY_ARTICLES = [
    "为了持续优化本市营商环境，激发市场活力，制定本条例。",
    "本市依法保护市场主体经营自主权、财产权和其他合法权益，保护企业经营者人身安全。",
    "本市建设国际一流营商环境示范区，依照《某法》第二条推进改革。",
]


def _document(doc: str, title: str, date: str, level: str, articles: list[str]) -> tuple[list, list]:
    nodes = [Node(doc, Label.POLICY, title, {"title": title, "date": date, "level": level, "validity": "有效"})]
    edges = []
    for n, text in enumerate(articles, 1):
        article = f"{doc}/article:{n}"
        nodes.append(Node(article, Label.ARTICLE, f"第{'一二三'[n - 1]}条", {"number": n, "doc_id": doc,
                                                                           "text": text}))
        edges.append(Edge(doc, article, EdgeType.HAS_ARTICLE, doc))
    return nodes, edges


def build() -> PolicyGraph:
    n_nodes, n_edges = _document(NATIONAL, "优化营商环境条例", "2019-10-22", "national", NATIONAL_ARTICLES)
    c_nodes, c_edges = _document(CITY, "某市优化营商环境条例", "2023-01-01", "city", CITY_ARTICLES)
    l_nodes, l_edges = _document(LAW, "中华人民共和国某法", "2008-01-01", "national", ["总则。", "改革。"])
    law = Node("law:某法", Label.LAW, "某法", {"kind": "law"})
    cite = Edge(f"{CITY}/article:3", "law:某法", EdgeType.CITES, CITY, CITY_ARTICLES[2], attrs={"articles": [2]})
    docs = tuple(Document(d, f"{d}.md", "") for d in (NATIONAL, CITY, LAW))
    return PolicyGraph(tuple(n_nodes + c_nodes + l_nodes + [law]), tuple(n_edges + c_edges + l_edges + [cite]), docs)
