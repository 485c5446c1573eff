// Durable state for the emulator: a snapshot file plus an append-only journal.
//
//   state.json    full snapshot {version, seq, collections, logs, members}, replaced
//                 atomically (write temp + fsync + rename + fsync dir), written
//                 record by record (data-files.ts, json-chunks.ts)
//   journal.ndjson one JSON line per committed transaction {s, ops}; each line
//                 is written and fsync'ed before the HTTP response leaves
//                 (lines of concurrent requests share a write and an fsync:
//                 group-commit.ts).
//
//   emulator.lock  pid of the emulator using the dir; a second emulator refuses
//                 the dir while that process lives (a killed one leaves a stale
//                 lock that the next start takes over)
//
// On start the snapshot is loaded and journal lines with a sequence number
// above the snapshot's are replayed as they are read, line by line (a torn last line from a crash is
// ignored: it was never acknowledged). Anything else that does not fit — a
// corrupt line before the last, a gap in the sequence numbers, a journal
// without its snapshot — stops the start with a message naming the file
// rather than starting on lost state. The journal is compacted into a new
// snapshot at start-up and whenever it grows past a threshold.
import fs from 'node:fs';
import path from 'node:path';
import { DIR_MODE, fdatasync, FILE_MODE, openPrivate, readLines, writeFileAtomic } from './data-files.js';
import { isLogEntry, isMapOf, isRecord, type JournalOp, parseTransaction, type Transaction } from './journal-format.js';
import { jsonChunks } from './json-chunks.js';
import { COLLECTIONS, type CollName, type LogEntry } from './model.js';

export type { JournalOp, Transaction } from './journal-format.js';

export interface Snapshot {
  version: 1;
  seq: number;
  collections: Partial<Record<CollName, { id: string }[]>>;
  logs: Record<string, LogEntry[]>;
  /** device ids of each device group in assignment order (absent in older snapshots) */
  members?: Record<string, string[]>;
}

export interface Persistence {
  /** Snapshot plus the journal transactions to replay (read as they are
   * iterated; a damaged line throws then), or null for a fresh store. */
  load(): { snapshot: Snapshot | null; snapshotBytes: number; journal: Iterable<Transaction>; dirty: boolean };
  /** Appends whole journal lines and makes them durable; on failure none of them stays in the journal. */
  append(data: Buffer, transactions: number): Promise<void>;
  writeSnapshot(snapshot: Snapshot): void;
  /** Number of journal transactions written since the last snapshot. */
  journalLength(): number;
  /** Bytes of the journal written since the last snapshot. */
  journalBytes(): number;
  readSeed(): unknown;
  writeSeed(seed: unknown): void;
  /** Offset of the emulated clock from real time (POST /_emulator/clock), in ms. */
  readClockOffset(): number;
  writeClockOffset(offsetMs: number): void;
  close(): void;
}

/** A data dir that cannot be used: the message names the directory and the problem. */
export class DataDirError extends Error {}

export class MemoryPersistence implements Persistence {
  load() {
    return { snapshot: null, snapshotBytes: 0, journal: [], dirty: false };
  }
  async append(): Promise<void> {}
  writeSnapshot(): void {}
  journalLength(): number {
    return 0;
  }
  journalBytes(): number {
    return 0;
  }
  private seed: unknown = undefined;
  readSeed(): unknown {
    return this.seed;
  }
  writeSeed(seed: unknown): void {
    this.seed = seed;
  }
  private clockOffset = 0;
  readClockOffset(): number {
    return this.clockOffset;
  }
  writeClockOffset(offsetMs: number): void {
    this.clockOffset = offsetMs;
  }
  close(): void {}
}

const LOCK_FILE = 'emulator.lock';
/** Temp files of writeFileAtomic (and of the lock) that a crash can leave behind. */
const STALE_TMP = /^(state\.json|seed\.json|clock\.json|emulator\.lock)\.\d+\.tmp$/;
/** Data dirs locked by this process (the pid in the lock file cannot tell them apart). */
const lockedHere = new Set<string>();

/** Files of the data dir that are tightened to FILE_MODE at start-up (older emulators made them 0644). */
const DATA_FILES = ['state.json', 'journal.ndjson', 'seed.json', 'clock.json'];

export class FilePersistence implements Persistence {
  private readonly snapshotFile: string;
  private readonly journalFile: string;
  private readonly seedFile: string;
  private readonly clockFile: string;
  private readonly lockFile: string;
  /** real path of the dir while this instance holds its lock */
  private lockKey: string | null = null;
  private journalFd: number | null = null;
  /** bytes of the journal known to hold whole transactions */
  private journalSize = 0;
  private lines = 0;

