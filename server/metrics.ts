import * as os from 'node:os';

/** One sample of the machine. */
export interface MetricPoint {
  /** ms since the epoch. */
  time: number;
  /** CPU in use over the last period, in % of all cores (NaN for the first sample, with nothing to compare). */
  cpu: number;
  /** Memory in use, in MB (total less available). */
  memory: number;
  /** Load average over the last minute (0 where the system has none, as on Windows). */
  load: number;
}

export const METRIC_NAMES = ['cpu', 'memory', 'load'] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** What the metrics read of the machine: `node:os` by default, a fake in tests. */
export interface MachineReader {
  cpus(): Pick<os.CpuInfo, 'times'>[];
  totalmem(): number;
  freemem(): number;
  loadavg(): number[];
}

export interface MetricsOptions {
  /** The clock, ms since the epoch (`Date.now`). */
  now?: () => number;
  /** The machine (`node:os`). */
  machine?: MachineReader;
  /** ms between samples (500). */
  period?: number;
  /** ms of history kept (10 minutes). */
  history?: number;
}

/**
 * Samples the machine every `period` and keeps the last `history` of samples. `sample()` takes one at
 * once (tests call it themselves; `start()` calls it on a timer).
 */
export class Metrics {
  readonly period: number;
  readonly history: number;
  private readonly _now: () => number;
  private readonly _machine: MachineReader;
  private readonly _points: MetricPoint[] = [];
  private readonly _listeners = new Set<(point: MetricPoint) => void>();
  private _cpu: { busy: number; total: number } | null;
  private _timer: ReturnType<typeof setInterval> | undefined;

  constructor({ now = Date.now, machine = os, period = 500, history = 600_000 }: MetricsOptions = {}) {
    this._now = now;
    this._machine = machine;
    this.period = period;
    this.history = history;
    // The first sample compares with the CPU times of now.
    this._cpu = this._cpuTimes();
  }

  /** Samples every `period` until `stop()`. The timer does not keep the process alive. */
  start(): void {
    if (this._timer) return;
    this._timer = setInterval(() => this.sample(), this.period);
    this._timer.unref();
  }

  stop(): void {
    clearInterval(this._timer);
    this._timer = undefined;
  }

  /** Takes one sample now, keeps it, tells the listeners, and returns it. */
  sample(): MetricPoint {
    const time = this._now();
    const cpu = this._cpuTimes();
    const busy = cpu.busy - (this._cpu?.busy ?? 0);
    const total = cpu.total - (this._cpu?.total ?? 0);
    this._cpu = cpu;
    const point: MetricPoint = {
      time,
      cpu: total > 0 ? round((busy / total) * 100, 1) : NaN,
      memory: round((this._machine.totalmem() - this._machine.freemem()) / 2 ** 20, 1),
      load: round(this._machine.loadavg()[0] ?? NaN, 2),
    };
    // Samples keep their order: one taken when the clock stepped back (or did not move) is not kept.
    const last = this._points[this._points.length - 1];
    if (last && time <= last.time) return point;
    this._points.push(point);
    const oldest = time - this.history;
    while (this._points.length && this._points[0].time <= oldest) this._points.shift();
    for (const listener of this._listeners) listener(point);
    return point;
  }

  /** The samples kept after `since` and before `now` (ms since the epoch), oldest first. */
  points(since: number, now: number): MetricPoint[] {
    return this._points.filter((point) => point.time > since && point.time < now);
  }

  /** Calls `listener` with every new sample; returns the function that stops it. */
  subscribe(listener: (point: MetricPoint) => void): () => void {
    this._listeners.add(listener);
    return () => this._listeners.delete(listener);
  }

  private _cpuTimes(): { busy: number; total: number } {
    let busy = 0;
    let total = 0;
    for (const { times } of this._machine.cpus()) {
      const all = times.user + times.nice + times.sys + times.irq + times.idle;
      total += all;
      busy += all - times.idle;
    }
    return { busy, total };
  }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
