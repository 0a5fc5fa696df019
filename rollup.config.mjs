import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

/** Collapses white space and comments in the `css` literals of *.styles.ts (they reach the page as text). */
const minifyCss = {
  name: 'minify-css-literals',
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return null;
    const minified = code.replace(/css\s*`([^`]*)`/g, (_, body) =>
      `css\`${body
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        // After a property's colon (a selector's colon is never followed by a space).
        .replace(/:\s+/g, ':')
        .replace(/\s+!important/g, '!important')
        .replace(/([:\s,(])0\.(\d)/g, '$1.$2')
        .replace(/;}/g, '}')
        .trim()}\``,
    );
    return { code: minified, map: null };
  },
};

const external = (id) => /^(lit|@lit\/|uplot)(\/|$)/.test(id);

export default [
  // The library: one ES module per source file with its .d.ts; Lit and uPlot stay dependencies.
  {
    input: 'src/index.ts',
    external,
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true },
    plugins: [typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: true, declarationMap: true, importHelpers: false })],
  },
  // The bundle: one minified module with Lit and uPlot inside, for a plain <script type="module">.
  {
    input: 'src/index.ts',
    output: { file: 'dist/data-feed.bundle.js', format: 'es', sourcemap: true },
    plugins: [
      nodeResolve({ exportConditions: ['production'] }),
      typescript({ tsconfig: './tsconfig.json', outDir: 'dist', declaration: false, declarationMap: false, sourceMap: true, importHelpers: false }),
      minifyCss,
      terser({
        ecma: 2021,
        module: true,
        compress: { passes: 2 },
        // Private members (`_name`) of our classes and uPlot's are only ever read inside the bundle.
        // Lit's cross-copy protocol names start with `_$` and are left alone.
        mangle: { properties: { regex: /^_[A-Za-z]/ } },
        format: { comments: false },
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
