// Fails when dist/data-feed.bundle.js grows past its budget (minified and gzipped).
// The budget guards against regressions; docs/benchmarks.md compares the size with the floor
// (Lit and uPlot alone) and with the target of at most 5 KB above it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_GZIP = 39_800;
const code = readFileSync(new URL('../dist/data-feed.bundle.js', import.meta.url));
const gzip = gzipSync(code, { level: 9 }).length;
const line = `dist/data-feed.bundle.js: ${code.length} B minified, ${gzip} B gzipped (budget ${BUDGET_GZIP} B)`;
if (gzip > BUDGET_GZIP) {
  console.error(`${line}: over budget by ${gzip - BUDGET_GZIP} B`);
  process.exit(1);
}
console.log(line);
