// Part 5: the self-contained bundle, minified and gzipped (level 9), against the floor: Lit and
// uPlot alone (bench/floor.js), bundled by Rollup and minified with the bundle's terser options.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from '../pages.mjs';

const BUNDLE = join(root, 'dist/data-feed.bundle.js');
const FLOOR = join(root, 'bench/floor.js');

const gzip = (code) => gzipSync(code, { level: 9 }).length;
const measure = (code) => ({ min: Buffer.byteLength(code), gzip: gzip(code) });

/** The gzip bytes of the bundle's leading licence notice (`/*! … *\/`): what the bundle costs without it. */
function notice(code) {
  if (!code.startsWith('/*!')) return 0;
  return gzip(code) - gzip(code.slice(code.indexOf('*/') + 2).trimStart());
}

async function esbuildMinified(entry) {
  const out = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2021',
    tsconfig: join(root, 'tsconfig.json'),
    legalComments: 'none',
    write: false,
    logLevel: 'error',
  });
  return out.outputFiles[0].text;
}

async function rollupMinified(entry) {
  const { rollup } = await import('rollup');
  const { nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { default: terser } = await import('@rollup/plugin-terser');
  // rollup.config.mjs's resolution and terser options for the bundle.
  const bundle = await rollup({
    input: entry,
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      terser({ ecma: 2021, module: true, compress: { passes: 2 }, mangle: { properties: { regex: /^_[A-Za-z]/ } }, format: { comments: false } }),
    ],
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return output[0].code;
}

/**
 * `build`: run `npm run build` first (the full run), so that the bundle is the sources'. Without
 * it (the smoke run) an existing dist/data-feed.bundle.js is measured as it is; with none,
 * src/index.ts and the floor are both bundled and minified by esbuild instead.
 */
export async function runSize({ build: doBuild }, log) {
  if (doBuild) {
    log('  npm run build');
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  let result;
  if (existsSync(BUNDLE)) {
    const code = await readFile(BUNDLE, 'utf8');
    result = {
      how: `dist/data-feed.bundle.js${doBuild ? ' from npm run build' : ' as found'}; floor by Rollup and terser with the bundle's options`,
      bundle: { ...measure(code), notice: notice(code) },
      floor: measure(await rollupMinified(FLOOR)),
    };
  } else {
    result = {
      how: 'no dist/data-feed.bundle.js: src/index.ts and the floor both bundled and minified by esbuild',
      bundle: { ...measure(await esbuildMinified(join(root, 'src/index.ts'))), notice: 0 },
      floor: measure(await esbuildMinified(FLOOR)),
    };
  }
  result.over = { min: result.bundle.min - result.floor.min, gzip: result.bundle.gzip - result.floor.gzip };
  log(`  bundle ${result.bundle.gzip} B gzip (${result.bundle.notice} B of it the licence notice), floor ${result.floor.gzip} B, +${result.over.gzip} B (${result.how})`);
  return result;
}
