// name: units_of_document
// answers: the numbered units of document $doc (articles, measures, items) with their text and the
//   names of the shared entities each one links to; what a comparison of two documents aligns
// params: doc
// rows: id, type, name, number, title, text, doc_id, entities; by type, number, id
MATCH (u)
WHERE u.doc_id = $doc AND u.type IN ['Article', 'Measure', 'Item']
OPTIONAL MATCH (u)-->(e)
WHERE e.type IN ['Actor', 'Law', 'Mechanism', 'Programme', 'Concept', 'PolicyDocument']
WITH u, collect(DISTINCT e.name) AS entities
RETURN u.id AS id, u.type AS type, u.name AS name, u.number AS number, u.title AS title, u.text AS text,
       u.doc_id AS doc_id, entities
ORDER BY type, number, id
