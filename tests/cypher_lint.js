// Neo4j's own Cypher parser over texts, for tests/cypher_lint.py.
// stdin: a JSON list of {"text": "...", "parameters": ["uid", ...]}.
// stdout: a JSON list, one per text, of {"diagnostics": [{severity, message, line, character}],
//   "strings": [the source text of every string literal token], "statements": number of statements}.
// The package is found through NODE_PATH (the cache dir's node_modules), set by cypher_lint.py.
const ls = require('@neo4j-cypher/language-support');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(({ text, parameters }) => {
    const params = {};
    for (const p of parameters || []) params[p] = null;
    const result = ls.lintCypherQuery(text, { parameters: params });
    const diagnostics = result.diagnostics.map((d) => ({
      severity: d.severity, message: d.message,
      line: d.range.start.line, character: d.range.start.character,
    }));
    const strings = ls.highlightSyntax(text)
      .filter((t) => t.tokenType === 'stringLiteral').map((t) => t.token);
    return { diagnostics, strings, statements: ls.parseStatementsStrs(text).length };
  });
  process.stdout.write(JSON.stringify(out));
});
