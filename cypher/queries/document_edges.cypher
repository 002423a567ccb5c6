// name: document_edges
// answers: the edges leaving the nodes of document $doc (its Policy node and every node whose doc_id
//   is $doc), with all their properties: the edges among document_nodes
// params: doc
// rows: source, target, and the edge's properties (type, doc_id, evidence, span, ...); by source, type, target
MATCH (p:Policy {id: $doc})
OPTIONAL MATCH (u {doc_id: $doc}) WHERE u <> p
WITH p, collect(u) AS units
WITH [p] + units AS own
UNWIND own AS a
MATCH (a)-[e]->(b)
RETURN a.id AS source, b.id AS target, properties(e) AS props
ORDER BY source, type(e), target
