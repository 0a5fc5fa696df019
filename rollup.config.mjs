import minifyLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import license from 'rollup-plugin-license';

const external = (id) => /^(lit|@lit\/|uplot)(\/|$)/.test(id);

/** The notices file, beside the bundle; the bundle's leading comment names it. */
const NOTICES = 'THIRD-PARTY-NOTICES.txt';

/** The first copyright line of a licence text ("Copyright (c) 2017 Google LLC."). */
const copyrightOf = (dependency) =>
  (dependency.licenseText ?? '').match(/^\s*Copyright\b.*$/im)?.[0].trim().replace(/\.? All rights reserved\.?$/, '') ?? '';
const repositoryOf = (dependency) => {
  const url = typeof dependency.repository === 'string' ? dependency.repository : dependency.repository?.url;
  return (url ?? dependency.homepage ?? '').replace(/^git\+/, '').replace(/\.git$/, '');
};

/**
 * One line per licence holder of what is bundled: Lit's packages share one licence and one
 * copyright, so they make one line. Short, as the bundle's gzip budget is tight; the full texts
 * are in THIRD-PARTY-NOTICES.txt.
 */
function noticeLines(dependencies) {
  const groups = new Map();
  // 0BSD (tslib's helpers, when a build needs them) asks for no notice.
  for (const dependency of dependencies.filter((d) => d.license !== '0BSD')) {
    const key = `${dependency.license} | ${copyrightOf(dependency)} | ${repositoryOf(dependency)}`;
    groups.set(key, [...(groups.get(key) ?? []), `${dependency.name} ${dependency.version}`]);
  }
  return [...groups].map(([key, names]) => ` * ${names.join(', ')} | ${key}`).join('\n');
}

/**
 * uPlot is one closure, so a bundler keeps all of it; this takes out what the element can never
 * reach. The bundle does not expose uPlot, so no page can reach it either:
 * - uPlot hangs every path builder on `uPlot.paths` and its table join on `uPlot.join`; the chart
 *   draws with `linear` only. Left out: `stepped`, `bars`, `spline` and `join` (about 2.6 kB gzip).
 *   Nothing inside uPlot refers to them. Of uPlot's other statics only what the chart calls stays
 *   (`rangeNum`, `tzDate`, `paths`).
 * - Log and asinh scales (`distr` 3 and 4) and bands: the chart sets no scale's `distr` and no
 *   `bands`. Their ranges, splits, label filters and band clips are called only for those; each
 *   becomes a function that throws (about 0.7 kB gzip), and a series is never a band's edge.
 * - Point markers: every series hides its points (`points.show` false), so uPlot's points path
 *   builder and the default test of whether to show them throw; so does the time axis label made
 *   from one template (the chart gives no axis `values`), and the xy mode's faceted series
 *   defaults are gone (about 0.4 kB gzip).
 * - What the chart's options never change, made constants in uPlot's closure so that terser drops
 *   every branch for the other values (about 1.1 kB gzip): `mode` 1 (no faceted xy mode), `ms` 1
 *   (times in ms), the time axis's `distr` 1 (no ordinal x), the legend and cursor shown, no
 *   cursor focus (`focus.prox` < 0), no series with several legend values (`values`), and a drag
 *   that selects along x only and sets no scale (`drag.y` and `drag.setScale` false, no `uni`),
 *   no cursor `lock`, no cursor point `bbox`, time along x (the x scale's `ori` 0), scales the
 *   usual way (`dir` 1), axis labels unrotated, aligned by their side and at their own gap, a live
 *   legend that isolates no series, a drag's selection and both cursor lines shown, no series
 *   ever focused, no `title`, and every series with its own legend `value` (uPlot's default
 *   formats are never made).
 * - The time axis of times in seconds (never made with `ms` 1), and the weekday names, which none
 *   of uPlot's default time labels uses (the build fails if one ever does).
 * A bundle test paints, hovers, zooms and drags the same points with the bundle and the library
 * build and finds the same pixels, legend, cursor and view; it also reads the library chart's
 * options and checks each one the build takes as constant.
 * The build fails if uPlot's source changes so that a line or function is no longer found, or if
 * an edit moves uPlot's lines (the source map is uPlot's own).
 */
