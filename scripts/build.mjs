// Bundles the two entry points into dist/. Splitting keeps command handlers,
// axios and the prompt library in lazily loaded chunks, so `impt --version`
// starts almost as fast as bare node.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
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
