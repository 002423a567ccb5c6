// name: actors_of_measure
// answers: who measure $measure involves, in which role, and the sentence that says so
// params: measure
// rows: id, name, kind, role, roles, evidence, span; by name, id
MATCH (m {id: $measure})-[e:INVOLVES]->(a)
RETURN a.id AS id, a.name AS name, a.kind AS kind, e.role AS role, e.roles AS roles,
       e.evidence AS evidence, e.span AS span
ORDER BY name, id
