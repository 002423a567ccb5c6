// Template: {labels} is filled from the Label enum only (graph.cypher.fill), every label joined with |.
// One statement for every label of the model, not one a label: a round trip and a plan each.
MATCH (n:{labels})
RETURN count(n) AS count
