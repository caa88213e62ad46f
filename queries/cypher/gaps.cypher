// gaps: the agencies at level $level that a document of $uid's chain ($uid and everything
// downstream of it through IMPLEMENTS, BASED_ON, RESPONDS_TO, FOLLOWS_UP, at most 10 hops)
// addressed (ADDRESSED_TO, group phrases already expanded to real units by the build), and the
// documents downstream of $uid that each of them issued (ISSUED_BY).
// has_document = false reads "no implementing document in the corpus", never "did nothing".
// Parameters: $uid, $level.
//
// Parity with queries/gaps.py (networkx face):
//   agency_uid, agency (name), level, province, district   the agency's properties: the same.
//   addressed_by   symbols (uid when none) of the chain documents that addressed it, sorted: the same.
//   documents      symbols (uid when none) of the downstream documents it issued, sorted: the same.
//   has_document   size(documents) > 0: the same.
//   order          province, district, agency name (nulls last), agency uid: the same.
MATCH (root:Document {uid: $uid})
OPTIONAL MATCH (d:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WITH root, [x IN collect(DISTINCT d) WHERE x <> root] AS down
WITH down + [root] AS chain, [x IN down | x.uid] AS down_uids
UNWIND chain AS c
MATCH (c)-[:ADDRESSED_TO]->(a:Agency)
WHERE a.level = $level
WITH DISTINCT down_uids, a, coalesce(c.symbol, c.uid) AS by
ORDER BY by
WITH down_uids, a, collect(by) AS addressed_by
OPTIONAL MATCH (x:Document)-[:ISSUED_BY]->(a)
WITH a, addressed_by, CASE WHEN x.uid IN down_uids THEN coalesce(x.symbol, x.uid) END AS doc
WITH DISTINCT a, addressed_by, doc
ORDER BY doc
WITH a, addressed_by, collect(doc) AS documents
RETURN a.uid AS agency_uid, a.name AS agency, a.level AS level, a.province AS province,
       a.district AS district, addressed_by, size(documents) > 0 AS has_document, documents
ORDER BY province, district, agency, agency_uid
