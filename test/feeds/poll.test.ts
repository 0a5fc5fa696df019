import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { pollSource } from '../../src/feeds/poll.js';

/** A fetch that never answers and, aborted, rejects as WebKit's does: a plain AbortError, not the reason given. */
const hangingFetch: typeof fetch = (_input, init) =>
  new Promise((_, reject) => init!.signal!.addEventListener('abort', () => reject(new DOMException('Fetch is aborted', 'AbortError'))));

const read = () => ({ time: [], values: [] });

describe('pollSource', () => {
  let clock: sinon.SinonFakeTimers;
  beforeEach(() => (clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })));
  afterEach(() => clock.restore());

  it('a request unanswered after 10 s fails with a timeout, whatever the fetch rejects with on abort', async () => {
    const source = pollSource({ url: () => 'http://127.0.0.1:9/feed', read, fetch: hangingFetch });
    const outcome = Promise.resolve(source(0, 1)).then(() => null, (error: unknown) => error as Error);
    await clock.tickAsync(9_999);
    await clock.tickAsync(1);
    const error = await outcome;
    expect(error).to.be.instanceOf(Error);
    expect(error!.name, 'not taken for an abort on purpose').to.not.equal('AbortError');
    expect(error!.message).to.match(/did not answer within 10 s/);
  });

  it('abort() fails every request in flight with an AbortError (no failure to report)', async () => {
    const source = pollSource({ url: () => 'http://127.0.0.1:9/feed', read, fetch: hangingFetch });
    const outcome = Promise.resolve(source(0, 1)).then(() => null, (error: unknown) => error as Error);
    source.abort();
    expect((await outcome)!.name).to.equal('AbortError');
    expect(clock.countTimers(), 'its timeout cleared').to.equal(0);
  });
});
