// The data dir lock within one process: the pid in emulator.lock cannot tell
// two emulators of the same process apart.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FilePersistence } from '../../src/emulator/persistence.js';

describe('data dir lock', () => {
  it('refuses a second store on a data dir this process already uses', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'impt-store-')), 'data');
    const fp = new FilePersistence(dir);
    expect(() => new FilePersistence(dir)).toThrow(`cannot use data dir ${dir}: it is in use by another emulator of this process`);
    fp.close();
    new FilePersistence(dir).close();
  });

  it('locks a data dir on a file system without hard links', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'impt-store-')), 'data');
    const spy = vi.spyOn(fs, 'linkSync').mockImplementation(() => {
      throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
    });
    try {
      const fp = new FilePersistence(dir);
      expect(fs.readFileSync(path.join(dir, 'emulator.lock'), 'utf8')).toBe(`${process.pid}\n`);
      expect(fs.readdirSync(dir)).toEqual(['emulator.lock']);
      fp.close();
      expect(fs.existsSync(path.join(dir, 'emulator.lock'))).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });
});
