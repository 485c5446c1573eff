// What each output mode prints and where (interface/README.md §3, DIFFERENCES F8/F9).
import { describe, expect, it } from 'vitest';
import { colorEnabled, fitColumns, Printer, type OutputMode, type Streams } from '../../src/output/printer.js';

function streams(isTTY: boolean, env: NodeJS.ProcessEnv = {}, errIsTTY = isTTY) {
  const out = { stdout: '', stderr: '' };
  const s: Streams = { write: (t) => void (out.stdout += t), writeErr: (t) => void (out.stderr += t), isTTY, errIsTTY, canPrompt: false, env };
  return { s, out };
}

describe('colours (F8)', () => {
  it('are on for a terminal only, NO_COLOR turns them off and FORCE_COLOR on', () => {
    expect(colorEnabled(streams(true, { TERM: 'xterm' }).s)).toBe(true);
    expect(colorEnabled(streams(false, { TERM: 'xterm' }).s)).toBe(false);
    expect(colorEnabled(streams(true, { TERM: 'xterm', NO_COLOR: '1' }).s)).toBe(false);
    expect(colorEnabled(streams(false, { FORCE_COLOR: '1' }).s)).toBe(true);
    expect(colorEnabled(streams(false, { FORCE_COLOR: 'true', NO_COLOR: '1' }).s)).toBe(true);
  });

  it('FORCE_COLOR=0 or false turns them off, even on a terminal', () => {
    expect(colorEnabled(streams(true, { TERM: 'xterm', FORCE_COLOR: '0' }).s)).toBe(false);
    expect(colorEnabled(streams(true, { TERM: 'xterm', FORCE_COLOR: 'false' }).s)).toBe(false);
  });

  it('colour the keys in default and debug mode only', () => {
    const painted: Record<string, string> = {};
    for (const mode of ['default', 'debug', 'minimal', 'json'] as OutputMode[]) {
      const { s, out } = streams(true, { TERM: 'xterm' });
      const p = new Printer(mode, s);
      p.result({ Product: { id: 'p1', name: 'Lamp' } });
      p.succeed();
      painted[mode] = out.stdout;
    }
    expect(painted.default).toBe('\u001b[32mProduct: \u001b[39m\n  \u001b[32mid: \u001b[39m  p1\n  \u001b[32mname: \u001b[39mLamp\nIMPT COMMAND SUCCEEDS\n');
    expect(painted.debug).toBe(painted.default);
    expect(painted.minimal).toBe('Product: \n  id:   p1\n  name: Lamp\n');
    expect(JSON.parse(painted.json!)).toEqual({ Product: { id: 'p1', name: 'Lamp' } });
  });
});

describe('progress indicator (F9)', () => {
  it('is drawn on stderr in default mode when stderr is a terminal, never on stdout, never in the other modes', async () => {
    const drawn: Record<string, string> = {};
    for (const mode of ['default', 'debug', 'minimal', 'json', 'table'] as OutputMode[]) {
      const { s, out } = streams(false, {}, true);
      const p = new Printer(mode, s);
      p.activity(true);
      await new Promise((r) => setTimeout(r, 150));
      p.info('done');
      p.activity(false);
      expect(out.stdout).not.toContain('Contacting impCentral...');
      drawn[mode] = out.stderr;
    }
    expect(drawn.default).toContain('Contacting impCentral...');
    expect(drawn.table).toContain('Contacting impCentral...');
    expect(drawn.debug).toBe('');
    expect(drawn.minimal).toBe('');
    expect(drawn.json).toBe('');
  });

  it('is not drawn when stderr is not a terminal', async () => {
    const { s, out } = streams(true, {}, false);
    const p = new Printer('default', s);
    p.activity(true);
    await new Promise((r) => setTimeout(r, 150));
    p.activity(false);
    expect(out.stderr).toBe('');
  });
});

describe('-z table width (A1)', () => {
  const items = [
    { Device: { id: 'c0f5a1b2c3d4e5f60718293a4b5c6d7e8f901234', name: 'A rather long device name that goes on and on', mac_address: '0c:2a:69:00:00:01' } },
    { Device: { id: 'short', name: 'B', mac_address: '0c:2a:69:00:00:02' } },
  ];
  async function draw(isTTY: boolean, columns?: number) {
    const { s, out } = streams(isTTY);
    const p = new Printer('table', { ...s, columns });
    p.list('Device', items);
    await p.flushTable();
    return out.stdout;
  }
  const widths = (text: string) => text.split('\n').filter((l) => /^[┌│├└]/.test(l)).map((l) => l.length);

  it('fits the terminal: long cells wrap inside their column, nothing is lost', async () => {
    const text = await draw(true, 60);
    expect(Math.max(...widths(text))).toBeLessThanOrEqual(60);
    // the text of column i, line after line, spaces dropped
    const column = (i: number) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('│'))
        .map((l) => l.split('│')[i + 1]!.replace(/\s/g, ''))
        .join('');
    expect(column(0)).toBe('idc0f5a1b2c3d4e5f60718293a4b5c6d7e8f901234short');
    expect(column(1)).toBe('nameAratherlongdevicenamethatgoesonandonB');
    expect(column(2)).toBe('mac_address0c:2a:69:00:00:010c:2a:69:00:00:02');
    expect(text).toMatch(/^Device list \(2 items\):\n┌/);
  });

  it('draws full width when piped, or when the terminal is wide enough', async () => {
    const piped = await draw(false, 60);
    expect(Math.max(...widths(piped))).toBeGreaterThan(60);
    expect(piped).toContain('│ c0f5a1b2c3d4e5f60718293a4b5c6d7e8f901234 │ A rather long device name that goes on and on │');
    expect(await draw(true, 200)).toBe(piped);
    expect(await draw(true, undefined)).toBe(piped);
  });

  it('leaves narrow columns alone and shares the rest (fitColumns)', () => {
    expect(fitColumns(['id', 'x'], [['abcdefghij', 'y']], 80)).toBeUndefined();
    // natural: 12 + 3, borders 3: 18 > 16 → x keeps 3, id gets 16 - 3 - 3 = 10
    expect(fitColumns(['id', 'x'], [['abcdefghij', 'y']], 16)).toEqual([10, 3]);
    // too narrow for anything: every column keeps 6 characters of text
    expect(fitColumns(['aaaaaaaaaa', 'bbbbbbbbbb'], [], 10)).toEqual([8, 8]);
  });
});
