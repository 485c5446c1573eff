// Bundles the entry points into dist/. Dependencies are bundled too
// (reading one file is much faster than resolving a tree of packages), except
// those loaded only on demand; the CLI's help layout and its commands are in
// bundles of their own that load when first needed, so `impt --version`
// starts almost as fast as bare node.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { buildBuilder } from './build-builder.mjs';
import { HELP_BUNDLE, lazyBundles, toBundles } from './cli-bundles.mjs';

const root = new URL('..', import.meta.url).pathname;
const outdir = new URL('../dist', import.meta.url).pathname;

// Parts of bundled packages that a Node command-line tool never runs, replaced
// by stubs so that they are neither parsed nor compiled at start-up:
// - axios' fetch adapter probes globalThis.Request when loaded, which makes
//   Node load its fetch implementation (undici, ~25 ms); the xhr adapter is
//   for browsers. impt's client pins `adapter: 'http'`.
// - form-data (with mime-db, 200 KB of JSON) serves multipart bodies, which
//   impt never sends.
// - axios/lib/utils.js reads globalThis.FormData when loaded (undici again);
//   its isFormData() still recognises form objects by their shape.
// - chalk's supports-color probes the terminal when loaded; impt gives chalk
//   its colour level itself (src/output/printer.ts).
// - Node built-ins that the HTTP packages and commander load at start-up but
//   need only for some requests (LAZY below) are loaded on first use.
// - debug: the diagnostics of follow-redirects and the proxy agents, enabled
//   by DEBUG=…; impt has its own debug output (-z debug).
const STUBS = {
  'axios-fetch': 'export const getFetch = () => false; export default false;',
  'axios-xhr': 'export default false;',
  'form-data':
    "export default class FormData { constructor() { throw new Error('multipart bodies are not supported by impt'); } }",
  'supports-color': 'export default { stdout: false, stderr: false };',
  debug: 'module.exports = function createDebug() { const d = function () {}; d.enabled = false; d.extend = createDebug; return d; };',
};
// A CommonJS module that loads a module on first use (a property read, a
// call or `new`), for modules that packages load at start-up but use only
// for some requests.
const lazyModule = (specifier) => `let m;
const load = () => (m ??= require(${JSON.stringify(specifier)}));
module.exports = new Proxy(function () {}, {
  get: (_, key) => (key === '__esModule' || typeof key === 'symbol' ? undefined : load()[key]),
  apply: (_, self, args) => Reflect.apply(load(), self, args),
  construct: (_, args) => Reflect.construct(load(), args),
});`;
// axios (and the proxy agent it carries) and follow-redirects use these
// modules through their default export, which the proxy serves; packages that
// copy a namespace (`__importStar`), like the agents of log streams, get the
// real module.
const HTTP_PACKAGES = /[\\/]node_modules[\\/](axios|follow-redirects)[\\/]/;
const LAZY = [
  // HTTP/2: only for `httpVersion: 2` (~20 ms to load)
  { name: 'http2', importer: HTTP_PACKAGES },
  // TLS: only for an https endpoint or proxy; the local emulator speaks http
  { name: 'https', importer: HTTP_PACKAGES },
  { name: 'tls', importer: HTTP_PACKAGES },
  { name: 'assert', importer: HTTP_PACKAGES },
  // random form-data boundaries, for multipart bodies impt never sends
  { name: 'crypto', importer: HTTP_PACKAGES },
  // executable subcommands, which impt has none of
  { name: 'child_process', importer: /[\\/]node_modules[\\/]commander[\\/]/ },
  // decompression of compressed answers (the emulator sends none)
  { name: 'zlib', importer: /[\\/]axios[\\/]lib[\\/]adapters[\\/]http\.js$/ },
  // the home folder, when HOME is not set
  { name: 'os', importer: /[\\/]src[\\/]context[\\/]session\.ts$/ },
];
// Packages to load on first use: axios' agent for an https proxy, and the
// proxy agents of impt's own connections (with the node:https, node:tls,
// node:crypto and node:assert they load, ~10 ms), which a run without a
// proxy never makes; chalk, whose styles (~140 KB of objects) only output
// in colour needs. axios uses its agent through the default export, which
// the proxy above serves; impt imports named classes (`named`), each a
// constructor that makes the package's own.
const LAZY_PACKAGES = [
  { name: 'https-proxy-agent', importer: /[\\/]axios[\\/]lib[\\/]adapters[\\/]http\.js$/ },
  { name: 'https-proxy-agent', importer: /[\\/]src[\\/]api[\\/]proxy\.ts$/, named: ['HttpsProxyAgent'] },
  { name: 'http-proxy-agent', importer: /[\\/]src[\\/]api[\\/]proxy\.ts$/, named: ['HttpProxyAgent'] },
  { name: 'chalk', importer: /[\\/]src[\\/]output[\\/]printer\.ts$/, named: ['Chalk'] },
];
// An ES module of constructors that load a module on first use.
const lazyClasses = (specifier, names) =>
  names.map((n) => `export function ${n}(...args) { return new (require(${JSON.stringify(specifier)}).${n})(...args); }`).join('\n');
