// Template: {label} is filled from the Label enum only (graph.cypher.fill), never from data.
// Nodes a document links to but does not own (shared entities, another document's
// outline): created when missing; otherwise the first attributes stay, as in
// PolicyGraph.merged_with, and only an English label missing so far fills in.
// Each node's element id comes back for the transaction's edges (merge_edges_by_ref).
UNWIND $rows AS row
MERGE (n:{label} {id: row.id})
ON CREATE SET n = row.props
ON MATCH SET n.name_en = coalesce(n.name_en, row.props.name_en)
RETURN collect([row.id, elementId(n)]) AS refs
