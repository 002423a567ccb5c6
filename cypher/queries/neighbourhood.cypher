// name: neighbourhood
// answers: the nodes within $depth hops of $node, ignoring edge direction, the node itself at 0
// params: node, depth=1 (1..3)
// rows: id, type, name, distance; by distance, id
// One hop at a time over distinct nodes, so a hub costs its degree, not every path through it.
// UNWIND of [null] instead of an empty hop keeps the row going; hops beyond $depth start from null.
MATCH (s {id: $node})
OPTIONAL MATCH (s)--(a)
WITH s, [x IN collect(DISTINCT a) WHERE x <> s] AS hop1
UNWIND CASE WHEN $depth < 2 OR size(hop1) = 0 THEN [null] ELSE hop1 END AS x
OPTIONAL MATCH (x)--(b)
WITH s, hop1, [y IN collect(DISTINCT b) WHERE y <> s AND NOT y IN hop1] AS hop2
UNWIND CASE WHEN $depth < 3 OR size(hop2) = 0 THEN [null] ELSE hop2 END AS y
OPTIONAL MATCH (y)--(c)
WITH s, hop1, hop2, [z IN collect(DISTINCT c) WHERE z <> s AND NOT z IN hop1 AND NOT z IN hop2] AS hop3
UNWIND [{n: s, d: 0}] + [x IN hop1 | {n: x, d: 1}] + [x IN hop2 | {n: x, d: 2}] + [x IN hop3 | {n: x, d: 3}] AS hit
WITH hit.n AS n, hit.d AS distance
RETURN n.id AS id, n.type AS type, n.name AS name, distance
ORDER BY distance, id
