// Part 5: size of the self-contained bundle, minified and gzipped, against the floor (Lit and
// uPlot alone, bench/floor.js) minified the same way.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { root } from '../pages.mjs';

const BUNDLE = join(root, 'dist/data-feed.bundle.js');
const FLOOR = join(root, 'bench/floor.js');

const measure = (code) => ({ min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length });

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
  // The same resolution and minifier options as rollup.config.mjs gives the bundle.
  const bundle = await rollup({
    input: entry,
    plugins: [nodeResolve({ exportConditions: ['production'] }), terser({ ecma: 2021, module: true, format: { comments: false } })],
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  return output[0].code;
}

/** Whether the bundle is missing or older than a file under src/. */
function stale() {
  if (!existsSync(BUNDLE)) return true;
  const built = statSync(BUNDLE).mtimeMs;
  return readdirSync(join(root, 'src')).some((name) => statSync(join(root, 'src', name)).mtimeMs > built);
}

/**
 * `build`: run `npm run build` when the bundle is missing or older than the sources and the
 * project has a rollup config. Falls back to bundling src/index.ts with esbuild (and the floor
 * likewise) when there is no bundle, or always when `quick`.
 */
export async function runSize({ build: mayBuild, quick = false }, log) {
  if (mayBuild && stale() && existsSync(join(root, 'rollup.config.mjs'))) {
    log('  dist/data-feed.bundle.js missing or older than src/: running npm run build');
    try {
      execFileSync('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    } catch {
      log('  npm run build failed');
    }
  }
  let result;
  if (existsSync(BUNDLE) && !quick) {
    result = {
      how: `dist/data-feed.bundle.js (npm run build${stale() ? '; older than src/' : ''}); floor bundled with Rollup + @rollup/plugin-terser, same options`,
      bundle: measure(await readFile(BUNDLE, 'utf8')),
      floor: measure(await rollupMinified(FLOOR)),
    };
  } else {
    result = {
      how: quick
        ? 'quick: src/index.ts and the floor both bundled and minified with esbuild'
        : 'no dist/data-feed.bundle.js yet: src/index.ts and the floor both bundled and minified with esbuild',
      bundle: measure(await esbuildMinified(join(root, 'src/index.ts'))),
      floor: measure(await esbuildMinified(FLOOR)),
    };
  }
  result.over = { min: result.bundle.min - result.floor.min, gzip: result.bundle.gzip - result.floor.gzip };
  log(`  bundle ${result.bundle.gzip} B gzip, floor ${result.floor.gzip} B gzip, +${result.over.gzip} B (${result.how})`);
  return result;
}
