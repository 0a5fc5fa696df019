export default {
  globs: ['src/**/*.ts'],
  outdir: '.',
  litelement: true,
};
