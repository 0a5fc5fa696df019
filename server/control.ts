import type * as http from 'node:http';
import type { FeedServer } from './feed-server.js';
import type { Fault, Transport } from './faults.js';
import { answer, problem } from './respond.js';

/**
 * The test surface over HTTP, for tests that run in a browser:
 * - `POST /control/fault?kind=error|hang|malformed|drop|slow&count=&transport=&path=&status=&delay=&after=`
 *   queues a fault (see faults.ts);
 * - `POST /control/clear` forgets the faults and the request counts, and closes the requests a hang holds;
 * - `POST /control/restart?down=1000` refuses connections for `down` ms, then listens again;
 * - `POST /control/disconnect` cuts every open stream;
 * - `GET /control/stats` counts requests by transport and open streams, and lists the faults waiting.
 */
export function control(server: FeedServer, url: URL, req: http.IncomingMessage, res: http.ServerResponse): void {
  const query = url.searchParams;
  const action = url.pathname.slice('/control/'.length);
  if (action === 'stats' && req.method === 'GET') return answer(res, 200, JSON.stringify({ ...server.stats(), faults: server.faults.list() }));
  if (req.method !== 'POST') return problem(res, 405, 'control actions take POST (stats takes GET)');
  const number = (name: string) => (query.has(name) ? Number(query.get(name) || NaN) : undefined);
  switch (action) {
    case 'fault':
      try {
        server.faults.add({
          kind: query.get('kind') as Fault['kind'],
          count: number('count'),
          transport: (query.get('transport') ?? undefined) as Transport | undefined,
          path: query.get('path') ?? undefined,
          status: number('status'),
          delay: number('delay'),
          after: number('after'),
        });
      } catch (error) {
        return problem(res, 400, (error as Error).message);
      }
      return answer(res, 200, JSON.stringify({ faults: server.faults.list() }));
    case 'clear':
      server.faults.clear();
      server.hangUp();
      server.resetStats();
      return answer(res, 200, JSON.stringify({ faults: [] }));
    case 'disconnect':
      return answer(res, 200, JSON.stringify({ closed: server.disconnect() }));
    case 'restart': {
      const down = number('down') ?? 1000;
      if (!(down >= 0)) return problem(res, 400, 'down must be a number of ms');
      // Once this answer is out: the restart closes every connection, this one too.
      res.on('finish', () => void server.restart(down));
      return answer(res, 202, JSON.stringify({ down }), 'application/json', { Connection: 'close' });
    }
  }
  return problem(res, 404, `no control action ${action}; one of fault, clear, disconnect, restart, stats`);
}
