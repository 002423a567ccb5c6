// Template: {type} is filled from the EdgeType enum only (graph.cypher.fill).
MATCH ()-[e:{type}]->()
RETURN count(e) AS count
