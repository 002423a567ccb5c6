// name: cross_references
// answers: the measures that measure $measure cross-references, either direction
//   (when both directions exist the outgoing edge's weight and shared terms are given)
// params: measure
// rows: id, number, title, weight, shared; by weight desc, number, id
MATCH (m {id: $measure})-[e:CROSS_REFERENCES]-(o)
WHERE o <> m
WITH o, e, CASE WHEN startNode(e) = m THEN 0 ELSE 1 END AS incoming
ORDER BY incoming
WITH o, collect(e)[0] AS edge
RETURN o.id AS id, o.number AS number, o.title AS title, edge.weight AS weight, edge.shared AS shared
ORDER BY weight DESC, number, id
