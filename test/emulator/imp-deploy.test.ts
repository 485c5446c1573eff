// POST /deployments compile-checks device and agent code and resolves
// #require from --lib-dir, refusing what impCentral would refuse.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type EmulatorHandle } from '../helpers/emulator.js';
import { client, login } from './util.js';
import { tempDir } from '../helpers/impt.js'; // removed after the file's tests

describe('deployment code checks', () => {
  let emu: EmulatorHandle;
  let api: ReturnType<typeof client>;
  let dg: any;
  const libDir = tempDir('impt-libs-');
  const post = (device_code: string, agent_code = '') =>
    api.post('/deployments', { data: { type: 'deployment', attributes: { device_code, agent_code }, relationships: { devicegroup: { type: dg.type, id: dg.id } } } });

  beforeAll(async () => {
    fs.writeFileSync(path.join(libDir, 'Greeter.lib.nut'), 'class Greeter { static VERSION = "1.2.0"; function hi() { return "hi"; } }\n');
    fs.writeFileSync(path.join(libDir, 'Old.class.nut@0.9.1'), 'class Old {}\n');
    emu = await startEmulator({ inMemory: true, extraArgs: ['--lib-dir', libDir] });
    api = client(emu, await login(emu));
    const product = await api.createProduct('code-checks');
    dg = await api.createDg(product.id, 'development_devicegroup', 'code-checks');
  });
  afterAll(() => emu?.stop());

  it('refuses code that does not compile with CX005 naming the file, line and column', async () => {
    const r = await post('server.log("ok");\nlocal x = ;\n', 'server.log(1)');
    expect(r.status).toBe(400);
    const e = r.body.errors[0];
    expect(e).toMatchObject({ code: 'CX005', status: '400', title: 'Compilation Error' });
    expect(e.meta).toEqual([{ file: 'device_code', type: 'error', row: 2, column: 11, text: 'expression expected' }]);
    expect(e.detail).toBe('device_code does not compile: line 2, column 11: expression expected');
    const both = await post('line 1', 'if (');
    expect(both.body.errors[0].meta.map((m: any) => m.file)).toEqual(['device_code', 'agent_code']);
    // nothing was created
    expect((await api.get(`/deployments?filter[devicegroup.id]=${dg.id}`)).body.data).toEqual([]);
  });

  it('links #require libraries from --lib-dir and names a missing one with the option', async () => {
    expect((await post('#require "Greeter.lib.nut:1.2.0"\nserver.log(Greeter().hi());')).status).toBe(201);
    expect((await post('#require "Old.class.nut:0.9.1"\n')).status).toBe(201);
    const missing = await post('server.log(1);\n  #require "Promise.lib.nut:4.0.0"\n');
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0].meta[0]).toMatchObject({ file: 'device_code', row: 2, column: 3 });
    expect(missing.body.errors[0].detail).toContain('library "Promise.lib.nut:4.0.0" is not available');
    expect(missing.body.errors[0].detail).toContain('--lib-dir');
    const wrongVersion = await post('', '#require "Greeter.lib.nut:2.0.0"');
    expect(wrongVersion.body.errors[0].meta[0].file).toBe('agent_code');
    expect(wrongVersion.body.errors[0].detail).toContain('Greeter.lib.nut there is version 1.2.0');
  });
});
