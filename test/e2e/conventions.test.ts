// Conventions every command shares (interface/README.md §1–§6, DIFFERENCES),
// checked across commands of different groups against one emulator.
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/impt.js';
import { runImpt } from '../helpers/in-process.js';
import { useWorld } from './dg-world.js';

const w = useWorld();

const FAILS = 'IMPT COMMAND FAILS\n';

describe.concurrent('parsing', () => {
  it('reports --no-«x» of an unknown option as «x», after the help, on commands of every group', async () => {
    for (const words of [['product', 'list'], ['dg', 'info', '-g', 'x'], ['device', 'list'], ['auth', 'info']]) {
      const r = await w.run([...words, '--no-color']);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(new RegExp(`^\\nUsage: impt ${words[0]} ${words[1]} `));
      expect(r.stdout.endsWith(`Error: Unknown argument: color\n${FAILS}`)).toBe(true);
    }
  });
});

describe.concurrent('errors', () => {
  it('debug mode prints ERROR: HTTP/«status» for an impCentral error before the error lines', async () => {
    const name = w.name('Dup');
    await w.run(['product', 'create', '-n', name]);
    const r = await w.run(['product', 'create', '-n', name, '-z', 'debug']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('ERROR: HTTP/409: Duplicate Resource: Products must have unique names.');
    expect(at).toBeGreaterThan(0);
    expect(lines.indexOf('Error: Duplicate Resource: Products must have unique names.')).toBeGreaterThan(at);
    expect(r.stdout.endsWith(FAILS)).toBe(true);
  });

  it('an environment login to an unusable endpoint fails on the login URL', async () => {
    const r = await runImpt(['product', 'list'], {
      home: tempDir(),
      cwd: tempDir(),
      env: { IMPT_ENDPOINT: 'notaurl', IMPT_USER: 'demo', IMPT_PASSWORD: 'demo' },
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`Error: Request error: Error: Invalid URI "notaurl/auth".\n${FAILS}`);
  });
});

describe.concurrent('colours', () => {
  it('a coloured Corrupted block widens the key column of its object by its red codes only', async () => {
    const p = await w.demo.createProduct(w.name('Gone'), '');
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', w.name('Orphan'));
    const res = await fetch(`${w.emu.origin}/_emulator/entities/products/${p.id}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    const r = await runImpt(['dg', 'info', '-g', dg.id], { home: w.home, cwd: tempDir(), env: { FORCE_COLOR: '1' } });
    expect(r.code).toBe(0);
    const green = (k: string) => `\u001b[32m${k}: \u001b[39m`;
    // "Corrupted Product: " (19) + 10 colour chars = 29 columns; "id: " is 4
    expect(r.stdout).toContain(`\n  ${green('id')}${' '.repeat(25)}${dg.id}\n`);
    expect(r.stdout).toContain(`\n  \u001b[31mCorrupted Product: \u001b[39m\n`);
  });
});
