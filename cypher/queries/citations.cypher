// name: citations
// answers: every citation of a law or policy document: the citing unit, what it cites, the articles
//   it names, the sentence that says so, and the loaded document it resolves to (null: not loaded)
// params: -
// rows: source, source_name, source_type, doc_id, target, target_type, target_name, target_number, target_title, articles, evidence, loaded_as; by target, source
MATCH (s)-[c:CITES]->(t)
OPTIONAL MATCH (t)-[:LOADED_AS]->(p:Policy)
RETURN s.id AS source, s.name AS source_name, s.type AS source_type, c.doc_id AS doc_id, t.id AS target, t.type AS target_type,
       t.name AS target_name, t.number AS target_number, t.title AS target_title, c.articles AS articles,
       c.evidence AS evidence, p.id AS loaded_as
ORDER BY target, source
