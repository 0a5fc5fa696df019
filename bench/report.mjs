// Turns the results into the console table and docs/benchmarks.md.

const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
/** Ratios checked against a target get a third decimal, so that 1.104× does not read as 1.10×. */
const ratio3 = (x) => (Number.isFinite(x) ? `${x.toFixed(3)}×` : '–');
const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–');
const signedKb = (bytes) => (Number.isFinite(bytes) ? `${bytes < 0 ? '−' : '+'}${kb(Math.abs(bytes))}` : '–');
const count = (n) => n.toLocaleString('en');
const verdict = (ok) => (ok === undefined ? '' : ok ? 'met' : '**not met**');

/** Each target: what it says, the figure measured, and whether it is met. */
export function targets(r) {
  const out = [];
  const row = (capacity) => r.update?.find((u) => u.capacity === capacity);
  for (const capacity of [100, 10_000]) {
    const u = row(capacity);
    if (u) out.push([`capacity ${count(capacity)}: ≤ 1.10× raw uPlot`, ratio3(u.ratio.elementVsUplot), u.ratio.elementVsUplot <= 1.1]);
  }
  for (const capacity of [100_000, 1_000_000]) {
    const u = row(capacity);
    if (u) out.push([`capacity ${count(capacity)}: ≤ 0.5× raw uPlot`, ratio3(u.ratio.elementVsUplot), u.ratio.elementVsUplot <= 0.5]);
  }
  const million = row(1_000_000);
  if (million) out.push(['capacity 1,000,000: Chart.js ≥ 5× the element', ratio3(million.ratio.chartjsVsElement), million.ratio.chartjsVsElement >= 5]);
  if (r.many) out.push([`${r.many.count} instances: busy ≤ ${r.many.count} raw uPlot charts`, ratio3(r.many.ratio), r.many.ratio <= 1]);
  if (r.memory) {
    const m = r.memory;
    out.push([`heap growth ${count(m.first)} → ${count(m.total)} updates < 1 MB`, signedKb(m.updates.element.growth), m.updates.element.growth < 1 << 20]);
    out.push([`heap growth after ${m.cycles} create/remove cycles < 1 MB`, signedKb(m.cycling.element.growth), m.cycling.element.growth < 1 << 20]);
  }
  if (r.size) out.push(['bundle ≤ 5 KB (5,120 B) gzip above the floor', `+${count(r.size.over.gzip)} B`, r.size.over.gzip <= 5 * 1024]);
  return out;
}

