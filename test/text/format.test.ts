import { expect } from '@open-wc/testing';
import { checkTimeZone, formatSpan, formatValue, timeFormatter } from '../../src/text/format.js';

describe('format', () => {
  it('checkTimeZone gives the canonical name of a zone and throws a RangeError for an unknown one', () => {
    expect(checkTimeZone('utc')).to.equal('UTC');
    expect(checkTimeZone('Europe/Berlin')).to.equal('Europe/Berlin');
    expect(() => checkTimeZone('Mars/Olympus')).to.throw(RangeError);
  });

  it('timeFormatter shows the time in the zone asked for, with milliseconds only when it has them', () => {
    const noon = Date.UTC(2026, 0, 1, 12);
    const utc = timeFormatter('UTC');
    const tokyo = timeFormatter('Asia/Tokyo');
    expect(utc(noon)).to.match(/12:00:00/);
    expect(tokyo(noon)).to.match(/09:00:00/);
    expect(utc(noon)).not.to.match(/\.000/);
    expect(utc(noon + 500)).to.match(/12:00:00\.500/);
    expect(utc(1e300)).to.equal('1e+300');
  });

  it('formatValue keeps three decimals and shows a gap as a dash', () => {
    expect(formatValue(1.23456)).to.equal(new Intl.NumberFormat(undefined, { maximumFractionDigits: 3 }).format(1.235));
    expect(formatValue(NaN)).to.equal('–');
  });

  it('formatSpan names a duration in its two largest units', () => {
    expect(formatSpan(500)).to.equal('0.5 s');
    expect(formatSpan(49_500)).to.equal('49.5 s');
    expect(formatSpan(60_000)).to.equal('1 min');
    expect(formatSpan(150_000)).to.equal('2 min 30 s');
    expect(formatSpan(3_900_000)).to.equal('1 h 5 min');
    expect(formatSpan(86_400_000 * 3 + 7_200_000)).to.equal('3 d 2 h');
  });
  it('makes one time formatter per zone for the page (its Intl formats are dear to make)', () => {
    expect(timeFormatter('UTC')).to.equal(timeFormatter('UTC'));
    expect(timeFormatter()).to.equal(timeFormatter(undefined));
    expect(timeFormatter('UTC')).not.to.equal(timeFormatter('Europe/Berlin'));
  });
});
