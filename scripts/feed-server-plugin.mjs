// The reference feed server (server/, TypeScript) for the browser tests: started with the test
// runner on 127.0.0.1 (a free port), with its /control/… endpoints for faults, and stopped with it.
// Tests ask for its URL with the `feed-server` command. Paths under /feed/ on the test server are
// passed to it, so a page can read a feed from its own origin (CSP `connect-src 'self'`).
import http from 'node:http';
import { tsImport } from 'tsx/esm/api';

/** `plugin` starts and stops the server and answers the `feed-server` command; `middleware` passes /feed/… to it. */
export function feedServer() {
  let server = null;
  const plugin = {
    name: 'feed-server',
    async serverStart() {
      const { createFeedServer } = await tsImport('../server/feed-server.ts', import.meta.url);
      server = createFeedServer({ control: true, heartbeat: 2000 });
      await server.listen(0, '127.0.0.1');
    },
    async serverStop() {
      await server?.close();
    },
    executeCommand({ command }) {
      if (command === 'feed-server') return server.url;
      return undefined;
    },
  };
  const middleware = async (ctx, next) => {
    if (!ctx.path.startsWith('/feed/')) return next();
    const target = new URL(ctx.url.slice('/feed'.length), server.url);
    await new Promise((resolve) => {
      const upstream = http.request(target, { method: ctx.method, headers: { ...ctx.headers, host: target.host } }, (res) => {
        ctx.status = res.statusCode ?? 502;
        for (const [name, value] of Object.entries(res.headers)) if (value !== undefined) ctx.set(name, value);
        ctx.compress = false; // an event stream must not be buffered
        ctx.body = res;
        resolve();
      });
      upstream.on('error', () => {
        ctx.status = 502;
        resolve();
      });
      ctx.req.pipe(upstream);
    });
  };
  return { plugin, middleware };
}
