// Template: {types} is filled from the EdgeType enum only (graph.cypher.fill), the derived types joined
// with |. Derived edges (graph.resolve) are recomputed after every sync: the old ones go first, all
// types in one statement.
MATCH ()-[e:{types}]->()
WHERE e.derived = true
DELETE e
RETURN count(*) AS deleted
