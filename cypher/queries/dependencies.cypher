// name: dependencies
// answers: what $node relies on (downstream: outgoing edges) or what relies on it (upstream:
//   incoming edges), up to $depth hops, not following CROSS_REFERENCES; the node itself is no row
// params: node, direction='downstream', depth=3
// rows: id, type, name, parent, depth, edge_type; by depth, id
// parent: the smallest id one level up linking to the node; edge_type: the smallest type of those
// links. The path length bound cannot be a parameter: paths stop at 10 hops (the outline plus its
// entities is 5 deep), and the types followed are every EdgeType but CROSS_REFERENCES.
MATCH (s {id: $node})
OPTIONAL MATCH down = (s)-[:HAS_PART|HAS_SECTION|HAS_MEASURE|HAS_ITEM|HAS_CHAPTER|HAS_ARTICLE|BUILDS|INVOLVES|CITES|ESTABLISHES|RUNS|MENTIONS|ISSUED_BY|ASSIGNED_TO|REFERS_TO|IMPLEMENTS|AMENDS|LOADED_AS*1..10]->(d)
WHERE $direction = 'downstream' AND length(down) <= $depth
WITH s, collect(down) AS downs
OPTIONAL MATCH up = (s)<-[:HAS_PART|HAS_SECTION|HAS_MEASURE|HAS_ITEM|HAS_CHAPTER|HAS_ARTICLE|BUILDS|INVOLVES|CITES|ESTABLISHES|RUNS|MENTIONS|ISSUED_BY|ASSIGNED_TO|REFERS_TO|IMPLEMENTS|AMENDS|LOADED_AS*1..10]-(u)
WHERE $direction = 'upstream' AND length(up) <= $depth
WITH s, downs, collect(up) AS ups
UNWIND downs + ups AS p
WITH s, last(nodes(p)) AS n, length(p) AS depth, nodes(p)[-2].id AS parent, type(last(relationships(p))) AS edge_type
WITH n, depth, parent, edge_type WHERE n <> s
WITH n, depth, parent, edge_type ORDER BY depth, parent, edge_type
WITH n, collect({depth: depth, parent: parent, edge_type: edge_type})[0] AS best
RETURN n.id AS id, n.type AS type, n.name AS name, best.parent AS parent, best.depth AS depth,
       best.edge_type AS edge_type
ORDER BY depth, id
