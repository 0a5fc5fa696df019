/** Animation-frame functions: `requestAnimationFrame` unless a test passes its own. */
export interface Frames {
  request(callback: () => void): unknown;
  cancel(handle: unknown): void;
  /** The frame under way (its callbacks have begun, it is not painted yet) as a token, or null between frames. */
  current(): unknown;
}


/**
 * One animation frame for every chart on the page: fifty streaming elements draw in a single
 * frame callback rather than fifty. The handle of a request is its callback. A frame counts as
 * under way from its callback until a message posted there arrives, which is after the paint.
 */
const waiting = new Set<() => void>();
let sharedFrame = 0;
let frameCount = 0;
let frameOpen = 0;
let frameEnd: MessagePort | null = null;
export const sharedFrames: Frames = {
  request(callback) {
    waiting.add(callback);
    sharedFrame ||= requestAnimationFrame(() => {
      sharedFrame = 0;
      if (!frameEnd) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (frameOpen = 0);
        frameEnd = channel.port2;
      }
      frameOpen = ++frameCount;
      frameEnd.postMessage(null);
      const callbacks = [...waiting];
      waiting.clear();
      for (const run of callbacks) run();
    });
    return callback;
  },
  cancel(handle) {
    waiting.delete(handle as () => void);
    if (waiting.size === 0 && sharedFrame) {
      cancelAnimationFrame(sharedFrame);
      sharedFrame = 0;
    }
  },
  current: () => frameOpen || null,
};