  constructor(readonly dir: string) {
    try {
      // a new dir is private; an existing one keeps its mode (it may be shared
      // on purpose), the files in it are made private below
      fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
    } catch (e) {
      throw this.error(fs.existsSync(dir) ? 'it is not a directory' : reason(e));
    }
    if (!fs.statSync(dir).isDirectory()) throw this.error('it is not a directory');
    this.snapshotFile = path.join(dir, 'state.json');
    this.journalFile = path.join(dir, 'journal.ndjson');
    this.seedFile = path.join(dir, 'seed.json');
    this.clockFile = path.join(dir, 'clock.json');
    this.lockFile = path.join(dir, LOCK_FILE);
    this.lock();
    this.removeStaleTempFiles();
    this.tightenFiles();
  }

  /** Makes the files of an existing data dir private (older emulators wrote them 0644). */
  private tightenFiles(): void {
    for (const name of DATA_FILES) {
      const file = path.join(this.dir, name);
      try {
        if ((fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, FILE_MODE);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw this.error(`${name}: ${reason(e)}`);
      }
    }
  }

  /** Takes the data dir for this process, or says which emulator has it. */
  private lock(): void {
    const key = fs.realpathSync(this.dir);
    if (lockedHere.has(key)) throw this.error('it is in use by another emulator of this process');
    const tmp = `${this.lockFile}.${process.pid}.tmp`;
    try {
      fs.writeFileSync(tmp, `${process.pid}\n`, { mode: FILE_MODE });
      for (let attempt = 0; ; attempt++) {
        try {
          createLock(tmp, this.lockFile);
          break;
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw e;
        }
        const holder = Number.parseInt(fs.readFileSync(this.lockFile, 'utf8'), 10);
        if (Number.isSafeInteger(holder) && holder > 0 && holder !== process.pid && processExists(holder)) {
          throw this.error(`it is in use by another emulator (pid ${holder}; if no emulator runs, delete ${LOCK_FILE})`);
        }
        fs.rmSync(this.lockFile, { force: true }); // left by an emulator that was killed
      }
    } catch (e) {
      if (e instanceof DataDirError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      throw this.error(code === 'EEXIST' ? 'it is in use by another emulator' : `${LOCK_FILE}: ${reason(e)}`);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    this.lockKey = key;
    lockedHere.add(key);
  }

  private unlock(): void {
    if (this.lockKey === null) return;
    lockedHere.delete(this.lockKey);
    this.lockKey = null;
    fs.rmSync(this.lockFile, { force: true });
  }

  /** Temp files of an atomic write interrupted by a crash (their target is intact). */
  private removeStaleTempFiles(): void {
    for (const name of fs.readdirSync(this.dir)) {
      if (STALE_TMP.test(name)) fs.rmSync(path.join(this.dir, name), { force: true });
    }
  }

  private error(problem: string): DataDirError {
    return new DataDirError(`cannot use data dir ${this.dir}: ${problem}`);
  }

  /** Contents of a file of the data dir, undefined when it does not exist. */
  private read(file: string): string | undefined {
    if (!fs.existsSync(file)) return undefined;
    try {
      return fs.readFileSync(file, 'utf8');
    } catch (e) {
      throw this.error(`${path.basename(file)}: ${reason(e)}`);
    }
  }

  private readJson(file: string): unknown {
    const text = this.read(file);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch (e) {
      throw this.error(`${path.basename(file)} is not valid JSON (${reason(e)})`);
    }
  }

  load() {
    const snapshot = this.loadSnapshot();
    const size = this.sizeOf(this.journalFile);
    if (!snapshot && size === undefined) return { snapshot, snapshotBytes: 0, journal: [], dirty: false }; // a new data dir
    // the journal is created just before the first snapshot and both stay:
    // one without the other has lost changes
    if (!snapshot) throw this.error('state.json is missing (journal.ndjson alone cannot rebuild the state)');
    if (size === undefined) throw this.error('journal.ndjson is missing (changes made since state.json was written are lost)');
    const snapshotBytes = this.sizeOf(this.snapshotFile) ?? 0;
    return { snapshot, snapshotBytes, journal: this.readJournal(snapshot.seq), dirty: size > 0 };
  }

  /** Size of a file of the data dir, undefined when it does not exist. */
  private sizeOf(file: string): number | undefined {
    try {
      return fs.statSync(file).size;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw this.error(`${path.basename(file)}: ${reason(e)}`);
    }
  }

  /** The journal's transactions, read line by line and checked as they come. */
  private *readJournal(snapshotSeq: number): Generator<Transaction> {
    let prev: Transaction | undefined;
    let lineNo = 0;
    let lines: Generator<{ text: string; complete: boolean }>;
    try {
      lines = readLines(this.journalFile);
    } catch (e) {
      throw this.error(`journal.ndjson: ${reason(e)}`);
    }
    for (const { text, complete } of lines) {
      lineNo++;
      const tx = parseTransaction(text);
      if (!tx) {
        // a transaction is written with its newline: only the text after the
        // last newline can be a write torn by a crash (never acknowledged)
        if (!complete) return;
        throw this.error(`journal.ndjson line ${lineNo} is not a journal transaction`);
      }
      if (prev && tx.s !== prev.s + 1) {
        throw this.error(`journal.ndjson line ${lineNo}: transaction ${tx.s} does not follow transaction ${prev.s}`);
      }
      if (!prev && tx.s > snapshotSeq + 1) {
        throw this.error(`journal.ndjson starts at transaction ${tx.s} but state.json ends at transaction ${snapshotSeq}`);
      }
      prev = tx;
      yield tx;
    }
  }

  private loadSnapshot(): Snapshot | null {
    const raw = this.readJson(this.snapshotFile);
    if (raw === undefined) return null;
    const s = raw as Partial<Snapshot> | null;
    if (
      !s ||
      typeof s !== 'object' ||
      s.version !== 1 ||
      !Number.isSafeInteger(s.seq) ||
      s.seq! < 0 ||
      typeof s.collections !== 'object' ||
      s.collections === null
    ) {
      throw this.error('state.json is not an emulator snapshot');
    }
    for (const name of COLLECTIONS) {
      const recs = s.collections[name];
      if (recs !== undefined && (!Array.isArray(recs) || !recs.every((r) => isRecord(name, r)))) {
        throw this.error(`state.json: ${name} holds something that is not an emulator record`);
      }
    }
    if (s.logs !== undefined && !isMapOf(s.logs, (v) => Array.isArray(v) && v.every(isLogEntry))) {
      throw this.error('state.json: logs holds something that is not a device log line');
    }
    if (s.members !== undefined && !isMapOf(s.members, (v) => Array.isArray(v) && v.every((id) => typeof id === 'string'))) {
      throw this.error('state.json: members holds something that is not a list of device ids');
    }
    return s as Snapshot;
  }

  private fd(): number {
    if (this.journalFd === null) {
      this.journalFd = openPrivate(this.journalFile, 'a');
      this.journalSize = fs.fstatSync(this.journalFd).size;
    }
    return this.journalFd;
  }

  /** The write only reaches the page cache; the fsync runs off the event
   * loop, so requests go on being served (and queued for the next write) meanwhile. */
  async append(data: Buffer, transactions: number): Promise<void> {
    const fd = this.fd();
    try {
      for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done);
      await fdatasync(fd);
    } catch (e) {
      // a failed write (disk full) must not leave part of a line that later
      // transactions would follow
      try {
        fs.ftruncateSync(fd, this.journalSize);
      } catch {
        // the torn tail is dropped on the next start
      }
      throw e;
    }
    this.journalSize += data.length;
    this.lines += transactions;
  }

  writeSnapshot(snapshot: Snapshot): void {
    // a snapshot never exists without its journal (load() relies on it)
    if (this.journalFd === null) fs.closeSync(openPrivate(this.journalFile, 'a'));
    // piece by piece: a snapshot may be larger than the longest string
    writeFileAtomic(this.snapshotFile, jsonChunks(snapshot, 3));
    // The snapshot now covers every journal line: start a fresh journal.
    if (this.journalFd !== null) {
      fs.closeSync(this.journalFd);
      this.journalFd = null;
    }
    fs.writeFileSync(this.journalFile, '');
    this.journalSize = 0;
    this.lines = 0;
  }

  journalLength(): number {
    return this.lines;
  }

  journalBytes(): number {
    return this.journalSize;
  }

  readSeed(): unknown {
    return this.readJson(this.seedFile);
  }

  writeSeed(seed: unknown): void {
    writeFileAtomic(this.seedFile, [JSON.stringify(seed, null, 2)]);
  }

  readClockOffset(): number {
    const raw = this.readJson(this.clockFile) as { offset_ms?: unknown } | null | undefined;
    if (raw === undefined) return 0;
    if (!raw || typeof raw !== 'object' || typeof raw.offset_ms !== 'number' || !Number.isFinite(raw.offset_ms)) {
      throw this.error('clock.json is not an emulator clock file');
    }
    return raw.offset_ms;
  }

  writeClockOffset(offsetMs: number): void {
    writeFileAtomic(this.clockFile, [JSON.stringify({ offset_ms: offsetMs })]);
  }

  close(): void {
    if (this.journalFd !== null) {
      fs.closeSync(this.journalFd);
      this.journalFd = null;
    }
    this.unlock();
  }
}


/** Creates `lock` with the content of `tmp`; EEXIST when it exists. */
function createLock(tmp: string, lock: string): void {
  try {
    fs.linkSync(tmp, lock); // never a half-written lock
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw e;
    // a file system without hard links: exclusive create instead
    fs.writeFileSync(lock, fs.readFileSync(tmp), { flag: 'wx', mode: FILE_MODE });
  }
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
