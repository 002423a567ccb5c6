// Template: {type} and {source} are filled from the EdgeType / Label enums only (graph.cypher.fill).
// Edges of documents that their new versions no longer have ($rows: doc, source, target), found from
// their source node. Their endpoints come back: those left without edges may be orphans now.
UNWIND $rows AS row
MATCH (a:{source} {id: row.source})-[e:{type}]->(b)
WHERE b.id = row.target AND e.doc_id = row.doc
DELETE e
RETURN a.id AS source, b.id AS target
