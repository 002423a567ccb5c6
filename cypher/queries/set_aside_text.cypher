// name: set_aside_text
// answers: what the loader set aside from each document (newspaper text, page furniture …) and
//   why, with the kept text either side, and the document's warnings; documents with neither are left out
// params: -
// rows: doc_id, title, set_aside (start, end, reason, text, before, after; in text order), warnings; by doc_id
MATCH (p:Policy)
WHERE p.set_aside IS NOT NULL OR p.warnings IS NOT NULL
RETURN p.id AS doc_id, p.title AS title, p {.set_aside, .warnings, ._json} AS props
ORDER BY doc_id
