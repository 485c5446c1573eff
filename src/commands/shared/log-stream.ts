// Real-time logs of devices (interface/log.md `log stream`, README §14), shared
// by `log stream`, `device restart --log`, `dg restart --log` and
// `build run --log`: one stream, the devices added to it, every message
// printed as it arrives until Ctrl-C / SIGTERM or the server closes the stream.
// A dropped connection is reported and a new stream is opened with backoff.
import { inspect } from 'node:util';
import { ImpCentralApiError, TransportError } from '../../api/errors.js';
import { openEventStream, type SseConnection, type SseEvent } from '../../api/logstream.js';
import type { CommandEnd, CommandRuntime } from '../../cli/spec.js';
import { USER_AGENT } from '../../context/session.js';
import { CliError, ContextError } from '../../errors.js';
import { errors, logStream, SUCCEEDS } from '../../output/messages/common.js';
import { contextFailureText } from '../../output/messages/context.js';
import { logMessages as msg } from '../../output/messages/log.js';
import type { Printer } from '../../output/printer.js';
import { LineSink } from '../../output/line-sink.js';
import type { Resolver } from './resolver.js';

/** impt waits about a second for the stream to open before adding devices */
const OPEN_WAIT_MS = 1000;
const ADD_CONCURRENCY = 5;
const RECONNECT_ATTEMPTS = 6;
const RECONNECT_BASE_MS = 500;
const RECONNECT_MAX_MS = 8000;

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

/** One line describing why a connection attempt failed (the full error object in debug mode). */
function describe(e: unknown): string {
  if (e instanceof ImpCentralApiError) return e.title !== undefined || e.detail !== undefined ? `${e.title ?? ''}: ${e.detail ?? ''}` : msg.streamHttpError(e.status);
  if (e instanceof TransportError) return e.isNetworkFailure ? errors.network : `Request error: ${e.message.replace(/^Error: /, '')}`;
  if (e instanceof ContextError) return contextFailureText(e.failure);
  return e instanceof Error ? e.message : String(e);
}

class LiveLogStream {
  private conn: SseConnection | undefined;
  private stopped = false;
  private readonly done = deferred<void>();
  private readonly sink: LineSink;
  private readonly out: Printer;
  private opened: ReturnType<typeof deferred<void>> | undefined;
  /** backoff wait before a reconnection, cleared on stop so the process can end */
  private backoff: { timer: NodeJS.Timeout; wake: () => void } | undefined;
  /** set while a stream is being opened (its requests may take long) */
  private opening: AbortController | undefined;
  /** interrupted while opening: the command ends at once, its status line printed */
  private endedWhileOpening = false;
  private readonly signal: AbortSignal;
  private readonly env: NodeJS.ProcessEnv;

  constructor(
    private readonly res: Resolver,
    private readonly deviceIds: string[],
    rt: CommandRuntime,
  ) {
    this.out = rt.out;
    this.signal = rt.signal;
    this.env = rt.env;
    this.sink = new LineSink(rt.stdout, (full) => (full ? this.conn?.pause() : this.conn?.resume()));
  }

  /** Streams until stopped; 'quiet' when interrupted while the stream was being opened. */
  async run(): Promise<CommandEnd> {
    // Ctrl-C / SIGTERM (the boundary's signal) stop the stream; a reader that
    // went away (`| head`) ends the process at the boundary (src/cli/main.ts)
    const stop = () => this.stop();
    if (this.signal.aborted) return this.interruptedEarly();
    this.signal.addEventListener('abort', stop);
    try {
      const opened = this.open().catch((e: unknown) => {
        // interrupted while opening: stop() has ended the command
        if (!this.stopped) throw e;
      });
      // an interrupt while opening ends at once, without waiting for the answers
      await Promise.race([opened, this.done.promise]);
      if (this.endedWhileOpening) return 'quiet';
      await opened;
      await this.done.promise;
      await this.sink.drained();
    } finally {
      this.signal.removeEventListener('abort', stop);
      this.conn?.close();
    }
  }

  private interruptedEarly(): CommandEnd {
    this.out.info(SUCCEEDS);
    return 'quiet';
  }

  /** Writes status lines after the queued log lines, keeping the order. */
  private say(fn: () => void): void {
    this.sink.flush();
    fn();
  }

  private stop(): void {
    if (this.opening) {
      // Ctrl-C while impCentral is slow to open the stream: end at once, as
      // before the stream (log/interrupt.ts), without waiting for the answers
      this.stopped = true;
      this.endedWhileOpening = true;
      this.opening.abort();
      this.sink.flush();
      this.out.info(SUCCEEDS);
      this.done.resolve();
      return;
    }
    this.stopped = true;
    this.conn?.close();
    if (this.backoff) {
      clearTimeout(this.backoff.timer);
      this.backoff.wake();
    }
    this.done.resolve();
  }