/** Sections of [title, header, rows, notes] shared by the console and the Markdown. */
function sections(r) {
  const out = [];
  if (r.update) {
    out.push([
      'Update cost: append 2 points, trim, draw (2 series, 800×300 canvas), median ms per update',
      ['capacity', 'samples', '<data-feed>', 'raw uPlot', 'Chart.js', 'element ÷ uPlot', 'Chart.js ÷ element', 'script only: element ÷ uPlot', 'drawn in span'],
      r.update.map((u) => [
        count(u.capacity),
        String(u.n),
        ms(u.total.element),
        ms(u.total.uplot),
        ms(u.total.chartjs),
        ratio(u.ratio.elementVsUplot),
        ratio(u.ratio.chartjsVsElement),
        ratio(u.ratio.scriptElementVsUplot),
        u.drawn ? 'yes' : 'NO',
      ]),
    ]);
    out.push([
      'Update cost, script only: until the draw calls return, before rasterization (median ms)',
      ['capacity', '<data-feed>', 'raw uPlot', 'Chart.js', 'Chart.js ÷ element'],
      r.update.map((u) => [count(u.capacity), ms(u.script.element), ms(u.script.uplot), ms(u.script.chartjs), ratio(u.ratio.scriptChartjsVsElement)]),
    ]);
  }
  if (r.many) {
    const m = r.many;
    out.push([
      `${m.count} charts streaming every ${m.intervalS} s for ${m.seconds} s: main thread busy (median of ${m.reps} runs each)`,
      ['variant', 'busy', 'of which script', 'the rest (frames, canvas raster, commit)', 'strokes per chart per s', 'busy in each run'],
      [
        ['<data-feed>', 'element'],
        ['raw uPlot + setInterval', 'uplot'],
        ['raw uPlot, drawn in the next frame', 'uplot-in-frame'],
      ].map(([label, v]) => [
        label,
        pct(m.busy[v]),
        pct(m.script[v]),
        pct(m.busy[v] - m.script[v]),
        m.strokes[v].toFixed(1),
        m.runs[v].map((run) => pct(run.busy)).join(', '),
      ]).concat([
        ['element ÷ raw uPlot', ratio(m.ratio), '', '', '', ''],
        ['element ÷ raw uPlot drawn in frame', ratio(m.ratioInFrame), '', '', '', ''],
      ]),
    ]);
  }
  if (r.memory) {
    const m = r.memory;
    out.push([
      'JS heap after a forced GC, capacity 100',
      ['variant', `after ${count(m.first)} updates`, `after ${count(m.total)}`, 'growth', `before ${m.cycles} create/remove cycles`, 'after', 'growth'],
      ['element', 'uplot'].map((v) => [
        v === 'element' ? '<data-feed>' : 'raw uPlot',
        kb(m.updates[v].atFirst),
        kb(m.updates[v].atTotal),
        signedKb(m.updates[v].growth),
        kb(m.cycling[v].before),
        kb(m.cycling[v].after),
        signedKb(m.cycling[v].growth),
      ]),
    ]);
  }
  if (r.startup) {
    const s = r.startup;
    const names = { element: '<data-feed> (heading, controls)', 'element-no-controls': '<data-feed no-controls>', uplot: 'raw uPlot' };
    out.push([
      `Start-up: from creating the chart to its first frame rasterized, 100 points (median ms; cold: ${s.n.cold} fresh pages each, warm: ${s.n.warm} each)`,
      ['variant', 'cold', 'warm', 'cold ÷ uPlot', 'warm ÷ uPlot'],
      Object.keys(names).map((v) => [names[v], ms(s.cold[v]), ms(s.warm[v]), ratio(s.cold[v] / s.cold.uplot), ratio(s.warm[v] / s.warm.uplot)]),
    ]);
  }
  if (r.size) {
    const z = r.size;
    out.push([
      `Size (${z.how})`,
      ['file', 'minified', 'gzip'],
      [
        ['<data-feed> bundle', `${count(z.bundle.min)} B`, `${count(z.bundle.gzip)} B`],
        ['floor: Lit + uPlot', `${count(z.floor.min)} B`, `${count(z.floor.gzip)} B`],
        ['above the floor', `+${count(z.over.min)} B`, `+${count(z.over.gzip)} B`],
      ],
    ]);
  }
  return out;
}

function pad(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  return rows.map((row) => row.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd());
}

export function consoleReport(r) {
  const lines = [];
  for (const [title, header, rows] of sections(r)) lines.push('', title, ...pad([header, ...rows]));
  const t = targets(r);
  if (t.length) lines.push('', 'Targets', ...pad([['target', 'measured', ''], ...t.map(([a, b, ok]) => [a, b, ok ? 'met' : 'NOT MET'])]));
  return lines.join('\n');
}

const mdTable = (header, rows) =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');

export function markdownReport(r, machine, seconds) {
  const parts = [
    '# Benchmarks',
    '',
    `Measured ${machine.date} by \`npm run bench\` (${Math.round(seconds)} s), in one run, variants interleaved; every figure is a median.`,
    '',
    mdTable(['machine', ''], [
      ['CPU', `${machine.cpu} × ${machine.cores}`],
      ['memory', `${machine.memoryGb} GB`],
      ['browser', `${machine.browser}, headless, \`--disable-gpu\` (canvas rasterized in software)`],
      ['Node', machine.node],
      ['OS', machine.os],
      ['load average (1 min)', `${machine.loadStart.toFixed(1)} at the start, ${machine.loadEnd.toFixed(1)} at the end (other work on the machine makes the figures noisier)`],
      ['source measured', machine.source],
    ]),
    '',
    '## Targets',
    '',
    mdTable(['target', 'measured', ''], targets(r).map(([a, b, ok]) => [a, b, verdict(ok)])),
  ];
  for (const [title, header, rows] of sections(r)) parts.push('', `## ${title.replace(/<data-feed>/g, '`<data-feed>`')}`, '', mdTable(header.map((h) => h.replace(/<data-feed>/g, '`<data-feed>`')), rows.map((row) => row.map((c) => String(c).replace(/^<data-feed( no-controls)?>/, (m) => `\`${m}\``)))));
  parts.push('', missed(r), '', METHOD);
  return `${parts.join('\n')}\n`;
}

