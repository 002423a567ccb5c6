// Template: {types} is filled from the EdgeType enum only (graph.cypher.fill), every type joined with |.
// One statement for every type rather than one a type: on ArcadeDB the nineteen statements took
// 0.3-0.5 s after a 100-document sync (each walks edges), this one 0.02-0.03 s.
MATCH ()-[e:{types}]->()
RETURN count(e) AS count
