// show: the document card of one document, as rows in three sections.
// Parameters: $uid (string): the document's uid, e.g. "doc:294-CV/TU@lai-chau:2021".
// Columns: section, relation, uid, symbol, doc_type, issuer, date, level, cue, sentence, path.
//   section "document": the document itself (relation, cue and sentence null; path: the file it was read from);
//   section "cites": each citation link leaving it (relation: the link type; cue, sentence and path: the
//     link's evidence, path being the file the sentence is in);
//   section "cited_by": each citation link arriving at it (from a Document, or a Source article by MENTIONS).
// Within a section, rows are ordered by date, uid, relation, path, start (nulls last), as in queries/show.py.
MATCH (d:Document {uid: $uid})
RETURN 'document' AS section, null AS relation, d.uid AS uid, d.symbol AS symbol, d.doc_type AS doc_type,
       coalesce(head([(d)-[:ISSUED_BY]->(a:Agency) | a.name]), d.issuer_as_written) AS issuer,
       d.date AS date, d.level AS level, null AS cue, null AS sentence, d.path AS path
UNION ALL
MATCH (d:Document {uid: $uid})-[r:AMENDS|BASED_ON|CITES|FOLLOWS_UP|IMPLEMENTS|MENTIONS|REPEALS|REPLACES|REPLIES_TO|RESPONDS_TO]->(c)
WITH r, c
ORDER BY c.date, c.uid, type(r), r.path, r.start
RETURN 'cites' AS section, type(r) AS relation, c.uid AS uid, c.symbol AS symbol, c.doc_type AS doc_type,
       coalesce(head([(c)-[:ISSUED_BY]->(a:Agency) | a.name]), c.issuer_as_written) AS issuer,
       c.date AS date, c.level AS level, r.cue AS cue, r.sentence AS sentence, r.path AS path
UNION ALL
MATCH (c)-[r:AMENDS|BASED_ON|CITES|FOLLOWS_UP|IMPLEMENTS|MENTIONS|REPEALS|REPLACES|REPLIES_TO|RESPONDS_TO]->(d:Document {uid: $uid})
WITH r, c
ORDER BY c.date, c.uid, type(r), r.path, r.start
RETURN 'cited_by' AS section, type(r) AS relation, c.uid AS uid, c.symbol AS symbol, c.doc_type AS doc_type,
       coalesce(head([(c)-[:ISSUED_BY]->(a:Agency) | a.name]), c.issuer_as_written) AS issuer,
       c.date AS date, c.level AS level, r.cue AS cue, r.sentence AS sentence, r.path AS path
