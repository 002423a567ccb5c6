// name: actor_document_matrix
// answers: which body is responsible for or involved in how many units (measures, items, articles)
//   of each document: the body × document matrix of a corpus
// params: -
// rows: actor, actor_name, doc_id, document_title, count; by actor_name, doc_id, actor
MATCH (u)-[:ASSIGNED_TO|INVOLVES]->(a:Actor)
WHERE u.doc_id IS NOT NULL
WITH a, u.doc_id AS doc_id, count(DISTINCT u) AS count
OPTIONAL MATCH (d:Policy {id: doc_id})
RETURN a.id AS actor, a.name AS actor_name, doc_id, d.title AS document_title, count
ORDER BY actor_name, doc_id, actor
