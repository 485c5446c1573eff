// Bundles Builder (the preprocessor of `impt test run`) into dist/builder/,
// one output file per file of its src/ tree, so that installing impt needs
// none of its ~110 packages (request, an old glob… all deprecated).
// The layout is kept because Builder runs some of its files by path: its HTTP
// and Bitbucket/Azure readers spawn `node <own file>`, the GitHub reader
// starts a worker thread on its own file, and it requires every file of
// libs/ found by a glob. So each file bundles the packages it uses, and the
// requires between Builder's own files stay as they are.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { createRequire } from 'node:module';

const root = join(createRequire(import.meta.url).resolve('Builder/package.json'), '..', 'src');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.js') && e.name !== 'cli.js' ? [join(dir, e.name)] : [],
  );
}

// request (~0.9 MB bundled) serves three readers: it gets a file of its own, vendor/request.js
const SHARED = 'request';

const ownFilesStayExternal = {
  name: 'own-files-external',
  setup(b) {
    b.onResolve({ filter: /^\.\.?\// }, (a) =>
      a.importer.startsWith(root) && join(a.resolveDir, a.path).startsWith(root) ? { path: a.path, external: true } : undefined,
    );
    b.onResolve({ filter: new RegExp(`^${SHARED}$`) }, (a) =>
      a.importer.startsWith(root) ? { path: relative(dirname(a.importer), join(root, 'vendor', SHARED)).replace(/^(?!\.)/, './'), external: true } : undefined,
    );
  },
};

/** Writes dist/builder/ (CommonJS, like the package: dist/ itself is an ES module scope). */
export async function buildBuilder(outdir) {
  const target = join(outdir, 'builder');
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'package.json'), '{ "type": "commonjs" }\n');
  const entryPoints = Object.fromEntries(sources(root).map((f) => [relative(root, f).slice(0, -3), f]));
  entryPoints[`vendor/${SHARED}`] = createRequire(join(root, 'index.js')).resolve(SHARED);
  return build({
    entryPoints,
    outdir: target,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    plugins: [ownFilesStayExternal],
    metafile: true,
    logLevel: 'error',
    minifyWhitespace: true,
    minifySyntax: true,
  });
}
