// name: systems_of_measure
// answers: the target systems measure $measure builds, directly or through the section holding it
// params: measure
// rows: id, name, name_en; by name, id
MATCH (m:Measure {id: $measure})<-[:HAS_MEASURE*0..1]-()-[:BUILDS]->(s:TargetSystem)
WITH DISTINCT s
RETURN s.id AS id, s.name AS name, s.name_en AS name_en
ORDER BY name, id
