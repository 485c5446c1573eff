// Which lazy bundle of the CLI holds which module (scripts/build.mjs).
//
// The core (dist/impt.cjs) imports the rest of the CLI dynamically: the
// help layout, the error boundary (src/cli/run.ts), shell completion and
// each command. Those modules and everything they import make up the lazy
// bundles, each loaded with its code cache when first needed:
// - `impt-help`: the help layout on its own, with its own copy of the
//   stateless modules it shares (`impt --help` loads nothing else);
// - `impt-<group>`: the modules that only the commands of one group use;
// - `impt-table`: the table layout (cli-table3), for `-z table` and a few
//   list views;
// - `impt-commands`: everything else: the parser and error boundary, the
//   output, the API client, the context files, and what two groups share.
// A run of `impt product list` so reads impt-commands and impt-product (about
// 425 KB) instead of every command of every group (680 KB): reading and
// deserialising what it never runs was the largest cost left of its start.
//
// Every module but those of the help layout lives in exactly one bundle, so
// a class or a module's state is never copied (`instanceof` across two
// copies fails). An import of a module that another bundle holds becomes a
// require of that bundle's `load(key)`, which initialises the module on
// first use; static imports only ever go from a group or the table to
// impt-commands, since whatever impt-commands imports statically is its own.

import { relative } from 'node:path';

const COMMAND = /^src\/commands\/([a-z]+)\/[^/]+\.ts$/;
const HELP = 'src/cli/help.ts';
// a package's files: node_modules/… (or, with node_modules a symbolic link, wherever it leads)
const isPackage = (path) => /(^|\/)node_modules\//.test(path);
const isTable = (path) => /(^|\/)node_modules\/cli-table3\/index\.js$/.test(path);
const BASE = 'impt-commands';
export const HELP_BUNDLE = 'impt-help';

/**
 * The bundles of the modules the core imports dynamically (`targets`, keys
 * relative to the repository) from the metafile of one build of all of
 * them: `owners` maps each module of the lazy bundles (help's own excepted)
 * to its bundle, and `keys` lists per bundle the modules other bundles or
 * the core load from it.
 */
export function lazyBundles(metafile, targets) {
  const inputs = metafile.inputs;
  const edges = (m, dynamicToo) =>
    (inputs[m]?.imports ?? []).filter((i) => !i.external && (dynamicToo || i.kind !== 'dynamic-import')).map((i) => i.path);
  // the help layout is a bundle of its own, with its own copies: not followed
  const closure = (roots, dynamicToo = false) => {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length) {
      const m = stack.pop();
      if (seen.has(m) || !inputs[m]) continue;
      seen.add(m);
      if (m !== HELP) stack.push(...edges(m, dynamicToo));
    }
    return seen;
  };
  const world = closure(targets.filter((t) => t !== HELP), true);
  const splits = new Map();
  for (const m of world) {
    const group = COMMAND.exec(m)?.[1];
    if (group && group !== 'shared') splits.set(`impt-${group}`, [...(splits.get(`impt-${group}`) ?? []), m]);
  }
  const table = [...world].filter(isTable);
  if (table.length) splits.set('impt-table', table);
  const inSplits = [...splits.values()].flat();
  const base = closure(targets.filter((t) => t !== HELP && !inSplits.includes(t)));
  const reachedBy = new Map();
  for (const [name, roots] of splits) for (const m of closure(roots)) reachedBy.set(m, [...(reachedBy.get(m) ?? []), name]);

  const owners = new Map([[HELP, HELP_BUNDLE]]);
  for (const m of world) {
    if (m === HELP || !isFile(m)) continue;
    const by = reachedBy.get(m) ?? [];
    owners.set(m, !base.has(m) && by.length === 1 ? by[0] : BASE);
  }
  // the modules a module imports, through the stubs of the build (which are
  // copied into the bundle of each importer), once per module
  const importsOf = new Map();
  const imported = (m) => {
    if (importsOf.has(m)) return importsOf.get(m);
    const found = new Set();
    const stack = edges(m, true);
    while (stack.length) {
      const to = stack.pop();
      if (found.has(to)) continue;
      found.add(to);
      if (!isFile(to)) stack.push(...edges(to, true));
    }
    const list = [...found].filter((to) => owners.has(to));
    importsOf.set(m, list);
    return list;
  };
  // A package another bundle loads by key keeps all it exports (a require
  // defeats tree shaking: all of zod for one schema): a module of ours that
  // imports a package of impt-commands lives in impt-commands too.
  for (const m of world) {
    if (m.startsWith('src/') && owners.get(m) !== BASE && imported(m).some((to) => isPackage(to) && owners.get(to) === BASE)) {
      owners.set(m, BASE);
    }
  }
  const keys = new Map([...new Set(owners.values())].map((b) => [b, new Set()]));
  for (const t of targets) keys.get(owners.get(t)).add(t);
  for (const m of world) {
    if (m === HELP || !isFile(m)) continue;
    for (const to of imported(m)) if (owners.get(to) !== owners.get(m)) keys.get(owners.get(to)).add(to);
  }
  return { owners, keys };
}

