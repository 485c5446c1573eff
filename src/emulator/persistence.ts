// Durable state for the emulator: a snapshot file plus an append-only journal.
//
//   state.json    full snapshot {version, seq, collections, logs, members}, replaced
//                 atomically (write temp + fsync + rename + fsync dir)
//   journal.ndjson one JSON line per committed transaction {s, ops}; each line
//                 is written and fsync'ed before the HTTP response leaves.
//
// On start the snapshot is loaded and journal lines with a sequence number
// above the snapshot's are replayed (a torn last line from a crash is
// ignored: it was never acknowledged). The journal is compacted into a new
// snapshot at start-up and whenever it grows past a threshold.
import fs from 'node:fs';
import path from 'node:path';
import type { CollName, LogEntry } from './model.js';

export type JournalOp =
  | ['put', CollName, { id: string }]
  | ['del', CollName, string]
  | ['log', string, LogEntry]
  | ['clearlogs', string];

export interface Snapshot {
  version: 1;
  seq: number;
  collections: Partial<Record<CollName, { id: string }[]>>;
  logs: Record<string, LogEntry[]>;
  /** device ids of each device group in assignment order (absent in older snapshots) */
  members?: Record<string, string[]>;
}

export interface Persistence {
  /** Snapshot plus journal transactions to replay, or null for a fresh store. */
  load(): { snapshot: Snapshot | null; journal: { s: number; ops: JournalOp[] }[]; dirty: boolean };
  append(seq: number, ops: JournalOp[]): void;
  writeSnapshot(snapshot: Snapshot): void;
  /** Number of journal transactions written since the last snapshot. */
  journalLength(): number;
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
    return { snapshot: null, journal: [], dirty: false };
  }
  append(): void {}
  writeSnapshot(): void {}
  journalLength(): number {
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

function writeFileAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
  fsyncDir(path.dirname(file));
}

function fsyncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // some platforms cannot fsync directories; the rename is still atomic
  }
}

export class FilePersistence implements Persistence {
  private readonly snapshotFile: string;
  private readonly journalFile: string;
  private readonly seedFile: string;
  private readonly clockFile: string;
  private journalFd: number | null = null;
  private lines = 0;

  constructor(readonly dir: string) {
    try {
      fs.mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw this.error(fs.existsSync(dir) ? 'it is not a directory' : reason(e));
    }
    if (!fs.statSync(dir).isDirectory()) throw this.error('it is not a directory');
    this.snapshotFile = path.join(dir, 'state.json');
    this.journalFile = path.join(dir, 'journal.ndjson');
    this.seedFile = path.join(dir, 'seed.json');
    this.clockFile = path.join(dir, 'clock.json');
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
    let snapshot: Snapshot | null = null;
    const raw = this.readJson(this.snapshotFile);
    if (raw !== undefined) {
      const s = raw as Partial<Snapshot> | null;
      if (!s || typeof s !== 'object' || s.version !== 1 || typeof s.seq !== 'number' || typeof s.collections !== 'object' || s.collections === null) {
        throw this.error('state.json is not an emulator snapshot');
      }
      snapshot = s as Snapshot;
    }
    const journal: { s: number; ops: JournalOp[] }[] = [];
    let dirty = false;
    const text = this.read(this.journalFile);
    if (text !== undefined) {
      dirty = text.length > 0;
      for (const line of text.split('\n')) {
        if (!line) continue;
        try {
          journal.push(JSON.parse(line));
        } catch {
          break; // torn tail from a crash: never acknowledged
        }
      }
    }
    return { snapshot, journal, dirty };
  }

  private fd(): number {
    if (this.journalFd === null) this.journalFd = fs.openSync(this.journalFile, 'a');
    return this.journalFd;
  }

  append(seq: number, ops: JournalOp[]): void {
    const fd = this.fd();
    fs.writeSync(fd, JSON.stringify({ s: seq, ops }) + '\n');
    fs.fdatasyncSync(fd);
    this.lines++;
  }

  writeSnapshot(snapshot: Snapshot): void {
    writeFileAtomic(this.snapshotFile, JSON.stringify(snapshot));
    // The snapshot now covers every journal line: start a fresh journal.
    if (this.journalFd !== null) {
      fs.closeSync(this.journalFd);
      this.journalFd = null;
    }
    fs.writeFileSync(this.journalFile, '');
    this.lines = 0;
  }

  journalLength(): number {
    return this.lines;
  }

  readSeed(): unknown {
    return this.readJson(this.seedFile);
  }

  writeSeed(seed: unknown): void {
    writeFileAtomic(this.seedFile, JSON.stringify(seed, null, 2));
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
    writeFileAtomic(this.clockFile, JSON.stringify({ offset_ms: offsetMs }));
  }

  close(): void {
    if (this.journalFd !== null) {
      fs.closeSync(this.journalFd);
      this.journalFd = null;
    }
  }
}

function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
