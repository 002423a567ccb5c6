// Template: {type}, {source}, {target} are filled from the EdgeType / Label enums only (graph.cypher.fill).
// One edge per statement: the baseline bench/bench_store.py measures merge_edges' UNWIND batches against.
MATCH (a:{source} {id: $source})
MATCH (b:{target} {id: $target})
MERGE (a)-[e:{type}]->(b)
SET e = $props
