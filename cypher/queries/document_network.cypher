// name: document_network
// answers: how the loaded documents relate: one row per (citing document, cited loaded document,
//   relation), where relation is CITES, IMPLEMENTS or AMENDS, with how often and one sentence
// params: -
// rows: source, source_title, target, target_title, type, count, evidence; by source, target, type
MATCH (u)-[c:CITES|IMPLEMENTS|AMENDS]->(x)-[:LOADED_AS]->(t:Policy)
MATCH (s:Policy {id: c.doc_id})
WHERE s <> t
WITH s, t, type(c) AS type, c.evidence AS evidence ORDER BY evidence
WITH s, t, type, count(*) AS count, collect(evidence)[0] AS evidence
RETURN s.id AS source, s.title AS source_title, t.id AS target, t.title AS target_title, type, count, evidence
ORDER BY source, target, type
