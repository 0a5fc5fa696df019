// Turns the results into the console tables and docs/benchmarks.md.
import { readFileSync } from 'node:fs';

const ms = (x) => (Number.isFinite(x) ? (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2)) : '–');
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const range = ([a, b]) => (Number.isFinite(a) && Number.isFinite(b) ? `${a.toFixed(2)}–${b.toFixed(2)}` : '–');
const pct = (x) => (Number.isFinite(x) ? `${(x * 100).toFixed(1)} %` : '–');
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–');
const signedKb = (bytes) => (Number.isFinite(bytes) ? `${bytes < 0 ? '−' : '+'}${kb(Math.abs(bytes))}` : '–');
const count = (n) => n.toLocaleString('en');

/** Per-update targets of the issue: element ÷ raw uPlot (its defaults) at each capacity. */
const UPDATE_TARGETS = { 100: 1.1, 10_000: 1.0, 100_000: 0.4, 1_000_000: 0.2 };

/** Each target: what it says, the figure measured, and whether it is met. */
export function targets(r) {
  const out = [];
  for (const u of r.update ?? []) {
    const limit = UPDATE_TARGETS[u.capacity];
    if (limit === undefined) continue;
    const at = `capacity ${count(u.capacity)}`;
    out.push([`${at}, \`await refresh()\`: ≤ ${limit.toFixed(2)}× raw uPlot`, ratio(u.ratio['element/uplot']), u.ratio['element/uplot'] <= limit]);
    out.push([`${at}, timer ticks: ≤ ${limit.toFixed(2)}× raw uPlot`, ratio(u.ratio['element-ticks/uplot-ticks']), u.ratio['element-ticks/uplot-ticks'] <= limit]);
  }
  if (r.update?.length) {
    const table = r.update.map((u) => u.ratio['element-table/element']);
    out.push([
      `with \`table\` on: an update ≤ 1.50× one without (at ${r.update.map((u) => count(u.capacity)).join(' / ')})`,
      table.map(ratio).join(' / '),
      table.every((x) => x <= 1.5),
    ]);
    const forced = r.update.flatMap((u) => ['element', 'element-table', 'element-zoomed', 'element-ticks'].map((v) => u.forced[v].count));
    const manyForced = r.many ? r.many.runs.element.map((run) => run.forced) : [];
    out.push(['style or layout forced by an update: 0', count([...forced, ...manyForced].reduce((a, b) => a + b, 0)), [...forced, ...manyForced].every((n) => n === 0)]);
  }
  if (r.many) {
    const m = r.many;
    out.push([`${m.count} elements: ≤ 0.80× ${m.count} raw uPlot charts with their own timers`, ratio(m.ratio.timers), m.ratio.timers <= 0.8]);
    out.push([`${m.count} elements: ≤ 1.50× one page updating ${m.count} raw uPlot charts from one timer`, ratio(m.ratio.shared), m.ratio.shared <= 1.5]);
  }
  if (r.startup) out.push(['warm start-up: ≤ 1.50× raw uPlot', ratio(r.startup.ratio.element), r.startup.ratio.element <= 1.5]);
  if (r.memory?.cycling.element.canvases != null) {
    const left = r.memory.cycling.element.canvases;
    out.push([`charts left alive after ${count(r.memory.cycles)} elements made and removed: 0`, count(left), left === 0]);
  }
  if (r.settings) {
    for (const k of Object.values(r.settings.cases)) {
      out.push([`${r.settings.changes} random ${k.kind} changes (seed ${k.seed}), time moving between them: ≤ 1.50× a minimal implementation`, ratio(k.ratio), k.ratio <= 1.5]);
    }
  }
  if (r.size) out.push(['bundle ≤ 40,960 B gzip in all', `${count(r.size.bundle.gzip)} B`, r.size.bundle.gzip <= 40_960]);
  return out;
}

