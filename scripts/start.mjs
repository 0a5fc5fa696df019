// `npm start`: the reference feed server (server/, on 127.0.0.1:8787, FEED_PORT to change) and the
// demo page (web-dev-server, http://localhost:8000/, reloading on change), together. Press Enter to
// stop the feed server, and Enter again to start it: the demo's server charts say "Reconnecting in
// N s" meanwhile and catch up when it is back. Ctrl+C stops both.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

const feedPort = process.env.FEED_PORT || '8787';
let feed = null;

function startFeed() {
  feed = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, PORT: feedPort, FEED_CONTROL: '1' },
  });
  feed.on('exit', () => (feed = null));
}

function stopFeed() {
  feed?.kill('SIGTERM');
  feed = null;
  console.log('\nFeed server stopped: the server charts now reconnect with backoff. Press Enter to start it again.\n');
}

startFeed();
const demo = spawn(process.execPath, ['node_modules/@web/dev-server/dist/bin.js', '--config', 'web-dev-server.config.mjs'], {
  stdio: ['ignore', 'inherit', 'inherit'],
  env: { ...process.env, FEED_PORT: feedPort },
});

if (process.stdin.isTTY) {
  console.log('Press Enter to stop or start the feed server; Ctrl+C to quit.');
  createInterface({ input: process.stdin }).on('line', () => (feed ? stopFeed() : startFeed()));
}

const quit = () => {
  feed?.kill('SIGTERM');
  demo.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', quit);
process.on('SIGTERM', quit);
demo.on('exit', (code) => {
  feed?.kill('SIGTERM');
  process.exit(code ?? 0);
});
