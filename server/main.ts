// The reference feed server: npx tsx server/main.ts (PORT, default 8787; HOST, default 127.0.0.1;
// FEED_CONTROL=1 also serves the /control/… test endpoints).
import { createFeedServer } from './feed-server.js';

const port = Number(process.env.PORT ?? 8787);
const host = process.env.HOST ?? '127.0.0.1';
const control = process.env.FEED_CONTROL === '1';

const server = createFeedServer({ control });
const url = await server.listen(port, host);
const ws = url.replace(/^http/, 'ws');
console.log(`data-feed reference server on ${url}`);
console.log('');
console.log(`  poll        ${url}/metrics/{cpu,memory,load,all}    ?since=&now=&format=objects|rows|columns|csv|ndjson&time=iso`);
console.log(`  sse         ${url}/metrics/{cpu,memory,load,all}/events`);
console.log(`  websocket   ${ws}/metrics/{cpu,memory,load,all}/ws`);
console.log('              (a feed\'s own path answers an EventSource and a WebSocket too)');
console.log(`  test series ${url}/test/series, /test/series/events, ${ws}/test/series/ws    ?step=500&names=A,B&gapEvery=0`);
if (control) console.log(`  control     POST ${url}/control/fault?kind=error|hang|malformed|drop|slow, /control/restart?down=1000, /control/disconnect, /control/clear; GET /control/stats`);
console.log('');
console.log(`  e.g. <data-feed src="${url}/metrics/cpu" streaming></data-feed>`);

const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
