// The bench's baseline (bench/bench_corpus.py): the bare cost of writing rows on this server, no MERGE,
// no index lookup. Not used by the store.
UNWIND $rows AS row
CREATE (n:BenchRow)
SET n = row
