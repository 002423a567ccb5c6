// name: node
// answers: all properties of node $node (no row when there is no such node)
// params: node
// rows: the node's properties (id, type, name, ...)
MATCH (n {id: $node})
RETURN properties(n) AS props
