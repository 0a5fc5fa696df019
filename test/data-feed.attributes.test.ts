import { expect, html } from '@open-wc/testing';
import sinon from 'sinon';
import { T0, fakeClock, mount, part, record, stepSource } from './helpers.js';
import { legendLabels } from './harness.js';

describe('<data-feed>: attributes and properties', () => {
  let warn: sinon.SinonStub;
  beforeEach(() => (warn = sinon.stub(console, 'warn')));
  afterEach(() => warn.restore());

  const numeric: [attribute: string, property: string, value: string, expected: number][] = [
    ['interval', 'interval', '2.5', 2.5],
    ['min-interval', 'minInterval', '0.25', 0.25],
    ['max-interval', 'maxInterval', '10', 10],
    ['step', 'step', '0.5', 0.5],
    ['capacity', 'capacity', '50', 50],
    ['backfill', 'backfill', '30', 30],
    ['sample-period', 'samplePeriod', '0.25', 0.25],
  ];
  for (const [attribute, property, value, expected] of numeric) {
    it(`maps ${attribute} to ${property}, at first connect and afterwards`, async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      el.setAttribute(attribute, value);
      expect((el as unknown as Record<string, number>)[property]).to.equal(expected);
      const initial = document.createElement('div');
      initial.innerHTML = `<data-feed ${attribute}="${value}"></data-feed>`;
      document.body.append(initial);
      expect((initial.firstElementChild as unknown as Record<string, number>)[property]).to.equal(expected);
      initial.remove();
      expect(warn.called).to.equal(false);
    });
  }

  it('maps text attributes to their properties', async () => {
    const el = await mount(
      html`<data-feed heading="Kurse" slider-label="Abfrage alle: (Sekunden)" start-label="Start" stop-label="Stopp"></data-feed>`,
    );
    expect([el.heading, el.sliderLabel, el.startLabel, el.stopLabel]).to.deep.equal([
      'Kurse',
      'Abfrage alle: (Sekunden)',
      'Start',
      'Stopp',
    ]);
    expect(part(el, 'heading').textContent).to.equal('Kurse');
    expect(part<HTMLInputElement>(el, 'slider').labels![0].textContent!.trim()).to.equal('Abfrage alle: (Sekunden)');
    expect(part(el, 'start-button').textContent!.trim()).to.equal('Start');
    expect(part(el, 'stop-button').textContent!.trim()).to.equal('Stopp');
    el.removeAttribute('heading');
    await el.updateComplete;
    expect(part(el, 'heading').textContent).to.equal('Data feed');
  });

  it('maps series (comma-separated) to a string array and back', async () => {
    const el = await mount(html`<data-feed series="x, y ,z"></data-feed>`);
    expect(el.series).to.deep.equal(['x', 'y', 'z']);
    expect(el.data.values).to.have.length(3);
    el.series = ['p', 'q'];
    expect(el.series).to.deep.equal(['p', 'q']);
    const copy = el.series;
    copy.push('r');
    expect(el.series).to.deep.equal(['p', 'q']);
  });

  it('reflects streaming: the attribute starts and stops, the property shows in the attribute', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    el.setAttribute('streaming', '');
    expect(el.streaming).to.equal(true);
    el.removeAttribute('streaming');
    expect(el.streaming).to.equal(false);
    el.streaming = true;
    await el.updateComplete;
    expect(el.hasAttribute('streaming')).to.equal(true);
    el.stop();
    await el.updateComplete;
    expect(el.hasAttribute('streaming')).to.equal(false);
  });

  it('writes reflected attributes at once, as a native element does: a following removeAttribute stops', async () => {
    const el = await mount(html`<data-feed .source=${stepSource()}></data-feed>`);
    const events = record(el);
    el.streaming = true;
    expect(el.getAttribute('streaming'), 'written in the same task').to.equal('');
    el.removeAttribute('streaming');
    expect(el.streaming).to.equal(false);
    await el.updateComplete;
    expect(el.hasAttribute('streaming'), 'nothing writes it back later').to.equal(false);
    expect(events.names()).to.deep.equal(['data-feed-start', 'data-feed-update', 'data-feed-stop']);
    el.interval = 2;
    expect(el.getAttribute('interval')).to.equal('2');
    el.interval = 99;
    expect(el.getAttribute('interval'), 'the value held').to.equal('5');
  });

  it('writes them at once before the first connect too', () => {
    const el = document.createElement('data-feed');
    el.streaming = true;
    el.interval = 3;
    expect(el.getAttribute('streaming')).to.equal('');
    expect(el.getAttribute('interval')).to.equal('3');
  });

  it('reflects interval, clamped as it is held', async () => {
    const el = await mount(html`<data-feed></data-feed>`);
    el.interval = 2;
    await el.updateComplete;
    expect(el.getAttribute('interval')).to.equal('2');
    el.setAttribute('interval', '99');
    await el.updateComplete;
    expect(el.interval).to.equal(5);
    expect(el.getAttribute('interval')).to.equal('5');
  });

  it('hides the heading when it is empty', async () => {
    const el = await mount(html`<data-feed heading=""></data-feed>`);
    expect(part(el, 'heading')).to.equal(null);
    el.heading = 'Back';
    await el.updateComplete;
    expect(part(el, 'heading').textContent).to.equal('Back');
  });

  it('no-controls hides the slider and buttons; the chart and status stay', async () => {
    const el = await mount(html`<data-feed no-controls></data-feed>`);
    expect(el.noControls).to.equal(true);
    for (const name of ['controls', 'slider', 'start-button', 'stop-button']) expect(part(el, name), name).to.equal(null);
    expect(part(el, 'chart')).to.exist;
    expect(part(el, 'status')).to.exist;
    el.noControls = false;
    await el.updateComplete;
    expect(part(el, 'start-button')).to.exist;
  });

  it('shows text as text, never parsed as HTML', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>bold</b></script>';
    const el = await mount(
      html`<data-feed heading=${evil} slider-label=${evil} start-label=${evil} stop-label=${evil} series=${`${evil},b`}
        .source=${() => {
          throw new Error(evil);
        }}></data-feed>`,
    );
    await el.updateComplete;
    await new Promise((r) => requestAnimationFrame(r));
    for (const name of ['heading', 'controls', 'chart', 'status']) {
      expect(part(el, name).querySelector('img, b'), name).to.equal(null);
    }
    expect(part(el, 'heading').textContent).to.equal(evil);
    expect(part(el, 'start-button').textContent!.trim()).to.equal(evil);
    expect(part(el, 'status').textContent).to.contain(evil);
    expect(legendLabels(el)[1]).to.equal(evil);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  describe('bad values never break it', () => {
    it('clamps interval to [min-interval, max-interval] and warns once, naming it', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      el.interval = 0.1;
      expect(el.interval).to.equal(0.5);
      el.interval = 60;
      expect(el.interval).to.equal(5);
      expect(warn.callCount).to.equal(2);
      expect(warn.firstCall.args[0]).to.match(/interval.*0\.1/);
      el.setAttribute('interval', '-3');
      expect(el.interval).to.equal(0.5);
      expect(warn.callCount).to.equal(3);
      expect(warn.thirdCall.args[0]).to.match(/attribute interval = "-3"/);
    });

    it('keeps the value for what is not a number and warns once, naming the attribute and value', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      el.setAttribute('capacity', 'lots');
      expect(el.capacity).to.equal(100);
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.contain('capacity').and.contain('"lots"');
      (el as unknown as { interval: unknown }).interval = 'soon';
      expect(el.interval).to.equal(1);
      (el as unknown as { backfill: unknown }).backfill = NaN;
      expect(el.backfill).to.equal(60);
      expect(warn.callCount).to.equal(3);
      expect(warn.thirdCall.args[0]).to.contain('backfill').and.contain('NaN');
    });

    it('keeps the default for a non-number present at first connect', async () => {
      const el = await mount(html`<data-feed interval="fast" sample-period="often"></data-feed>`);
      expect(el.interval).to.equal(1);
      expect(el.samplePeriod).to.equal(0.5);
      expect(warn.callCount).to.equal(2);
    });

    describe('the interval and its range present at first connect are read together, in any order', () => {
      const cases: [markup: string, range: [number, number, number], warnings: RegExp[]][] = [
        ['min-interval="2"', [2, 5, 2], []],
        ['max-interval="0.8"', [0.5, 0.8, 0.8], []],
        ['max-interval="0.3" min-interval="0.1" interval="0.2"', [0.1, 0.3, 0.2], []],
        ['min-interval="6" max-interval="10"', [6, 10, 6], []],
        ['max-interval="10" min-interval="6" interval="8"', [6, 10, 8], []],
        ['interval="-1"', [0.5, 5, 0.5], [/^data-feed: attribute interval = "-1": out of range \[0\.5, 5\]; using 0\.5\.$/]],
        ['interval="10"', [0.5, 5, 5], [/^data-feed: attribute interval = "10": out of range \[0\.5, 5\]; using 5\.$/]],
        ['interval="3" max-interval="2"', [0.5, 2, 2], [/^data-feed: attribute interval = "3": out of range \[0\.5, 2\]; using 2\.$/]],
        ['max-interval="2" min-interval="4"', [4, 4, 4], [/^data-feed: attribute min-interval = "4": above max-interval \(2\); max-interval is raised to 4\.$/]],
      ];
      for (const [markup, [min, max, interval], warnings] of cases) {
        it(`<data-feed ${markup}>: [${min}, ${max}], interval ${interval}, ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`, () => {
          const box = document.createElement('div');
          box.innerHTML = `<data-feed ${markup}></data-feed>`;
          document.body.append(box);
          try {
            const el = box.firstElementChild as HTMLElementTagNameMap['data-feed'];
            expect([el.minInterval, el.maxInterval, el.interval]).to.deep.equal([min, max, interval]);
            expect(warn.getCalls().map((call) => call.args[0])).to.have.length(warnings.length);
            warnings.forEach((pattern, i) => expect(warn.getCall(i).args[0]).to.match(pattern));
          } finally {
            box.remove();
          }
        });
      }

      it('a property set before the first connect is named as a property, once', () => {
        const el = document.createElement('data-feed');
        el.interval = -1;
        document.body.append(el);
        try {
          expect(el.interval).to.equal(0.5);
          expect(warn.callCount).to.equal(1);
          expect(warn.firstCall.args[0]).to.equal('data-feed: property interval = -1: out of range [0.5, 5]; using 0.5.');
        } finally {
          el.remove();
        }
      });

      it('an interval attribute written as another text of the value it holds is left as written', async () => {
        const initial = await mount(html`<data-feed interval="2.0"></data-feed>`);
        expect(initial.getAttribute('interval'), 'at first connect').to.equal('2.0');
        const el = await mount(html`<data-feed></data-feed>`);
        el.setAttribute('interval', '2.0');
        expect(el.interval).to.equal(2);
        expect(el.getAttribute('interval')).to.equal('2.0');
        el.setAttribute('interval', '99');
        expect(el.getAttribute('interval'), 'clamped: written back').to.equal('5');
      });
    });

    it('rounds capacity into [1, 1,000,000]', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      el.capacity = 0;
      expect(el.capacity).to.equal(1);
      el.capacity = 5e6;
      expect(el.capacity).to.equal(1_000_000);
      el.capacity = 20.6;
      expect(el.capacity).to.equal(21);
      el.capacity = -Infinity;
      expect(el.capacity).to.equal(1);
      expect(warn.callCount).to.equal(4);
    });

    it('holds min-interval, max-interval, step and sample-period at 0.001 or more, backfill at 0 or more', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      el.minInterval = 0;
      el.step = -1;
      el.samplePeriod = 0;
      el.backfill = -5;
      el.maxInterval = 0.0001;
      expect([el.minInterval, el.step, el.samplePeriod, el.backfill]).to.deep.equal([0.001, 0.001, 0.001, 0]);
      expect(el.maxInterval).to.equal(0.001);
      expect(warn.callCount).to.equal(5);
    });

    it('raises max-interval to min-interval when the minimum passes it, and re-clamps interval', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      const events = record(el);
      el.interval = 4;
      el.minInterval = 6;
      expect(el.maxInterval).to.equal(6);
      expect(el.interval).to.equal(6);
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.contain('minInterval').and.contain('raised to 6');
      el.minInterval = 1;
      el.maxInterval = 2;
      expect(el.interval).to.equal(2);
      expect(events.of('data-feed-interval-change').map((e) => e.detail.interval)).to.deep.equal([4, 6, 2]);
      const slider = part<HTMLInputElement>(el, 'slider');
      await el.updateComplete;
      expect([slider.min, slider.max, slider.value]).to.deep.equal(['1', '2', '2']);
    });

    it('warns once for a bound both out of range and past the other bound', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      el.setAttribute('max-interval', '0');
      expect([el.minInterval, el.maxInterval]).to.deep.equal([0.5, 0.5]);
      expect(warn.callCount).to.equal(1);
      expect(warn.firstCall.args[0]).to.match(/attribute max-interval = "0": out of range.*; then below min-interval/);
      el.minInterval = 1e9;
      expect([el.minInterval, el.maxInterval, el.interval]).to.deep.equal([86_400, 86_400, 86_400]);
      expect(warn.callCount).to.equal(2);
      expect(warn.secondCall.args[0]).to.match(/property minInterval = 1000000000: out of range.*; then above max-interval \(0\.5\); max-interval is raised to 86400/);
    });

    it('a removed interval goes back to the default held in range, and stays there when the range widens', async () => {
      const el = await mount(html`<data-feed min-interval="2" interval="3"></data-feed>`);
      const events = record(el);
      el.removeAttribute('interval');
      expect(el.interval).to.equal(2);
      el.minInterval = 0.001;
      expect(el.interval).to.equal(2);
      expect(events.of('data-feed-interval-change').map((e) => e.detail.interval)).to.deep.equal([2]);
      expect(warn.called).to.equal(false);
    });

    it('resolves attributes at first connect whatever their order', async () => {
      const host = document.createElement('div');
      host.innerHTML = '<data-feed interval="8" max-interval="10"></data-feed><data-feed max-interval="3" min-interval="4" interval="5"></data-feed>';
      document.body.append(host);
      const [a, b] = host.children as unknown as [import('../src/data-feed.js').DataFeed, import('../src/data-feed.js').DataFeed];
      expect(a.interval).to.equal(8);
      expect(b.maxInterval).to.equal(4);
      expect(b.interval).to.equal(4);
      host.remove();
    });

    it('keeps the series for an empty or non-list value, and warns', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      el.setAttribute('series', ' , ');
      expect(el.series).to.deep.equal(['A', 'B']);
      (el as unknown as { series: unknown }).series = 42;
      expect(el.series).to.deep.equal(['A', 'B']);
      expect(warn.callCount).to.equal(2);
    });

    it('keeps the source for something that is not a function, and warns', async () => {
      const source = stepSource();
      const el = await mount(html`<data-feed .source=${source}></data-feed>`);
      (el as unknown as { source: unknown }).source = 'http://example.invalid/feed';
      expect(el.source).to.equal(source);
      expect(warn.callCount).to.equal(1);
    });

    it('goes back to the default when an attribute is removed or a property set to null', async () => {
      const el = await mount(html`<data-feed interval="3" capacity="10" series="a,b,c"></data-feed>`);
      el.removeAttribute('interval');
      el.removeAttribute('capacity');
      el.removeAttribute('series');
      expect([el.interval, el.capacity, el.series]).to.deep.equal([1, 100, ['A', 'B']]);
      (el as unknown as { heading: unknown }).heading = null;
      expect(el.heading).to.equal('Data feed');
      expect(warn.called).to.equal(false);
    });
  });

  describe('changing what is kept', () => {
    it('lowering capacity trims the oldest points at once', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      const events = record(el);
      const before = el.data.time;
      el.capacity = 10;
      expect(el.data.time).to.deep.equal(before.slice(-10));
      expect(events.of('data-feed-update').map((e) => e.detail)).to.deep.equal([{ added: 0, dropped: 90, size: 10 }]);
      el.capacity = 50;
      expect(el.data.time).to.have.length(10);
      expect(events.of('data-feed-update')).to.have.length(1);
    });

    it('changing the number of series forgets the kept points and backfills from the new shape', async () => {
      const clock = fakeClock();
      try {
        const el = await mount(html`<data-feed></data-feed>`);
        const events = record(el);
        el.series = ['x', 'y', 'z'];
        expect(el.data.time).to.have.length(0);
        expect(events.of('data-feed-update')[0].detail).to.deep.equal({ added: 0, dropped: 100, size: 0 });
        await clock.tickAsync(0);
        expect(el.data.values).to.have.length(3);
        expect(el.data.time).to.have.length(100);
      } finally {
        clock.restore();
      }
    });

    it('renaming series keeps the points and relabels the legend', async () => {
      const el = await mount(html`<data-feed></data-feed>`);
      const before = el.data;
      el.series = ['left', 'right'];
      expect(el.data).to.deep.equal(before);
      await el.updateComplete;
      expect(legendLabels(el)).to.deep.equal(['Time', 'left', 'right']);
    });

    it('changing source forgets the kept points; the next update backfills from the new source', async () => {
      const clock = fakeClock();
      try {
        const el = await mount(html`<data-feed></data-feed>`);
        const source = stepSource(1000);
        el.source = source;
        expect(el.data.time).to.have.length(0);
        await el.refresh();
        expect(source.callCount).to.equal(1);
        expect(source.firstCall.args).to.deep.equal([T0 - 60_000, T0]);
        expect(el.data.time).to.have.length(59);
        await clock.tickAsync(0);
        expect(source.callCount).to.equal(1);
      } finally {
        clock.restore();
      }
    });

    it('a stopped element shows the new source’s backfill by itself', async () => {
      const clock = fakeClock();
      try {
        const el = await mount(html`<data-feed></data-feed>`);
        const source = stepSource(1000);
        el.source = source;
        el.backfill = 10;
        await clock.tickAsync(0);
        expect(source.callCount).to.equal(1);
        expect(source.firstCall.args).to.deep.equal([T0 - 10_000, T0]);
        expect(el.data.time).to.have.length(9);
        el.source = null;
        await clock.tickAsync(0);
        expect(el.data.time).to.have.length(19);
      } finally {
        clock.restore();
      }
    });
  });
});
