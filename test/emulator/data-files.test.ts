// The data dir's file I/O: the journal is read line by line (lines longer
// than a read, multi-byte characters across reads, a torn tail), and a
// snapshot is written piece by piece yet reads back as the same JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLines, writeFileAtomic } from '../../src/emulator/core/data-files.js';
import { jsonChunks } from '../../src/emulator/core/json-chunks.js';

function inTempDir(fn: (dir: string) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'impt-data-files-'));
  try {
    fn(dir);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('readLines', () => {
  it('yields whole lines across reads, and the text after the last newline as incomplete', () => {
    inTempDir((dir) => {
      const file = path.join(dir, 'j');
      // a line of 2.5 MiB of 3-byte characters spans several 1 MiB reads, cut inside characters
      const long = 'é€'.repeat(600_000);
      fs.writeFileSync(file, `a\n${long}\n\nb\n{"torn`);
      expect([...readLines(file)]).toEqual([
        { text: 'a', complete: true },
        { text: long, complete: true },
        { text: '', complete: true },
        { text: 'b', complete: true },
        { text: '{"torn', complete: false },
      ]);
      fs.writeFileSync(file, 'x\n');
      expect([...readLines(file)]).toEqual([{ text: 'x', complete: true }]);
      fs.writeFileSync(file, '');
      expect([...readLines(file)]).toEqual([]);
    });
  });
});

describe('snapshot writing', () => {
  it('writes the pieces of jsonChunks, which join to JSON.stringify', () => {
    const snapshot = {
      version: 1,
      seq: 7,
      skipped: undefined,
      collections: { products: [{ id: 'p', name: 'n', gone: undefined, when: new Date(0) }], devices: [], webhooks: [undefined, null] },
      logs: { d: [{ ts: 't', type: 'server.log', msg: 'é "quoted"\n' }] },
      members: {},
    };
    for (const depth of [0, 1, 2, 3, 5]) expect([...jsonChunks(snapshot, depth)].join(''), `depth ${depth}`).toBe(JSON.stringify(snapshot));
    // no piece holds more than one record or log line
    const leaves = [...snapshot.collections.products, ...snapshot.logs.d].map((r) => JSON.stringify(r).length);
    expect(Math.max(...[...jsonChunks(snapshot, 3)].map((p) => p.length))).toBe(Math.max(...leaves));
    inTempDir((dir) => {
      const file = path.join(dir, 'state.json');
      writeFileAtomic(file, jsonChunks(snapshot, 3));
      expect(fs.readFileSync(file, 'utf8')).toBe(JSON.stringify(snapshot));
      expect(fs.readdirSync(dir)).toEqual(['state.json']);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    });
  });
});
