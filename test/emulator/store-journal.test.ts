// The store's journal when a write fails (disk full): the changes stay
// queued, the next write keeps their transaction numbers and no part of a
// line stays in the file, so the journal has nothing that would stop the next
// start. Group commit: transactions queued while a write is in flight share
// the next write and fsync, and each is answered only once it is durable.
// Also the data dir lock within one process (the pid in emulator.lock cannot
// tell two emulators of the same process apart).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { GroupCommit } from '../../src/emulator/core/group-commit.js';
import { FilePersistence, MemoryPersistence, type JournalOp, type Persistence } from '../../src/emulator/core/persistence.js';
import { createEmulator } from '../../src/emulator/server.js';
import { Store } from '../../src/emulator/core/store.js';
import { tempDir } from '../helpers/impt.js'; // removed after the file's tests

/** In-memory persistence whose next append can be made to fail. */
type Failing = Persistence & { failNext: boolean; written: { s: number; ops: JournalOp[] }[] };

function failingOnce(): Failing {
  const mem = new MemoryPersistence();
  const p: Failing = {
    failNext: false,
    written: [] as { s: number; ops: JournalOp[] }[],
    load: () => mem.load(),
    async append(data: Buffer): Promise<void> {
      if (p.failNext) {
        p.failNext = false;
        throw new Error('ENOSPC: no space left on device');
      }
      for (const line of data.toString().split('\n').filter(Boolean)) p.written.push(JSON.parse(line));
    },
    writeSnapshot: () => undefined,
    journalLength: () => p.written.length,
    journalBytes: () => 0,
    readSeed: () => undefined,
    writeSeed: () => undefined,
    readClockOffset: () => 0,
    writeClockOffset: () => undefined,
    close: () => undefined,
  };
  return p;
}

const product = (id: string) => ({ id, name: id }) as never;
const dataDir = () => path.join(tempDir('impt-store-'), 'data');

describe('store journal', () => {
  it('keeps the changes and the number of a transaction whose write failed', async () => {
    const p = failingOnce();
    const store = new Store(p);
    store.put('products', product('a'));
    await store.commit();
    store.put('products', product('b'));
    p.failNext = true;
    await expect(store.commit()).rejects.toThrow(/ENOSPC/);
    store.put('products', product('c'));
    await store.commit();
    expect(p.written.map((t) => t.s)).toEqual([1, 2, 3]);
    expect(p.written.map((t) => t.ops.map((op) => (op[2] as { id: string }).id))).toEqual([['a'], ['b'], ['c']]);
  });

  it('tries a failed write again on the next commit, even one without changes', async () => {
    const p = failingOnce();
    const store = new Store(p);
    store.put('products', product('a'));
    p.failNext = true;
    await expect(store.commit()).rejects.toThrow(/ENOSPC/);
    await store.commit();
    expect(p.written.map((t) => t.s)).toEqual([1]);
  });

  it('reloads a journal written across a failed write', async () => {
    const dir = dataDir();
    const fp = new FilePersistence(dir);
    const store = new Store(fp);
    store.compact();
    store.put('products', product('a'));
    await store.commit();
    const append = fp.append.bind(fp);
    fp.append = () => Promise.reject(new Error('EIO'));
    store.put('products', product('b'));
    await expect(store.commit()).rejects.toThrow(/EIO/);
    fp.append = append;
    await store.commit();
    fp.close();
    const again = new FilePersistence(dir);
    const reloaded = new Store(again);
    expect(reloaded.load()).toBe(true);
    expect(reloaded.list('products').map((r) => r.id)).toEqual(['a', 'b']);
    again.close();
    fs.rmSync(path.dirname(dir), { recursive: true });
  });

  it('takes back the part of a line written before the disk filled up', async () => {
    const dir = dataDir();
    const fp = new FilePersistence(dir);
    const store = new Store(fp);
    store.compact();
    store.put('products', product('a'));
    await store.commit();
    const write = fs.writeSync;
    const spy = vi.spyOn(fs, 'writeSync').mockImplementationOnce(((fd: number, buf: Buffer) => {
      write(fd, buf.subarray(0, 10));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }) as never);
    store.put('products', product('b'));
    await expect(store.commit()).rejects.toThrow(/ENOSPC/);
    spy.mockRestore();
    await store.commit();
    fp.close();
    expect(fs.readFileSync(path.join(dir, 'journal.ndjson'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).s)).toEqual([1, 2]);
    const again = new FilePersistence(dir);
    const reloaded = new Store(again);
    reloaded.load();
    expect(reloaded.list('products').map((r) => r.id)).toEqual(['a', 'b']);
    again.close();
    fs.rmSync(path.dirname(dir), { recursive: true });
  });
});

