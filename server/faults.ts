/** How a feed is read. */
export type Transport = 'poll' | 'sse' | 'websocket';

export const FAULT_KINDS = ['error', 'hang', 'malformed', 'drop', 'slow'] as const;

/**
 * Something going wrong with the next `count` requests or connections that match:
 * - `error`: the answer (or the upgrade) is an HTTP error, `status` (500);
 * - `hang`: no answer at all, the connection held open until the client gives up, the server closes or `hangUp()`;
 * - `malformed`: poll: a 200 whose body is none of the formats; sse/websocket: one extra message that is
 *   none of them, after the first (the connection stays open and no point is lost);
 * - `drop`: poll: the connection is cut with no answer; sse/websocket: it is cut after `after` messages (1);
 * - `slow`: poll: the answer comes `delay` ms late (3000); sse/websocket: the connection opens at once, the
 *   first message comes `delay` ms late.
 */
export interface Fault {
  kind: (typeof FAULT_KINDS)[number];
  /** How many requests or connections it spoils (1). */
  count?: number;
  /** Only those of this transport (any). */
  transport?: Transport;
  /** Only those whose path starts so (any), e.g. `/metrics/cpu`. */
  path?: string;
  status?: number;
  delay?: number;
  after?: number;
}

/** The faults waiting for requests, first in first out. */
export class Faults {
  private _pending: (Fault & { count: number })[] = [];

  /** Queues `fault`; throws a `TypeError` when it is no fault. */
  add(fault: Fault): void {
    if (!FAULT_KINDS.includes(fault.kind)) throw new TypeError(`unknown fault kind ${JSON.stringify(fault.kind)}; one of ${FAULT_KINDS.join(', ')}`);
    if (fault.transport !== undefined && !['poll', 'sse', 'websocket'].includes(fault.transport)) throw new TypeError('transport must be poll, sse or websocket');
    const count = fault.count ?? 1;
    if (!Number.isInteger(count) || count < 1) throw new TypeError('count must be a whole number, at least 1');
    for (const key of ['status', 'delay', 'after'] as const) {
      const value = fault[key];
      if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw new TypeError(`${key} must be a number, at least 0`);
    }
    this._pending.push({ ...fault, count });
  }

  /** The first fault for a request of `transport` to `path`, counted as spent; undefined when none. */
  take(transport: Transport, path: string): Fault | undefined {
    const index = this._pending.findIndex((f) => (!f.transport || f.transport === transport) && (!f.path || path.startsWith(f.path)));
    if (index < 0) return undefined;
    const fault = this._pending[index];
    if (--fault.count === 0) this._pending.splice(index, 1);
    return fault;
  }

  /** The faults still waiting, with the requests they will still spoil. */
  list(): Fault[] {
    return this._pending.map((f) => ({ ...f }));
  }

  clear(): void {
    this._pending = [];
  }
}
