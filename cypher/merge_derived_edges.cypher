// Template: {type}, {source}, {target} are filled from the EdgeType / Label enums only
// (graph.cypher.fill). Derived edges (graph.resolve): a row whose end is not in the store is
// skipped, as the embedded store skips it, so no count check here.
UNWIND $rows AS row
MATCH (a:{source} {id: row.source})
MATCH (b:{target} {id: row.target})
MERGE (a)-[e:{type}]->(b)
SET e = row.props
RETURN count(e) AS written