/** Sections of [title, header, rows] shared by the console and the Markdown. */
function sections(r) {
  const out = [];
  if (r.update?.length) {
    out.push([
      'Update, `await el.refresh()` (raw uPlot: append + setData), each followed by a rendered frame: main-thread CPU ms per update (median)',
      ['capacity', 'rounds × updates', 'frame alone', '<data-feed>', 'with table', 'zoomed', 'raw uPlot', 'raw uPlot, element look', 'element ÷ uPlot', 'zoomed ÷ uPlot', 'element ÷ uPlot (look)', 'look ÷ default', 'table ÷ without'],
      r.update.map((u) => [
        count(u.capacity),
        `${u.rounds} × ${u.batch}`,
        ms(u.ms.null),
        ms(u.ms.element),
        ms(u.ms['element-table']),
        ms(u.ms['element-zoomed']),
        ms(u.ms.uplot),
        ms(u.ms['uplot-look']),
        ratio(u.ratio['element/uplot']),
        ratio(u.ratio['element-zoomed/uplot']),
        ratio(u.ratio['element/uplot-look']),
        ratio(u.ratio['uplot-look/uplot']),
        ratio(u.ratio['element-table/element']),
      ]),
    ]);
    out.push([
      'Update, timer ticks (the element streaming with a source; raw uPlot with setInterval): main-thread CPU ms per update (median)',
      ['capacity', 'rounds × ticks', 'interval', '<data-feed>', 'raw uPlot', 'element ÷ uPlot', 'quartiles of the ratio'],
      r.update.map((u) => [
        count(u.capacity),
        `${u.rounds} × ${u.ticks}`,
        `${u.intervalMs} ms`,
        ms(u.ms['element-ticks']),
        ms(u.ms['uplot-ticks']),
        ratio(u.ratio['element-ticks/uplot-ticks']),
        range(u.ratioIqr['element-ticks/uplot-ticks']),
      ]),
    ]);
    out.push([
      'Update checks: UpdateLayoutTree/Layout events inside script during 4 traced updates each (and "forced updates": calls from script that made Blink bring style and layout up to date, work or none), drawing, data',
      ['capacity', 'forced: element', 'with table', 'ticks', 'raw uPlot', 'raw, look', 'raw, ticks', 'quartiles of element ÷ uPlot', 'drawn in the span', 'fed as asked'],
      r.update.map((u) => [
        count(u.capacity),
        ...['element', 'element-table', 'element-ticks', 'uplot', 'uplot-look', 'uplot-ticks'].map((v) => forcedCell(u.forced[v])),
        range(u.ratioIqr['element/uplot']),
        u.drawn ? 'yes' : 'NO',
        u.fed ? 'yes' : 'NO',
      ]),
    ]);
  }
  if (r.many) {
    const m = r.many;
    const names = { element: '<data-feed> × ' + m.count, 'uplot-timers': `raw uPlot × ${m.count}, a timer each`, 'uplot-shared': `raw uPlot × ${m.count}, one shared timer` };
    out.push([
      `${m.count} charts streaming every ${m.intervalS} s: main thread busy (CPU time ÷ wall time, ${m.seconds} s windows, median of ${m.reps} runs)`,
      ['variant', 'busy', 'element ÷ this', 'updates/s', 'frames/s carrying them', 'forced style/layout per update', 'busy in each run'],
      Object.entries(names).map(([v, label]) => [
        label,
        pct(m.busy[v]),
        v === 'element' ? '' : ratio(v === 'uplot-timers' ? m.ratio.timers : m.ratio.shared),
        m.updatesPerS[v].toFixed(1),
        m.framesPerS[v].toFixed(1),
        m.forcedPerUpdate[v].toFixed(2),
        m.runs[v].map((run) => pct(run.busy)).join(', '),
      ]),
    ]);
  }
  if (r.startup) {
    const s = r.startup;
    const names = { element: '<data-feed> (heading, controls)', 'element-no-controls': '<data-feed no-controls>', uplot: 'raw uPlot', null: 'the frame alone' };
    out.push([
      `Warm start-up: CPU ms from creating a chart with 100 points to the rendered frame that shows its lines (median of ${s.rounds})`,
      ['variant', 'CPU ms', 'quartiles', '÷ uPlot (median of per-round ratios)'],
      Object.keys(names).map((v) => [names[v], ms(s.ms[v]), range(s.iqr[v]), s.ratio[v] ? ratio(s.ratio[v]) : '']),
    ]);
  }
  if (r.settings) {
    const t = r.settings;
    const names = { element: '<data-feed>', minimal: 'minimal' };
    out.push([
      `Changes of settings: ${t.changes} random changes (good and bad values) to a streaming chart, 0–3 s of fake time after each, drawing stubbed; each seed's changes run in every round (median of ${t.rounds} rounds)`,
      ['seed', 'changes as', 'variant', 'CPU ms', 'wall ms', 'timers run', 'updates', 'warnings', 'element ÷ minimal (CPU)'],
      Object.values(t.cases).flatMap((k) =>
        Object.entries(names).map(([v, label]) => [
          String(k.seed),
          k.kind === 'property' ? 'properties' : 'attributes',
          label,
          ms(k.variants[v].cpu),
          ms(k.variants[v].wall),
          count(k.variants[v].timers),
          count(k.variants[v].updates),
          count(k.variants[v].warnings),
          v === 'element' ? ratio(k.ratio) : '',
        ]),
      ),
    ]);
    out.push([
      `One setting at a time: CPU ms per change, ${t.each} changes (its values in turn, one of them bad for the numbers), no time passing (median of ${t.rounds} rounds)`,
      ['setting', '<data-feed>', 'minimal', 'element ÷ minimal'],
      Object.entries(t.single).map(([name, x]) => [name, ms(x.element), ms(x.minimal), ratio(x.ratio)]),
    ]);
  }
  if (r.memory) {
    const m = r.memory;
    out.push([
      'JS heap after a forced GC, capacity 100',
      ['variant', `after ${count(m.first)} updates`, `after ${count(m.total)}`, 'growth', `before ${m.cycles} create/remove cycles`, 'after', 'growth', 'canvases alive after'],
      ['element', 'uplot'].map((v) => [
        v === 'element' ? '<data-feed>' : 'raw uPlot',
        kb(m.updates[v].atFirst),
        kb(m.updates[v].atTotal),
        signedKb(m.updates[v].growth),
        kb(m.cycling[v].before),
        kb(m.cycling[v].after),
        signedKb(m.cycling[v].growth),
        String(m.cycling[v].canvases ?? '–'),
      ]),
    ]);
  }
  if (r.size) {
    const z = r.size;
    out.push([
      `Size (${z.how})`,
      ['file', 'minified', 'gzip'],
      [
        ['<data-feed> bundle', `${count(z.bundle.min)} B`, `${count(z.bundle.gzip)} B (${count(z.bundle.notice)} B of it the licence notice)`],
        ['floor: Lit + uPlot', `${count(z.floor.min)} B`, `${count(z.floor.gzip)} B`],
        ['above the floor', `+${count(z.over.min)} B`, `+${count(z.over.gzip)} B`],
      ],
    ]);
  }
  if (r.metric) {
    const x = r.metric;
    out.push([
      `The CPU metric against a trace: ${x.draws} draws of a ${count(x.points)}-point path on an 800×300 canvas, each followed by a rendered frame (ms in all)`,
      ['case', 'ThreadTime', 'TaskDuration', 'trace: tasks (thread time)', 'trace: canvas raster'],
      Object.entries(x.cases).map(([name, c]) => [name, ms(c.threadTime), ms(c.taskDuration), ms(c.traceTasks), ms(c.traceRaster)]),
    ]);
  }
  return out;
}