const AXIOS_HTTP = /[\\/]axios[\\/]lib[\\/]adapters[\\/]http\.js$/;
const PATCHES = [
  {
    file: /[\\/]axios[\\/]lib[\\/]utils\.js$/,
    from: "const FormDataCtor = typeof G.FormData !== 'undefined' ? G.FormData : undefined;",
    to: 'const FormDataCtor = undefined;',
  },
  {
    // the clock of response.duration: the global `performance` loads
    // node:perf_hooks (nine modules) on first use; hrtime is as monotonic
    file: /[\\/]axios[\\/]lib[\\/]core[\\/]dispatchRequest\.js$/,
    from: 'const now = resolveClock();',
    to: 'const now = () => Number(process.hrtime.bigint()) / 1e6;',
  },
  {
    // a sanity check of every request: node:assert is loaded only when it fails
    file: /[\\/]follow-redirects[\\/]index\.js$/,
    from: 'assert.equal(options.protocol, protocol, "protocol mismatch");',
    to: 'if (options.protocol != protocol) assert.equal(options.protocol, protocol, "protocol mismatch");',
  },
  {
    // axios reads node:zlib (lazy above) when loaded, for its options and for
    // the encodings it accepts: the options are read when first used, brotli
    // is in every Node impt runs on (engines), and zstd, which axios
    // advertises only when asked to (transitional.advertiseZstdAcceptEncoding),
    // is looked up then
    file: AXIOS_HTTP,
    from: `const zlibOptions = {
  flush: zlib.constants.Z_SYNC_FLUSH,
  finishFlush: zlib.constants.Z_SYNC_FLUSH,
};

const brotliOptions = {
  flush: zlib.constants.BROTLI_OPERATION_FLUSH,
  finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
};

const zstdOptions = {
  flush: zlib.constants.ZSTD_e_flush,
  finishFlush: zlib.constants.ZSTD_e_flush,
};

const isBrotliSupported = utils.isFunction(zlib.createBrotliDecompress);
const isZstdSupported = utils.isFunction(zlib.createZstdDecompress);
const ACCEPT_ENCODING = 'gzip, compress, deflate' + (isBrotliSupported ? ', br' : '');
const ACCEPT_ENCODING_WITH_ZSTD = ACCEPT_ENCODING + (isZstdSupported ? ', zstd' : '');`,
    to: `const flushOptions = (name) => ({ get flush() { return zlib.constants[name]; }, get finishFlush() { return zlib.constants[name]; } });
const zlibOptions = flushOptions('Z_SYNC_FLUSH');
const brotliOptions = flushOptions('BROTLI_OPERATION_FLUSH');
const zstdOptions = flushOptions('ZSTD_e_flush');
const isBrotliSupported = true;
const isZstdSupported = () => utils.isFunction(zlib.createZstdDecompress);
const ACCEPT_ENCODING = 'gzip, compress, deflate, br';
const acceptEncodingWithZstd = () => ACCEPT_ENCODING + (isZstdSupported() ? ', zstd' : '');`,
  },
  { file: AXIOS_HTTP, from: '? ACCEPT_ENCODING_WITH_ZSTD', to: '? acceptEncodingWithZstd()' },
  { file: AXIOS_HTTP, from: 'if (isZstdSupported) {', to: 'if (isZstdSupported()) {' },
  {
    // Before each request axios asks whether this Node has --use-env-proxy,
    // which makes Node build its table of every option (~170 KB of garbage
    // on the path of a one-request command); asked last, it is asked only
    // of an agent with Node's own proxy settings, the only one it concerns.
    file: AXIOS_HTTP,
    from: `  if (
    !process.allowedNodeEnvironmentFlags ||
    !process.allowedNodeEnvironmentFlags.has('--use-env-proxy')
  ) {
    return configuredAgent;
  }

  const agent = configuredAgent || transport.globalAgent;`,
    to: `  const agent = configuredAgent || transport.globalAgent;
  if (
    !agent ||
    !agent.options ||
    !agent.options.proxyEnv ||
    !process.allowedNodeEnvironmentFlags ||
    !process.allowedNodeEnvironmentFlags.has('--use-env-proxy')
  ) {
    return configuredAgent;
  }`,
  },
];
const slimDependencies = {
  name: 'slim-dependencies',
  setup(b) {
    b.onResolve({ filter: /^(form-data|debug)$/ }, (a) => ({ path: a.path, namespace: 'stub' }));
    b.onResolve({ filter: /^#supports-color$/ }, (a) =>
      /[\\/]chalk[\\/]/.test(a.importer) ? { path: 'supports-color', namespace: 'stub' } : undefined,
    );
    b.onResolve({ filter: /^\.\/(fetch|xhr)\.js$/ }, (a) =>
      /[\\/]axios[\\/]lib[\\/]adapters$/.test(a.resolveDir) ? { path: `axios-${a.path.slice(2, -3)}`, namespace: 'stub' } : undefined,
    );
    b.onResolve({ filter: new RegExp(`^(node:)?(${LAZY.map((l) => l.name).join('|')})$`) }, (a) => {
      const name = a.path.replace(/^node:/, '');
      return LAZY.some((l) => l.name === name && l.importer.test(a.importer)) ? { path: `lazy-${name}`, namespace: 'stub' } : undefined;
    });
    b.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.map((p) => p.name).join('|')})$`) }, (a) => {
      if (a.namespace === 'stub') return undefined;
      const lazy = LAZY_PACKAGES.find((p) => p.name === a.path && p.importer.test(a.importer));
      return lazy && { path: `lazy-package-${a.path}${lazy.named ? '-classes' : ''}`, namespace: 'stub', pluginData: { resolveDir: a.resolveDir, lazy } };
    });
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (a) => {
      if (a.path.startsWith('lazy-package-')) {
        const { resolveDir, lazy } = a.pluginData;
        return { contents: lazy.named ? lazyClasses(lazy.name, lazy.named) : lazyModule(lazy.name), resolveDir, loader: 'js' };
      }
      return { contents: a.path.startsWith('lazy-') ? lazyModule(`node:${a.path.slice(5)}`) : STUBS[a.path], loader: 'js' };
    });
    // every patch of a file, in one load
    b.onLoad({ filter: new RegExp(PATCHES.map((p) => p.file.source).join('|')) }, async (a) => {
      let text = await readFile(a.path, 'utf8');
      for (const patch of PATCHES.filter((p) => p.file.test(a.path))) {
        // a dependency update that moves the line fails the build instead of loading undici again
        if (!text.includes(patch.from)) throw new Error(`${a.path}: patch target not found: ${patch.from}`);
        text = text.replace(patch.from, patch.to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

// string-width (the help layout of cliui and wrap-ansi, cli-table3) runs a
// regular expression of every emoji over each string it measures; the text
// impt lays out is mostly printable ASCII, one column a character.
const asciiStringWidth = {
  name: 'ascii-string-width',
  setup(b) {
    b.onResolve({ filter: /^string-width$/ }, (a) => (a.namespace === 'ascii-width' ? undefined : { path: 'string-width', namespace: 'ascii-width' }));
    b.onLoad({ filter: /.*/, namespace: 'ascii-width' }, () => ({
      contents: `const stringWidth = require('string-width');
const width = (s) => (typeof s === 'string' && /^[\\x20-\\x7e]*$/.test(s) ? s.length : stringWidth(s));
module.exports = width;
module.exports.default = width;`,
      resolveDir: root,
      loader: 'js',
    }));
  },
};

// zod's namespaces export every locale (~290 KB of messages in 40 languages,
// parsed and compiled at every emulator start); the emulator uses none of
// them: its zod keeps English, the default, and `locales` holds only `en`.
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (a) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/][^\\/]+\.js$/.test(a.importer) ? { path: 'zod-locales', namespace: 'zod-stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-stub' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: new URL('..', import.meta.url).pathname,
      loader: 'js',
    }));
  },
};

const common = {
  // metafile paths are then the keys of scripts/cli-bundles.mjs, relative to the repository
  absWorkingDir: root,
  outdir,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // prompts and the config store are needed by few commands (loaded on demand);
  // Builder (impt test run) runs its own files by path: dist/builder/ has its own build
  external: ['conf', '@inquirer/prompts', 'Builder'],
  // bundled CommonJS dependencies call require() for Node's own modules
  banner: { js: "import { createRequire as __imptRequire } from 'node:module'; const require = __imptRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
  // start-up time grows with the bytes V8 has to scan: no whitespace or
  // comments, simpler syntax; identifiers stay (debug stack traces read well)
  minifyWhitespace: true,
  minifySyntax: true,
};

// The CLI is CommonJS in a few files, each one bundle without splitting:
// Node links ES modules one by one (an earlier build of ~60 chunks spent
// ~55 ms linking on `impt product list`), while a CommonJS bundle is one
// compile. `impt.cjs` holds what every run needs (the process boundary, the
// dispatcher, the registry); what it imports dynamically lives in the lazy
// bundles of scripts/cli-bundles.mjs (the help layout, one bundle per
// command group, the table layout, and the rest together), each loaded with
// a code cache (src/cli/bundle-cache.ts) when first needed.
// A module may be in two bundles only if it holds no state and no classes
// (instanceof across copies fails): the core's modules, and the help layout's.
// esbuild imports a Node built-in for an ES module as a copy of it: a new
// object with a getter for each of its properties (~1.5 ms for fs, util,
// stream, http… on the path of a request). The CLI's bundles make it an
// object whose prototype is the built-in instead: the same values, read
// through the prototype, with `default` the built-in itself.
const BUILTIN_ESM = 'var __imptBuiltinESM = (mod) => Object.create(mod, { default: { value: mod, enumerable: true } });';
const BUILTINS = new Set(builtinModules);
function importBuiltinsThroughPrototype(file) {
  const text = readFileSync(file, 'latin1').replace(/__toESM\(require\("([^"]+)"\)(,1)?\)/g, (call, name) =>
    BUILTINS.has(name.replace(/^node:/, '')) ? `__imptBuiltinESM(require("${name}"))` : call,
  );
  writeFileSync(file, text, 'latin1');
}
const cjs = {
  ...common,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  // the testing framework finds dist/testing through the bundle's own URL,
  // made when asked for (node:url is not loaded otherwise)
  banner: { js: `var __imptMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };\n${BUILTIN_ESM}` },
  define: { 'import.meta.url': '__imptMeta.url' },
};
// A lazy bundle's entry: `load(key)` initialises one of its modules (on first
// use) and returns its exports.
const lazyEntry = (keys) => ({
  contents: `const modules = {${[...keys].map((k) => `\n  ${JSON.stringify(k)}: () => require(${JSON.stringify(`./${k}`)}),`).join('')}\n};
