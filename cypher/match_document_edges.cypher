// Template: {type} is filled from the EdgeType enum only (graph.cypher.fill).
// The stored edges of the documents $docs (ids), to tell which their new versions no longer have.
// `IN` rather than one statement a document: one pass over the type's edges (or its doc_id index)
// for the whole transaction.
MATCH (a)-[e:{type}]->(b)
WHERE e.doc_id IN $docs
RETURN e.doc_id AS doc, a.id AS source, b.id AS target, head(labels(a)) AS source_label
