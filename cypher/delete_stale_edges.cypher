// Template: {type} is filled from the EdgeType enum only (graph.cypher.fill).
// Edges of document $doc that its new version no longer has ($keep: [source, target] pairs).
// Their endpoints come back: those left without edges may be orphans now.
MATCH (a)-[e:{type}]->(b)
WHERE e.doc_id = $doc AND NOT [a.id, b.id] IN $keep
DELETE e
RETURN a.id AS source, b.id AS target
