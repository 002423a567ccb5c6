// name: outline
// answers: the outline of document $doc: the policy (depth 0), its parts, sections, measures and items, or its chapters, sections and articles
// params: doc
// rows: id, type, name, number, title, parent, depth; by depth, parent, number, id
MATCH (p:Policy {id: $doc})
MATCH path = (p)-[:HAS_PART|HAS_SECTION|HAS_MEASURE|HAS_ITEM|HAS_CHAPTER|HAS_ARTICLE*0..]->(n)
WITH n, length(path) AS depth,
     CASE WHEN length(path) = 0 THEN null ELSE nodes(path)[-2].id END AS parent
ORDER BY depth, parent
WITH n, collect({depth: depth, parent: parent})[0] AS first
RETURN n.id AS id, n.type AS type, n.name AS name, n.number AS number, n.title AS title,
       first.parent AS parent, first.depth AS depth
ORDER BY depth, parent, number, id
