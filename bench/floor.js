// The bundle-size floor: Lit and uPlot alone, every export kept alive. `<data-feed>`'s bundle
// is measured against this file bundled and minified the same way.
export * from 'lit';
export { default as uPlot } from 'uplot';
