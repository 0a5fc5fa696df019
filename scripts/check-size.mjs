// Fails when dist/data-feed.bundle.js grows past its budget (minified and gzipped).
// The budget guards against regressions; docs/benchmarks.md compares the size with the floor
// (Lit and uPlot alone) and with the target of at most 5 KB above it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

// 39 800 B for the code, and 220 B for the leading licence notice (`/*! … */`, the third-party
// notices Lit and uPlot ask for), measured as the gzip size with it minus the size without it.
const BUDGET_GZIP = 39_800 + 220;
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
