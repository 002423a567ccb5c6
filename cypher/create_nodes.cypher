// Template: {label} is filled from the Label enum only (graph.cypher.fill), never from data.
// Nodes of documents stored for the first time that are not in the database yet (Neo4jStore checks
// by doc_id first): no MERGE lookup. The uniqueness constraint still refuses a duplicate id, and the
// store then writes the transaction again with merge_nodes.
UNWIND $rows AS row
CREATE (n:{label})
SET n = row.props
RETURN count(n) AS written