/** Whether a metafile path is a file of the repository (not a stub of the build). */
function isFile(path) {
  return !/^[a-z-]+:/.test(path) && path !== 'lazy-entry.js';
}

const RESOLVING = Symbol('resolving');

/**
 * The esbuild plugin that sends a bundle's imports of modules another bundle
 * holds (`owners`, from lazyBundles) to that bundle. `current` is the bundle
 * being built; the core (`impt`) sends only its dynamic imports, since
 * whatever it imports statically it holds itself. `owners` may be a
 * function of the key (the first build of the core, before owners are known);
 * `onTarget` hears each module sent to another bundle.
 */
export function toBundles({ root, owners, current, onTarget }) {
  const ownerOf = typeof owners === 'function' ? owners : (key) => owners.get(key);
  return {
    name: 'to-bundles',
    setup(b) {
      // the loader of the bundles is loaded by bin/impt.js: one copy of it, one table of loaded bundles
      b.onResolve({ filter: /^\.\/impt-loader\.cjs$/ }, (a) => ({ path: a.path, external: true }));
      b.onResolve({ filter: /^lazy-bundle:/ }, (a) => ({ path: a.path.slice('lazy-bundle:'.length), namespace: 'lazy-bundle' }));
      b.onResolve({ filter: /.*/ }, async (a) => {
        if (a.pluginData === RESOLVING || a.kind === 'entry-point' || a.namespace.startsWith('lazy-')) return undefined;
        if (current === 'impt' && a.kind !== 'dynamic-import') return undefined;
        const r = await b.resolve(a.path, { kind: a.kind, importer: a.importer, resolveDir: a.resolveDir, namespace: a.namespace, pluginData: RESOLVING });
        if (r.errors.length || r.external || r.namespace !== 'file') return undefined;
        const key = relative(root, r.path);
        const owner = ownerOf(key);
        if (!owner || owner === current) return undefined;
        onTarget?.(key);
        return { path: key, namespace: 'lazy-module', pluginData: owner };
      });
      b.onLoad({ filter: /.*/, namespace: 'lazy-module' }, (a) => ({
        contents: `module.exports = require(${JSON.stringify(`lazy-bundle:${a.pluginData}`)})(${JSON.stringify(a.path)});`,
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'lazy-bundle' }, (a) => ({
        contents: `const { loadBundle, bundleHashes } = require('./impt-loader.cjs');
const file = require('node:path').join(__dirname, ${JSON.stringify(`${a.path}.cjs`)});
module.exports = (key) => loadBundle(file, bundleHashes[${JSON.stringify(a.path)}]).load(key);`,
        resolveDir: root,
        loader: 'js',
      }));
    },
  };
}