/** The targets not met: by how much, and why (from the profiles of \`--profile many\` and the size attribution). */
function missed(r) {
  const m = r.many;
  const z = r.size;
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  const manyLine = m
    ? `Measured above: ${pct(m.busy.element)} busy against ${pct(m.busy.uplot)}, ${m.ratio.toFixed(2)}× (script ${pct(m.script.element)} against ${pct(m.script.uplot)}).`
    : '';
  const sizeLine = z ? `Measured above: +${z.over.gzip.toLocaleString("en")} B gzip above the floor (target +5,120 B), ${(z.over.gzip - 5120).toLocaleString("en")} B over.` : "";
  const small = r.update?.find((u) => u.capacity === 100);
  const smallLine = small
    ? `Measured above: ${small.total.element.toFixed(2)} ms against ${small.total.uplot.toFixed(2)} ms, ${small.ratio.elementVsUplot.toFixed(3)}× (script ${small.script.element.toFixed(2)} ms against ${small.script.uplot.toFixed(2)} ms).`
    : '';
  return `## Where the missed targets stand, and why

**Capacity 100.** ${smallLine} This target sits at its limit: 1.05–1.16× across full runs, and 1.10× and
1.11× in two \`--only=update\` runs of this source (9b3060a). uPlot's draw and its rasterization are the same
work in both variants; the element adds about 0.1 ms of script per update to a 1.4–1.7 ms update.
\`node bench/run.mjs --profile 100 element --by-self\` puts the larger items of that at the chart's words
(the summary for screen readers, about 0.03 ms, half of it \`Intl\` date formatting), the message that tells
the shared frame it was painted, the \`data-feed-update\` event and the chunk checks. The summary is written
on every draw when the host pushes points with \`append()\`: held back, it would need a timer to become exact
once the pushing stops.

**50 instances.** ${manyLine} \`node bench/run.mjs --profile many [element|uplot]\` traces 6 s of the
page (main-thread self time per trace event, frames begun, script per function). What it showed:

- Earlier: every draw held further draws with two frame requests (1.86×); one frame callback per lone draw
  brought it to 1.62×, and the accessibility work (summary, announcements, line dashes) back to 1.64×.
- **Phase** (source 835e54e). The scheduler re-armed a timeout at each tick, from when the last one ran, so
  fifty elements' phases drifted apart and their draws spread over the whole 0.5 s, each in a frame of its
  own. Ticks are now due a whole number of intervals after the start, however late a timer runs (late by
  whole intervals: one tick for the latest due time; a clock set back: the grid restarts). A tick asks its
  source up to the time it was *due*: the ticks then sit on the built-in generator's sample grid, and a
  timer a millisecond late would otherwise take the next point early and leave the following tick empty
  (why a plain repeating timer was reverted before). Fake-clock timing is unchanged. 1.64× → 1.33×, and
  "the rest" (frames, raster, commit) became about equal to raw uPlot's.
- **Colours** (6456c08). The colours were read (\`getComputedStyle\` of the host and the swatches) on nearly
  every draw, through a 500 ms expiry: about 15 % of the element's script here. They are now read when a
  1 ms CSS transition on the (unseen) swatches says a colour changed, and after a resize, a colour-scheme
  change or \`refresh()\`. A stopped chart now follows a colour changed on the page within a frame or two.
- **Summary** (e0d14de). The chart's summary for screen readers was formatted on every draw (two dates and
  the values, through \`Intl\`); while streaming it is now rewritten at most once every 5 s, and at once
  on stop. With the colours: 1.33× → 1.24× (\`--only=many\`, load 1.7).
- Tried, not kept: one timeout for all ticks due in the same millisecond. The fifty elements start over
  several milliseconds, so timer tasks fell only from 600 to 456 in 6 s, with no change in the figure.
- What is left: uPlot's own draw costs the same in both pages (about 133 ms of script in 6 s). The
  element's script above that is the update path: re-arming a timeout per tick (raw uPlot's
  \`setInterval\` does not; a repeating timer is not used because a page's fake clock may fake only
  \`setTimeout\`), the \`data-feed-update\` event the contract asks for, the generator, chunk checks
  and buffer, the legend. Each is a few ms in 6 s; none is large enough alone to close the gap.

**Bundle size.** ${sizeLine} Lit and uPlot take about 65.5 kB of the 100 kB minified bundle. Before the
accessibility and export work the element's own code was about 26 kB minified (the element 7.1 kB, chart 3.9,
buffer 3.1, its styles 3.0, envelope 2.6, scheduler 1.7, uPlot's CSS 1.4, chunk checks 1.2, value parsing
1.0, by source-map attribution), +9.1 kB gzip above the floor. The table view, the chart summary and
announcements, CSV and PNG export, time zones, focus handling and their styles added about 2.8 kB gzip, and
moving the data flow into \`src/feed.ts\` 0.2 kB; the phase-keeping scheduler and the colour watch about 0.4 kB.
Measured savings: uPlot's CSS cut to the rules the chart uses saves 338 B minified and 114 B gzip; the CSS
minifier dropping spaces after colons and before \`!important\` and leading zeros saves about 60 B gzip. Terser \`passes: 3\` saves nothing; \`unsafe_arrows\`/\`unsafe_methods\` save 20 B and
\`pure_getters\` 40 B gzip, not worth the risk to Lit's getters. +5 KB would mean dropping about 45 % of
the element's code: the envelope (needed at 10,000+ points), the value clamping and warnings, the chunk
checks, or the styles, which the contract requires.`;
}

