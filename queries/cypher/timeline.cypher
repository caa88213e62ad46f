// timeline: every document downstream of $uid (IMPLEMENTS, BASED_ON, RESPONDS_TO, FOLLOWS_UP,
// within $depth hops, at most 10) with the days after the root it came.
// Parameters: $uid, $depth.
//
// Parity with queries/timeline.py (networkx face):
//   uid, symbol, date, level, province   the same properties.
//   issuer     the ISSUED_BY agency's name, else issuer_as_written: the same.
//   lag_days   d.day_number - root.day_number, null when either is null: the same.
//   order      date (nulls last), level, symbol (nulls last), uid: the same.
// summary() and plot() are computed from these rows in Python; they have no Cypher face.
MATCH (root:Document {uid: $uid})
MATCH p = (d:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WHERE length(p) <= $depth AND d <> root
WITH DISTINCT root, d
OPTIONAL MATCH (d)-[:ISSUED_BY]->(a:Agency)
WITH root, d, head(collect(a.name)) AS issuer_name
RETURN d.uid AS uid, d.symbol AS symbol, coalesce(issuer_name, d.issuer_as_written) AS issuer,
       d.date AS date, d.level AS level, d.system AS system, d.province AS province,
       CASE WHEN d.day_number IS NULL OR root.day_number IS NULL THEN null
            ELSE d.day_number - root.day_number END AS lag_days
ORDER BY date,
         CASE level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                    WHEN 'commune' THEN 3 ELSE 4 END,
         symbol, uid
