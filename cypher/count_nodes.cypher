// Template: {label} is filled from the Label enum only (graph.cypher.fill).
MATCH (n:{label})
RETURN count(n) AS count
