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
  close(): void;
}

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
  private journalFd: number | null = null;
  private lines = 0;

  constructor(readonly dir: string) {
    fs.mkdirSync(dir, { recursive: true });
    this.snapshotFile = path.join(dir, 'state.json');
    this.journalFile = path.join(dir, 'journal.ndjson');
    this.seedFile = path.join(dir, 'seed.json');
  }

  load() {
    let snapshot: Snapshot | null = null;
    if (fs.existsSync(this.snapshotFile)) {
      snapshot = JSON.parse(fs.readFileSync(this.snapshotFile, 'utf8')) as Snapshot;
    }
    const journal: { s: number; ops: JournalOp[] }[] = [];
    let dirty = false;
    if (fs.existsSync(this.journalFile)) {
      const text = fs.readFileSync(this.journalFile, 'utf8');
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
    if (!fs.existsSync(this.seedFile)) return undefined;
    return JSON.parse(fs.readFileSync(this.seedFile, 'utf8'));
  }

  writeSeed(seed: unknown): void {
    writeFileAtomic(this.seedFile, JSON.stringify(seed, null, 2));
  }

  close(): void {
    if (this.journalFd !== null) {
      fs.closeSync(this.journalFd);
      this.journalFd = null;
    }
  }
}
