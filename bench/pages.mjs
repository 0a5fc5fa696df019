// Builds the in-browser benchmark pages into a temporary folder: one esbuild bundle per page
// (not minified, so that profiles name functions) and uPlot's stylesheet.
import { copyFile, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const root = fileURLToPath(new URL('..', import.meta.url));
const pagesDir = fileURLToPath(new URL('./pages/', import.meta.url));

export const PAGES = ['metric', 'update', 'many', 'memory', 'startup', 'settings'];

const html = (name) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>data-feed bench: ${name}</title>
    <link rel="stylesheet" href="uPlot.min.css" />
    <style>body { margin: 0; font-family: system-ui, sans-serif; }</style>
    <script type="module" src="${name}.js"></script>
  </head>
  <body></body>
</html>
`;

/** Bundles every page; resolves to the folder to serve. */
export async function buildPages() {
  const out = await mkdtemp(join(tmpdir(), 'data-feed-bench-'));
  await build({
    entryPoints: Object.fromEntries(PAGES.map((name) => [name, join(pagesDir, `${name}.ts`)])),
    outdir: out,
    bundle: true,
    format: 'esm',
    target: 'es2021',
    // The element's decorators need the project's compiler options (experimentalDecorators).
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'error',
    legalComments: 'none',
    // package.json's "sideEffects" names dist/ only: without this the pages' import of
    // src/index.ts (which registers the element) would be dropped.
    ignoreAnnotations: true,
  });
  await copyFile(join(root, 'node_modules/uplot/dist/uPlot.min.css'), join(out, 'uPlot.min.css'));
  for (const name of PAGES) await writeFile(join(out, `${name}.html`), html(name));
  return out;
}
