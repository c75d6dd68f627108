// Audits a running diplograph against the GraphQL-over-HTTP specification with graphql-http's
// server audits, prints every result and the MUST / SHOULD / MAY counts, and exits non-zero when any
// MUST or SHOULD fails.   node graphql-http-audit.mjs http://localhost:8080/graphql [report.md]
import { writeFileSync } from 'node:fs';
import { auditServer } from 'graphql-http';

const url = process.argv[2] ?? 'http://localhost:8080/graphql';
const results = await auditServer({ url });
const counts = {};
const lines = [];
for (const result of results) {
  const level = result.name.split(' ')[0]; // MUST, SHOULD or MAY
  counts[level] ??= { ok: 0, failed: 0 };
  counts[level][result.status === 'ok' ? 'ok' : 'failed']++;
  let detail = '';
  if (result.status !== 'ok') {
    detail = ` — ${result.reason}`;
  }
  lines.push(`| ${result.status} | ${result.name}${detail.replace(/\|/g, '\\|').replace(/\n/g, ' ')} |`);
}
const summary = Object.entries(counts).map(([level, c]) => `${level}: ${c.ok} passed, ${c.failed} not`).join('; ');
console.log(lines.join('\n'));
console.log(`AUDIT ${summary}`);
if (process.argv[3]) {
  writeFileSync(process.argv[3], `| result | audit |\n| --- | --- |\n${lines.join('\n')}\n\n${summary}\n`);
}
const failedRequirements = (counts.MUST?.failed ?? 0) + (counts.SHOULD?.failed ?? 0);
process.exit(failedRequirements === 0 ? 0 : 1);
