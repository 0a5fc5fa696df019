// A React 19 app using <data-feed>. React 19 sets a prop as a property when the element has it
// (`interval`, `series`, `source`, …) and adds an `on<event name>` prop as a listener for that event.
import 'data-feed'; // registers <data-feed> before React creates one
import type { DataFeed, DataFeedUpdateDetail, FeedSource } from 'data-feed';
import { useRef, useState, type CSSProperties } from 'react';
import { createRoot } from 'react-dom/client';

const prices: FeedSource = async (since, now) => {
  const response = await fetch(`/api/prices?from=${since}&to=${now}`);
  const rows: { t: number; bid: number; ask: number }[] = await response.json();
  return { time: rows.map((r) => r.t), values: [rows.map((r) => r.bid), rows.map((r) => r.ask)] };
};

export function Dashboard() {
  const feed = useRef<DataFeed>(null);
  const [streaming, setStreaming] = useState(false);
  const [interval, setInterval] = useState(2);
  const [update, setUpdate] = useState<DataFeedUpdateDetail | null>(null);
  const [error, setError] = useState('');

  return (
    <section>
      <button type="button" disabled={streaming} onClick={() => feed.current?.start()}>
        Go live
      </button>
      <button type="button" onClick={() => feed.current?.stop()}>
        Pause
      </button>
      <button type="button" onClick={() => void feed.current?.refresh().catch(() => {})}>
        Refresh now
      </button>
      <button type="button" onClick={() => feed.current?.append({ time: [Date.now()], values: [[1], [2]] })}>
        Push a point
      </button>
      <p>
        {update ? `${update.size} points (+${update.added}, −${update.dropped})` : 'loading'} every {interval} s
        {error && ` — ${error}`}
      </p>
      <data-feed
        ref={feed}
        className="wide"
        style={{ '--data-feed-chart-height': '240px' } as CSSProperties}
        heading="Bid and ask"
        interval={interval}
        capacity={500}
        series={['bid', 'ask']}
        streaming={streaming}
        noControls
        source={prices}
        ondata-feed-start={(event) => {
          setStreaming(true);
          setInterval(event.detail.interval);
        }}
        ondata-feed-stop={() => setStreaming(false)}
        ondata-feed-interval-change={(event) => setInterval(event.detail.interval)}
        ondata-feed-update={(event) => {
          setUpdate(event.detail);
          setError('');
        }}
        ondata-feed-error={(event) => setError(String(event.detail.error))}
      />
    </section>
  );
}

/** Checks that a wrong use does not type-check. */
export function Mistakes() {
  const kept = useRef<HTMLDivElement>(null);
  return (
    <>
      {/* @ts-expect-error: interval is a number of seconds */}
      <data-feed interval="fast" />
      {/* @ts-expect-error: source is a function, not a URL */}
      <data-feed source="/api/prices" />
      {/* @ts-expect-error: series is a string[] as a property */}
      <data-feed series={7} />
      {/* @ts-expect-error: data is read-only */}
      <data-feed data={{ time: [], values: [] }} />
      {/* @ts-expect-error: a misspelt property */}
      <data-feed noControl />
      {/* @ts-expect-error: start is a method, not a prop */}
      <data-feed start={() => {}} />
      {/* @ts-expect-error: the ref is a DataFeed, not a div */}
      <data-feed ref={kept} />
      {/* @ts-expect-error: the detail of data-feed-update has no `count` */}
      <data-feed ondata-feed-update={(event) => event.detail.count} />
      {/* @ts-expect-error: a listener for another event's detail */}
      <data-feed ondata-feed-error={(event: CustomEvent<DataFeedUpdateDetail>) => event.detail.size} />
    </>
  );
}

createRoot(document.getElementById('root')!).render(<Dashboard />);
