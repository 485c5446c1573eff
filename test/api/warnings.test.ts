// Warnings of successful impCentral answers (`data.meta`, README §4.1):
// handed over by the client, printed as info lines in default/debug only.
import nock from 'nock';
import { describe, expect, it } from 'vitest';
import { Http } from '../../src/api/http.js';
import { Printer, type OutputMode } from '../../src/output/printer.js';
import { noNetworkAndAllScopesDone } from '../helpers/nock.js';

const BASE = 'https://api.example.test/v5';
const ORIGIN = 'https://api.example.test';

noNetworkAndAllScopesDone();

const WARNINGS = [
  {
    code: 'WA001',
    status: '200',
    title: 'Compilation Warning',
    detail: 'There were compilation warnings.',
    meta: [{ file: 'device_code', type: 'warning', row: 2, column: 5, text: 'unused variable' }, { note: 'no position' }],
  },
];

describe('warnings in data.meta', () => {
  it('are handed to onWarnings by the client, and only when present', async () => {
    nock(ORIGIN)
      .post('/v5/deployments')
      .reply(201, { data: { type: 'deployment', id: 'b1', attributes: {}, meta: WARNINGS } })
      .get('/v5/deployments/b1')
      .reply(200, { data: { type: 'deployment', id: 'b1', attributes: {} } });
    const seen: unknown[][] = [];
    const http = new Http({ endpoint: BASE, userAgent: 'impt/2.6.1', onWarnings: (w) => void seen.push(w) });
    await http.request('POST', '/deployments', { body: { data: {} } });
    await http.get('/deployments/b1');
    expect(seen).toEqual([WARNINGS]);
  });

  it('print «title»: «detail» and the meta lines, without Error:, in default and debug mode only', () => {
    const printed: Record<string, string> = {};
    for (const mode of ['default', 'debug', 'minimal', 'json'] as OutputMode[]) {
      let text = '';
      const p = new Printer(mode, { write: (t) => void (text += t), writeErr: () => undefined, isTTY: false, errIsTTY: false, canPrompt: false, env: {} });
      p.warnings(WARNINGS);
      printed[mode] = text;
    }
    const expected = 'Compilation Warning: There were compilation warnings.\ndevice_code warning (line 2, column 5): unused variable\n';
    expect(printed.default).toBe(expected);
    expect(printed.debug).toBe(expected);
    expect(printed.minimal).toBe('');
    expect(printed.json).toBe('');
  });
});
