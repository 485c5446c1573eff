// Bundles the two entry points into dist/. Splitting keeps command handlers,
// axios and the prompt library in lazily loaded chunks, so `impt --version`
// starts almost as fast as bare node.
import { build } from 'esbuild';

// dist/ is overwritten in place, not wiped first: a build that fails leaves
// the previous one usable.
await build({
  entryPoints: { impt: 'src/cli/main.ts', 'impt-emulator': 'src/emulator/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: false,
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
});
