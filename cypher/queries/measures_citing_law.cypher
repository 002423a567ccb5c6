// name: measures_citing_law
// answers: the measures that cite law $law (id, else first by id with that name), with the sentence
// params: law
// rows: id, number, title, doc_id, evidence; by doc_id, number, id
MATCH (l:Law)
WHERE l.id = $law OR l.name = $law
WITH l ORDER BY CASE WHEN l.id = $law THEN 0 ELSE 1 END, l.id LIMIT 1
MATCH (m:Measure)-[e:CITES]->(l)
RETURN m.id AS id, m.number AS number, m.title AS title, m.doc_id AS doc_id, e.evidence AS evidence
ORDER BY doc_id, number, id
