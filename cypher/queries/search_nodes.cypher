// name: search_nodes
// answers: nodes whose name, title, English label or (measures) text contains $text, any case
// params: text, type=None, limit=50
// rows: id, type, name, name_en; exact name (any case) first, then name length, then id
WITH toLower($text) AS needle
MATCH (n)
WHERE ($type IS NULL OR n.type = $type)
  AND (toLower(coalesce(n.name, '')) CONTAINS needle
       OR toLower(coalesce(n.title, '')) CONTAINS needle
       OR toLower(coalesce(n.name_en, '')) CONTAINS needle
       OR (n.type = 'Measure' AND toLower(coalesce(n.text, '')) CONTAINS needle))
RETURN n.id AS id, n.type AS type, n.name AS name, n.name_en AS name_en
ORDER BY CASE WHEN toLower(coalesce(name, '')) = needle THEN 0 ELSE 1 END, size(coalesce(name, '')), id
LIMIT $limit
