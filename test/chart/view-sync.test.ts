import { expect } from '@open-wc/testing';
import { timeIndex, valueRangeIn } from '../../src/chart/time-index.js';
import { groupSize, joinGroup, leaveGroup, readView, sameView, shareView, type View, type ViewMember } from '../../src/chart/view-sync.js';

/** A member that records the views it was told to follow. */
function member(view: View | null = null): ViewMember & { followed: (View | null)[] } {
  const followed: (View | null)[] = [];
  return {
    followed,
    get view() {
      return view;
    },
    follow(next) {
      followed.push(next);
      view = next;
    },
  };
}

describe('view-sync: groups of charts sharing a view', () => {
  const name = 'unit-test-group';
  const joined: [string, ViewMember][] = [];
  const join = (group: string, m: ViewMember) => (joined.push([group, m]), joinGroup(group, m));
  afterEach(() => joined.splice(0).forEach(([group, m]) => leaveGroup(group, m)));

  it('the first member finds no view to take; later members take the view the group shows', () => {
    const a = member({ from: 1, to: 2 });
    expect(join(name, a)).to.equal(undefined);
    expect(join(name, member())).to.deep.equal({ from: 1, to: 2 });
    expect(groupSize(name)).to.equal(2);
  });

  it('a shared view reaches every other member once, not the one that chose it', () => {
    const [a, b, c] = [member(), member(), member()];
    [a, b, c].forEach((m) => join(name, m));
    shareView(name, a, { from: 3, to: 4 });
    expect(a.followed).to.deep.equal([]);
    expect(b.followed).to.deep.equal([{ from: 3, to: 4 }]);
    expect(c.followed).to.deep.equal([{ from: 3, to: 4 }]);
    shareView(name, b, null);
    expect(a.followed).to.deep.equal([null]);
  });

  it('different names stay apart; a member that left hears nothing; an empty group is forgotten', () => {
    const [a, b, c] = [member(), member(), member()];
    join(name, a);
    join(name, b);
    join(`${name}-other`, c);
    leaveGroup(name, b);
    shareView(name, a, { from: 5, to: 6 });
    expect(b.followed).to.deep.equal([]);
    expect(c.followed).to.deep.equal([]);
    leaveGroup(name, a);
    expect(groupSize(name)).to.equal(0);
    leaveGroup(name, a); // leaving twice is harmless
    expect(groupSize(name)).to.equal(0);
  });
});

describe('view-sync: reading a view', () => {
  it('null and undefined are live; { from, to } of finite numbers with from < to is a view, copied and frozen', () => {
    expect(readView(null)).to.equal(null);
    expect(readView(undefined)).to.equal(null);
    const input = { from: 1, to: 2, extra: true };
    const view = readView(input)!;
    expect(view).to.deep.equal({ from: 1, to: 2 });
    expect(view).not.to.equal(input);
    expect(Object.isFrozen(view)).to.equal(true);
  });

  it('refuses anything else', () => {
    for (const bad of [{ from: 2, to: 1 }, { from: 1, to: 1 }, { from: NaN, to: 1 }, { from: -Infinity, to: 1 }, { from: '1', to: '2' }, {}, 'x', 3, true, [1, 2]]) {
      expect(readView(bad), JSON.stringify(bad)).to.equal(undefined);
    }
  });

  it('two views are the same when their ranges are', () => {
    expect(sameView(null, null)).to.equal(true);
    expect(sameView({ from: 1, to: 2 }, { from: 1, to: 2 })).to.equal(true);
    expect(sameView({ from: 1, to: 2 }, { from: 1, to: 3 })).to.equal(false);
    expect(sameView({ from: 1, to: 2 }, null)).to.equal(false);
  });
});

describe('time-index: the points in a range', () => {
  const time = Float64Array.from([10, 20, 20.5, 30, 40]);

  it('finds the first time at or after t, or after t, by binary search', () => {
    expect([5, 10, 15, 20, 30, 40, 41].map((t) => timeIndex(time, t))).to.deep.equal([0, 0, 1, 1, 3, 4, 5]);
    expect([5, 10, 20, 39, 40].map((t) => timeIndex(time, t, true))).to.deep.equal([0, 1, 2, 4, 5]);
    expect(timeIndex(new Float64Array(0), 1)).to.equal(0);
  });

  it('gives the smallest and largest finite value of the points in a range, or null', () => {
    const columns = [time, Float64Array.from([1, 5, NaN, -2, 9]), Float64Array.from([0, 0, 7, 0, 0])] as const;
    expect(valueRangeIn(columns, 1, 4)).to.deep.equal([-2, 7]);
    expect(valueRangeIn(columns, 2, 2)).to.equal(null);
  });
});
