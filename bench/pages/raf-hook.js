// Loaded as a classic script before any module, so that every requestAnimationFrame the page
// makes goes through it. In manual mode the callbacks wait in a queue until `flush()` runs them
// synchronously: the update benchmark times "append, then the draw the next frame would do".
(() => {
  const request = window.requestAnimationFrame.bind(window);
  const cancel = window.cancelAnimationFrame.bind(window);
  const queue = new Map();
  let manual = false;
  let next = 0;
  window.requestAnimationFrame = (callback) => {
    if (!manual) return request(callback);
    next -= 1; // negative ids never collide with the browser's
    queue.set(next, callback);
    return next;
  };
  window.cancelAnimationFrame = (id) => {
    if (!queue.delete(id)) cancel(id);
  };
  window.benchFrames = {
    get manual() {
      return manual;
    },
    set manual(on) {
      manual = on;
    },
    get pending() {
      return queue.size;
    },
    /** Runs the waiting frame callbacks now; returns how many ran. */
    flush() {
      let ran = 0;
      const now = performance.now();
      for (const [id, callback] of queue) {
        queue.delete(id);
        callback(now);
        ran++;
      }
      return ran;
    },
  };
})();
