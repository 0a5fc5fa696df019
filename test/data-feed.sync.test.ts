import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { DataFeed } from '../src/data-feed.js';
import { groupSize } from '../src/chart/view-sync.js';
import { T0, afterHeldDraw, stepSource, useFakeClock } from './helpers.js';
import { cursorLayer, legendValues, plotOf } from './harness.js';
import { at, doubleClick, drag, format, nearest, press, timeAt, viewEvents } from './plot-input.js';

const VIEW = { from: T0 - 40_000, to: T0 - 20_000 };

describe('<data-feed>: sync', () => {
  useFakeClock();
  afterEach(() => resetMouse());

  /** Elements under one parent, with the given `sync` names, each fed its own values. */
  async function group(...names: string[]): Promise<DataFeed[]> {
    const parent = await fixture(html`<div style="width: 600px; --data-feed-chart-height: 120px">
      ${names.map((name, i) => html`<data-feed no-controls heading="" sync=${name} series=${'ABCD'.slice(0, 2 + i).split('').join()} .source=${stepSource(500, 2 + i)}></data-feed>`)}
    </div>`);
    return [...parent.querySelectorAll('data-feed')];
  }

  it('is an attribute and property, empty by default', async () => {
    const [a] = await group('g');
    expect(a.sync).to.equal('g');
    a.setAttribute('sync', 'h');
    expect(a.sync).to.equal('h');
    a.sync = '';
    expect((await fixture<DataFeed>(html`<data-feed .source=${stepSource()}></data-feed>`)).sync).to.equal('');
  });

  it('elements with the same sync share their cursor: each legend shows its own values at the time under it', async () => {
    const [a, b] = await group('g', 'g');
    const { time } = a.data;
    const x = Math.round(cursorLayer(a).getBoundingClientRect().left + plotOf(a)!.valToPos(time[60], 'x'));
    await sendMouse({ type: 'move', position: [x, at(a, 0.5)[1]] });
    const t = timeAt(a, x);
    const i = nearest(b, t);
    expect(b.data.time[i]).to.equal(time[60]);
    expect(legendValues(b).slice(1)).to.deep.equal(b.data.values.map((column) => format(column[i])));
    expect(legendValues(b)).to.have.length(4, 'b has its own three series');
  });

  it('share their view: a change in one, by any means, changes the others, each firing once', async () => {
    const [a, b, c] = await group('g', 'g', 'g');
    const events = [a, b, c].map(viewEvents);
    const counts = () => events.map((e) => e.seen.length);
    a.view = VIEW;
    expect([b.view, c.view]).to.deep.equal([VIEW, VIEW]);
    expect(counts()).to.deep.equal([1, 1, 1]);
    await press(b, 'ArrowRight');
    expect(a.view).to.deep.equal(b.view);
    expect(c.view).to.deep.equal(b.view);
    expect(counts()).to.deep.equal([2, 2, 2]);
    await drag(a, 0.3, 0.6);
    expect(b.view).to.deep.equal(a.view);
    expect(counts()).to.deep.equal([3, 3, 3]);
    doubleClick(c);
    expect([a.view, b.view, c.view]).to.deep.equal([null, null, null]);
    expect(counts()).to.deep.equal([4, 4, 4]);
    await afterHeldDraw();
    expect(counts(), 'no echo').to.deep.equal([4, 4, 4]);
  });

  it('different names stay apart, an empty sync joins no group, and changing sync moves an element between groups', async () => {
    const [a, b, c, d] = await group('g', 'g', 'h', '');
    a.view = VIEW;
    expect([c.view, d.view]).to.deep.equal([null, null]);
    b.sync = 'h';
    expect(b.view, 'joining h takes its view').to.equal(null);
    a.view = null;
    c.view = VIEW;
    expect([a.view, b.view, d.view]).to.deep.equal([null, VIEW, null]);
  });

  it('an element leaving the page leaves its group, and takes the group’s view when it comes back', async () => {
    const [a, b] = await group('g', 'g');
    expect(groupSize('g')).to.equal(2);
    const parent = b.parentElement!;
    b.remove();
    expect(groupSize('g')).to.equal(1);
    a.view = VIEW;
    expect(b.view).to.equal(null);
    const events = viewEvents(b);
    parent.append(b);
    expect(b.view).to.deep.equal(VIEW);
    expect(events.seen).to.have.length(1);
    parent.remove();
    expect(groupSize('g')).to.equal(0);
  });
});
