// chidao: the common questions, ready to paste into Neo4j Browser (Neo4j 5), after `chidao export neo4j`
// or `.ci/neo4j import`. Each block below starts with a `// ==` title line; run its `:param` lines
// first (each one on its own, or all at once in the multi-statement editor), then its query. Change
// the parameters to ask about another document: a symbol as printed on the document ("312-KH/TU"),
// and the province when the same symbol exists in several (null: any).
// The style: run `:style ` followed by outputs/neo4j-style.grass on ONE line (see README.md, "Neo4j Browser").
// The `chidao` commands answer the same questions from the workspace; tests/test_neo4j_browser.py runs
// every block here on a real Neo4j.

// == find: the documents with this symbol (uid, place, date, subject)
:param symbol => '312-KH/TU'
MATCH (d:Document {symbol: $symbol})
RETURN d.uid AS uid, d.province AS province, d.district AS district, d.date AS date, d.doc_type AS type,
       d.subject AS subject
ORDER BY d.date, d.uid

// == trace: the chains of documents implementing a document, drawn (chidao trace / implements)
:param symbol => '07-KL/TW'
:param province => null
MATCH (root:Document {symbol: $symbol})
WHERE $province IS NULL OR root.province = $province
MATCH p = (root)<-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..4]-(:Document)
RETURN p
LIMIT 500

// == implements: every document downstream, one row each, nearest first (chidao implements)
:param symbol => '07-KL/TW'
:param province => null
MATCH (root:Document {symbol: $symbol})
WHERE $province IS NULL OR root.province = $province
MATCH p = (d:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WHERE d <> root
WITH root, d, min(length(p)) AS depth
OPTIONAL MATCH (d)-[:ISSUED_BY]->(a:Agency)
RETURN d.symbol AS symbol, d.level AS level, d.province AS province, d.date AS date,
       coalesce(a.name, d.issuer_as_written) AS issuer, depth,
       d.day_number - root.day_number AS lag_days, d.uid AS uid
ORDER BY depth, d.date, d.uid

// == basis: what a document rests on, up to the central documents, drawn (chidao basis)
:param symbol => '45-KH/HU'
:param province => 'Lai Châu'
MATCH (d:Document {symbol: $symbol})
WHERE $province IS NULL OR d.province = $province
MATCH p = (d)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(:Document)
RETURN p
LIMIT 500

// == gaps: agencies at a level the chain addressed, and what each of them issued in it (chidao gaps)
// Kính gửi and Nơi nhận alike, without the copies sent upward to report (a Nơi nhận line marked
// as in $report_marks, or an agency above the naming document's level), as `chidao gaps` counts.
:param symbol => '312-KH/TU'
:param province => 'Lai Châu'
:param level => 'district'
:param report_marks => ['(b/c', 'b/c)', 'để b/c', '(báo cáo)', 'để báo cáo']
MATCH (root:Document {symbol: $symbol})
WHERE $province IS NULL OR root.province = $province
OPTIONAL MATCH (d:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WITH root, [x IN collect(DISTINCT d) WHERE x <> root] AS down
UNWIND down + [root] AS c
MATCH (c)-[r:ADDRESSED_TO|COPIED_TO]->(a:Agency {level: $level})
WITH down, c, r, a,
     CASE c.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                  WHEN 'commune' THEN 3 ELSE 4 END AS own_rank,
     CASE a.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                  WHEN 'commune' THEN 3 ELSE 4 END AS agency_rank
WHERE type(r) = 'ADDRESSED_TO'
   OR NOT (agency_rank < own_rank
           OR any(m IN $report_marks WHERE toLower(coalesce(r.as_written, '')) CONTAINS m))
WITH DISTINCT a, [x IN down WHERE (x)-[:ISSUED_BY]->(a)] AS issued
RETURN a.name AS agency, a.province AS province, a.district AS district,
       [x IN issued | coalesce(x.symbol, coalesce(x.doc_type, 'document') + ' of ' + a.name + ', '
                                         + coalesce(x.date, 'undated'))] AS documents,
       size(issued) > 0 AS has_document
ORDER BY has_document, province, district, agency

// == timeline: days from the document to each one implementing it, by level (chidao timeline)
:param symbol => '07-KL/TW'
:param province => null
MATCH (root:Document {symbol: $symbol})
WHERE $province IS NULL OR root.province = $province
MATCH (d:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WITH DISTINCT root, d
WHERE d <> root AND d.day_number IS NOT NULL AND root.day_number IS NOT NULL
WITH d.level AS level, d.day_number - root.day_number AS lag
RETURN level, count(*) AS documents, min(lag) AS min_days,
       percentileDisc(lag, 0.5) AS median_days, max(lag) AS max_days
ORDER BY CASE level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                    WHEN 'commune' THEN 3 ELSE 4 END

// == card: a document, who issued and received it, what it cites and what cites it, drawn (chidao show)
:param symbol => '294-CV/TU'
:param province => 'Lai Châu'
MATCH (d:Document {symbol: $symbol})
WHERE $province IS NULL OR d.province = $province
MATCH p = (d)-[:ISSUED_BY|ADDRESSED_TO|SIGNED_BY|AMENDS|BASED_ON|CITES|FOLLOWS_UP|IMPLEMENTS|MENTIONS|REPEALS|REPLACES|REPLIES_TO|RESPONDS_TO]-()
RETURN p

// == evidence: the sentence behind each citation link of a document (chidao show)
:param symbol => '294-CV/TU'
:param province => 'Lai Châu'
MATCH (d:Document {symbol: $symbol})
WHERE $province IS NULL OR d.province = $province
MATCH (d)-[r:AMENDS|BASED_ON|CITES|FOLLOWS_UP|IMPLEMENTS|MENTIONS|REPEALS|REPLACES|REPLIES_TO|RESPONDS_TO]-(c)
RETURN CASE WHEN startNode(r) = d THEN 'cites' ELSE 'cited by' END AS direction, type(r) AS link,
       coalesce(c.symbol, c.uid) AS other, c.date AS date, r.cue AS cue, r.sentence AS sentence
ORDER BY direction, date, other

// == search: documents whose subject contains these words (chidao search does accent-free matching)
:param words => 'phòng, chống dịch'
MATCH (d:Document)
WHERE toLower(d.subject) CONTAINS toLower($words)
RETURN d.symbol AS symbol, d.level AS level, d.province AS province, d.date AS date, d.subject AS subject
ORDER BY d.date, d.uid
LIMIT 50

// == stats: documents by level and type (chidao stats)
MATCH (d:Document)
RETURN coalesce(d.level, 'unknown') AS level, coalesce(d.doc_type, '?') AS type, count(*) AS documents
ORDER BY level, documents DESC
