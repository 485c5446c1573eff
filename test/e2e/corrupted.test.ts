// Related entities that no longer exist (interface/README.md §6.1), made
// with the emulator's DELETE /_emulator/entities route, and a reader that
// closes the pipe early.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cleanEnv, IMPT_BIN, tempDir } from '../helpers/impt.js';
import { assign, expectFailure, json, useWorld } from './dg-world.js';

const w = useWorld();

const corrupt = async (collection: string, id: string) => {
  const res = await fetch(`${w.emu.origin}/_emulator/entities/${collection}/${id}`, { method: 'DELETE' });
  expect(res.status).toBe(204);
};

describe('corrupted related entities', () => {
  it('labels a missing Product of a Device Group and tells so in text modes only', async () => {
    const p = await w.demo.createProduct(w.name('Gone'), '');
    const name = w.name('Orphan');
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', name);
    await corrupt('products', p.id);
    const line = `Error: Unexpected state. Device Group "${name}" is related to corrupted Product "${p.id}" which does not exist.\n`;
    const text = await w.run(['dg', 'info', '-g', name]);
    expect(text.code).toBe(0);
    expect(text.stdout.startsWith(line)).toBe(true);
    expect(text.stdout).toContain(`  Corrupted Product: \n    id: ${p.id}\n`);
    const minimal = await w.run(['dg', 'info', '-g', dg.id, '-z', 'minimal']);
    expect(minimal.stdout).toContain('Error: Unexpected state.');
    expect(minimal.stdout).toContain('  Corrupted Product: \n');
    const doc = json(await w.run(['dg', 'info', '-g', name, '-z', 'json']));
    expect(doc['Device Group']['Corrupted Product']).toEqual({ id: p.id });
    expect(doc['Device Group'].Product).toBeUndefined();
  });

  it('shows a missing Device Group of a device in lists and fails device info', async () => {
    const p = await w.demo.createProduct(w.name('Lost'), '');
    const dg = await w.demo.createDg(p.id, 'development_devicegroup', w.name('Lost'));
    const [device] = w.devices(1);
    await assign(w.demo, dg.id, [device!]);
    await corrupt('devicegroups', dg.id);
    const list = await w.run(['device', 'list', '-z', 'minimal']);
    expect(list.stdout).toContain(`Error: Unexpected state. Device "${device}" is related to corrupted Device Group "${dg.id}" which does not exist.\n`);
    expect(list.stdout).toContain(`  Corrupted Device Group: \n    id:   ${dg.id}\n    type: unknown\n`);
    const info = await w.run(['device', 'info', '-d', device!]);
    expectFailure(info, `Device Group "${dg.id}" is not found.`);
  });
});

describe('closed pipes', () => {
  it('ends quietly when the reader goes away', async () => {
    const home = w.home;
    const child = spawn(process.execPath, [IMPT_BIN, 'device', 'list'], { cwd: tempDir(), env: cleanEnv({ HOME: home }) });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