const forcedCell = (f) => {
  if (!f) return '–';
  const events = f.count ? `${f.count} (${Object.entries(f.byName).map(([k, n]) => `${k} ${n}`).join(', ')}; ${ms(f.ms)} ms)` : '0';
  return f.calls ? `${events}; ${f.calls} forced update${f.calls > 1 ? 's' : ''}` : events;
};

function pad(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => String(row[c]).length)));
  return rows.map((row) => row.map((cell, c) => String(cell).padEnd(widths[c])).join('  ').trimEnd());
}

export function consoleReport(r) {
  const lines = [];
  for (const [title, header, rows] of sections(r)) lines.push('', title.replace(/`/g, ''), ...pad([header, ...rows]));
  const t = targets(r);
  if (t.length) lines.push('', 'Targets', ...pad([['target', 'measured', ''], ...t.map(([a, b, ok]) => [a.replace(/`/g, ''), b, ok ? 'met' : 'NOT MET'])]));
  return lines.join('\n');
}

const mdTable = (header, rows) =>
  [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
const code = (text) => String(text).replace(/<data-feed( no-controls)?>/g, (m) => `\`${m}\``);

export function markdownReport(r, machine, seconds) {
  const load = (l) => l.map((x) => x.toFixed(2)).join(', ');
  const parts = [
    '# Benchmarks',
    '',
    `Measured ${machine.date} by \`npm run bench\` (${Math.round(seconds)} s), in one run. Every figure is a median;`,
    'ratios are medians of the ratios within each round, in which every variant took one turn.',
    '',
    mdTable(['', ''], [
      ['commit', machine.source],
      ['CPU', `${machine.cpu}, \`nproc\` ${machine.nproc}`],
      ['memory', `${machine.memoryGb} GB`],
      ['browser', `${machine.browser}, headless, \`--disable-gpu\` (canvas rasterized in software, on the renderer's main thread)`],
      ['Node', machine.node],
      ['OS', machine.os],
      ['load average (1, 5, 15 min)', `${load(machine.loadStart)} before; ${load(machine.loadEnd)} after`],
    ]),
    '',
    'Other work on the machine (see the load) makes absolute figures noisier; the ratios compare variants measured',
    'turn about within each round, so they carry less of it.',
    '',
    '## Targets',
    '',
    mdTable(['target', 'measured', ''], targets(r).map(([a, b, ok]) => [a, b, ok ? 'met' : '**not met**'])),
  ];
  for (const [title, header, rows] of sections(r)) parts.push('', `## ${code(title)}`, '', mdTable(header.map(code), rows.map((row) => row.map(code))));
  if (r.update?.[0]?.look) {
    const l = r.update[0].look;
    parts.push('', `The element's look, as read for "raw uPlot, element look": colours ${l.colors.join(', ')} (\`--data-feed-series-1\`, \`-2\`, set by the pages), width ${l.widths.join(', ')} px (\`--data-feed-line-width\`, 1px when absent), dashes ${l.dashes.map((d) => `[${d.join(', ')}]`).join(', ')} (as drawn).`);
  }
  parts.push('', notes(), '', METHOD);
  return `${parts.join('\n')}\n`;
}

/** bench/notes.md: what the profiles say, written by hand. */
function notes() {
  try {
    return readFileSync(new URL('./notes.md', import.meta.url), 'utf8').trim();
  } catch {
    return '';
  }
}

const METHOD = `## How it is measured

Reproduce with \`npm run bench\` (Chromium from \`CHROME_PATH\` or \`/usr/bin/chromium\`). \`npm run bench:smoke\`
runs every part at tiny sizes in under a minute and checks only that each gives finite numbers (no timing is
asserted anywhere). \`--only=update,size\` runs some parts and writes nothing. \`node bench/run.mjs --profile
[capacity] [variant]\` and \`--profile many [variant] [seconds]\` print where the time goes (trace and CPU profile).

\`bench/run.mjs\` bundles the pages in \`bench/pages/\` with esbuild (the element from \`src/index.ts\`), serves them on
127.0.0.1 and drives headless Chromium with puppeteer-core; one page at a time is open.

- **The figure.** Main-thread CPU time of the page's renderer: the growth of \`ThreadTime\` in the DevTools
  \`Performance.getMetrics\`, read before and after a batch. Chromium rasterizes a 2D canvas in software on that
  thread, at the end of the task that drew on it: \`ThreadTime\` counts that work, \`TaskDuration\` does not. The
  last table above checks this in every run: draws whose cost is mostly raster, measured by both metrics while a
  trace runs; \`ThreadTime\` matches the thread time of the trace's tasks, canvas raster
  (\`CanvasRenderingContext2D::FinalizeFrame\`) included.
- **A rendered frame after each update.** No \`requestAnimationFrame\` is replaced. After each update the page waits
  for a new \`ResizeObserver\` observation of a 1 px probe, then for a task posted from it: the observation is delivered
  in the rendering steps of the frame under way (when the update drew inside a frame's callbacks) or of the next one,
  and the task runs after that frame's paint. Unlike \`requestAnimationFrame\` twice, it adds no frame after a draw
  made in a frame. "frame alone" is that wait with no update.
- **Update.** Every variant holds the same seeded data: the capacity's points, 0.5 s apart and all in the past, then
  two new points per update. \`<data-feed>\` as it comes (heading, controls), with \`capacity\`, a \`backfill\` that
  reaches the data, and a \`source\` that returns the next two points; its canvas sized to 800×300 through its width
  and \`--data-feed-chart-height\`. Driven by \`await el.refresh()\`, and on its own schedule: \`start()\`, then
  \`ticks\` updates at \`interval\` between the two reads, \`stop()\`. Raw uPlot: \`Float64Array\` columns with slack and
  \`subarray\` views, one \`setData\` per update (by \`setInterval\` for ticks), uPlot's defaults (1 px solid lines)
  in the same colours; "element look" gives it the element's widths and dashes. Before timing, each variant is
  checked: it strokes its canvas during the measured span and not in the 100 ms after; the element's source was asked
  from its last point and each update added two points with the buffer at capacity.
- **Forced style and layout.** A trace (\`devtools.timeline\` and more) of four updates per variant; an
  \`UpdateLayoutTree\`, \`RecalculateStyles\` or \`Layout\` event counts when an event in which script runs
  (\`FunctionCall\`, \`TimerFire\`, \`FireAnimationFrame\`, \`EventDispatch\`, \`RunMicrotasks\`, \`v8.callFunction\`, …)
  encloses it: style or layout done for script, not in the frame's own rendering steps. "Forced updates" counts
  Blink's \`ForcedStyleAndLayout\` inside script, whether or not there was work to do (a \`getComputedStyle\` read
  on a clean document). The check finds a page's read of \`offsetWidth\` after a style change (in the metric part)
  and nothing in frames alone.
- **Fifty charts.** One fresh page per run, the variants alternating: 50 charts of 600×200 in two columns, the
  viewport as large as the page. The elements: \`interval="0.5"\` and the built-in generator, started in one task.
  Raw uPlot: the same standard-normal points every 0.5 s, one \`setInterval\` per chart or one for all. Busy is
  \`ThreadTime\` growth over wall time, after a settling time. Frames carrying updates: the first canvas stroke after
  a frame arms a \`ResizeObserver\` observation delivered in the frame that shows it; deliveries per second.
- **Start-up.** Warm: in a page that has already made such charts, from creating the chart (\`createElement\` and
  \`append\`, with a source that hands over 100 points; or \`new uPlot\`) to the rendered frame after its first stroke
  of a series line; the chart is removed outside the measured span.
- **Memory.** \`HeapProfiler.collectGarbage\` (three times), then \`Runtime.getHeapUsage\`. Updates as above at
  capacity 100; cycles: create, attach, \`await refresh()\`, a rendered frame, remove.
- **Size.** \`npm run build\`, then gzip (level 9) of \`dist/data-feed.bundle.js\`; the floor is \`bench/floor.js\` (every
  export of Lit and uPlot) bundled by Rollup with the bundle's resolution and terser options.
`;
