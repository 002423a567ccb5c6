// name: co_occurring_actors
// answers: pairs of actors involved in at least $min_shared of the same measures
// params: min_shared=1
// rows: a, a_name, b, b_name, shared, measures (sorted ids); a < b; by shared desc, a, b
MATCH (x:Actor)<-[:INVOLVES]-(m:Measure)-[:INVOLVES]->(y:Actor)
WHERE x.id < y.id
WITH x, y, m ORDER BY m.id
WITH x, y, collect(DISTINCT m.id) AS measures
WHERE size(measures) >= $min_shared
RETURN x.id AS a, x.name AS a_name, y.id AS b, y.name AS b_name, size(measures) AS shared, measures
ORDER BY shared DESC, a, b
