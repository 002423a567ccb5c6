// Template: {type} is filled from the EdgeType enum only (graph.cypher.fill), never from data.
// One edge per (source, type, target), its ends found by the element ids the transaction's node
// statements returned ($rows: source, target as element ids; props), as in create_edges_by_ref.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.source
MATCH (b) WHERE elementId(b) = row.target
MERGE (a)-[e:{type}]->(b)
SET e = row.props
RETURN count(e) AS written
