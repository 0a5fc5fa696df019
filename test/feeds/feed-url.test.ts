import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { defaultTransport, feedURL } from '../../src/feeds/feed-url.js';
import { runs } from './property.js';

const BASE = 'https://example.com/app/page.html?x=1#top';

describe('feedURL', () => {
  it('resolves src against the base and adds since and now', () => {
    expect(feedURL('/metrics', BASE, 1000, 2000)).to.equal('https://example.com/metrics?since=1000&now=2000');
    expect(feedURL('feed.json', BASE, 1, 2)).to.equal('https://example.com/app/feed.json?since=1&now=2');
    expect(feedURL('http://other.test:8787/m', BASE, 1, 2)).to.equal('http://other.test:8787/m?since=1&now=2');
  });

  it('writes the times as they are, fractions of a millisecond included, and any + escaped', () => {
    expect(feedURL('/m', BASE, -1e21, 1e21)).to.equal('https://example.com/m?since=-1e%2B21&now=1e%2B21');
    expect(feedURL('/m', BASE, 1767268800000.5, 1767268860000)).to.equal('https://example.com/m?since=1767268800000.5&now=1767268860000');
  });

  it('keeps the parameters already there, as written and in order', () => {
    expect(feedURL('/m?b=2&a=x%20y+z&flag&c=%C3%A9', BASE, 1, 2)).to.equal('https://example.com/m?b=2&a=x%20y+z&flag&c=%C3%A9&since=1&now=2');
  });

  it('replaces since and now given in src, however often and however spelt', () => {
    expect(feedURL('/m?since=5&a=1&now=6&since=7&%73ince=8&now', BASE, 1, 2)).to.equal('https://example.com/m?a=1&since=1&now=2');
  });

  it('keeps parameters whose names only start like since or now', () => {
    expect(feedURL('/m?sinceWhen=1&nowish=2&since_=3', BASE, 1, 2)).to.equal('https://example.com/m?sinceWhen=1&nowish=2&since_=3&since=1&now=2');
  });

  it('drops the fragment', () => {
    expect(feedURL('/m#part', BASE, 1, 2)).to.equal('https://example.com/m?since=1&now=2');
  });

  it('turns http: into ws: and https: into wss: for a WebSocket, and nothing else', () => {
    expect(feedURL('/m/ws', BASE, 1, 2, 'websocket')).to.equal('wss://example.com/m/ws?since=1&now=2');
    expect(feedURL('/m/ws', 'http://localhost:8787/', 1, 2, 'websocket')).to.equal('ws://localhost:8787/m/ws?since=1&now=2');
    expect(feedURL('wss://feeds.test/m', BASE, 1, 2, 'websocket')).to.equal('wss://feeds.test/m?since=1&now=2');
    expect(feedURL('/m', BASE, 1, 2, 'sse')).to.equal('https://example.com/m?since=1&now=2');
    expect(feedURL('/m', BASE, 1, 2, 'poll')).to.equal('https://example.com/m?since=1&now=2');
  });

  it('throws a TypeError for a src that is no URL', () => {
    expect(() => feedURL('http://[', BASE, 1, 2)).to.throw(TypeError);
    expect(() => feedURL('/m', 'not a base', 1, 2)).to.throw(TypeError);
  });

  it('keeps any other parameters and replaces since and now (property-based)', () => {
    const key = fc.oneof(fc.constantFrom('since', 'now', 'a', 'since2', 'Now'), fc.string({ maxLength: 5 }));
    const times = fc.double({ noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string({ maxLength: 5 }))), times, times, (params, since, now) => {
        const query = new URLSearchParams(params).toString();
        const url = new URL(feedURL(`/feed?${query}`, BASE, since, now));
        const kept = params.filter(([name]) => name !== 'since' && name !== 'now');
        expect([...url.searchParams]).to.deep.equal([...kept, ['since', String(since)], ['now', String(now)]]);
        expect(url.pathname).to.equal('/feed');
        expect(url.hash).to.equal('');
      }),
      runs(300),
    );
  });
});

describe('defaultTransport', () => {
  it('is websocket for a ws: or wss: URL', () => {
    for (const url of ['ws://localhost/feed', 'wss://example.com/feed', 'WSS://EXAMPLE.COM/', ' wss://example.com/']) {
      expect(defaultTransport(url), url).to.equal('websocket');
    }
  });

  it('is poll for anything else', () => {
    for (const url of ['http://localhost/feed', 'https://example.com/ws', '/metrics/ws', 'ws', 'wsx://a/', '', 'feed?ws://']) {
      expect(defaultTransport(url), url).to.equal('poll');
    }
  });
});
