// File I/O of the data dir: private modes, atomic replacement written in
// chunks (a snapshot is never one giant string), fdatasync off the event
// loop, and reading a file line by line (the journal is never one string).
import fs from 'node:fs';
import path from 'node:path';

/** Mode of the data dir when the emulator creates it, and of every file in it:
 * they hold passwords, unbond keys and tokens. */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/** Bytes gathered before each write of writeFileAtomic. */
const WRITE_CHUNK = 1 << 20;
/** Bytes read at a time by readLines. */
const READ_CHUNK = 1 << 20;

/** Opens a data-dir file, created (or tightened) to FILE_MODE. */
export function openPrivate(file: string, flags: string): number {
  const fd = fs.openSync(file, flags, FILE_MODE);
  try {
    fs.fchmodSync(fd, FILE_MODE);
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
  return fd;
}

/** Replaces `file` with the concatenated `parts`: temp file, fsync, rename, directory fsync. */
export function writeFileAtomic(file: string, parts: Iterable<string>): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openPrivate(tmp, 'w');
  try {
    let batch: string[] = [];
    let size = 0;
    const write = () => {
      const data = Buffer.from(batch.join(''));
      for (let done = 0; done < data.length; ) done += fs.writeSync(fd, data, done);
      batch = [];
      size = 0;
    };
    for (const part of parts) {
      batch.push(part);
      size += part.length;
      if (size >= WRITE_CHUNK) write();
    }
    write();
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

/** fdatasync on the thread pool. */
export function fdatasync(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fs.fdatasync(fd, (e) => (e ? reject(e) : resolve())));
}

/** The lines of a file, read a chunk at a time. `complete` is false for text
 * after the last newline (a write a crash may have cut short). */
export function* readLines(file: string): Generator<{ text: string; complete: boolean }> {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.allocUnsafe(READ_CHUNK);
    // bytes of the line read so far; a newline byte is never part of a multi-byte UTF-8 character
    let partial: Buffer[] = [];
    for (;;) {
      const n = fs.readSync(fd, buf, 0, READ_CHUNK, null);
      if (n === 0) break;
      let start = 0;
      for (let nl = buf.indexOf(10, start); nl !== -1 && nl < n; nl = buf.indexOf(10, start)) {
        partial.push(buf.subarray(start, nl));
        const text = Buffer.concat(partial).toString('utf8');
        partial = [];
        start = nl + 1;
        yield { text, complete: true };
      }
      if (start < n) partial.push(Buffer.from(buf.subarray(start, n)));
    }
    if (partial.length > 0) yield { text: Buffer.concat(partial).toString('utf8'), complete: false };
  } finally {
    fs.closeSync(fd);
  }
}
