// Template: {type} is filled from the EdgeType enum only (graph.cypher.fill).
// Derived edges (graph.resolve) are recomputed after every sync: the old ones go first.
MATCH ()-[e:{type}]->()
WHERE e.derived = true
DELETE e
RETURN count(*) AS deleted
