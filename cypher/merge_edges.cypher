// Template: {type}, {source}, {target} are filled from the EdgeType / Label enums only
// (graph.cypher.fill), never from data. One edge per (source, type, target).
UNWIND $rows AS row
MATCH (a:{source} {id: row.source})
MATCH (b:{target} {id: row.target})
MERGE (a)-[e:{type}]->(b)
SET e = row.props
RETURN count(e) AS written
