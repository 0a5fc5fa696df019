import { METRIC_NAMES, type MetricPoint, type Metrics } from './metrics.js';
import { readTestSeries, testPoints } from './test-series.js';
import type { Point } from './wire.js';

/** What one path serves: named series, their points, and the new ones as they come. */
export interface Feed {
  names: readonly string[];
  /** The points after `since` and before `until`. */
  points(since: number, until: number): Point[];
  /** The points after `since`, up to the present. */
  pointsSince(since: number): Point[];
  /** Calls `send` with the points that come after `after`, as they come; returns the function that stops. */
  follow(after: number, send: (points: Point[]) => void): () => void;
}

/** The feed of the machine's metrics: `cpu`, `memory`, `load`, or `all` three. */
export function metricsFeed(metrics: Metrics, name: string): Feed {
  const names = name === 'all' ? [...METRIC_NAMES] : [name as (typeof METRIC_NAMES)[number]];
  const point = (p: MetricPoint): Point => ({ time: p.time, values: names.map((n) => p[n]) });
  return {
    names,
    points: (since, until) => metrics.points(since, until).map(point),
    pointsSince: (since) => metrics.points(since, Infinity).map(point),
    follow(after, send) {
      let last = after;
      return metrics.subscribe((p) => {
        if (p.time <= last) return;
        last = p.time;
        send([point(p)]);
      });
    },
  };
}

/** The deterministic test series of `query` (see test-series.ts), or why the query asks for none. */
export function testFeed(query: URLSearchParams, now: () => number): Feed | string {
  const series = readTestSeries(query);
  if (typeof series === 'string') return series;
  return {
    names: series.names,
    points: (since, until) => testPoints(series, since, until),
    pointsSince: (since) => testPoints(series, since, now(), true),
    follow(after, send) {
      let last = after;
      let timer: ReturnType<typeof setTimeout>;
      const tick = () => {
        const time = now();
        const points = testPoints(series, last, time, true);
        if (points.length) {
          last = points[points.length - 1].time;
          send(points);
        }
        // Just after the next point is due.
        timer = setTimeout(tick, series.step - (((time % series.step) + series.step) % series.step) + 1);
      };
      tick();
      return () => clearTimeout(timer);
    },
  };
}