describe('state size', () => {
  it('keeps count of the size of the state through puts, deletes, logs and a reload', async () => {
    const dir = dataDir();
    const fp = new FilePersistence(dir);
    const store = new Store(fp, { maxStateBytes: 20_000 });
    store.compact();
    /** the size counted, beside the snapshot's JSON and the records and log lines it holds */
    const sizes = (s: Store) => {
      const snap = s.snapshot();
      const items = Object.values(snap.collections).reduce((n, l) => n + l!.length, 0) + Object.values(snap.logs).reduce((n, l) => n + l.length, 0);
      return { counted: s.stateBytes(), json: Buffer.byteLength(JSON.stringify(snap)), items };
    };
    const check = (s: Store) => {
      const { counted, json, items } = sizes(s);
      expect(counted).toBeGreaterThanOrEqual(json);
      expect(counted).toBeLessThanOrEqual(json + 49 * items); // 48 per item, give or take a comma
    };
    for (let i = 0; i < 20; i++) store.put('products', { id: `p${i}`, name: 'é'.repeat(100 * i) } as never);
    store.put('products', { id: 'p3', name: 'short' } as never);
    store.delete('products', 'p4');
    for (let i = 0; i < 1100; i++) store.appendLog('d', { ts: 't', type: 'server.log', msg: `line ${i}` });
    store.clearLogs('d');
    store.appendLog('e', { ts: 't', type: 'server.log', msg: 'kept' });
    check(store);
    expect(store.isFull()).toBe(true);
    await store.commit();
    store.compact();
    store.put('products', { id: 'p5', name: 'after the snapshot' } as never);
    await store.commit();
    fp.close();
    const again = new FilePersistence(dir);
    const reloaded = new Store(again);
    reloaded.load();
    check(reloaded);
    reloaded.delete('products', 'p19');
    check(reloaded);
    again.close();
    fs.rmSync(path.dirname(dir), { recursive: true });
  });
});

