// Template: {label} is filled from the Label enum only (graph.cypher.fill), never from data.
// A document's own nodes: created or replaced whole, so dropped properties go too.
UNWIND $rows AS row
MERGE (n:{label} {id: row.id})
SET n = row.props
RETURN count(n) AS written
