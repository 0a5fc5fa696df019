declare const __FC_SEED__: string;

/**
 * Options for `fc.assert`: `numRuns` cases from one seed. A failure reports its seed; replay it with
 * FC_SEED=<seed> BROWSERS=chromium npx wtr --files 'test/feeds/**\/*.test.ts'
 */
export function runs(numRuns: number): { numRuns: number; seed: number } {
  const seed = __FC_SEED__ ? Number(__FC_SEED__) : Date.now() % 2 ** 31; // fast-check takes a 32-bit seed
  return { numRuns, seed };
}
