// name: law_measure_matrix
// answers: which measure cites which law
// params: -
// rows: law, law_name, measure, number, title, doc_id; by law_name, doc_id, number, law, measure
MATCH (m:Measure)-[:CITES]->(l)
RETURN l.id AS law, l.name AS law_name, m.id AS measure, m.number AS number, m.title AS title,
       m.doc_id AS doc_id
ORDER BY law_name, doc_id, number, law, measure
