// name: documents
// answers: every loaded policy document
// params: -
// rows: id, name, title, number, issuers, date, addressees, target_year, source, kind, level, validity; by id
MATCH (p:Policy)
RETURN p.id AS id, p.name AS name, p.title AS title, p.number AS number, p.issuers AS issuers,
       p.date AS date, p.addressees AS addressees, p.target_year AS target_year, p.source AS source,
       p.kind AS kind, p.level AS level, p.validity AS validity
ORDER BY id
