// Fails when dist/data-feed.bundle.js grows past its budget (minified and gzipped): the target of
// 40,960 B in all, with Lit, uPlot, server feeds and zoom inside. docs/benchmarks.md compares the
// size with the floor (Lit and uPlot alone). A feature pays for its bytes: the bundle met the
// target again once the uPlot it carries left out what the chart never reaches (rollup.config.mjs).
// The leading licence notice (`/*! … */`, the third-party notices Lit and uPlot ask for) is part
// of it (reported on its own below).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 40_960;
const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const code = readFileSync(new URL('../dist/data-feed.bundle.js', import.meta.url));
const total = gzip(code);
const text = code.toString('utf8');
const notice = text.startsWith('/*!') ? total - gzip(Buffer.from(text.slice(text.indexOf('*/') + 3))) : 0;
const line = `dist/data-feed.bundle.js: ${code.length} B minified, ${total} B gzipped, ${notice} B of it the licence notice (budget ${BUDGET_GZIP} B)`;
if (total > BUDGET_GZIP) {
  console.error(`${line}: over budget by ${total - BUDGET_GZIP} B`);
  process.exit(1);
}
console.log(line);
