// Template: {label} is filled from the Label enum only (graph.cypher.fill).
// Nodes owned by the documents $docs ({id, keep}) that their new versions no longer have (keep: ids).
UNWIND $docs AS doc
MATCH (n:{label})
WHERE n.doc_id = doc.id AND NOT n.id IN doc.keep
DETACH DELETE n
RETURN count(*) AS deleted
