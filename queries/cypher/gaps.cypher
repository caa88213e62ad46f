// gaps: the agencies at level $level that a document of $uid's chain ($uid and everything
// downstream of it through IMPLEMENTS, BASED_ON, RESPONDS_TO, FOLLOWS_UP, at most 10 hops)
// sends to: Kính gửi (ADDRESSED_TO) and Nơi nhận (COPIED_TO), without the copies sent upward
// (a Nơi nhận line containing one of $report_marks, such as "(b/c)", or an agency above the
// document's level); group phrases are already expanded to real units by the build. For each,
// the documents downstream of $uid that it issued (ISSUED_BY).
// has_document = false reads "no implementing document in the corpus", never "did nothing".
// Parameters: $uid, $level, $report_marks (loaders/vocabulary.py REPORT_COPY_MARKS).
//
// Parity with queries/gaps.py (networkx face):
//   agency_uid, agency (name), level, province, district   the agency's properties: the same.
//   addressed_by   the references (symbol, else "<type> of <issuer>, <date>") of the chain
//                  documents that named it, distinct and sorted: the same.
//   source         'Kính gửi' / 'Nơi nhận', distinct and sorted: the same.
//   documents      references of the downstream documents it issued, sorted: the same.
//   has_document   size(documents) > 0: the same.
//   sentence, path, cue   of the first naming (by reference, source, line, path): the line as
//                  written, the naming document's file, the source: the same.
//   order          province, district, agency name (nulls last), agency uid: the same.
MATCH (root:Document {uid: $uid})
OPTIONAL MATCH (d:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WITH root, [x IN collect(DISTINCT d) WHERE x <> root] AS down
WITH down + [root] AS chain, [x IN down | x.uid] AS down_uids
UNWIND chain AS c
MATCH (c)-[r:ADDRESSED_TO|COPIED_TO]->(a:Agency)
WHERE a.level = $level
WITH down_uids, c, r, a,
     CASE c.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                  WHEN 'commune' THEN 3 ELSE 4 END AS own_rank,
     CASE a.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                  WHEN 'commune' THEN 3 ELSE 4 END AS agency_rank
WHERE type(r) = 'ADDRESSED_TO'
   OR NOT (agency_rank < own_rank
           OR any(m IN $report_marks WHERE toLower(coalesce(r.as_written, '')) CONTAINS m))
WITH DISTINCT down_uids, a,
     coalesce(c.symbol, coalesce(c.doc_type, 'document') + ' of '
              + coalesce(head([(c)-[:ISSUED_BY]->(i:Agency) | i.name]), c.issuer_as_written, '?') + ', '
              + coalesce(c.date, 'undated')) AS by,
     CASE type(r) WHEN 'ADDRESSED_TO' THEN 'Kính gửi' ELSE 'Nơi nhận' END AS source,
     coalesce(r.as_written, '') AS written, c.path AS path
ORDER BY by, source, written, path
WITH down_uids, a, collect({by: by, source: source, written: written, path: path}) AS namings
OPTIONAL MATCH (x:Document)-[:ISSUED_BY]->(a)
WITH a, namings,
     CASE WHEN x.uid IN down_uids THEN
       coalesce(x.symbol, coalesce(x.doc_type, 'document') + ' of ' + coalesce(a.name, x.issuer_as_written, '?')
                + ', ' + coalesce(x.date, 'undated')) END AS doc
WITH DISTINCT a, namings, doc
ORDER BY doc
WITH a, namings, collect(doc) AS documents
RETURN a.uid AS agency_uid, a.name AS agency, a.level AS level, a.province AS province,
       a.district AS district,
       reduce(acc = [], n IN namings | CASE WHEN n.by IN acc THEN acc ELSE acc + [n.by] END) AS addressed_by,
       [s IN ['Kính gửi', 'Nơi nhận'] WHERE s IN [n IN namings | n.source]] AS source,
       size(documents) > 0 AS has_document, documents,
       CASE WHEN head(namings).written = '' THEN null ELSE head(namings).written END AS sentence,
       head(namings).path AS path, head(namings).source AS cue
ORDER BY province, district, agency, agency_uid
