// stats: what the graph holds, counted. No parameters.
// Columns: facet, value, count; one UNION ALL branch per facet, in the order of queries/stats.py FACETS:
//   node.label, document.status (read/stub), document.level, document.doc_type, document.province (top 20),
//   agency.kind, agency.level, link.type.
// Within a facet: count descending, then value ascending (null last), as in queries/stats.py.
MATCH (n)
WHERE n:Document OR n:Agency OR n:Place OR n:Person OR n:Source
WITH CASE WHEN n:Document THEN 'Document' WHEN n:Agency THEN 'Agency' WHEN n:Place THEN 'Place'
          WHEN n:Person THEN 'Person' ELSE 'Source' END AS value, count(*) AS count
ORDER BY count DESC, value
RETURN 'node.label' AS facet, value, count
UNION ALL
MATCH (d:Document)
WITH CASE WHEN d.stub THEN 'stub' ELSE 'read' END AS value, count(*) AS count
ORDER BY count DESC, value
RETURN 'document.status' AS facet, value, count
UNION ALL
MATCH (d:Document)
WITH d.level AS value, count(*) AS count
ORDER BY count DESC, value
RETURN 'document.level' AS facet, value, count
UNION ALL
MATCH (d:Document)
WITH d.doc_type AS value, count(*) AS count
ORDER BY count DESC, value
RETURN 'document.doc_type' AS facet, value, count
UNION ALL
MATCH (d:Document)
WITH d.province AS value, count(*) AS count
ORDER BY count DESC, value
LIMIT 20
RETURN 'document.province' AS facet, value, count
UNION ALL
MATCH (a:Agency)
WITH a.kind AS value, count(*) AS count
ORDER BY count DESC, value
RETURN 'agency.kind' AS facet, value, count
UNION ALL
MATCH (a:Agency)
WITH a.level AS value, count(*) AS count
ORDER BY count DESC, value
RETURN 'agency.level' AS facet, value, count
UNION ALL
MATCH ()-[r]->()
WITH type(r) AS value, count(*) AS count
ORDER BY count DESC, value
RETURN 'link.type' AS facet, value, count
