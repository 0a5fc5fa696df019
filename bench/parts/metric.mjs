// Part 0: the method checks itself. (1) The CPU figure of every part is the growth of the
// DevTools metric `ThreadTime` (the renderer main thread's CPU time). Measured at once with a
// trace, on draws whose cost is mostly canvas raster, it must match the CPU time of the thread's
// tasks in the trace, raster (`CanvasRenderingContext2D::FinalizeFrame`) included; `TaskDuration`
// is shown beside it, as it leaves that raster out. (2) The forced style/layout count must find
// the forcing of a page that reads layout after a style change, and none when nothing is forced.
import { cpuMeter, openPage } from '../browser.mjs';
import { forcedStyleLayout, selfTimes, traceMain, walk } from '../trace.mjs';

/** `options`: { draws, points }. */
export async function runMetric(browser, url, { draws, points }, log) {
  const page = await openPage(browser, url, 'metric');
  const cpu = await cpuMeter(page);
  try {
    const result = { draws, points, cases: {} };
    const cases = {
      'frames alone': () => page.evaluate((n) => bench.idle(n), draws),
      '1 px solid lines': () => page.evaluate((n, p) => bench.draws(n, p, 1, []), draws, points),
      '3 px dashed lines': () => page.evaluate((n, p) => bench.draws(n, p, 3, [2, 2]), draws, points),
    };
    for (const [name, run] of Object.entries(cases)) {
      const { events, result: m } = await traceMain(page, () => cpu.measure(run));
      const tasks = selfTimes(events).tasksThreadMs;
      let raster = 0;
      walk(events, (e) => {
        if (e.name === 'CanvasRenderingContext2D::FinalizeFrame') raster += e.tdur / 1000;
      });
      result.cases[name] = { threadTime: m.thread, taskDuration: m.task, script: m.script, traceTasks: tasks, traceRaster: raster, wall: m.wall };
      log(
        `  ${name}: ThreadTime ${m.thread.toFixed(1)} ms, TaskDuration ${m.task.toFixed(1)} ms; ` +
          `trace: tasks ${tasks.toFixed(1)} ms of thread time, of which canvas raster ${raster.toFixed(1)} ms`,
      );
    }
    const forcedRun = await traceMain(page, () => page.evaluate((n) => bench.forced(n), draws));
    const idleRun = await traceMain(page, () => page.evaluate((n) => bench.idle(n), draws));
    result.forced = { control: forcedStyleLayout(forcedRun.events).count, expected: draws, idle: forcedStyleLayout(idleRun.events).count };
    log(`  forced style/layout found: ${result.forced.control} in ${draws} forcing updates, ${result.forced.idle} in ${draws} frames alone`);
    return result;
  } finally {
    await cpu.detach();
    await page.close();
  }
}
