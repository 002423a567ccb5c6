// Which of the documents $ids are stored already (their Policy node exists): a sync looks for the
// previous version of those only.
UNWIND $ids AS id
MATCH (p:Policy {id: id})
RETURN p.id AS id
