// name: edges_among
// answers: the edges whose both ends are among nodes $ids
// params: ids
// rows: source, target, type, evidence, span, role, weight, shared; by source, type, target
MATCH (a)-[e]->(b)
WHERE a.id IN $ids AND b.id IN $ids
RETURN a.id AS source, b.id AS target, type(e) AS type, e.evidence AS evidence, e.span AS span,
       e.role AS role, e.weight AS weight, e.shared AS shared
ORDER BY source, type, target
