// Small statistics for noisy timings.

export function median(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The 25th and 75th percentiles (nearest rank). */
export function quartiles(values) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return [at(0.25), at(0.75)];
}

/** The orders A B C, B C A, C A B, …: each variant goes first equally often. */
export function rotation(names, round) {
  const k = round % names.length;
  return [...names.slice(k), ...names.slice(0, k)];
}
