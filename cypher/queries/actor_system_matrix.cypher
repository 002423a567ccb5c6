// name: actor_system_matrix
// answers: for each actor and target system, how many measures both involve the actor and build
//   the system (directly or through the section holding them)
// params: -
// rows: actor, actor_name, system, system_name, count; by actor_name, system_name, actor, system
MATCH (m:Measure)-[:INVOLVES]->(a)
MATCH (m)<-[:HAS_MEASURE*0..1]-()-[:BUILDS]->(s:TargetSystem)
RETURN a.id AS actor, a.name AS actor_name, s.id AS system, s.name AS system_name, count(DISTINCT m) AS count
ORDER BY actor_name, system_name, actor, system
