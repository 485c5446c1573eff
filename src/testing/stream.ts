// The log stream of one test session: created, connected, the device added
// once the stream reports `opened` (or after a second), records handed over
// as parsed objects. A stream that ends while in use is reported once.
import type { ImpCentral } from '../api/impcentral.js';
import { openEventStream, type SseConnection, type SseEvent } from '../api/logstream.js';
import { USER_AGENT } from '../context/session.js';

const OPEN_WAIT_MS = 1000;

export interface StreamHandlers {
  record(entry: Record<string, unknown>): void;
  /** the stream ended or sent something that is not JSON */
  closed(reason: unknown): void;
}

export class SessionStream {
  private conn: SseConnection | undefined;
  private closed = false;

  private constructor(private readonly handlers: StreamHandlers) {}

  static async open(api: ImpCentral, deviceId: string, handlers: StreamHandlers, env: NodeJS.ProcessEnv, debug?: (t: string) => void): Promise<SessionStream> {
    const s = new SessionStream(handlers);
    const stream = await api.logStreams.create();
    let opened!: () => void;
    const isOpen = new Promise<void>((r) => (opened = r));
    s.conn = await openEventStream(
      api.logStreams.url(stream.id),
      { onEvent: (e) => s.onEvent(e, opened), onEnd: (e) => s.end(e) },
      { userAgent: USER_AGENT, debug, env },
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([isOpen, new Promise<void>((r) => (timer = setTimeout(r, OPEN_WAIT_MS)))]);
    clearTimeout(timer);
    await api.logStreams.addDevice(stream.id, deviceId);
    return s;
  }

  private onEvent(e: SseEvent, opened: () => void): void {
    if (this.closed) return;
    if (e.event === 'state_change') {
      let state: unknown;
      try {
        state = (JSON.parse(e.data) as { state?: unknown }).state;
      } catch {
        state = e.data;
      }
      if (state === 'opened') opened();
      else if (state === 'closed') this.end(undefined);
      return;
    }
    let entry: unknown;
    try {
      entry = JSON.parse(e.data);
    } catch (err) {
      return this.handlers.closed(err);
    }
    if (entry && typeof entry === 'object') this.handlers.record(entry as Record<string, unknown>);
  }

  private end(_cause: unknown): void {
    if (this.closed) return;
    this.closed = true;
    this.handlers.closed(undefined);
  }

  close(): void {
    this.closed = true;
    this.conn?.close();
    this.conn = undefined;
  }
}
