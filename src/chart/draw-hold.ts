import type { Frames } from './frames.js';

/**
 * Draws at most once per animation frame however often a draw is asked for: the first ask after a
 * frame is drawn at once (in the task that made it, as hand-written uPlot would), later ones wait
 * for the next frame and are drawn together. A lone change costs one frame callback, in the frame
 * that paints it anyway; only a change that must wait asks for a frame more.
 */
export class DrawHold {
  /** The frame request that ends the current hold on drawing, or null when not holding. */
  private _frame: unknown = null;
  /** A change came while holding: draw it when the hold ends. */
  private _dirty = false;
  /** The last draw was made between frames: the next frame paints it, so no draw may join it there. */
  private _unpainted = false;
  /** The frame whose callback ended the last hold: until it is painted, changes still wait. */
  private _releasedIn: unknown = null;

  constructor(
    private readonly _frames: Frames,
    private readonly _draw: () => void,
  ) {}

  /** Whether a draw waits for the next frame. */
  get scheduled(): boolean {
    return this._dirty;
  }

  /**
   * Asks for a draw: at once if nothing was drawn since the last frame was painted (and the frame
   * that ended the hold is not still under way), else at the next frame, where several asks make
   * one draw.
   */
  invalidate(): void {
    if (this._frame === null && (this._releasedIn === null || this._releasedIn !== this._frames.current())) {
      this._drawHeld();
      return;
    }
    this._dirty = true;
    this._frame ??= this._frames.request(this._onFrame);
  }

  /** Draws now if a draw is waiting (or `force`), instead of at the next frame. */
  flush(force = false): void {
    if (!this._dirty && !force) return;
    this._dirty = false;
    this._drawHeld();
  }

  /** Forgets a waiting draw and the hold (nothing is drawn until asked again). */
  cancel(): void {
    this._dirty = this._unpainted = false;
    if (this._frame !== null) {
      this._frames.cancel(this._frame);
      this._frame = null;
    }
  }

  /** Draws, and holds further draws until a frame after the one that paints this draw has begun. */
  private _drawHeld(): void {
    this._draw();
    this._unpainted = this._frames.current() === null;
    this._frame ??= this._frames.request(this._onFrame);
  }

  /**
   * A frame began. If it paints a draw made between frames, a waiting change is drawn in the
   * next one (asking for it); otherwise the waiting change is drawn in this one. With nothing
   * waiting the hold ends, and no further frame is asked for.
   */
  private readonly _onFrame = (): void => {
    this._frame = null;
    if (this._unpainted) {
      this._unpainted = false;
      if (this._dirty) this._frame = this._frames.request(this._onFrame);
      else this._releasedIn = this._frames.current();
    } else if (this._dirty) {
      this._dirty = false;
      this._drawHeld();
    }
  };
}
