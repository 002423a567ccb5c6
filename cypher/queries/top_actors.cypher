// name: top_actors
// answers: the $limit actors involved in most measures, with how many
// params: limit=12
// rows: id, name, name_en, count (distinct measures involving the actor); by count desc, id
MATCH (m:Measure)-[:INVOLVES]->(a)
WITH a, count(DISTINCT m) AS count
RETURN a.id AS id, a.name AS name, a.name_en AS name_en, count
ORDER BY count DESC, id
LIMIT $limit
