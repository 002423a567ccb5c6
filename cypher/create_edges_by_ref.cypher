// Template: {type} is filled from the EdgeType enum only (graph.cypher.fill), never from data.
// Edges with an end created in the same transaction (create_nodes): no such edge can exist yet, so
// no MERGE check for one. Their ends are found by the element ids the transaction's node statements
// returned ($rows: source, target as element ids; props): a direct fetch, not an index lookup
// per end, and one statement per type whatever the ends' labels. Element ids hold within a
// transaction, which is all they are used for.
UNWIND $rows AS row
MATCH (a) WHERE elementId(a) = row.source
MATCH (b) WHERE elementId(b) = row.target
CREATE (a)-[e:{type}]->(b)
SET e = row.props
RETURN count(e) AS written
