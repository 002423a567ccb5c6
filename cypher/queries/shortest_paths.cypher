// name: shortest_paths
// answers: up to $limit shortest paths between $source and $target, ignoring edge direction,
//   optionally not through outline containers (the document, parts, sections, chapters) or hubs
// params: source, target, limit=5, skip_outline=False, max_degree=0
// rows: path, step, source, source_name, type, target, target_name, evidence, forward; by path, step
// Paths are distinct node sequences in order of their ids; between two nodes a step takes an
// edge with evidence first, then the smallest type, then one pointing along the walk. A hub is a
// node with more than $max_degree relationships (0: none is); the two ends are never left out.
MATCH (a {id: $source}), (b {id: $target})
WITH a, b WHERE a <> b
MATCH p = allShortestPaths((a)-[*]-(b))
WHERE all(n IN nodes(p)[1..-1] WHERE
          NOT ($skip_outline AND (n:Policy OR n:Part OR n:Section OR n:Chapter))
          AND ($max_degree = 0 OR size([(n)--() | 1]) <= $max_degree))
WITH DISTINCT nodes(p) AS walk
WITH walk ORDER BY [n IN walk | n.id] LIMIT $limit
WITH collect(walk) AS walks
UNWIND range(0, size(walks) - 1) AS path
UNWIND range(0, size(walks[path]) - 2) AS step
WITH path, step, walks[path][step] AS u, walks[path][step + 1] AS v
MATCH (u)-[e]-(v)
WITH path, step, u, v, e, startNode(e) = u AS forward
ORDER BY path, step, CASE WHEN coalesce(e.evidence, '') <> '' THEN 0 ELSE 1 END, type(e),
         CASE WHEN forward THEN 0 ELSE 1 END
WITH path, step, u, v, collect({type: type(e), evidence: e.evidence, forward: forward})[0] AS edge
RETURN path, step, u.id AS source, u.name AS source_name, edge.type AS type, v.id AS target,
       v.name AS target_name, edge.evidence AS evidence, edge.forward AS forward
ORDER BY path, step
