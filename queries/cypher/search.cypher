// search: documents whose symbol, issuer or subject holds every word of the query, best first.
// Parameters: $text (string): the query as chidao.queries.search.cypher_parameters(text, limit) returns it,
//   in search form (accents stripped, đ -> d, lower case, punctuation turned into single spaces), because
//   Cypher cannot strip accents. $limit (integer): the most rows to return.
// Expects on every Document the property d.search_text, the string "symbol | issuer | type subject" in that
//   same search form, written by chidao.queries.search.search_text(node_attrs, issuer_name) at export.
// A word matches whole: ' ' + word + ' ' inside ' ' + search_text + ' '.
// Rank 0: every word in the symbol part; 1: every word in the issuer part; 2: otherwise.
// Order: rank, read before stub, date (undated last), uid, as in queries/search.py.
// The word list is built after the MATCH: FalkorDB 4.16 reads a list bound by WITH before a MATCH as empty.
MATCH (d:Document)
WITH d, [w IN split(toLower($text), ' ') WHERE w <> ''] AS words
WHERE size(words) > 0 AND d.search_text IS NOT NULL
  AND all(w IN words WHERE (' ' + d.search_text + ' ') CONTAINS (' ' + w + ' '))
WITH d, words, split(d.search_text, ' | ') AS parts
WITH d, coalesce(d.stub, false) AS stub,
     CASE WHEN all(w IN words WHERE (' ' + parts[0] + ' ') CONTAINS (' ' + w + ' ')) THEN 0
          WHEN all(w IN words WHERE (' ' + parts[1] + ' ') CONTAINS (' ' + w + ' ')) THEN 1
          ELSE 2 END AS rank
ORDER BY rank, stub, d.date, d.uid
LIMIT $limit
RETURN d.uid AS uid, d.symbol AS symbol, d.doc_type AS doc_type,
       coalesce(head([(d)-[:ISSUED_BY]->(a:Agency) | a.name]), d.issuer_as_written) AS issuer,
       d.date AS date, d.level AS level, d.province AS province, d.district AS district,
       stub, d.subject AS subject
