// How the error boundary prints failures in each output mode (interface/README.md §4, DIFFERENCES F3).
import { describe, expect, it } from 'vitest';
import { ImpCentralApiError, TransportError } from '../../src/api/errors.js';
import { reportFailure } from '../../src/cli/run.js';
import { Printer, type OutputMode } from '../../src/output/printer.js';

function printed(mode: OutputMode, e: unknown): string {
  let text = '';
  const out = new Printer(mode, { write: (t) => void (text += t), writeErr: () => undefined, isTTY: false, errIsTTY: false, canPrompt: false, env: {} });
  reportFailure(out, e);
  out.fail();
  return text;
}

const compile = new ImpCentralApiError(
  400,
  [
    {
      status: '400',
      title: 'Compilation Error',
      detail: 'There were compilation errors.',
      meta: [
        { file: 'agent_code', type: 'error', row: 3, column: 7, text: 'expression expected' },
        { note: 'no position' },
      ],
    },
  ],
  'POST',
  '/devicegroups/x/deployments',
);

describe('impCentral errors', () => {
  it('prints the title, the detail and the complete meta lines in text modes', () => {
    expect(printed('default', compile)).toBe(
      'Error: Compilation Error: There were compilation errors.\nagent_code error (line 3, column 7): expression expected\nIMPT COMMAND FAILS\n',
    );
    expect(printed('minimal', compile)).toBe(
      'Error: Compilation Error: There were compilation errors.\nagent_code error (line 3, column 7): expression expected\n',
    );
  });

  it('json: one document; one error line per meta entry, one for an error without meta', () => {
    expect(JSON.parse(printed('json', compile))).toEqual({
      Error:
        'Compilation Error: There were compilation errors. agent_code error (line 3, column 7): expression expected\n' +
        'Compilation Error: There were compilation errors.',
    });
    const several = new ImpCentralApiError(
      400,
      ['d1', 'd2', 'd3', 'd4'].map((id) => ({ status: '404', title: 'Resource Not Found', detail: `Device ${id} not found.` })),
      'POST',
      '/devicegroups/g/relationships/devices',
    );
    expect(JSON.parse(printed('json', several))).toEqual({
      Error: ['d1', 'd2', 'd3', 'd4'].map((id) => `Resource Not Found: Device ${id} not found.`).join('\n'),
    });
    const dup = new ImpCentralApiError(409, [{ status: '409', title: 'Duplicate Resource', detail: 'Names must be unique.' }], 'POST', '/products');
    expect(JSON.parse(printed('json', dup))).toEqual({ Error: 'Duplicate Resource: Names must be unique.' });
  });

  it('prints only the elements that have a title, a detail and a status outside 2xx', () => {
    const mixed = new ImpCentralApiError(
      400,
      [
        { status: '403', title: 'Invalid Permission', detail: 'Device d1 cannot be assigned.' },
        { status: '200', title: 'OK', detail: 'Device d2 was assigned.' },
        { status: 409, title: 'No detail' },
        { title: 'No status', detail: 'status missing' },
        { status: 404, title: 'Resource Not Found', detail: 'The requested device could not be found.' },
      ],
      'POST',
      '/devicegroups/g/relationships/devices',
    );
    expect(printed('default', mixed)).toBe(
      'Error: Invalid Permission: Device d1 cannot be assigned.\nError: Resource Not Found: The requested device could not be found.\nIMPT COMMAND FAILS\n',
    );
    expect(JSON.parse(printed('json', mixed))).toEqual({
      Error: 'Invalid Permission: Device d1 cannot be assigned.\nResource Not Found: The requested device could not be found.',
    });
    const none = new ImpCentralApiError(502, [{ title: 'Bad Gateway' }], 'GET', '/products');
    expect(printed('minimal', none)).toBe('Error: impCentral answered with HTTP status 502 and no error description.\n');
  });

  it('names the HTTP status of an answer without errors[] (an HTML error page)', () => {
    const html = new ImpCentralApiError(500, [], 'GET', '/products');
    const line = 'impCentral answered with HTTP status 500 and no error description.';
    expect(printed('default', html)).toBe(`Error: ${line}\nIMPT COMMAND FAILS\n`);
    expect(printed('minimal', html)).toBe(`Error: ${line}\n`);
    expect(JSON.parse(printed('json', html))).toEqual({ Error: line });
  });
});

describe('transport errors', () => {
  it('names the network for resets and timeouts, and quotes the library otherwise', () => {
    expect(printed('default', new TransportError('Error: read ECONNRESET', 'ECONNRESET'))).toBe(
      'Error: Access to impCentral failed or timed out. Please check your network connection.\nIMPT COMMAND FAILS\n',
    );
    expect(printed('json', new TransportError('Error: connect ECONNREFUSED 10.1.2.3:443', 'ECONNREFUSED'))).toBe(
      '{\n  "Error": "Request error: Error: connect ECONNREFUSED 10.1.2.3:443."\n}\n',
    );
  });

  it('an unknown host is no timeout: the library message names the host, as in impt 2.6.1', () => {
    for (const code of ['ENOTFOUND', 'EAI_AGAIN']) {
      expect(printed('default', new TransportError(`Error: getaddrinfo ${code} api.example.invalid`, code))).toBe(
        `Error: Request error: Error: getaddrinfo ${code} api.example.invalid.\nIMPT COMMAND FAILS\n`,
      );
    }
  });

  it('a change without an answer may have been carried out: the command that shows it, never a login key', () => {
    const unanswered = (method: string, path: string) =>
      Object.assign(new TransportError('Error: socket hang up', 'ECONNRESET'), { unanswered: { method, path } });
    const line = (check: string) =>
      `Error: Access to impCentral failed or timed out before its answer came: the request may have been carried out; check with "${check}".\n`;
    expect(printed('default', unanswered('POST', '/devicegroups'))).toBe(`${line('impt dg list')}IMPT COMMAND FAILS\n`);
    expect(printed('minimal', unanswered('POST', '/devicegroups/g%201/relationships/devices'))).toBe(line('impt device list --dg g 1'));
    expect(printed('minimal', unanswered('PATCH', '/deployments/b1'))).toBe(line('impt build info --build b1'));
    expect(printed('minimal', unanswered('PATCH', '/accounts/me/login_keys/0123456789abcdef'))).toBe(line('impt loginkey list'));
    // restarts and log streams change nothing to look at
    expect(printed('minimal', unanswered('POST', '/devices/d1/restart'))).toBe(
      'Error: Access to impCentral failed or timed out. Please check your network connection.\n',
    );
  });
});
