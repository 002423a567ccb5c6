// name: actor_measure_matrix
// answers: which measure involves which actor, in which role
// params: -
// rows: actor, actor_name, measure, number, title, doc_id, role; by actor_name, doc_id, number, actor, measure
MATCH (m:Measure)-[e:INVOLVES]->(a)
RETURN a.id AS actor, a.name AS actor_name, m.id AS measure, m.number AS number, m.title AS title,
       m.doc_id AS doc_id, e.role AS role
ORDER BY actor_name, doc_id, number, actor, measure
