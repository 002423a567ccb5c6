// The bench's baseline rows (cypher/create_bench_rows.cypher), removed before and after it runs.
MATCH (n:BenchRow)
DELETE n
