/** A time range held still: ms since the epoch, `from` < `to`. */
export interface View {
  readonly from: number;
  readonly to: number;
}

/** One chart of a sync group: the view it shows, and how it takes a view another member chose. */
export interface ViewMember {
  readonly view: View | null;
  /** Another member's view changed: show it too, and tell of it, but pass it on to no one. */
  follow(view: View | null): void;
}

/** The page's sync groups by name. Elements of any copy of this module on the page share none. */
const groups = new Map<string, Set<ViewMember>>();

/**
 * Adds `member` to group `name`. Returns the view the group shows, taken from a member already
 * there (all show the same), or `undefined` when `member` is the first.
 */
export function joinGroup(name: string, member: ViewMember): View | null | undefined {
  let group = groups.get(name);
  if (!group) groups.set(name, (group = new Set()));
  let shown: View | null | undefined;
  for (const other of group) if (other !== member) shown = other.view;
  group.add(member);
  return shown;
}

/** Takes `member` out of group `name`; an empty group is forgotten. */
export function leaveGroup(name: string, member: ViewMember): void {
  const group = groups.get(name);
  if (!group?.delete(member) || group.size) return;
  groups.delete(name);
}

/** `from` chose `view`: every other member of group `name` follows it, once. */
export function shareView(name: string, from: ViewMember, view: View | null): void {
  // A copy: a listener may move an element between groups while they follow.
  for (const member of [...(groups.get(name) ?? [])]) if (member !== from) member.follow(view);
}

/** How many members group `name` has (0 for a group no one is in). */
export function groupSize(name: string): number {
  return groups.get(name)?.size ?? 0;
}

/**
 * A `view` value from the page: `null`/`undefined` is the live view, `{ from, to }` of finite
 * numbers with `from` < `to` a view (copied and frozen); anything else, an object whose reading
 * throws too, is refused (`undefined`).
 */
export function readView(input: unknown): View | null | undefined {
  if (input == null) return null;
  if (typeof input !== 'object') return undefined;
  try {
    const { from, to } = input as Record<string, unknown>;
    if (typeof from === 'number' && typeof to === 'number' && Number.isFinite(from) && Number.isFinite(to) && from < to) return Object.freeze({ from, to });
  } catch {
    // A getter that throws reads as no range.
  }
  return undefined;
}

/** Whether two views are the same range (both live counts as the same). */
export function sameView(a: View | null, b: View | null): boolean {
  return a === b || (!!a && !!b && a.from === b.from && a.to === b.to);
}
