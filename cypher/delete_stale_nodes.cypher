// Template: {label} is filled from the Label enum only (graph.cypher.fill).
// Nodes owned by document $doc that its new version no longer has ($keep: ids).
MATCH (n:{label})
WHERE n.doc_id = $doc AND NOT n.id IN $keep
DETACH DELETE n
RETURN count(*) AS deleted
