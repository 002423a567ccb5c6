// Template: {label} is filled from the Label enum only (graph.cypher.fill).
// Nodes already in the database that name one of the documents $docs (ids) as their doc_id: for a
// document stored for the first time, those another document linked to before (found through the
// doc_id index), which must be merged rather than created.
UNWIND $docs AS doc
MATCH (n:{label})
WHERE n.doc_id = doc
RETURN n.id AS id
