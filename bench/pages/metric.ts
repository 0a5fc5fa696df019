// The checks of the method itself: that the CPU metric counts a 2D canvas's raster, and that
// the forced style/layout count finds a forcing when there is one.
import { painted } from './common.js';

const canvas = document.body.appendChild(document.createElement('canvas'));
canvas.width = 800;
canvas.height = 300;
const ctx = canvas.getContext('2d')!;
const box = document.body.appendChild(document.createElement('div'));
box.textContent = 'style probe';

/** A zigzag of `points` points: little script, and as much raster as its width and dash ask for. */
function draw(points: number, width: number, dash: number[]): void {
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  ctx.lineWidth = width;
  ctx.setLineDash(dash);
  const path = new Path2D();
  for (let i = 0; i < points; i++) path.lineTo((i * canvas.width) / points, 150 + 140 * Math.sin(i * 0.37) * ((i * 7919) % 13) / 13);
  ctx.stroke(path);
}

const bench = {
  /** `n` draws, each followed by a rendered frame. */
  async draws(n: number, points: number, width: number, dash: number[]): Promise<void> {
    for (let i = 0; i < n; i++) {
      draw(points, width, dash);
      await painted();
    }
  },

  /** `n` frames with nothing new. */
  async idle(n: number): Promise<void> {
    for (let i = 0; i < n; i++) await painted();
  },

  /** `n` times a style change read back at once (a forced style recalculation and layout), then a frame. */
  async forced(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      box.style.paddingLeft = `${i % 2}px`;
      void box.offsetWidth;
      await painted();
    }
  },
};

Object.assign(globalThis, { bench });
