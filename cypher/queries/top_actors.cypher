// name: top_actors
// answers: the $limit actors involved in most measures, with how many and which
// params: limit=12
// rows: id, name, name_en, count (distinct measures involving the actor), measures (their ids, sorted); by count desc, id
MATCH (m:Measure)-[:INVOLVES]->(a)
WITH a, collect(DISTINCT m.id) AS measures
RETURN a.id AS id, a.name AS name, a.name_en AS name_en, size(measures) AS count, measures
ORDER BY count DESC, id
LIMIT $limit
