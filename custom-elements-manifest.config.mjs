// custom-elements.json describes the published package, for editors, Storybook and the README's
// API tables: its paths are files of the package (dist/…js, as rollup.config.mjs writes them from
// src/…ts), and it lists the public API only — the element's module and the package's entry, no
// private, protected or `_`-prefixed members. Nothing here names a source file, so sources may move
// between folders of src/: the element's module is whichever declares a custom element, the entry
// is the module package.json's "exports" names.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

/** rollup.config.mjs: `preserveModulesRoot: 'src'` into `dir: 'dist'`. */
const SOURCE_ROOT = 'src/';
const OUTPUT_ROOT = 'dist/';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const entry = posix.normalize(pkg.exports['.'].default);

/**
 * A module path or reference as the analyzer writes it (`src/a/b.ts`, `/src/a/b.js`, or `./b.js`
 * relative to the module `from`), as the file of the package it is built into (`dist/a/b.js`).
 */
function toPackagePath(path, from) {
  let resolved = path.startsWith('.') && from ? posix.join(posix.dirname(from), path) : posix.normalize(path);
  resolved = resolved.replace(/^\//, '');
  if (!resolved.startsWith(SOURCE_ROOT)) return resolved;
  return OUTPUT_ROOT + resolved.slice(SOURCE_ROOT.length).replace(/\.ts$/, '.js');
}

/** Every `module` reference inside `node` (declarations, exports, inheritedFrom, type references). */
function mapReferences(node, from) {
  if (Array.isArray(node)) {
    for (const item of node) mapReferences(item, from);
  } else if (node && typeof node === 'object') {
    // A reference that names a package (`{ package: 'lit' }`) points outside this one.
    if (typeof node.module === 'string' && !node.package) node.module = toPackagePath(node.module, from);
    for (const value of Object.values(node)) mapReferences(value, from);
  }
}

const isPublic = (member) =>
  (!member.privacy || member.privacy === 'public') && !member.name.startsWith('_') && !member.name.startsWith('#');

/** @type {import('@custom-elements-manifest/analyzer').Plugin} */
const publicPackage = {
  name: 'data-feed:public-package',
  packageLinkPhase({ customElementsManifest }) {
    for (const module of customElementsManifest.modules) {
      const source = module.path;
      mapReferences(module.declarations, source);
      mapReferences(module.exports, source);
      module.path = toPackagePath(source);
    }
    customElementsManifest.modules = customElementsManifest.modules.filter(
      (module) => module.path === entry || module.declarations?.some((declaration) => declaration.customElement),
    );
    for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
      if (declaration.members) declaration.members = declaration.members.filter(isPublic);
      // Every attribute has a property (the contract): one the class documents (`@attr`, for
      // lit-analyzer) but does not declare to Lit is not there yet, and not listed.
      const undeclared = (declaration.attributes ?? []).filter((attribute) => !attribute.fieldName);
      if (undeclared.length) {
        console.warn(`${declaration.name}: @attr ${undeclared.map((a) => a.name).join(', ')} documented but not declared to Lit: left out of custom-elements.json`);
        declaration.attributes = declaration.attributes.filter((attribute) => attribute.fieldName);
      }
    }
  },
};

export default {
  globs: ['src/**/*.ts'],
  outdir: '.',
  litelement: true,
  plugins: [publicPackage],
};
