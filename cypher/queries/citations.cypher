// name: citations
// answers: every citation of a law or policy document: the citing unit, what it cites, the articles
//   it names, and the sentence that says so
// params: -
// rows: source, source_name, source_type, doc_id, target, target_type, target_name, target_number, target_title, articles, evidence; by target, source
MATCH (s)-[c:CITES]->(t)
RETURN s.id AS source, s.name AS source_name, s.type AS source_type, c.doc_id AS doc_id, t.id AS target, t.type AS target_type,
       t.name AS target_name, t.number AS target_number, t.title AS target_title, c.articles AS articles,
       c.evidence AS evidence
ORDER BY target, source
