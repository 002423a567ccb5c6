// name: document_nodes
// answers: the nodes of document $doc with all their properties: its Policy node, every node whose
//   doc_id is $doc (its outline, its target systems) and every node an edge leaving those reaches
//   (issuers, actors, laws, cited articles); with document_edges, what a tour, a handout or an
//   offline page of the document is drawn from
// params: doc
// rows: the node's properties (id, type, name, ...); by id
MATCH (p:Policy {id: $doc})
OPTIONAL MATCH (u {doc_id: $doc}) WHERE u <> p
WITH p, collect(u) AS units
WITH [p] + units AS own
UNWIND own AS n
OPTIONAL MATCH (n)-->(x)
WITH own, collect(DISTINCT x) AS reached
UNWIND own + reached AS n
WITH DISTINCT n WHERE n IS NOT NULL
RETURN properties(n) AS props
ORDER BY n.id
