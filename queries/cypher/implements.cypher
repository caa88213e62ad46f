// implements: every document downstream of $uid within $depth hops (at most 10),
// one row per document; $level (or null) keeps only rows at that level.
// Parameters: $uid, $depth, $level.
//
// Parity with queries/implements.py (networkx face):
//   uid .. stub   the same properties; issuer is the ISSUED_BY agency's name, else issuer_as_written.
//   depth         the same: the shortest path length, min over the enumerated paths.
//   parent_uid    the second node of a shortest path, chosen among all shortest paths by the same
//                 rule as the networkx face (lowest level, latest day_number, link order
//                 IMPLEMENTS, BASED_ON, RESPONDS_TO, FOLLOWS_UP, then uid): equal in principle;
//                 where it is not, any minimal-depth parent is acceptable.
//   link          the type of that first hop.
//   lag_days      d.day_number - root.day_number, null when either is null: the same.
//   order         level (central, province, district, commune, unknown), date (nulls last),
//                 symbol (nulls last), uid: the same.
// Paths use relationship uniqueness, not node uniqueness; a revisit never makes a path shorter,
// so depth and parent are unaffected. Enumerating every path is the price of staying inside
// what FalkorDB runs (no shortestPath in MATCH).
MATCH (root:Document {uid: $uid})
MATCH p = (d:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WHERE length(p) <= $depth AND d <> root AND ($level IS NULL OR d.level = $level)
WITH root, d, length(p) AS hops, nodes(p)[1] AS parent, type(relationships(p)[0]) AS link
WITH root, d, hops, parent.uid AS parent_uid, link,
     CASE parent.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                       WHEN 'commune' THEN 3 ELSE 4 END AS parent_rank,
     coalesce(parent.day_number, -1099511627776) AS parent_day,
     CASE link WHEN 'IMPLEMENTS' THEN 0 WHEN 'BASED_ON' THEN 1 WHEN 'RESPONDS_TO' THEN 2 ELSE 3 END AS link_rank
ORDER BY hops ASC, parent_rank DESC, parent_day DESC, link_rank ASC, parent_uid ASC
WITH root, d, head(collect({depth: hops, parent_uid: parent_uid, link: link})) AS best
OPTIONAL MATCH (d)-[:ISSUED_BY]->(a:Agency)
WITH root, d, best, head(collect(a.name)) AS issuer_name
RETURN d.uid AS uid, d.symbol AS symbol, d.doc_type AS doc_type,
       coalesce(issuer_name, d.issuer_as_written) AS issuer, d.date AS date, d.level AS level,
       d.province AS province, d.district AS district, d.system AS system,
       coalesce(d.stub, false) AS stub,
       best.depth AS depth, best.parent_uid AS parent_uid, best.link AS link,
       CASE WHEN d.day_number IS NULL OR root.day_number IS NULL THEN null
            ELSE d.day_number - root.day_number END AS lag_days
ORDER BY CASE level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                    WHEN 'commune' THEN 3 ELSE 4 END,
         date, symbol, uid
