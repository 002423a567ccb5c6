// Template: {label} is filled from the Label enum only (graph.cypher.fill), never from data.
// A document's own nodes: created or replaced whole, so dropped properties go too. Each node's
// element id comes back for the transaction's edges (merge_edges_by_ref).
UNWIND $rows AS row
MERGE (n:{label} {id: row.id})
SET n = row.props
RETURN collect([row.id, elementId(n)]) AS refs
