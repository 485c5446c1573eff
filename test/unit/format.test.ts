// Text layout of results (interface/README.md §5).
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/output/format.js';

describe('formatText', () => {
  it('aligns values over all keys of an object, nested keys included', () => {
    const text = formatText(
      { Product: { id: 'p1', name: 'Lamp', Owner: { id: 'a1', email: 'e@x', username: 'u' } } },
      { minimal: false },
    );
    expect(text).toBe(
      ['Product: ', '  id:    p1', '  name:  Lamp', '  Owner: ', '    id:       a1', '    email:    e@x', '    username: u'].join('\n'),
    );
  });

  it('keeps trailing spaces for empty values and joins inline arrays per mode', () => {
    const obj = { Deployment: { id: 'd', description: '', tags: ['RC2', 'beta'] } };
    expect(formatText(obj, { minimal: false })).toBe('Deployment: \n  id:          d\n  description: \n  tags:        RC2, beta');
    expect(formatText(obj, { minimal: true })).toContain('tags:        RC2,beta');
  });

  it('renders multi-line and long strings as """ blocks', () => {
    const text = formatText({ X: { code: 'a\nb', n: 1 } }, { minimal: false });
    expect(text).toBe('X: \n  code: \n    """\n      a\n      b\n    """\n  n:    1');
    const long = formatText({ X: { s: 'y'.repeat(600) } }, { minimal: false }).split('\n');
    expect(long[3]).toBe(`      ${'y'.repeat(512)}`);
    expect(long[4]).toBe('      ...');
  });

  it('prints arrays of objects at the array indent and counts colour codes in the width', () => {
    const text = formatText({ G: { Devices: [{ Device: { id: '1' } }, { Device: { id: '2' } }] } }, { minimal: false });
    expect(text).toBe('G: \n  Devices: \n    Device: \n      id: 1\n    Device: \n      id: 2');
    const painted = formatText({ A: { id: '1', 'Corrupted Product': { id: 'x' } } }, {
      minimal: false,
      paint: (t, c) => (c === 'red' ? `\u001b[31m${t}\u001b[39m` : t),
    });
    expect(painted.split('\n')[1]).toBe(`  id: ${' '.repeat(29 - 4)}1`);
  });

  it('counts only the red codes of a corrupted key when every key is coloured', () => {
    const G = (t: string) => `\u001b[32m${t}\u001b[39m`;
    const R = (t: string) => `\u001b[31m${t}\u001b[39m`;
    const lines = formatText(
      { A: { id: '1', description: '', 'Corrupted Product': { id: 'x' } } },
      { minimal: false, paint: (t, c) => (c === 'green' ? G(t) : R(t)) },
    ).split('\n');
    expect(lines[1]).toBe(`  ${G('id: ')}${' '.repeat(25)}1`);
    expect(lines[2]).toBe(`  ${G('description: ')}${' '.repeat(16)}`);
    expect(lines[3]).toBe(`  ${R('Corrupted Product: ')}`);
    expect(lines[4]).toBe(`    ${R('id: ')}${R('x')}`);
  });

  it('renders an empty array under its key as "-"', () => {
    expect(formatText({ X: { id: '1', list: [] } }, { minimal: false })).toBe('X: \n  id:   1\n  list: \n    -');
  });
});
