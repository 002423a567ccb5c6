// The schema, applied by Neo4jStore.connect before anything else.
//
// The one file that holds several statements (separated by ';'): DDL is read and
// reviewed as a whole, and spelling out one constraint per Label keeps it greppable
// (tests/test_neo4j_store.py checks that every Label has its constraint here).
// Each statement runs on its own, so a server that refuses an index type logs one
// warning and the rest still apply. Every statement is idempotent (IF NOT EXISTS).

// One node per id and label: MERGE on id relies on it.
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT part_id IF NOT EXISTS FOR (n:Part) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT section_id IF NOT EXISTS FOR (n:Section) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT measure_id IF NOT EXISTS FOR (n:Measure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT item_id IF NOT EXISTS FOR (n:Item) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT target_system_id IF NOT EXISTS FOR (n:TargetSystem) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (n:Actor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT law_id IF NOT EXISTS FOR (n:Law) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT mechanism_id IF NOT EXISTS FOR (n:Mechanism) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT programme_id IF NOT EXISTS FOR (n:Programme) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT concept_id IF NOT EXISTS FOR (n:Concept) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT chapter_id IF NOT EXISTS FOR (n:Chapter) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_document_id IF NOT EXISTS FOR (n:PolicyDocument) REQUIRE n.id IS UNIQUE;

// Sync: a document's own nodes (outline, target systems) are found by doc_id to drop the stale ones.
CREATE INDEX part_doc_id IF NOT EXISTS FOR (n:Part) ON (n.doc_id);
CREATE INDEX section_doc_id IF NOT EXISTS FOR (n:Section) ON (n.doc_id);
CREATE INDEX measure_doc_id IF NOT EXISTS FOR (n:Measure) ON (n.doc_id);
CREATE INDEX item_doc_id IF NOT EXISTS FOR (n:Item) ON (n.doc_id);
CREATE INDEX target_system_doc_id IF NOT EXISTS FOR (n:TargetSystem) ON (n.doc_id);
CREATE INDEX chapter_doc_id IF NOT EXISTS FOR (n:Chapter) ON (n.doc_id);
CREATE INDEX article_doc_id IF NOT EXISTS FOR (n:Article) ON (n.doc_id);

// Sync: a document's edges are found by doc_id to drop the stale ones.
CREATE INDEX has_part_doc_id IF NOT EXISTS FOR ()-[r:HAS_PART]-() ON (r.doc_id);
CREATE INDEX has_section_doc_id IF NOT EXISTS FOR ()-[r:HAS_SECTION]-() ON (r.doc_id);
CREATE INDEX has_measure_doc_id IF NOT EXISTS FOR ()-[r:HAS_MEASURE]-() ON (r.doc_id);
CREATE INDEX has_item_doc_id IF NOT EXISTS FOR ()-[r:HAS_ITEM]-() ON (r.doc_id);
CREATE INDEX builds_doc_id IF NOT EXISTS FOR ()-[r:BUILDS]-() ON (r.doc_id);
CREATE INDEX involves_doc_id IF NOT EXISTS FOR ()-[r:INVOLVES]-() ON (r.doc_id);
CREATE INDEX cites_doc_id IF NOT EXISTS FOR ()-[r:CITES]-() ON (r.doc_id);
CREATE INDEX establishes_doc_id IF NOT EXISTS FOR ()-[r:ESTABLISHES]-() ON (r.doc_id);
CREATE INDEX runs_doc_id IF NOT EXISTS FOR ()-[r:RUNS]-() ON (r.doc_id);
CREATE INDEX mentions_doc_id IF NOT EXISTS FOR ()-[r:MENTIONS]-() ON (r.doc_id);
CREATE INDEX cross_references_doc_id IF NOT EXISTS FOR ()-[r:CROSS_REFERENCES]-() ON (r.doc_id);
CREATE INDEX issued_by_doc_id IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() ON (r.doc_id);
CREATE INDEX has_chapter_doc_id IF NOT EXISTS FOR ()-[r:HAS_CHAPTER]-() ON (r.doc_id);
CREATE INDEX has_article_doc_id IF NOT EXISTS FOR ()-[r:HAS_ARTICLE]-() ON (r.doc_id);
CREATE INDEX assigned_to_doc_id IF NOT EXISTS FOR ()-[r:ASSIGNED_TO]-() ON (r.doc_id);
CREATE INDEX refers_to_doc_id IF NOT EXISTS FOR ()-[r:REFERS_TO]-() ON (r.doc_id);
CREATE INDEX implements_doc_id IF NOT EXISTS FOR ()-[r:IMPLEMENTS]-() ON (r.doc_id);
CREATE INDEX amends_doc_id IF NOT EXISTS FOR ()-[r:AMENDS]-() ON (r.doc_id);
CREATE INDEX loaded_as_doc_id IF NOT EXISTS FOR ()-[r:LOADED_AS]-() ON (r.doc_id);

// measures_of_system and measures_citing_law accept a name as well as an id.
CREATE INDEX target_system_name IF NOT EXISTS FOR (n:TargetSystem) ON (n.name);
CREATE INDEX law_name IF NOT EXISTS FOR (n:Law) ON (n.name)
