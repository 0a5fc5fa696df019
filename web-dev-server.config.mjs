// `npm start`: serves the demo page from the TypeScript sources and reloads it on every change.
import { fileURLToPath } from 'node:url';
import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  nodeResolve: true,
  watch: true,
  // The demo page is the site's front page.
  middleware: [
    (context, next) => {
      if (context.url === '/' || context.url.startsWith('/?')) context.url = '/demo/index.html';
      return next();
    },
  ],
  port: Number(process.env.PORT) || 8000,
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2021', tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) }),
  ],
};
