// In-memory store with id-indexed collections, a few secondary indexes and
// durable commits. Mutations (put/delete/appendLog) are queued as journal ops;
// commit() makes them one journal transaction and resolves once it (and
// everything committed before) is durable: transactions of concurrent
// requests share one write and fsync (group-commit.ts). The HTTP layer
// awaits commit() before each response; changes made outside a request
// (simulation, timers) are committed automatically on the next tick.
import { GroupCommit } from './group-commit.js';
import type { Collections, CollName, DeviceRec, LogEntry } from './model.js';
import { COLLECTIONS } from './model.js';
import type { JournalOp, Persistence, Snapshot } from './persistence.js';

/** Historical log entries kept per device (oldest dropped first). */
export const MAX_LOGS_PER_DEVICE = 1000;
/** Journal transactions after which the journal is folded into a snapshot. */
export const DEFAULT_FOLD_AFTER = 5000;
/** Journal bytes after which it is folded too (a restart replays at most about this much). */
const FOLD_AFTER_BYTES = 64 * 1024 * 1024;
/** Default limit of the state (its snapshot's size): far below the longest
 * string (512 MiB), so that state.json, any answer and the memory stay
 * manageable. */
export const DEFAULT_MAX_STATE_BYTES = 256 * 1024 * 1024;
/** Log lines are no longer kept in the history once the state is this far
 * above its limit (lines that requests admitted below it add, still are). */
const LOG_SLACK_BYTES = 16 * 1024 * 1024;
/** Bytes a record or log line adds to a snapshot besides its JSON (commas, member list, log key). */
const RECORD_OVERHEAD = 48;

export interface StoreOptions {
  /** Journal transactions after which the journal is folded into a snapshot (default 5000). */
  foldAfter?: number;
  /** Size of the state above which isFull() says so (default 256 MiB). */
  maxStateBytes?: number;
}

/** What each record or log line adds to the state's size (records are immutable). */
const sizes = new WeakMap<object, number>();
function sizeOf(value: object, json?: string): number {
  let n = sizes.get(value);
  if (n === undefined) {
    n = Buffer.byteLength(json ?? JSON.stringify(value)) + RECORD_OVERHEAD;
    sizes.set(value, n);
  }
  return n;
}

type Maps = { [K in CollName]: Map<string, Collections[K]> };

export class Store {
  private maps: Maps = emptyMaps();
  private logs = new Map<string, LogEntry[]>();
  private devicesByMac = new Map<string, string>();
  private devicesByAgent = new Map<string, string>();
  private devicesByDg = new Map<string, Set<string>>();
  /** JSON of the ops of the next transaction */
  private pending: string[] = [];
  /** number of the last transaction queued */
  private seq = 0;
  private commitScheduled = false;
  private closed = false;
  private readonly journal: GroupCommit;
  private readonly foldAfter: number;
  /** size of the state as a snapshot, about */
  private bytes = 0;
  readonly maxStateBytes: number;

  constructor(
    private readonly persistence: Persistence,
    opts: StoreOptions = {},
  ) {
    this.foldAfter = opts.foldAfter ?? DEFAULT_FOLD_AFTER;
    this.maxStateBytes = opts.maxStateBytes ?? DEFAULT_MAX_STATE_BYTES;
    this.journal = new GroupCommit({
      append: (data, transactions) => this.persistence.append(data, transactions),
      fold: () => this.writeSnapshot(),
      wantsFold: () => this.persistence.journalLength() >= this.foldAfter || this.persistence.journalBytes() >= FOLD_AFTER_BYTES,
    });
  }

  /** Loads persisted state. Returns false when there was nothing to load. */
  load(): boolean {
    // no snapshot: a new data dir (a journal without one stops the start)
    const { snapshot, snapshotBytes, journal, dirty } = this.persistence.load();
    if (!snapshot) return false;
    this.clearMemory();
    this.seq = snapshot.seq;
    // the size of the state is the file's; each record's own size (the same
    // JSON) is computed only when it is replaced or deleted
    let items = 0;
    for (const name of COLLECTIONS) {
      for (const rec of snapshot.collections[name] ?? []) this.putRaw(name, rec as never, false);
      items += snapshot.collections[name]?.length ?? 0;
    }
    for (const [id, entries] of Object.entries(snapshot.logs ?? {})) {
      this.logs.set(id, entries);
      items += entries.length;
    }
    this.bytes = snapshotBytes + items * RECORD_OVERHEAD;
    this.restoreMembers(snapshot.members);
    for (const tx of journal) {
      if (tx.s <= this.seq) continue;
      for (const op of tx.ops) this.applyOp(op);
      this.seq = tx.s;
    }
    // Fold a replayed journal into a fresh snapshot; a clean snapshot needs no rewrite.
    if (dirty) this.compact();
    return true;
  }

