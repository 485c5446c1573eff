// The store's journal when a write fails (disk full): the changes stay
// queued, the next transaction keeps the number and no part of a line stays
// in the file, so the journal has nothing that would stop the next start.
// Also the data dir lock within one process (the pid in emulator.lock cannot
// tell two emulators of the same process apart).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { FilePersistence, MemoryPersistence, type JournalOp, type Persistence } from '../../src/emulator/persistence.js';
import { createEmulator } from '../../src/emulator/server.js';
import { Store } from '../../src/emulator/store.js';

/** In-memory persistence whose next append can be made to fail. */
type Failing = Persistence & { failNext: boolean; written: { s: number; ops: JournalOp[] }[] };

function failingOnce(): Failing {
  const mem = new MemoryPersistence();
  const p: Failing = {
    failNext: false,
    written: [] as { s: number; ops: JournalOp[] }[],
    load: () => mem.load(),
    append(seq: number, ops: JournalOp[]): void {
      if (p.failNext) {
        p.failNext = false;
        throw new Error('ENOSPC: no space left on device');
      }
      p.written.push({ s: seq, ops });
    },
    writeSnapshot: () => undefined,
    journalLength: () => p.written.length,
    readSeed: () => undefined,
    writeSeed: () => undefined,
    readClockOffset: () => 0,
    writeClockOffset: () => undefined,
    close: () => undefined,
  };
  return p;
}

const product = (id: string) => ({ id, name: id }) as never;

describe('store journal', () => {
  it('keeps the changes and the number of a transaction whose write failed', () => {
    const p = failingOnce();
    const store = new Store(p);
    store.put('products', product('a'));
    store.flush();
    store.put('products', product('b'));
    p.failNext = true;
    expect(() => store.flush()).toThrow(/ENOSPC/);
    store.put('products', product('c'));
    store.flush();
    expect(p.written.map((t) => t.s)).toEqual([1, 2]);
    expect(p.written[1]!.ops.map((op) => (op[2] as { id: string }).id)).toEqual(['b', 'c']);
  });

  it('reloads a journal written across a failed write', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'impt-store-')), 'data');
    const fp = new FilePersistence(dir);
    const store = new Store(fp);
    store.compact();
    store.put('products', product('a'));
    store.flush();
    const append = fp.append.bind(fp);
    fp.append = () => {
      throw new Error('EIO');
    };
    store.put('products', product('b'));
    expect(() => store.flush()).toThrow(/EIO/);
    fp.append = append;
    store.flush();
    fp.close();
    const again = new FilePersistence(dir);
    const reloaded = new Store(again);
    expect(reloaded.load()).toBe(true);
    expect(reloaded.list('products').map((r) => r.id)).toEqual(['a', 'b']);
    again.close();
  });

  it('takes back the part of a line written before the disk filled up', () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'impt-store-')), 'data');
    const fp = new FilePersistence(dir);
    const store = new Store(fp);
    store.compact();
    store.put('products', product('a'));
    store.flush();
    const write = fs.writeSync;
    const spy = vi.spyOn(fs, 'writeSync').mockImplementationOnce(((fd: number, buf: Buffer) => {
      write(fd, buf.subarray(0, 10));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as never);
    store.put('products', product('b'));
    expect(() => store.flush()).toThrow(/ENOSPC/);
    spy.mockRestore();
    store.flush();
    fp.close();
    expect(fs.readFileSync(path.join(dir, 'journal.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).s)).toEqual([1, 2]);
    const again = new FilePersistence(dir);
    const reloaded = new Store(again);
    reloaded.load();
    expect(reloaded.list('products').map((r) => r.id)).toEqual(['a', 'b']);
    again.close();
  });
});

describe('a failed journal write over HTTP', () => {
  it('answers 500 and the change is written with the next request', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'impt-store-')), 'data');
    const emu = createEmulator({ dataDir: dir });
    try {
      const auth = await emu.app.request('/v5/auth', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: 'demo', password: 'demo' }),
      });
      const token = ((await auth.json()) as { access_token: string }).access_token;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json' };
      const spy = vi.spyOn(fs, 'fdatasyncSync').mockImplementationOnce(() => {
        throw Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' });
      });
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const body = JSON.stringify({ data: { type: 'product', attributes: { name: 'Kept' } } });
      const failed = await emu.app.request('/v5/products', { method: 'POST', headers, body });
      spy.mockRestore();
      quiet.mockRestore();
      expect(failed.status).toBe(500);
      expect((await emu.app.request('/v5/accounts/me', { headers })).status).toBe(200);
    } finally {
      emu.close();
    }
    const fp = new FilePersistence(dir);
    const again = new Store(fp);
    again.load();
    fp.close();
    expect(again.list('products').map((p) => p.name)).toEqual(['Kept']);
  });
});

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
