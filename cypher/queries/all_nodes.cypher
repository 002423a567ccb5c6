// name: all_nodes
// answers: every node with all its properties
// params: -
// rows: the node's properties (id, type, name, ...); by id
MATCH (n)
RETURN properties(n) AS props
ORDER BY n.id
