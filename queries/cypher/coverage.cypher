// coverage: one row per province for $uid: told or not, the first implementing document and
// its lag, and the units named and acting at each lower level.
// Parameters: $uid, $level (or null: first documents at any level), $provinces (every province
// name of the gazetteer: the rows of a central document), $report_marks (REPORT_COPY_MARKS).
//
// Parity with queries/coverage.py (networkx face):
//   province        $provinces when the root is central, else the root's province: the same.
//   addressed       true when a chain document from outside the province (root and everything
//                   downstream, at most 10 hops) names one of its agencies (Kính gửi or Nơi nhận,
//                   not an upward copy), null when not and the root is a stub, else false.
//   addressed_by    the references of those documents, distinct and sorted.
//   first_*         the downstream document of the province (at $level) with the least
//                   day_number (undated last), then uid; first_document is its symbol (null when
//                   unnumbered); lag = its day_number minus the root's.
//   documents       downstream documents of the province.
//   addressed_<l>   distinct agencies at level l of the province named by a chain document.
//   implementing_<l> distinct agencies at level l of the province issuing a downstream document.
//   sentence, path, cue   of the first document's link to a chain document: link order
//                   IMPLEMENTS, BASED_ON, RESPONDS_TO, FOLLOWS_UP, then cited uid; of the links of
//                   that type to that document, the one read from the first document's own file
//                   (not a nested citation another file made), then the least key (the networkx
//                   edge key: the order base.evidence reads them in).
//   order           province.
MATCH (root:Document {uid: $uid})
OPTIONAL MATCH (d:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WITH root, [x IN collect(DISTINCT d) WHERE x <> root] AS down
WITH root, down, down + [root] AS chain
UNWIND [p IN (CASE WHEN root.level = 'central' THEN $provinces ELSE [root.province] END) WHERE p IS NOT NULL]
       AS province
UNWIND chain AS c
OPTIONAL MATCH (c)-[r:ADDRESSED_TO|COPIED_TO]->(a:Agency)
WHERE a.province = province
  AND (type(r) = 'ADDRESSED_TO'
       OR NOT ((CASE a.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                             WHEN 'commune' THEN 3 ELSE 4 END)
               < (CASE c.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                               WHEN 'commune' THEN 3 ELSE 4 END)
               OR any(m IN $report_marks WHERE toLower(coalesce(r.as_written, '')) CONTAINS m)))
WITH root, down, chain, province,
     collect(DISTINCT CASE WHEN a IS NOT NULL AND (c.province IS NULL OR c.province <> province) THEN
       coalesce(c.symbol, coalesce(c.doc_type, 'document') + ' of '
                + coalesce(head([(c)-[:ISSUED_BY]->(i:Agency) | i.name]), c.issuer_as_written, '?') + ', '
                + coalesce(c.date, 'undated')) END) AS told,
     collect(DISTINCT CASE WHEN a.level = 'province' THEN a.uid END) AS named_province,
     collect(DISTINCT CASE WHEN a.level = 'district' THEN a.uid END) AS named_district,
     collect(DISTINCT CASE WHEN a.level = 'commune' THEN a.uid END) AS named_commune
UNWIND (CASE WHEN size(told) = 0 THEN [null] ELSE told END) AS t0
WITH root, down, chain, province, named_province, named_district, named_commune, t0
ORDER BY t0
WITH root, down, chain, province, named_province, named_district, named_commune, collect(t0) AS told
WITH root, [x IN chain | x.uid] AS chain_uids, province, told, named_province, named_district, named_commune,
     [x IN down WHERE x.province = province AND coalesce(x.level, '') <> 'central'] AS local
// From here on no list of nodes is carried through an aggregation (FalkorDB 4.16 crashes on it).
WITH root, chain_uids, province, told, named_province, named_district, named_commune,
     size(local) AS local_n,
     [x IN local WHERE $level IS NULL OR x.level = $level | [x.uid, coalesce(x.day_number, 1099511627776)]]
       AS candidates,
     [x IN local | x.uid] AS local_uids
UNWIND (CASE WHEN size(local_uids) = 0 THEN [null] ELSE local_uids END) AS x_uid
OPTIONAL MATCH (x:Document {uid: x_uid})-[:ISSUED_BY]->(ag:Agency)
WITH root, chain_uids, province, told, named_province, named_district, named_commune, local_n, candidates,
     collect(DISTINCT CASE WHEN ag.level = 'province' THEN ag.uid END) AS acting_province,
     collect(DISTINCT CASE WHEN ag.level = 'district' THEN ag.uid END) AS acting_district,
     collect(DISTINCT CASE WHEN ag.level = 'commune' THEN ag.uid END) AS acting_commune
WITH root, chain_uids, province, told, named_province, named_district, named_commune, local_n,
     acting_province, acting_district, acting_commune, candidates,
     reduce(best = null, x IN candidates |
            CASE WHEN best IS NULL OR x[1] < best[1] OR (x[1] = best[1] AND x[0] < best[0]) THEN x ELSE best END)
       AS least
OPTIONAL MATCH (f:Document {uid: least[0]})
WITH root, chain_uids, province, told, named_province, named_district, named_commune, local_n,
     acting_province, acting_district, acting_commune,
     CASE WHEN f IS NULL THEN null ELSE {uid: f.uid, symbol: f.symbol,
          issuer: coalesce(head([(f)-[:ISSUED_BY]->(fi:Agency) | fi.name]), f.issuer_as_written), level: f.level,
          date: f.date, day: f.day_number} END AS first
OPTIONAL MATCH (fd:Document {uid: first.uid})-[l:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP]->(tg:Document)
WHERE tg.uid IN chain_uids
WITH root, province, told, named_province, named_district, named_commune, local_n,
     acting_province, acting_district, acting_commune, first, l, tg,
     CASE type(l) WHEN 'IMPLEMENTS' THEN 0 WHEN 'BASED_ON' THEN 1 WHEN 'RESPONDS_TO' THEN 2 ELSE 3 END AS rank,
     CASE WHEN l.path = fd.path THEN 0 ELSE 1 END AS foreign, coalesce(l.key, 0) AS l_key
ORDER BY rank, tg.uid, foreign, l_key
WITH root, province, told, named_province, named_district, named_commune, local_n,
     acting_province, acting_district, acting_commune, first,
     head(collect(CASE WHEN l IS NOT NULL THEN {sentence: l.sentence, path: l.path, cue: l.cue} END)) AS ev
RETURN province,
       CASE WHEN size(told) > 0 THEN true WHEN coalesce(root.stub, false) THEN null ELSE false END AS addressed,
       told AS addressed_by,
       first.uid AS first_uid, first.symbol AS first_document, first.issuer AS first_issuer,
       first.level AS first_level, first.date AS first_date,
       CASE WHEN first.day IS NULL OR root.day_number IS NULL THEN null
            ELSE first.day - root.day_number END AS first_lag_days,
       local_n AS documents,
       size(named_province) AS addressed_province, size(acting_province) AS implementing_province,
       size(named_district) AS addressed_district, size(acting_district) AS implementing_district,
       size(named_commune) AS addressed_commune, size(acting_commune) AS implementing_commune,
       ev.sentence AS sentence, ev.path AS path, ev.cue AS cue
ORDER BY province