const METHOD = `## How it is measured

Reproduce with \`npm ci && npm run bench\` (about 4 minutes on 2 cores; Chromium from \`CHROME_PATH\` or
\`/usr/bin/chromium\`). \`npm run bench:smoke\` runs every part at tiny sizes in a few seconds and checks only
that each produces finite numbers. \`node bench/run.mjs --profile [capacity] [variant]\` prints where one
variant's update time goes (CDP CPU profile). \`--only=update,size\` runs some parts without writing this file.

\`bench/run.mjs\` bundles the pages in \`bench/pages/\` with esbuild (the element from \`src/\`), serves them on
127.0.0.1 with cross-origin isolation (5 µs timers), and drives headless Chromium with puppeteer-core.

- **Update cost.** Each variant is filled to the capacity with the same seeded data and gets the same
  chunks of two points. \`<data-feed>\` is driven through \`append()\`; it draws at most once per
  animation frame, so the page queues \`requestAnimationFrame\` callbacks and runs the one it asked for
  right after \`append()\` (the draw the next frame would do). Raw uPlot: typed arrays with slack,
  \`subarray\` views, one \`setData\` per update. Chart.js 4.6: \`animation: false\`, \`parsing: false\`,
  \`normalized: true\`, decimation (min-max), \`pointRadius: 0\`, \`spanGaps\`, linear x axis with \`min\`/\`max\`
  set, \`update('none')\`, \`push\`/\`shift\` on its data. The span of one update ends after uPlot's
  draw microtask and after reading one pixel back, which makes Chromium rasterize what the canvas
  recorded (it would otherwise do that at the next paint): the figures include the pixel work. "script
  only" stops before that read. Samples per median: the \`samples\` column. A check before timing counts \`stroke()\` calls: inside the span, none
  in the 50 ms after, no frame callback left waiting. Variants run A B C, B C A, C A B, …
- **Many instances.** One fresh page per run; variants alternate. The element runs with its built-in
  generator (\`streaming interval="0.5" min-interval="0.5" sample-period="0.5" no-controls\`); the
  baseline is one uPlot chart and one \`setInterval\` per chart generating the same standard-normal points,
  drawn at once; a second baseline draws in the next animation frame, as the element does. Busy share
  is the growth of the DevTools \`TaskDuration\` metric over wall time, after two settling seconds;
  "script" is \`ScriptDuration\` likewise. Strokes per chart per second show that every variant drew.
- **Memory.** \`HeapProfiler.collectGarbage\` (three times), then \`Runtime.getHeapUsage\`. Updates as in the
  update benchmark, at capacity 100. Cycles: create, attach, \`await refresh()\` (drawn), remove; measured
  after a few warm-up cycles.
- **Start-up.** From creating the chart (\`createElement\`, or the data and \`new uPlot\`) and putting it on
  the page to its first frame rasterized (for the element: \`await el.updateComplete; await el.refresh()\`
  with a source that hands over the 100 points once).
  Cold: the first chart of a freshly loaded page; warm: further charts in the same page.
- **Size.** gzip level 9 of the minified bundle, against \`bench/floor.js\` (every export of Lit and uPlot)
  bundled and minified the same way.
`;
