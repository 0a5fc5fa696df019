// uPlot, evaluated between the locale guard and its restore: module evaluation follows import order,
// in the browser and in any bundler, so uPlot sees a valid language tag and the page keeps its own.
import './locale-guard.js';
import uPlot from 'uplot';
import './locale-restore.js';

/**
 * Keeps V8 from holding the first chart made on a page, with its element and data, for the life of
 * the page. uPlot makes each chart's `self` as `{ mode }` and then defines a `rect` getter on it.
 * V8 remembers that step, getter included, in the shape every `{ mode }` object shares (Lit's
 * `shadowRootOptions` is one, and lives as long as the page); the getter's scope is the chart's
 * whole closure: its options, our callbacks, the controller, the element, the data drawn. With
 * this object taking that step first, the charts' getters differ from the one remembered, so V8
 * gives each chart a shape of its own and remembers none of them (heap snapshot:
 * `shadowRootOptions` → shape → descriptors → `rect` getter → uPlot's scope → `<data-feed>`).
 * It must stay alive (were it collected, the next chart would take the step again), so uPlot holds it.
 */
(uPlot as unknown as { firstRect: object }).firstRect = Object.defineProperty({ mode: 1 }, 'rect', { get: () => null });

export default uPlot;