  // ---- reads -------------------------------------------------------------

  get<K extends CollName>(coll: K, id: string): Collections[K] | undefined {
    return this.maps[coll].get(id);
  }

  /** Every record of a collection in creation order, optionally filtered. */
  list<K extends CollName>(coll: K, pred?: (rec: Collections[K]) => boolean): Collections[K][] {
    const out: Collections[K][] = [];
    for (const rec of this.maps[coll].values()) if (!pred || pred(rec)) out.push(rec);
    return out;
  }

  count(coll: CollName): number {
    return this.maps[coll].size;
  }

  values<K extends CollName>(coll: K): IterableIterator<Collections[K]> {
    return this.maps[coll].values();
  }

  /** Device by device id, MAC address or agent id. */
  findDevice(ref: string, opts: { allowAgentId?: boolean } = {}): DeviceRec | undefined {
    const byId = this.maps.devices.get(ref);
    if (byId) return byId;
    const macId = this.devicesByMac.get(ref.toLowerCase());
    if (macId) return this.maps.devices.get(macId);
    if (opts.allowAgentId !== false) {
      const agentId = this.devicesByAgent.get(ref);
      if (agentId) return this.maps.devices.get(agentId);
    }
    return undefined;
  }

  devicesInGroup(dgId: string): DeviceRec[] {
    const ids = this.devicesByDg.get(dgId);
    if (!ids) return [];
    const out: DeviceRec[] = [];
    for (const id of ids) {
      const d = this.maps.devices.get(id);
      if (d) out.push(d);
    }
    return out;
  }

  /** Historical logs of a device, oldest first. */
  logsOf(deviceId: string): readonly LogEntry[] {
    return this.logs.get(deviceId) ?? [];
  }

  // ---- writes ------------------------------------------------------------

  put<K extends CollName>(coll: K, rec: Collections[K]): Collections[K] {
    const json = JSON.stringify(rec);
    sizeOf(rec, json);
    this.putRaw(coll, rec);
    this.queue(`["put",${JSON.stringify(coll)},${json}]`);
    return rec;
  }

  delete(coll: CollName, id: string): boolean {
    const existed = this.deleteRaw(coll, id);
    if (existed) this.queue(JSON.stringify(['del', coll, id]));
    return existed;
  }

  /** Adds a line to a device's history; false (not kept) when the state is
   * far above its limit. */
  appendLog(deviceId: string, entry: LogEntry): boolean {
    if (this.bytes >= this.maxStateBytes + LOG_SLACK_BYTES) return false;
    const json = JSON.stringify(entry);
    sizeOf(entry, json);
    this.appendLogRaw(deviceId, entry);
    this.queue(`["log",${JSON.stringify(deviceId)},${json}]`);
    return true;
  }

  clearLogs(deviceId: string): void {
    if (this.dropLogs(deviceId)) this.queue(JSON.stringify(['clearlogs', deviceId]));
  }

  /** Size of the state as a snapshot (about). */
  stateBytes(): number {
    return this.bytes;
  }

  /** Whether the state has reached its limit: requests that would add to it are refused. */
  isFull(): boolean {
    return this.bytes >= this.maxStateBytes;
  }

  /** Makes the queued mutations one journal transaction; resolves once it and
   * everything committed before are durable, rejects when writing them failed
   * (they stay queued, under the same transaction number, for the next write). */
  commit(): Promise<void> {
    if (this.pending.length > 0) {
      this.seq++;
      this.journal.add(Buffer.from(`{"s":${this.seq},"ops":[${this.pending.join(',')}]}\n`));
      this.pending = [];
    }
    return this.journal.wait();
  }

  /** Commits what is queued; later changes are no longer written. */
  async close(): Promise<void> {
    try {
      await this.commit();
    } finally {
      this.closed = true;
    }
  }

  /** Drops everything (memory only; callers re-seed and then compact()). */
  clearMemory(): void {
    this.maps = emptyMaps();
    this.logs.clear();
    this.bytes = 0;
    this.devicesByMac.clear();
    this.devicesByAgent.clear();
    this.devicesByDg.clear();
    this.pending = [];
  }

  /** Folds the current state into a fresh snapshot and empties the journal:
   * at once when no journal write is in flight (errors are thrown), else
   * right after it (commit() waits for it and reports its errors). */
  compact(): void {
    this.journal.fold();
  }