function uplotUnreachable() {
  /** A top-level function of uPlot's source: from its first line to the first `}` at column 0. */
  const whole = (name) => new RegExp(`^function ${name}\\([^)]*\\) \\{\\n[^]*?\\n\\}\\n`, 'm');
  /** The function `name`, made `stub`; its lines stay (empty), so the source map still points at uPlot's own lines. */
  const replaced = (name, stub) => [whole(name), (body) => `${stub}${body.replace(/[^\n]/g, '')}`];
  /** The function `name`, made one that throws. */
  const throwing = (name) => replaced(name, `function ${name}() { uplotLeftOut(); }`);
  // Each edit: what uPlot's source must hold, and what it becomes.
  const edits = [
    [/\(paths\.stepped = stepped\);/, ''],
    [/\(paths\.bars {4}= bars\);/, ''],
    [/\(paths\.spline {2}= monotoneCubic\);/, ''],
    // uPlot's statics but what the chart uses (rangeNum, tzDate, paths): the bundle does not expose uPlot.
    ...['assign', 'fmtNum', 'rangeLog', 'rangeAsinh', 'orient', 'pxRatio', 'sync', 'addGap', 'clipGaps', 'fmtDate', 'join'].map((name) => [new RegExp(`^\\t?uPlot\\.${name} *= \\w+;$`, 'm'), '']),
    ...['rangeLog', 'rangeAsinh', 'logAxisSplits', 'asinhAxisSplits', 'log10AxisValsFilt', 'log2AxisValsFilt', 'clipBandLine'].map(throwing),
    // No bands: no series is a band's edge.
    replaced('bandFillClipDirs', 'function bandFillClipDirs() { return [0, 0]; }'),
    // Every series hides its points: uPlot's point markers are never asked for (its hover points are not these).
    throwing('seriesPointsShow'),
    replaced('points', 'function points() { return uplotLeftOut; }'),
    // No axis gives its labels as one template.
    throwing('timeAxisVal'),
    // The faceted series of the xy mode.
    [/^const facet = \{\n[^]*?\n\};\n\nconst gaps/m, (block) => `${block.replace(/[^\n]/g, '')}const gaps`],
    [/^const xySeriesOpts = \{\n[^]*?\n\};\n/m, (block) => `const xySeriesOpts = null;${block.replace(/[^\n]/g, '')}`],
    [/^\tconst mode = self\.mode;$/m, '\tconst mode = 1;'],
    [/^\tconst mode = u\.mode;$/m, '\tconst mode = 1;'],
    [/^\tlet mode = self\.mode;$/m, '\tlet mode = 1;'],
    [/^\tconst ms = opts\.ms \|\| 1e-3;$/m, '\tconst ms = 1;'],
    // Every series gives its own legend value: uPlot's default formats are never used.
    [/^\tconst _timeSeriesVal  = timeSeriesVal\(_tzDate, timeSeriesStamp\(_timeSeriesStamp, _fmtDate\)\);$/m, ''],
    [/^\t{3}s\.value = isTime \? \(isStr\(sv\) \? timeSeriesVal\(_tzDate, timeSeriesStamp\(sv, _fmtDate\)\) : sv \|\| _timeSeriesVal\) : sv \|\| numSeriesVal;$/m, '\t\t\ts.value = sv;'],
    [/^\tif \(opts\.title\) \{$/m, '\tif (false) {'],
    // Times in ms only (above): the seconds' time axis is never made.
    [/^const \[ timeIncrsS, {2}_timeAxisStampsS, {2}timeAxisSplitsS {2}\] = genTimeStuffs\(1e-3\);$/m, ''],
    // The chart's time labels are uPlot's default ones, which name no weekday.
    [/^const days = \[\n[^]*?\n\];\n/m, (block) => block.replace(/[^\n]/g, '')],
    [/^const days3 = days\.map\(slice3\);$/m, ''],
    [/^\tWWWW: days,\n\tWWW: {2}days3,$/m, '\n'],
    [/^\tWWWW:\t\(d, names\) => names\.WWWW\[d\.getDay\(\)\],$/m, ''],
    [/^\tWWW:\t\(d, names\) => names\.WWW\[d\.getDay\(\)\],$/m, ''],
    [/^\tconst xScaleDistr = scaleX\.distr;$/m, '\tconst xScaleDistr = 1;'],
    [/^\tconst showLegend = legend\.show;$/m, '\tconst showLegend = true;'],
    [/^\tconst showCursor = {16}cursor\.show;$/m, '\tconst showCursor = true;'],
    [/^\tconst cursorFocus = focus\.prox >= 0;$/m, '\tconst cursorFocus = false;'],
    [/^\tlet multiValLegend = false;$/m, '\tconst multiValLegend = false;'],
    [/^\t\tmultiValLegend = getMultiVals != null;$/m, ''],
    // A drag selects along x only, and the chart, not uPlot, takes the selection as its view.
    [/^\tlet dragY = drag\.y;$/m, '\tlet dragY = false;'],
    [/^\t{4}dragY = drag\.y && rawDY >= drag\.dist;$/m, '\t\t\t\tdragY = false;'],
    [/^\t{4}let uni = drag\.uni;$/m, '\t\t\t\tlet uni = null;'],
    [/^\t{4}else if \(drag\.x && drag\.y && \(dragX \|\| dragY\)\)$/m, '\t\t\t\telse if (false)'],
    [/^\t\tif \(drag\.setScale && hasSelect && chgSelect\) \{$/m, '\t\tif (false) {'],
    // No cursor lock (a click never pins the cursor), no custom cursor point boxes, and a
    // horizontal chart (time along x).
    [/^\t\telse if \(cursor\.lock\) \{$/m, '\t\telse if (false) {'],
    [/if \(cursor\._lock\)/g, 'if (false)'],
    [/^\t{7}getBBox = points\.bbox;$/m, '\t\t\t\t\t\t\tgetBBox = null;'],
    [/scaleX\.ori == 0/g, 'true'],
    [/scaleX\.ori == 1/g, 'false'],
    // Scales run the usual way (no `dir` -1), axis labels are not rotated (`rotate` 0) and take
    // their side's alignment (no `align`), and a legend click with Ctrl isolates no series (no `isolate`).
    [/scale\.dir == -1/g, 'false'],
    [/sc\.dir == -1/g, 'false'],
    [/^\t{3}scale\.dir == 1 \? scale\.min :$/m, '\t\t\ttrue ? scale.min :'],
    [/^\t{3}let angle = axis\._rotate \* -PI\/180;$/m, '\t\t\tlet angle = 0;'],
    [/^\t{3}axis\._rotate = side == 2 \? axis\.rotate\(self, values, i, _space\) : 0;$/m, '\t\t\taxis._rotate = 0;'],
    [/^\t{3}let textAlign {4}= axis\.align == 1 \? LEFT :\n\t{3} {19}axis\.align == 2 \? RIGHT :$/m, '\t\t\tlet textAlign    =\n'],
    [/^\t{4}if \(\(e\.ctrlKey \|\| e\.metaKey\) != legend\.isolate\) \{$/m, '\t\t\t\tif (e.ctrlKey || e.metaKey) {'],
    // The legend is live and a drag shows its selection; axis labels sit at the axis's own gap (`alignTo` 1).
    [/legend\.live/g, 'true'],
    [/select\.show/g, 'true'],
    [/axis\.alignTo == 2/g, 'false'],
    // No series is ever focused (focus comes from the cursor or the legend only with cursor focus).
    [/^\t{3}let shouldAlpha = series\.some\(s => s\._focus\) && ctxAlpha != focus\.alpha;$/m, '\t\t\tlet shouldAlpha = false;'],
    [/^\t\tif \(cursor\.x\)$/m, '\t\tif (true)'],
    [/^\t\tif \(cursor\.y\)$/m, '\t\tif (true)'],
  ];
  return {
    name: 'uplot-unreachable',
    transform(code, id) {
      if (!/[\\/]uplot[\\/]dist[\\/]uPlot\.esm\.js$/.test(id)) return null;
      const lines = code.split('\n').length;
      for (const [pattern, replacement] of edits) {
        if (!pattern.test(code)) this.error(`uPlot's source no longer has ${pattern}: check what the bundle leaves out`);
        code = code.replace(pattern, replacement);
      }
      if (/\{WWWW?\}/.test(code)) this.error("uPlot's time labels now name weekdays: keep its weekday names in the bundle");
      // No map is returned: every line of uPlot must stay where it was.
      if (code.split('\n').length !== lines) this.error("an edit of uPlot's source moved its lines: the bundle's source map would point at the wrong ones");
      code += "\nfunction uplotLeftOut() { throw new Error(\"data-feed's bundle leaves out this part of uPlot\"); }\n";
      return { code, map: null };
    },
  };
}

export default [
  // The library: one ES module per source file with its .d.ts; Lit and uPlot stay dependencies.
  // No source maps: the modules are tsc's output, one per source file and not minified, so they
  // read as the sources do; maps would add half the package and could not reach src/ (not shipped).
  {
    input: 'src/index.ts',
    external,
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src' },
    plugins: [
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: true, declarationMap: false, sourceMap: false, importHelpers: false }),
    ],
  },
  // The bundle: one minified module with Lit and uPlot inside, for a plain <script type="module">.
  // Its map carries the sources it was made from (ours and Lit's and uPlot's), as nothing else
  // a page serves does.
  {
    input: 'src/index.ts',
    output: { file: 'dist/data-feed.bundle.js', format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      uplotUnreachable(),
      // Our `css` and `html` literals reach the page as text: minified before TypeScript sees them.
      minifyLiterals({ include: ['src/**/*.ts'], failOnError: true }),
      typescript({
        tsconfig: './tsconfig.json',
        outDir: 'dist',
        declaration: false,
        declarationMap: false,
        sourceMap: true,
        inlineSources: true,
        importHelpers: false,
      }),
      // The notice leads the bundle: written before terser (a banner written after it would get a
      // per-character source map), which keeps this one `/*!` comment and no other.
      license({
        sourcemap: true,
        banner: {
          commentStyle: 'none',
          content: `/*! <%= pkg.name %> <%= pkg.version %> | <%= pkg.license %> | Copyright (c) 2026 the data-feed authors\n<%= data.lines(dependencies) %>\n * Licence texts: ${NOTICES} in the data-feed package */`,
          data: () => ({ lines: noticeLines }),
        },
        thirdParty: {
          allow: { test: '(MIT OR BSD-3-Clause OR 0BSD)', failOnUnlicensed: true, failOnViolation: true },
          output: {
            file: `dist/${NOTICES}`,
            template: (dependencies) =>
              `data-feed.bundle.js includes the following packages.\n\n${dependencies
                .map((d) => `${'='.repeat(72)}\n${d.name} ${d.version} (${d.license})\n${repositoryOf(d)}\n\n${d.licenseText.trim()}\n`)
                .join('\n')}`,
          },
        },
      }),
      terser({
        ecma: 2021,
        module: true,
        compress: { passes: 2 },
        // Private members (`_name`) of our classes and uPlot's are only ever read inside the bundle.
        // Lit's cross-copy protocol names start with `_$` and are left alone.
        mangle: { properties: { regex: /^_[A-Za-z]/ } },
        format: { comments: /^!/ },
      }),
      {
        // The bundle exports what the library does: give it the same types.
        name: 'bundle-types',
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: 'data-feed.bundle.d.ts', source: "export * from './index.js';\n" });
        },
      },
    ],
  },
];
