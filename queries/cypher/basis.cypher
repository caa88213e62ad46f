// basis: every document that $uid rests on, walking its outgoing IMPLEMENTS, BASED_ON,
// RESPONDS_TO and FOLLOWS_UP links upwards within $depth hops (at most 10); $level (or null)
// keeps only rows at that level.
// Parameters: $uid, $depth, $level.
//
// Parity with queries/basis.py (networkx face):
//   uid .. stub   the same properties; issuer is the ISSUED_BY agency's name, else issuer_as_written.
//   depth         the same: hops up along a shortest path, min over the enumerated paths.
//   child_uid     the node just before this one on a shortest path from the root (the document that
//                 acts on it), chosen among all shortest paths by the networkx face's rule (lowest
//                 level, latest day_number, link order, uid); where it differs, any minimal-depth
//                 child is acceptable.
//   link          the type of that last hop.
//   lag_days      root.day_number - d.day_number (days after its basis the root came), null when
//                 either is null: the same.
//   order         level, date (nulls last), symbol (nulls last), uid: the same.
MATCH (root:Document {uid: $uid})
MATCH p = (root)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(d:Document)
WHERE length(p) <= $depth AND d <> root AND ($level IS NULL OR d.level = $level)
WITH root, d, length(p) AS hops, nodes(p)[length(p) - 1] AS child,
     type(relationships(p)[length(p) - 1]) AS link
WITH root, d, hops, child.uid AS child_uid, link,
     CASE child.level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                      WHEN 'commune' THEN 3 ELSE 4 END AS child_rank,
     coalesce(child.day_number, -1099511627776) AS child_day,
     CASE link WHEN 'IMPLEMENTS' THEN 0 WHEN 'BASED_ON' THEN 1 WHEN 'RESPONDS_TO' THEN 2 ELSE 3 END AS link_rank
ORDER BY hops ASC, child_rank DESC, child_day DESC, link_rank ASC, child_uid ASC
WITH root, d, head(collect({depth: hops, child_uid: child_uid, link: link})) AS best
OPTIONAL MATCH (d)-[:ISSUED_BY]->(a:Agency)
WITH root, d, best, head(collect(a.name)) AS issuer_name
RETURN d.uid AS uid, d.symbol AS symbol, d.doc_type AS doc_type,
       coalesce(issuer_name, d.issuer_as_written) AS issuer, d.date AS date, d.level AS level,
       d.province AS province, d.district AS district, d.system AS system,
       coalesce(d.stub, false) AS stub,
       best.depth AS depth, best.child_uid AS child_uid, best.link AS link,
       CASE WHEN d.day_number IS NULL OR root.day_number IS NULL THEN null
            ELSE root.day_number - d.day_number END AS lag_days
ORDER BY CASE level WHEN 'central' THEN 0 WHEN 'province' THEN 1 WHEN 'district' THEN 2
                    WHEN 'commune' THEN 3 ELSE 4 END,
         date, symbol, uid
