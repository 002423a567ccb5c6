// name: all_edges
// answers: every edge with all its properties
// params: -
// rows: source, target, and the edge's properties (type, doc_id, evidence, span, ...); by source, type, target
MATCH (a)-[e]->(b)
RETURN a.id AS source, b.id AS target, properties(e) AS props
ORDER BY source, type(e), target
