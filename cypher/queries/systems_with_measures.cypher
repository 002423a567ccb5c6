// name: systems_with_measures
// answers: every target system with the measures that build it (directly or through the section
//   holding them): measures_of_system for all systems at once; a system no measure builds is no row
// params: -
// rows: system, system_name, id, number, title, doc_id; by system, doc_id, number, id
MATCH (m:Measure)<-[:HAS_MEASURE*0..1]-()-[:BUILDS]->(s:TargetSystem)
WITH DISTINCT s, m
RETURN s.id AS system, s.name AS system_name, m.id AS id, m.number AS number, m.title AS title,
       m.doc_id AS doc_id
ORDER BY system, doc_id, number, id
