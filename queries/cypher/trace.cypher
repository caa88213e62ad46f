// trace: every chain from $uid down to a document at level $to ('district' or 'commune'), one
// row per chain, at most $max_chains rows.
// Parameters: $uid, $to, $max_chains.
//
// A chain is a simple path (no document twice) along incoming IMPLEMENTS, BASED_ON, RESPONDS_TO
// and FOLLOWS_UP links, 1 to 10 hops, ending at a document whose level is $to; the documents
// after the root sit at $to or above it, or have no level.
//
// Parity with queries/trace.py (networkx face):
//   chain      the uids from the root to the end: the same.
//   symbols    each document's symbol, its uid when it has none: the same.
//   levels     each document's level (null when unknown): the same.
//   end_uid, end_level, length (hops), lag_days (end.day_number - root.day_number): the same.
//   order      by chain (lists compared element by element), then LIMIT $max_chains: the same
//              rows as the networkx face, which walks depth-first in uid order and stops.
// Parallel links between the same two documents give the same chain twice: DISTINCT removes it.
MATCH (root:Document {uid: $uid})
WITH root,
     CASE $to WHEN 'central' THEN ['central']
              WHEN 'province' THEN ['central', 'province']
              WHEN 'district' THEN ['central', 'province', 'district']
              ELSE ['central', 'province', 'district', 'commune'] END AS allowed
MATCH p = (e:Document)-[:IMPLEMENTS|BASED_ON|RESPONDS_TO|FOLLOWS_UP*1..10]->(root)
WHERE e.level = $to
  AND all(n IN nodes(p)[0..length(p)] WHERE n.level IS NULL OR n.level IN allowed)
WITH root, e, reverse(nodes(p)) AS ns
WHERE size(reduce(acc = [], n IN ns | CASE WHEN n IN acc THEN acc ELSE acc + [n] END)) = size(ns)
WITH DISTINCT root, e, [n IN ns | n.uid] AS chain,
     [n IN ns | coalesce(n.symbol, n.uid)] AS symbols, [n IN ns | n.level] AS levels,
     [n IN ns | n.system] AS systems
RETURN chain, symbols, levels, systems, e.uid AS end_uid, e.level AS end_level, size(chain) - 1 AS length,
       CASE WHEN e.day_number IS NULL OR root.day_number IS NULL THEN null
            ELSE e.day_number - root.day_number END AS lag_days
ORDER BY chain
LIMIT $max_chains
