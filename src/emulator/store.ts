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

export interface StoreOptions {
  /** Journal transactions after which the journal is folded into a snapshot (default 5000). */
  foldAfter?: number;
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

  constructor(
    private readonly persistence: Persistence,
    opts: StoreOptions = {},
  ) {
    this.foldAfter = opts.foldAfter ?? DEFAULT_FOLD_AFTER;
    this.journal = new GroupCommit({
      append: (data, transactions) => this.persistence.append(data, transactions),
      fold: () => this.writeSnapshot(),
      wantsFold: () => this.persistence.journalLength() >= this.foldAfter,
    });
  }

  /** Loads persisted state. Returns false when there was nothing to load. */
  load(): boolean {
    const { snapshot, journal, dirty } = this.persistence.load();
    if (!snapshot && journal.length === 0) return false;
    this.clearMemory();
    if (snapshot) {
      this.seq = snapshot.seq;
      for (const name of COLLECTIONS) {
        for (const rec of snapshot.collections[name] ?? []) this.putRaw(name, rec as never);
      }
      for (const [id, entries] of Object.entries(snapshot.logs ?? {})) this.logs.set(id, entries);
      this.restoreMembers(snapshot.members);
    }
    for (const tx of journal) {
      if (tx.s <= this.seq) continue;
      for (const op of tx.ops) this.applyOp(op);
      this.seq = tx.s;
    }
    // Fold a replayed journal into a fresh snapshot; a clean snapshot needs no rewrite.
    if (dirty || !snapshot) this.compact();
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
    this.putRaw(coll, rec);
    this.queue(['put', coll, rec as { id: string }]);
    return rec;
  }

  delete(coll: CollName, id: string): boolean {
    const existed = this.deleteRaw(coll, id);
    if (existed) this.queue(['del', coll, id]);
    return existed;
  }

  appendLog(deviceId: string, entry: LogEntry): void {
    this.appendLogRaw(deviceId, entry);
    this.queue(['log', deviceId, entry]);
  }

  clearLogs(deviceId: string): void {
    if (this.logs.delete(deviceId)) this.queue(['clearlogs', deviceId]);
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
    for (const [id, t] of this.maps.access_tokens) if (t.expires_at_ms < now - 86_400_000) this.maps.access_tokens.delete(id);
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

  private queue(op: JournalOp): void {
    this.pending.push(JSON.stringify(op));
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
        this.logs.delete(op[1]);
        break;
    }
  }

  private putRaw<K extends CollName>(coll: K, rec: Collections[K]): void {
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
    if (list.length > MAX_LOGS_PER_DEVICE) list.splice(0, list.length - MAX_LOGS_PER_DEVICE);
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
