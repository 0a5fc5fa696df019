import type { MachineReader } from './metrics.js';

/** A machine whose CPUs are `busy` % busy between samples, with `used` MB of memory in use. */
export function fakeMachine(state = { busy: 25, used: 2048, load: 0.5 }) {
  const times = { user: 0, nice: 0, sys: 0, irq: 0, idle: 0 };
  const machine: MachineReader = {
    cpus: () => [{ times: { ...times } }, { times: { ...times } }],
    totalmem: () => 8 * 2 ** 30,
    freemem: () => 8 * 2 ** 30 - state.used * 2 ** 20,
    loadavg: () => [state.load, 0, 0],
  };
  /** Moves the CPU times on by 1000 ms per core at the current `busy`. */
  const run = () => {
    times.user += state.busy * 10;
    times.idle += (100 - state.busy) * 10;
  };
  return { machine, state, run };
}
