// Template: {label} is filled from the Label enum only (graph.cypher.fill).
// Shared entities among $ids that no edge uses any more.
UNWIND $ids AS id
MATCH (n:{label} {id: id})
WHERE NOT EXISTS { MATCH (n)--() }
DELETE n
RETURN count(*) AS deleted
