// uPlot, evaluated between the locale guard and its restore: module evaluation follows import order,
// in the browser and in any bundler, so uPlot sees a valid language tag and the page keeps its own.
import './locale-guard.js';
import uPlot from 'uplot';
import './locale-restore.js';

export default uPlot;
