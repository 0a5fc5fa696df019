import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/index.js';
import { feedIn } from './play.js';
import { SIMULATED, simulateServer } from './simulated-server.js';

/**
 * `<data-feed src>` with no script, over each transport. The static Storybook has no feed server:
 * these stories read a simulated one (stories/simulated-server.ts) that answers in the contract's
 * wire format through the page's `fetch`, `EventSource` and `WebSocket`. With `npm run feed-server`
 * running, set `src` to `http://127.0.0.1:8787/metrics/cpu` (or `/events`, or `ws://…/ws`) to read
 * the real one.
 */
const meta = {
  title: 'Data feed/Server feeds',
  component: 'data-feed',
  loaders: [async () => simulateServer()],
  args: { src: `${SIMULATED}/prices`, transport: 'poll' },
  argTypes: { transport: { control: 'select', options: ['poll', 'sse', 'websocket'] } },
  render: ({ src, transport }) => html`<data-feed src=${src} transport=${transport} streaming interval="1"></data-feed>`,
} satisfies Meta<{ src: string; transport: string }>;

export default meta;
type Story = StoryObj<{ src: string; transport: string }>;

/** The series are named by the first answer (`price`, `volume`): the page names none. */
const streams: Story['play'] = async ({ canvasElement }) => {
  const el = await feedIn(canvasElement);
  await waitFor(() => expect(el.series).toEqual(['price', 'volume']), { timeout: 4000 });
  const last = el.data.time.at(-1)!;
  await waitFor(() => expect(el.data.time.at(-1)).toBeGreaterThan(last), { timeout: 4000 });
};

/** One `GET` per update, asking `since` the last kept point and `now`. */
export const Poll: Story = { play: streams };

/** One held Server-Sent Events connection; the chart takes what arrived at each tick. */
export const ServerSentEvents: Story = {
  name: 'Server-Sent Events',
  args: { src: `${SIMULATED}/prices/events`, transport: 'sse' },
  play: async (context) => {
    await streams(context);
    await expect((await feedIn(context.canvasElement)).connection).toBe('open');
  },
};

/** One held WebSocket (the transport comes from the `wss:` URL). */
export const WebSocketFeed: Story = {
  name: 'WebSocket',
  args: { src: `${SIMULATED.replace('https', 'wss')}/prices/ws`, transport: 'websocket' },
  play: async (context) => {
    await streams(context);
    await expect((await feedIn(context.canvasElement)).connection).toBe('open');
  },
};
