// name: measures_of_system
// answers: the measures that build target system $system (id, else first by id with that name),
//   directly or through the section holding them
// params: system
// rows: id, number, title, doc_id; by doc_id, number, id
MATCH (s:TargetSystem)
WHERE s.id = $system OR s.name = $system
WITH s ORDER BY CASE WHEN s.id = $system THEN 0 ELSE 1 END, s.id LIMIT 1
MATCH (m:Measure)<-[:HAS_MEASURE*0..1]-()-[:BUILDS]->(s)
WITH DISTINCT m
RETURN m.id AS id, m.number AS number, m.title AS title, m.doc_id AS doc_id
ORDER BY doc_id, number, id
