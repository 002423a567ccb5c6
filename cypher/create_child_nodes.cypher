// Template: {label} and {type} are filled from the Label / EdgeType enums only (graph.cypher.fill).
// Outline nodes of documents stored for the first time, each created under its parent with the
// outline edge that holds it ($rows: id, props, parent as an element id the transaction's node
// statements returned, edge as the edge's properties): one row a node and its edge rather than one
// in each of create_nodes and create_edges_by_ref, and one end fewer to find. Measured on the bench's
// 100 documents, the articles and their HAS_ARTICLE edges: 0.25 s rather than 0.36 s.
// Each node's element id comes back, as from create_nodes.
UNWIND $rows AS row
MATCH (p) WHERE elementId(p) = row.parent
CREATE (p)-[e:{type}]->(n:{label})
SET n = row.props, e = row.edge
RETURN collect([row.id, elementId(n)]) AS refs
