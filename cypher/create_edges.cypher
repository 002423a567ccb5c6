// Template: {type}, {source}, {target} are filled from the EdgeType / Label enums only
// (graph.cypher.fill), never from data. Edges with an end created in the same transaction
// (create_nodes): no such edge can exist yet, so no MERGE check for one.
UNWIND $rows AS row
MATCH (a:{source} {id: row.source})
MATCH (b:{target} {id: row.target})
CREATE (a)-[e:{type}]->(b)
SET e = row.props
RETURN count(e) AS written
