// Literal messages and the log line layout of the `impt log` group
// (interface/log.md). Stream status sentences shared with `--log` are
// `logStream` in common.ts.

export interface LogEntry {
  device_id?: unknown;
  ts?: unknown;
  type?: unknown;
  msg?: unknown;
}

const text = (v: unknown) => (v === undefined ? 'undefined' : typeof v === 'string' ? v : JSON.stringify(v));

/** A message with a newline is shown as a `"""` block, each line indented by two spaces. */
function block(line: string): string {
  if (!line.includes('\n')) return line;
  return `"""\n${line
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\n"""`;
}

export const logMessages = {
  /** `log get`: `<ts> [<type>] <msg>` */
  historyLine: (e: LogEntry) => block(`${text(e.ts)} [${text(e.type)}] ${text(e.msg)}`),
  /** `log stream` and `--log`: `[<device_id>] <ts> [<type>] <msg>` (no id → the `log get` layout) */
  streamLine: (e: LogEntry) =>
    e.device_id === undefined ? logMessages.historyLine(e) : block(`[${text(e.device_id)}] ${text(e.ts)} [${text(e.type)}] ${text(e.msg)}`),
  pressEnter: 'Press <Enter> to see more logs or <Ctrl-C> to exit.',
  noMoreLogs: 'No more logs are available.',
  /** device ids of the opening line: the first five, then `...` */
  openedDevices: (ids: string[]) => (ids.length > 5 ? [...ids.slice(0, 5), '...'] : ids).join(', '),
  unexpectedMessage: (raw: string) => `Internal error: Unexpected format of log stream message: ${raw}.`,
  streamHttpError: (status: number) => `impCentral API error HTTP/${status}`,
  streamInterrupted: (reason: string) => `The log stream connection was interrupted: ${reason}`,
};
