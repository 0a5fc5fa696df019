import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { assertEngines, launchers } from './scripts/browsers.mjs';
import { feedServer } from './scripts/feed-server-plugin.mjs';
import { gcPlugin } from './scripts/gc-plugin.mjs';
import { keyChordPlugin } from './scripts/key-chord-plugin.mjs';

const engines = assertEngines();
const feeds = feedServer();

/** The policy the contract promises the element runs under (test/fixtures/csp*.html are served with it). */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'; trusted-types lit-html";

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  middleware: [
    // /feed/… goes to the reference feed server: a feed on the page's own origin.
    feeds.middleware,
    async (context, next) => {
      await next();
      if (['/test/fixtures/csp.html', '/test/fixtures/csp-text.html', '/test/fixtures/csp-feed.html'].includes(context.path)) {
        context.set('Content-Security-Policy', STRICT_CSP);
      }
    },
  ],
  plugins: [
    // The accessibility tree as the browser exposes it to screen readers.
    a11ySnapshotPlugin(),
    // Shift+Tab and the like, in all three engines.
    keyChordPlugin(),
    // A full garbage collection, in Chromium, for the memory test.
    gcPlugin(),
    // The reference feed server on 127.0.0.1, with faults on request.
    feeds.plugin,
    esbuildPlugin({
      ts: true,
      target: 'es2021',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
      // Replays a property test: FC_SEED=<seed printed by a failing run> npx wtr --files …
      define: { __FC_SEED__: JSON.stringify(process.env.FC_SEED ?? '') },
    }),
  ],
  browsers: await launchers(engines),
  // Test files share nothing between engines; one browser at a time keeps a 2-core machine steady.
  concurrentBrowsers: 1,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  coverageConfig: {
    include: ['src/**/*.ts'],
    threshold: { statements: 90, branches: 80, functions: 90, lines: 90 },
    reportDir: 'coverage',
    reporters: ['text-summary', 'lcov'],
  },
};
