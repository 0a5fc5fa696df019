import { expect, html } from '@open-wc/testing';
import { T0, afterHeldDraw, mount, useFakeClock } from '../helpers.js';
import { envelopeStats, plotOf, storedBytes, updateInFlight, updateWaiting } from '../harness.js';

const UPDATES = 100_000;
const BATCH = 2_000;

describe('reliability: long run', () => {
  const clock = useFakeClock();

  it(`${UPDATES.toLocaleString('en')} updates at capacity 100: exactly the newest 100, spaced as generated, nothing grows`, async function () {
    this.timeout(60_000);
    const started = performance.now();
    const el = await mount(html`<data-feed streaming interval="0.5" min-interval="0.5" sample-period="0.5"></data-feed>`);
    let updates = 0;
    let lastDetail: unknown;
    el.addEventListener('data-feed-update', (event) => {
      updates++;
      lastDetail = (event as CustomEvent).detail;
    });
    const errors: unknown[] = [];
    el.addEventListener('data-feed-error', (event) => errors.push((event as CustomEvent).detail.error));
    const bytes = storedBytes(el);
    expect(bytes, 'storage for capacity and slack').to.be.at.most(8 * 200);

    for (let done = 0; done < UPDATES; done += BATCH) {
      clock.tick(500 * BATCH);
      await afterHeldDraw(); // the chart draws, as it would between updates

      // Each update added one point: the newest 100 are the last generated, 500 ms apart.
      const now = T0 + 500 * (done + BATCH);
      const { time, values } = el.data;
      expect(time).to.have.length(100);
      expect(time[99]).to.equal(now - 500);
      for (let i = 1; i < 100; i++) if (time[i] - time[i - 1] !== 500) expect.fail(`time[${i}] - time[${i - 1}] = ${time[i] - time[i - 1]}`);
      for (const column of values) expect(column).to.have.length(100);
      expect(values.flat().every(Number.isFinite)).to.equal(true);

      // Nothing grows: the storage, the scheduler (no call in flight, no waiter) and the timers.
      expect(storedBytes(el), `storage after ${done + BATCH} updates`).to.equal(bytes);
      expect(updateInFlight(el), 'a call in flight').to.equal(false);
      expect(updateWaiting(el), 'an update waiting').to.equal(false);
      expect(clock.countTimers()).to.equal(1);
      expect(plotOf(el)!.data[0]).to.have.length(100);
    }
    expect(updates).to.equal(UPDATES);
    expect(lastDetail).to.deep.equal({ added: 1, dropped: 1, size: 100 });
    expect(errors).to.deep.equal([]);
    const spent = performance.now() - started;
    console.log(`soak: ${UPDATES} updates in ${Math.round(spent)} ms`);
  });

  it('20,000 updates at capacity 5,000, drawn as an envelope: its buckets stay bounded', async function () {
    this.timeout(60_000);
    const el = await mount(html`<data-feed streaming capacity="5000" interval="0.5" min-interval="0.5" sample-period="0.1" style="width: 400px"></data-feed>`);
    let most = 0;
    for (let done = 0; done < 20_000; done += BATCH) {
      clock.tick(500 * BATCH);
      await afterHeldDraw();
      expect(el.data.time).to.have.length(5000);
      const envelope = envelopeStats(el);
      expect(envelope.enveloped, 'dense enough to draw the envelope').to.equal(true);
      most = Math.max(most, envelope.listed);
    }
    const bytes = storedBytes(el);
    expect(bytes).to.be.at.most(8 * 10_000);
    // A bucket is a fraction of a pixel: a few per pixel of a 400 px chart, plus what compaction leaves.
    expect(envelopeStats(el).buckets).to.be.at.most(4 * 400);
    expect(most, 'the bucket lists are compacted as points leave').to.be.at.most(4 * 4 * 400);
  });
});
