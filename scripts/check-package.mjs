// Checks the package as a user gets it, after `npm run build`:
//   node scripts/check-package.mjs
// It packs the package (as `npm publish` would, without rebuilding), unpacks it into a scratch app
// and checks that:
// - LICENSE and the third-party notices ship, and the bundle leads with Lit's and uPlot's notices;
// - every source map reaches its sources (they are in the package, or in the map's sourcesContent);
// - package.json's entry points, "customElements" and "sideEffects" name files of the package;
// - custom-elements.json names files of the package and only the public API;
// - the README's TypeScript snippets compile in the app, with the settings of Vite's TypeScript
//   template (strict, noUnusedLocals, noUnusedParameters, verbatimModuleSyntax, …);
// - `lit-analyzer --strict` knows every attribute a Lit template sets in test/package/consumer-lit.ts.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(root, 'node_modules', '.bin', name);
const problems = [];
const fail = (message) => problems.push(message);

const scratch = mkdtempSync(join(tmpdir(), 'data-feed-package-'));
try {
  // ——— the package as published ————————————————————————————————————————————
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: root, encoding: 'utf8' }),
  );
  const files = new Set(packed.files.map((file) => file.path));
  const app = join(scratch, 'app');
  const installed = join(app, 'node_modules', 'data-feed');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, packed.filename), '-C', installed, '--strip-components=1']);
  const read = (path) => readFileSync(join(installed, path), 'utf8');
  const pkg = JSON.parse(read('package.json'));

  // ——— licences ——————————————————————————————————————————————————————————————
  const NOTICES = 'dist/THIRD-PARTY-NOTICES.txt';
  for (const file of ['LICENSE', NOTICES]) if (!files.has(file)) fail(`${file} is not in the package`);
  if (files.has('LICENSE') && !/^MIT License\b[\s\S]*Copyright \(c\) 2026 the data-feed authors/.test(read('LICENSE'))) {
    fail('LICENSE is not the MIT licence of the data-feed authors');
  }
  const bundle = read('dist/data-feed.bundle.js');
  const notice = bundle.startsWith('/*!') ? bundle.slice(0, bundle.indexOf('*/') + 2) : '';
  const owners = [
    ['Lit', /lit-html [\d.]+[^\n]*\| BSD-3-Clause \| Copyright \(c\) \d{4} Google LLC \| https:\/\/github\.com\/lit\/lit/, 'Google LLC'],
    ['uPlot', /uplot [\d.]+ \| MIT \| Copyright \(c\) \d{4} Leon Sorokin \| https:\/\/github\.com\/leeoniya\/uPlot/, 'Leon Sorokin'],
  ];
  if (!notice) fail('dist/data-feed.bundle.js does not lead with a /*! … */ licence notice');
  for (const [name, line, holder] of owners) {
    if (notice && !line.test(notice)) fail(`the bundle's licence notice has no line for ${name} (name, licence, copyright, URL)`);
    if (files.has(NOTICES) && !read(NOTICES).includes(holder)) fail(`${NOTICES} lacks ${name}'s licence (${holder})`);
  }
  if (notice && !notice.includes('THIRD-PARTY-NOTICES.txt')) fail("the bundle's licence notice does not name THIRD-PARTY-NOTICES.txt");

  // ——— source maps ———————————————————————————————————————————————————————————
  let maps = 0;
  for (const file of files) {
    if (file.endsWith('.js')) {
      const url = read(file).match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
      if (url && !url.startsWith('data:') && !files.has(posix.join(posix.dirname(file), url))) fail(`${file} names a map that is not in the package: ${url}`);
    }
    if (!file.endsWith('.map')) continue;
    maps++;
    const map = JSON.parse(read(file));
    map.sources.forEach((source, i) => {
      const path = posix.join(posix.dirname(file), map.sourceRoot ?? '', source);
      if (typeof map.sourcesContent?.[i] !== 'string' && !files.has(path)) fail(`${file}: source ${source} is neither in the package nor in sourcesContent`);
    });
  }

  // ——— package.json ——————————————————————————————————————————————————————————
  const targets = [pkg.main, pkg.module, pkg.types, pkg.customElements];
  const collect = (value) => (typeof value === 'string' ? targets.push(value) : Object.values(value ?? {}).forEach(collect));
  collect(pkg.exports);
  for (const target of targets.filter(Boolean)) if (!files.has(posix.normalize(target))) fail(`package.json names ${target}, which is not in the package`);
  // "sideEffects" globs, as bundlers read them: `*` within one folder, `**` across folders.
  const glob = (pattern) =>
    new RegExp(`^${posix.normalize(pattern).replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?|\*/g, (s) => (s === '*' ? '[^/]*' : '(?:.*/)?'))}$`);
  for (const pattern of pkg.sideEffects ?? []) {
    if (![...files].some((file) => glob(pattern).test(file))) fail(`package.json "sideEffects" names ${pattern}, which matches no file of the package`);
  }
  for (const guard of ['dist/chart/locale-guard.js', 'dist/chart/locale-restore.js', 'dist/index.js', 'dist/data-feed.bundle.js']) {
    if (!(pkg.sideEffects ?? []).some((pattern) => glob(pattern).test(guard))) fail(`package.json "sideEffects" does not cover ${guard}`);
  }

  // ——— custom-elements.json ——————————————————————————————————————————————————
  const manifest = JSON.parse(read(pkg.customElements ?? 'custom-elements.json'));
  const entry = posix.normalize(pkg.exports['.'].default);
  for (const module of manifest.modules) {
    if (!files.has(module.path)) fail(`custom-elements.json: module ${module.path} is not in the package`);
    const isElement = module.declarations?.some((declaration) => declaration.customElement);
    if (module.path !== entry && !isElement) fail(`custom-elements.json lists ${module.path}, neither the entry nor an element's module`);
    JSON.stringify(module, (key, value) => {
      // A type exported from a module with no code of its own has only a .d.ts.
      if (value && typeof value.module === 'string' && !value.package && !files.has(value.module) && !files.has(value.module.replace(/\.js$/, '.d.ts'))) {
        fail(`custom-elements.json: ${module.path} refers to ${value.module}, which is not in the package`);
      }
      return value;
    });
    for (const declaration of module.declarations ?? []) {
      for (const member of declaration.members ?? []) {
        if ((member.privacy && member.privacy !== 'public') || /^[_#]/.test(member.name)) {
          fail(`custom-elements.json lists ${member.privacy ?? 'internal'} member ${declaration.name}.${member.name}`);
        }
      }
    }
  }
  const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'data-feed');
  if (!element) fail('custom-elements.json declares no <data-feed>');

  // ——— the README's TypeScript, in an app ————————————————————————————————————
  const source = join(app, 'src');
  mkdirSync(source);
  // The package's types import Lit's and uPlot's, which an app installs with it.
  for (const dependency of Object.keys(pkg.dependencies)) {
    symlinkSync(join(root, 'node_modules', dependency), join(app, 'node_modules', dependency), 'dir');
  }
  // Vite's TypeScript template (vanilla-ts), with the libraries' types checked too.
  const compilerOptions = {
    target: 'ES2022',
    useDefineForClassFields: true,
    module: 'ESNext',
    lib: ['ES2022', 'DOM', 'DOM.Iterable'],
    types: [],
    skipLibCheck: false,
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    verbatimModuleSyntax: true,
    moduleDetection: 'force',
    noEmit: true,
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    erasableSyntaxOnly: true,
    noFallthroughCasesInSwitch: true,
    noUncheckedSideEffectImports: true,
  };
  writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, include: ['src'] }, null, 2));
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const snippets = [...readme.matchAll(/^```(?:ts|typescript)\n([\s\S]*?)^```$/gm)].map((match) => match[1]);
  if (snippets.length === 0) fail('README.md has no ```ts snippet');
  const snippetLine = (i) => readme.slice(0, readme.indexOf(snippets[i])).split('\n').length;
  snippets.forEach((snippet, i) => writeFileSync(join(source, `readme-${i + 1}.ts`), snippet));
  cpSync(join(root, 'test', 'package', 'consumer-lit.ts'), join(source, 'consumer-lit.ts'));
  const tsc = spawnSync(bin('tsc'), ['-p', app, '--pretty', 'false'], { cwd: app, encoding: 'utf8' });
  for (const line of `${tsc.stdout}${tsc.stderr}`.split('\n').filter(Boolean)) {
    const readmeError = line.match(/^src\/readme-(\d+)\.ts\((\d+),(\d+)\): (.*)$/);
    fail(readmeError ? `README.md:${snippetLine(readmeError[1] - 1) + Number(readmeError[2]) - 1}: ${readmeError[4]}` : `tsc: ${line}`);
  }
  if (tsc.status !== 0 && !`${tsc.stdout}${tsc.stderr}`.trim()) fail(`tsc exited with ${tsc.status}`);

  // ——— lit-analyzer on a Lit app's template ——————————————————————————————————
  // A control: an attribute the element does not have must be reported (so the element was
  // analysed), and `series` is known but typed as its property is (string[]): a Lit template binds
  // it as `.series=${[…]}`.
  writeFileSync(
    join(source, 'control.ts'),
    "import 'data-feed';\nimport { html } from 'lit';\n\nexport const control = html`<data-feed no-such-attribute=\"1\" series=\"A,B\"></data-feed>`;\n",
  );
  const expected = ['control.ts no-unknown-attribute', 'control.ts no-complex-attribute-binding'];
  const lit = spawnSync(process.execPath, [join(root, 'node_modules', 'lit-analyzer', 'cli.js'), 'src/consumer-lit.ts', 'src/control.ts', '--strict', '--noColor'], {
    cwd: app,
    encoding: 'utf8',
  });
  const output = `${lit.stdout}${lit.stderr}`;
  const reported = [];
  let file = '';
  const lines = output.split('\n');
  lines.forEach((line, i) => {
    file = line.match(/^\S*?([\w-]+\.ts)$/)?.[1] ?? file;
    const rule = line.match(/^ {4}([a-z]+(?:-[a-z]+)+)$/)?.[1];
    if (rule) reported.push({ what: `${file} ${rule}`, message: lines[i - 2].trim() });
  });
  if (!/Analyzing 2 files/.test(output)) fail(`lit-analyzer did not analyse the templates:\n${output}`);
  for (const problem of reported) if (!expected.includes(problem.what)) fail(`lit-analyzer --strict: ${problem.what}: ${problem.message}`);
  for (const what of expected) if (!reported.some((problem) => problem.what === what)) fail(`lit-analyzer --strict did not report ${what} (the control)`);

  const summary = `${packed.filename}: ${packed.entryCount} files, ${packed.size} B packed, ${packed.unpackedSize} B unpacked; ${maps} source map(s); ${snippets.length} README snippets and a Lit template checked`;
  if (problems.length) {
    console.error(`${summary}\n${problems.map((problem) => `  ✗ ${problem}`).join('\n')}`);
    process.exitCode = 1;
  } else {
    console.log(summary);
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