  private writeSnapshot(): void {
    this.pending = []; // the snapshot holds them
    const now = Date.now();
    for (const [id, t] of this.maps.access_tokens) if (t.expires_at_ms < now - 86_400_000) this.deleteRaw('access_tokens', id);
    this.persistence.writeSnapshot(this.snapshot());
  }

  snapshot(): Snapshot {
    const collections: Snapshot['collections'] = {};
    for (const name of COLLECTIONS) collections[name] = [...this.maps[name].values()] as { id: string }[];
    const members: Record<string, string[]> = {};
    for (const [dgId, ids] of this.devicesByDg) if (ids.size > 0) members[dgId] = [...ids];
    return { version: 1, seq: this.seq, collections, logs: Object.fromEntries(this.logs), members };
  }

  /** Puts the member lists of a snapshot back in assignment order. */
  private restoreMembers(members: Snapshot['members']): void {
    if (!members) return;
    for (const [dgId, ids] of this.devicesByDg) {
      const ordered = (members[dgId] ?? []).filter((id) => ids.has(id));
      this.devicesByDg.set(dgId, new Set([...ordered, ...ids]));
    }
  }

  // ---- internals ---------------------------------------------------------

  /** Queues the JSON of a journal op for the next transaction. */
  private queue(op: string): void {
    this.pending.push(op);
    if (!this.commitScheduled && !this.closed) {
      this.commitScheduled = true;
      setImmediate(() => {
        this.commitScheduled = false;
        if (!this.closed) this.commit().catch((e: unknown) => console.error(`impt-emulator: cannot write the journal: ${(e as Error).message}`));
      });
    }
  }

  private applyOp(op: JournalOp): void {
    switch (op[0]) {
      case 'put':
        this.putRaw(op[1], op[2] as never);
        break;
      case 'del':
        this.deleteRaw(op[1], op[2]);
        break;
      case 'log':
        this.appendLogRaw(op[1], op[2]);
        break;
      case 'clearlogs':
        this.dropLogs(op[1]);
        break;
    }
  }

  private putRaw<K extends CollName>(coll: K, rec: Collections[K], counted = true): void {
    if (counted) {
      const before = this.maps[coll].get(rec.id);
      this.bytes += sizeOf(rec) - (before ? sizeOf(before) : 0);
    }
    if (coll === 'devices') {
      const prev = this.maps.devices.get(rec.id);
      // a device that stays in its group keeps its place in the member list
      const stays = !!prev && prev.devicegroup_id === (rec as DeviceRec).devicegroup_id;
      if (prev) this.unindexDevice(prev, !stays);
      this.indexDevice(rec as DeviceRec, !stays);
    }
    this.maps[coll].set(rec.id, rec);
  }

  private deleteRaw(coll: CollName, id: string): boolean {
    const before = this.maps[coll].get(id);
    if (before) this.bytes -= sizeOf(before);
    if (coll === 'devices') {
      const prev = this.maps.devices.get(id);
      if (prev) this.unindexDevice(prev);
    }
    return this.maps[coll].delete(id);
  }

  private appendLogRaw(deviceId: string, entry: LogEntry): void {
    let list = this.logs.get(deviceId);
    if (!list) this.logs.set(deviceId, (list = []));
    list.push(entry);
    this.bytes += sizeOf(entry);
    if (list.length > MAX_LOGS_PER_DEVICE) {
      for (const dropped of list.splice(0, list.length - MAX_LOGS_PER_DEVICE)) this.bytes -= sizeOf(dropped);
    }
  }

  private dropLogs(deviceId: string): boolean {
    const list = this.logs.get(deviceId);
    if (!list) return false;
    for (const e of list) this.bytes -= sizeOf(e);
    return this.logs.delete(deviceId);
  }

  private indexDevice(d: DeviceRec, membership = true): void {
    this.devicesByMac.set(d.mac_address.toLowerCase(), d.id);
    if (d.agent_id) this.devicesByAgent.set(d.agent_id, d.id);
    if (membership && d.devicegroup_id) {
      let set = this.devicesByDg.get(d.devicegroup_id);
      if (!set) this.devicesByDg.set(d.devicegroup_id, (set = new Set()));
      set.add(d.id);
    }
  }

  private unindexDevice(d: DeviceRec, membership = true): void {
    this.devicesByMac.delete(d.mac_address.toLowerCase());
    if (d.agent_id) this.devicesByAgent.delete(d.agent_id);
    if (membership && d.devicegroup_id) this.devicesByDg.get(d.devicegroup_id)?.delete(d.id);
  }
}

function emptyMaps(): Maps {
  const m = {} as Record<CollName, Map<string, unknown>>;
  for (const name of COLLECTIONS) m[name] = new Map();
  return m as Maps;
}