  /** Creates a stream, opens its event feed, adds the devices and prints the opening block. */
  private async open(): Promise<void> {
    const opening = new AbortController();
    this.opening = opening;
    try {
      await this.openStream(opening.signal);
    } finally {
      this.opening = undefined;
    }
  }

  private async openStream(signal: AbortSignal): Promise<void> {
    const api = this.res.api;
    const stream = await api.logStreams.create();
    if (this.stopped) return;
    this.opened = deferred<void>();
    const debug = this.out.isDebug ? (t: string) => this.out.debug(t) : undefined;
    this.conn = await openEventStream(
      api.logStreams.url(stream.id),
      { onEvent: (e) => this.onEvent(e), onEnd: (e) => void this.lost(e) },
      { userAgent: USER_AGENT, debug, signal, env: this.env },
    );
    if (this.stopped) return this.conn.close();
    try {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([this.opened.promise, new Promise<void>((r) => (timer = setTimeout(r, OPEN_WAIT_MS)))]);
      clearTimeout(timer);
      for (let i = 0; i < this.deviceIds.length && !this.stopped; i += ADD_CONCURRENCY) {
        await Promise.all(this.deviceIds.slice(i, i + ADD_CONCURRENCY).map((id) => api.logStreams.addDevice(stream.id, id)));
      }
    } catch (e) {
      this.conn.close();
      this.conn = undefined;
      throw e;
    }
    if (this.stopped) return;
    this.say(() => {
      this.out.info(logStream.opened(msg.openedDevices(this.deviceIds)));
      this.out.info(SUCCEEDS);
      this.out.info('');
      this.out.info(logStream.pressCtrlC);
    });
  }

  private onEvent(e: SseEvent): void {
    if (e.event === 'state_change') return this.onState(e.data);
    let entry: unknown;
    try {
      entry = JSON.parse(e.data);
    } catch {
      entry = undefined;
    }
    if (!entry || typeof entry !== 'object') return this.fail(new CliError(msg.unexpectedMessage(e.data)));
    this.sink.push(this.out.isJson ? JSON.stringify(entry, null, 2) : msg.streamLine(entry));
  }

  private onState(data: string): void {
    let state: unknown = data;
    try {
      state = (JSON.parse(data) as { state?: unknown }).state;
    } catch {
      // the text format carries the state as words
    }
    const is = (word: string) => (typeof state === 'string' ? state === word || state.split(' ').includes(word) : false);
    if (is('opened')) this.opened?.resolve();
    else if (is('closed') && !this.stopped) {
      // the server ended the stream (e.g. a newer stream of the account replaced it)
      this.stopped = true;
      this.conn?.close();
      this.say(() => this.out.info(logStream.closed));
      this.done.resolve();
    }
  }

  private fail(e: unknown): void {
    this.stopped = true;
    this.conn?.close();
    this.sink.flush();
    this.done.reject(e);
  }

  /** The connection dropped: say so, then open a new stream with backoff. */
  private async lost(cause?: Error): Promise<void> {
    if (this.stopped) return;
    this.conn = undefined;
    this.say(() => {
      if (cause && this.out.isDebug) this.out.debug(inspect(cause, { depth: 4 }));
      this.out.streamError(msg.streamInterrupted(cause ? describe(cause) : 'the server ended the response'));
      this.out.info(logStream.lost);
    });
    for (let attempt = 1; !this.stopped; attempt++) {
      const delay = Math.min(RECONNECT_BASE_MS * 2 ** (attempt - 1), RECONNECT_MAX_MS);
      await new Promise<void>((wake) => {
        this.backoff = { timer: setTimeout(wake, delay + Math.floor(Math.random() * RECONNECT_BASE_MS)), wake };
      });
      this.backoff = undefined;
      if (this.stopped) return;
      try {
        await this.open();
        return;
      } catch (e) {
        if (this.stopped) return;
        if (attempt >= RECONNECT_ATTEMPTS) return this.fail(e);
        this.say(() => this.out.streamError(describe(e)));
      }
    }
  }
}

/** Streams the logs of the devices until Ctrl-C, SIGTERM or the server closes the stream. */
export async function streamLogs(res: Resolver, deviceIds: string[], rt: CommandRuntime): Promise<CommandEnd> {
  if ((await new LiveLogStream(res, deviceIds, rt).run()) === 'quiet') return 'quiet';
  // json mode: the stream's objects are the whole output, no `{}` after them
  if (rt.out.isJson) return 'quiet';
}
