// Template: {label} is filled from the Label enum only (graph.cypher.fill), never from data.
// Nodes of documents stored for the first time that are not in the database yet (Neo4jStore checks
// by doc_id first): no MERGE lookup. The uniqueness constraint still refuses a duplicate id, and the
// store then writes the transaction again with merge_nodes. Each node's element id comes back: the
// transaction's edges find their ends by it (create_edges_by_ref), not through the id index. The
// (id, element id) pairs come in one record per statement: a record a node cost the client a
// message to read and decode each, 4,856 of them for the bench's 100 documents.
UNWIND $rows AS row
CREATE (n:{label})
SET n = row.props
RETURN collect([row.id, elementId(n)]) AS refs
