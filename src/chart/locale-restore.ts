// Evaluated just after uPlot's module (see uplot.ts): the page gets its own navigator.language back.
import { restoreLanguage } from './locale-guard.js';

restoreLanguage();