exports.load = (key) => modules[key]();`,
  resolveDir: root,
  sourcefile: 'lazy-entry.js',
  loader: 'js',
});
// A bundle run by vm.Script (src/cli/bundle-cache.ts) cannot import(): its
// dynamic imports of the external ES module packages call the loader's
// __imptImport instead.
const EXTERNAL_IMPORT = new RegExp(`\\bimport\\((['"])(${common.external.map((e) => e.replace(/[/]/g, '\\/')).join('|')})\\1\\)`, 'g');
const importThroughLoader = {
  name: 'import-through-loader',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (a) => ({
      contents: (await readFile(a.path, 'utf8')).replace(EXTERNAL_IMPORT, '__imptImport($1$2$1)'),
      loader: 'ts',
    }));
  },
};
// A lazy bundle is one function expression, which the loader calls with
// these (Node's CommonJS module wrapper, and a function for import()).
const LAZY_WRAPPER = '(function (exports, require, module, __filename, __dirname, __imptImport) {';
/** Fails the build for a lazy bundle that the loader could not run as it is. */
function checkLazyBundle(file) {
  const text = readFileSync(file, 'latin1');
  if (!text.startsWith(LAZY_WRAPPER)) throw new Error(`${file}: not wrapped for the loader`);
  // read as latin1 by the loader
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`${file}: not ASCII`);
  const m = /\bimport\(.{0,40}/.exec(text);
  if (m) throw new Error(`${file}: a dynamic import the loader cannot run: ${m[0]}`);
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

// The CLI and the emulator share no code at run time: separate builds.
// The core is built twice: first to find its dynamic imports, then, once
// one build of all they import has shown which lazy bundle holds which
// module, to send each to its bundle. Every bundle is wrapped for the loader,
// `dist/impt-loader.cjs` (bin/impt.js), which runs it with a code cache
// keyed by its content hash; the loader is built last and knows every hash.
const wrapped = { banner: { js: `${LAZY_WRAPPER}\n${cjs.banner.js}` }, footer: { js: '})' } };
const lazyPlugins = [slimDependencies, importThroughLoader, asciiStringWidth];
const targets = new Set();
await build({ ...cjs, entryPoints: { impt: 'src/cli/main.ts' }, plugins: [toBundles({ root, owners: () => 'pending', current: 'impt', onTarget: (k) => targets.add(k) })], write: false });
const all = await build({ ...cjs, stdin: lazyEntry(targets), outfile: join(outdir, 'all.cjs'), outdir: undefined, plugins: lazyPlugins, write: false });
const { owners, keys } = lazyBundles(all.metafile, [...targets]);
const bundleHashes = {};
/** Fails the build for a module of ours or of a package in two lazy bundles (the help layout's copies aside). */
function assertOneCopy(builds) {
  const holder = new Map();
  for (const r of builds) {
    const [file, output] = Object.entries(r.metafile.outputs)[0];
    if (file.endsWith(`${HELP_BUNDLE}.cjs`)) continue;
    for (const m of Object.keys(output.inputs).filter((i) => /^src\/|(^|\/)node_modules\//.test(i))) {
      if (holder.has(m)) throw new Error(`${m} is in both ${holder.get(m)} and ${file}`);
      holder.set(m, file);
    }
  }
}
const lazy = await Promise.all(
  [...keys].map(async ([name, entries]) => {
    const outfile = join(outdir, `${name}.cjs`);
    const r = await build({
      ...cjs,
      stdin: lazyEntry(entries),
      outfile,
      outdir: undefined,
      // the function the loader calls (src/cli/bundle-cache.ts)
      ...wrapped,
      // the help layout carries its own copies of what it imports
      plugins: name === HELP_BUNDLE ? lazyPlugins : [toBundles({ root, owners, current: name }), ...lazyPlugins],
    });
    importBuiltinsThroughPrototype(outfile);
    bundleHashes[name] = checkLazyBundle(outfile);
    return r;
  }),
);
assertOneCopy(lazy);
const core = await build({ ...cjs, ...wrapped, entryPoints: { impt: 'src/cli/main.ts' }, plugins: [toBundles({ root, owners, current: 'impt' })] });
importBuiltinsThroughPrototype(join(outdir, 'impt.cjs'));
bundleHashes.impt = checkLazyBundle(join(outdir, 'impt.cjs'));
const results = await Promise.all([
  core,
  ...lazy,
  build({
    ...cjs,
    entryPoints: { 'impt-loader': 'src/cli/bundle-cache.ts' },
    footer: { js: `module.exports.bundleHashes = ${JSON.stringify(bundleHashes)};` },
  }),
  build({ ...common, entryPoints: { 'impt-emulator': 'src/emulator/main.ts' }, plugins: [zodEnglishOnly] }),
  // the Squirrel interpreter's host API on its own (bench/squirrel.mjs)
  build({ ...common, entryPoints: { squirrel: 'src/squirrel/index.ts' } }),
  buildBuilder(outdir),
]);

// the impUnit-compatible Squirrel framework that `impt test run` prepends to test builds
mkdirSync(join(outdir, 'testing'), { recursive: true });
copyFileSync(new URL('../src/testing/framework/impunit.nut', import.meta.url), join(outdir, 'testing', 'impunit.nut'));

// dist/ is overwritten in place (a failed build leaves the previous one
// usable); files of earlier builds are removed afterwards.
const current = new Set(results.flatMap((r) => Object.keys(r.metafile.outputs)).map((p) => relative(outdir, p)));
for (const name of readdirSync(outdir)) {
  if (/\.c?js$/.test(name) && !current.has(name)) rmSync(join(outdir, name));
}
// the chunks of earlier, split builds
rmSync(join(outdir, 'chunks'), { recursive: true, force: true });
