// Which lazy bundle of the CLI holds which module (scripts/cli-bundles.mjs),
// on the module graph of a small made-up CLI: each group's own modules in
// its bundle, what run.ts reaches or two groups share in impt-commands, the
// help layout apart, and keys for exactly the modules other bundles load.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

type Import = { path: string; kind: string; external?: boolean };
type Partition = (
  metafile: { inputs: Record<string, { imports: Import[] }> },
  targets: string[],
) => { owners: Map<string, string>; keys: Map<string, Set<string>> };

const script = fileURLToPath(new URL('../../scripts/cli-bundles.mjs', import.meta.url));
const { lazyBundles } = (await import(script)) as { lazyBundles: Partition };

const uses = (...paths: string[]): Import[] => paths.map((path) => ({ path, kind: 'import-statement' }));
const loads = (...paths: string[]): Import[] => paths.map((path) => ({ path, kind: 'dynamic-import' }));

const GRAPH = {
  inputs: {
    'src/cli/run.ts': { imports: [...uses('src/output/printer.ts', 'src/cli/registry.generated.ts'), ...loads('src/cli/help.ts')] },
    'src/cli/registry.generated.ts': {
      imports: loads('src/commands/product/list.ts', 'src/commands/device/info.ts', 'src/commands/test/run.ts'),
    },
    'src/output/printer.ts': { imports: [...loads('node_modules/cli-table3/index.js'), { path: 'node:fs', kind: 'import-statement', external: true }] },
    'src/cli/help.ts': { imports: uses('node_modules/cliui/index.js', 'src/output/messages/common.ts') },
    'node_modules/cliui/index.js': { imports: [] },
    'src/output/messages/common.ts': { imports: [] },
    'src/commands/product/list.ts': { imports: uses('src/commands/shared/resolver.ts', 'src/commands/product/views.ts') },
    'src/commands/product/views.ts': { imports: [] },
    'src/commands/device/info.ts': { imports: uses('src/commands/shared/resolver.ts') },
    'src/commands/test/run.ts': { imports: uses('src/testing/runner.ts', 'src/testing/log.ts', 'src/context/test-file.ts') },
    'src/testing/runner.ts': { imports: uses('node_modules/tinyglobby/index.js') },
    'node_modules/tinyglobby/index.js': { imports: [] },
    'src/testing/log.ts': { imports: uses('ascii-width:string-width') },
    'src/context/test-file.ts': { imports: uses('node_modules/zod/mini/index.js') },
    'src/commands/shared/resolver.ts': { imports: uses('src/api/wire.ts') },
    'src/api/wire.ts': { imports: uses('node_modules/zod/mini/index.js') },
    'node_modules/zod/mini/index.js': { imports: [] },
    'node_modules/cli-table3/index.js': { imports: uses('ascii-width:string-width', 'node_modules/cli-table3/cell.js') },
    'node_modules/cli-table3/cell.js': { imports: [] },
    'ascii-width:string-width': { imports: uses('node_modules/string-width/index.js') },
    'node_modules/string-width/index.js': { imports: [] },
  },
};
const TARGETS = ['src/cli/run.ts', 'src/cli/help.ts', 'src/commands/product/list.ts', 'src/commands/device/info.ts', 'src/commands/test/run.ts'];
const { owners, keys } = lazyBundles(GRAPH, TARGETS);
const keysOf = (bundle: string) => [...(keys.get(bundle) ?? [])].sort();

describe('the lazy bundles of the CLI', () => {
  it('gives a group the modules only its commands reach', () => {
    expect(owners.get('src/commands/product/list.ts')).toBe('impt-product');
    expect(owners.get('src/commands/product/views.ts')).toBe('impt-product');
    expect(owners.get('src/commands/device/info.ts')).toBe('impt-device');
    expect(owners.get('src/testing/runner.ts')).toBe('impt-test');
    expect(owners.get('node_modules/tinyglobby/index.js')).toBe('impt-test');
  });

  it('keeps in impt-commands what run.ts reaches and what two groups share', () => {
    for (const m of ['src/cli/run.ts', 'src/output/printer.ts', 'src/commands/shared/resolver.ts', 'src/api/wire.ts', 'node_modules/zod/mini/index.js']) {
      expect(owners.get(m), m).toBe('impt-commands');
    }
    // reached by the table layout and, through a stub of the build, by the test group
    expect(owners.get('node_modules/string-width/index.js')).toBe('impt-commands');
  });

  it('moves to impt-commands a module of a group that imports a package of impt-commands', () => {
    expect(owners.get('src/context/test-file.ts')).toBe('impt-commands');
    // through a stub of the build, which is copied into the bundle of each importer
    expect(owners.get('src/testing/log.ts')).toBe('impt-commands');
    expect(keysOf('impt-commands')).not.toContain('node_modules/zod/mini/index.js');
  });

  it('gives the table layout its own bundle and leaves the help layout its copies', () => {
    expect(owners.get('node_modules/cli-table3/index.js')).toBe('impt-table');
    expect(owners.get('node_modules/cli-table3/cell.js')).toBe('impt-table');
    expect(owners.get('src/cli/help.ts')).toBe('impt-help');
    expect(owners.has('node_modules/cliui/index.js')).toBe(false);
    expect(owners.has('ascii-width:string-width')).toBe(false);
  });

  it('finds packages and the table layout where a linked node_modules leads (paths outside the repository)', () => {
    const linked = (m: string) => m.replace(/^node_modules\//, '../store/node_modules/');
    const graph = {
      inputs: Object.fromEntries(
        Object.entries(GRAPH.inputs).map(([m, v]) => [linked(m), { imports: v.imports.map((i) => ({ ...i, path: linked(i.path) })) }]),
      ),
    };
    const { owners: o } = lazyBundles(graph, TARGETS);
    expect(o.get('../store/node_modules/cli-table3/index.js')).toBe('impt-table');
    expect(o.get('src/context/test-file.ts')).toBe('impt-commands');
  });

  it('keys exactly the modules that other bundles or the core load', () => {
    expect(keysOf('impt-commands')).toEqual([
      'node_modules/string-width/index.js',
      'src/cli/run.ts',
      'src/commands/shared/resolver.ts',
      'src/context/test-file.ts',
      'src/testing/log.ts',
    ]);
    expect(keysOf('impt-product')).toEqual(['src/commands/product/list.ts']);
    expect(keysOf('impt-device')).toEqual(['src/commands/device/info.ts']);
    expect(keysOf('impt-test')).toEqual(['src/commands/test/run.ts']);
    expect(keysOf('impt-table')).toEqual(['node_modules/cli-table3/index.js']);
    expect(keysOf('impt-help')).toEqual(['src/cli/help.ts']);
  });
});
