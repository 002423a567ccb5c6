// name: evidence_of
// answers: the edges at node $node, either direction, that carry evidence (the sentence)
// params: node
// rows: source, source_name, type, target, target_name, evidence, span; by source, type, target
MATCH (n {id: $node})-[e]-()
WITH DISTINCT e
WHERE coalesce(e.evidence, '') <> ''
WITH startNode(e) AS a, e, endNode(e) AS b
RETURN a.id AS source, a.name AS source_name, type(e) AS type, b.id AS target, b.name AS target_name,
       e.evidence AS evidence, e.span AS span
ORDER BY source, type, target