describe('group commit', () => {
  /** A commit target whose writes end when the test says so. */
  function manual() {
    const writes: { data: string; done(e?: Error): void }[] = [];
    let folds = 0;
    const target = {
      append: (data: Buffer) => new Promise<void>((resolve, reject) => writes.push({ data: data.toString(), done: (e) => (e ? reject(e) : resolve()) })),
      fold: () => void folds++,
      wantsFold: () => false,
    };
    return { writes, folds: () => folds, gc: new GroupCommit(target) };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it('writes what was queued during a write with the next one, and answers each waiter once its line is durable', async () => {
    const { writes, gc } = manual();
    const answered: string[] = [];
    gc.add(Buffer.from('1\n'));
    const w1 = gc.wait().then(() => answered.push('1'));
    for (const n of ['2', '3', '4']) gc.add(Buffer.from(`${n}\n`));
    const w4 = gc.wait().then(() => answered.push('4'));
    await tick();
    expect(writes.map((w) => w.data)).toEqual(['1\n']); // one write at a time
    writes[0]!.done();
    await w1;
    await tick();
    expect(answered).toEqual(['1']);
    expect(writes.map((w) => w.data)).toEqual(['1\n', '2\n3\n4\n']); // the rest in one write
    writes[1]!.done();
    await w4;
    expect(answered).toEqual(['1', '4']);
    await gc.wait(); // nothing pending: at once
  });

  it('reports a failed write to its waiters only, and folds between writes, never during one', async () => {
    const { writes, folds, gc } = manual();
    gc.add(Buffer.from('1\n'));
    const w1 = gc.wait();
    await tick();
    gc.add(Buffer.from('2\n'));
    const w2 = gc.wait();
    gc.fold();
    const wf = gc.wait();
    expect(folds()).toBe(0); // a write is in flight
    writes[0]!.done(new Error('EIO'));
    await expect(w1).rejects.toThrow('EIO');
    await tick();
    // the failed line goes out again with the one queued meanwhile ... after the fold, which holds both
    expect(folds()).toBe(1);
    await w2;
    await wf;
    expect(writes).toHaveLength(1);
  });
});

describe('journal writes over HTTP', () => {
  /** An emulator in this process on a fresh data dir, logged in. */
  async function inProcess() {
    const dir = dataDir();
    const emu = createEmulator({ dataDir: dir });
    const auth = await emu.app.request('/v5/auth', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ id: 'demo', password: 'demo' }),
    });
    const token = ((await auth.json()) as { access_token: string }).access_token;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json' };
    const createProduct = (name: string) =>
      emu.app.request('/v5/products', { method: 'POST', headers, body: JSON.stringify({ data: { type: 'product', attributes: { name } } }) });
    const reload = () => {
      const fp = new FilePersistence(dir);
      const again = new Store(fp);
      again.load();
      fp.close();
      fs.rmSync(path.dirname(dir), { recursive: true });
      return again;
    };
    return { emu, dir, headers, createProduct, reload };
  }

  it('answers 500 when the write fails, and the change is written with the next request', async () => {
    const { emu, headers, createProduct, reload } = await inProcess();
    try {
      const spy = vi.spyOn(fs, 'fdatasync').mockImplementationOnce(((_fd: number, cb: (e: Error) => void) => {
        cb(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
      }) as never);
      const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      const failed = await createProduct('Kept');
      spy.mockRestore();
      quiet.mockRestore();
      expect(failed.status).toBe(500);
      expect(((await failed.json()) as any).errors[0].detail).toBe('EIO: i/o error, fdatasync');
      expect((await emu.app.request('/v5/accounts/me', { headers })).status).toBe(200);
    } finally {
      await emu.close();
    }
    expect(reload().list('products').map((p) => p.name)).toEqual(['Kept']);
  });

  it('concurrent requests share fsyncs, and each is answered after its own', async () => {
    const { emu, dir, createProduct, reload } = await inProcess();
    const synced: number[] = [];
    const sync = fs.fdatasync;
    const spy = vi.spyOn(fs, 'fdatasync').mockImplementation(((fd: number, cb: (e: Error | null) => void) => {
      sync(fd, (e) => {
        synced.push(Date.now());
        cb(e);
      });
    }) as never);
    try {
      const names = Array.from({ length: 16 }, (_, i) => `P${i}`);
      const journal = path.join(dir, 'journal.ndjson');
      /** at the answer: synced, and the line is in the journal */
      const onDisk: boolean[] = [];
      const statuses = await Promise.all(
        names.map(async (name) => {
          const r = await createProduct(name);
          onDisk.push(synced.length > 0 && fs.readFileSync(journal, 'utf8').includes(`"name":"${name}"`));
          return r.status;
        }),
      );
      expect(statuses).toEqual(names.map(() => 201));
      expect(onDisk).toEqual(names.map(() => true));
      expect(synced.length).toBeLessThan(names.length);
    } finally {
      spy.mockRestore();
      await emu.close();
    }
    expect(
      reload()
        .list('products')
        .map((p) => p.name)
        .sort(),
    ).toEqual(Array.from({ length: 16 }, (_, i) => `P${i}`).sort());
  });
});

describe('data dir lock', () => {
  it('refuses a second store on a data dir this process already uses', () => {
    const dir = dataDir();
    const fp = new FilePersistence(dir);
    expect(() => new FilePersistence(dir)).toThrow(`cannot use data dir ${dir}: it is in use by another emulator of this process`);
    fp.close();
    new FilePersistence(dir).close();
    fs.rmSync(path.dirname(dir), { recursive: true });
  });

  it('locks a data dir on a file system without hard links', () => {
    const dir = dataDir();
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
      fs.rmSync(path.dirname(dir), { recursive: true });
    }
  });
});
