// Template: {label} is filled from the Label enum only (graph.cypher.fill).
// One node per statement: the baseline bench/bench_store.py measures merge_nodes' UNWIND batches against.
MERGE (n:{label} {id: $id})
SET n = $props
