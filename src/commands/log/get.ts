import { createInterface } from 'node:readline';
import type { CommandEnd, CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { CliError } from '../../errors.js';
import type { DisplayObject } from '../../output/format.js';
import { errors, SUCCEEDS } from '../../output/messages/common.js';
import { logMessages as msg, type LogEntry } from '../../output/messages/log.js';
import { session } from '../shared/context.js';
import { DEVICE, Resolver } from '../shared/resolver.js';
import { onlyProjectDevice, projectDgId } from './devices.js';
import { INTERRUPTED, unlessInterrupted } from './interrupt.js';

const DEFAULT_PAGE_SIZE = 20;
/** without a terminal, stdin that stays silent this long counts as ended: the command never hangs */
const PIPE_IDLE_MS = 2000;

export const spec = defineCommand({
  group: 'log',
  name: 'get',
  summary: 'Displays historical logs for the specified device.',
  description:
    'Displays historical logs for the specified device, the most recent entries first. Without --page-number, the logs are displayed page by page: press <Enter> to see the next page or <Ctrl-C> to exit.',
  options: [
    {
      name: 'device',
      alias: 'd',
      kind: 'string',
      usage: '<DEVICE_IDENTIFIER>',
      describe:
        'A Device identifier: Device ID, MAC address, Agent ID or Device name. If not specified, the only device assigned to the Device Group referenced by the Project file in the current directory is used (if there is no Project file, or that Device Group has no or several devices, the command fails).',
    },
    { name: 'page-size', alias: 's', kind: 'number', usage: '<number_of_entries>', describe: 'Number of log entries in one page. Default: 20.' },
    { name: 'page-number', alias: 'n', kind: 'number', usage: '<page_number>', describe: 'The page to display, a positive whole number; page 1 holds the most recent entries. If not specified, all saved entries are displayed, page after page.' },
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<CommandEnd> {
  const ident = opts.device;
  const projectDg = ident ? undefined : projectDgId(rt.cwd);
  if (!ident && !projectDg) throw new CliError(errors.noIdentifier('Device'));
  const interrupted = (): CommandEnd => (rt.out.info(SUCCEEDS), 'quiet');
  const res = new Resolver(session(rt), rt.out);
  // Ctrl-C while the device and the page are looked up ends the command too
  const device = await unlessInterrupted(rt.signal, () => (ident ? res.one(DEVICE, ident) : onlyProjectDevice(res, projectDg!)));
  if (device === INTERRUPTED) return interrupted();
  const size = (opts['page-size'] as number | undefined) ?? DEFAULT_PAGE_SIZE;
  const fetchPage = async (n: number) => (await res.api.devices.logs(device.id, { number: n, size })).data as LogEntry[];
  const print = (page: LogEntry[]) => {
    if (rt.out.isJson) rt.out.raw(JSON.stringify(page, null, 2));
    else for (const e of page) rt.out.raw(msg.historyLine(e));
  };

  const number = opts['page-number'] as number | undefined;
  if (number !== undefined) {
    const page = await unlessInterrupted(rt.signal, () => fetchPage(number));
    if (page === INTERRUPTED) return interrupted();
    if (rt.out.isJson) rt.out.list('Log', page as DisplayObject[]);
    else print(page);
    return;
  }

  let next = 1;
  let ended = false;
  const showPage = async () => {
    const page = await fetchPage(next++);
    print(page);
    // a short page is the last one
    if (page.length < size) ended = true;
    rt.out.info(SUCCEEDS);
    rt.out.info('');
    rt.out.info(msg.pressEnter);
  };
  // the paging handles Ctrl-C from here on
  const how = await pageOnEnter(rt, showPage, async () => {
    if (!ended) return showPage().then(() => false);
    rt.out.info(msg.noMoreLogs);
    return true;
  });
  // Ctrl-C may come while a page is still being fetched: end now, so that
  // neither the wait for impCentral nor the late page follows the status line
  if (how === 'interrupted') return interrupted();
  // nothing follows the last array in json mode, nor the prompt when stdin ended
  if (rt.out.isJson || how === 'eof') return 'quiet';
}

/**
 * Shows the first page, then calls `onEnter` for every line of stdin, one at
 * a time, until it returns true ('done'), Ctrl-C / SIGTERM ('interrupted') or
 * the end of stdin ('eof'). Signals are handled from the start, before the
 * first page is printed.
 */
function pageOnEnter(rt: CommandRuntime, first: () => Promise<void>, onEnter: () => Promise<boolean>): Promise<'done' | 'interrupted' | 'eof'> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: rt.stdin, terminal: false });
    const tty = Boolean(rt.stdin.isTTY);
    let pending = 0;
    let busy: Promise<unknown>;
    let finished = false;
    let idle: NodeJS.Timeout | undefined;
    const finish = (how: 'done' | 'interrupted' | 'eof', error?: unknown) => {
      if (finished) return;
      finished = true;
      clearTimeout(idle);
      rt.signal.removeEventListener('abort', interrupted);
      rl.close();
      rt.stdin.destroy?.();
      if (error !== undefined) reject(error);
      else resolve(how);
    };
    const interrupted = () => finish('interrupted');
    const armIdle = () => {
      clearTimeout(idle);
      if (!tty) idle = setTimeout(() => pending === 0 && finish('eof'), PIPE_IDLE_MS);
    };
    if (rt.signal.aborted) return finish('interrupted');
    rt.signal.addEventListener('abort', interrupted);
    busy = first().catch((e: unknown) => finish('done', e));
    rl.on('line', () => {
      pending++;
      clearTimeout(idle);
      busy = busy.then(async () => {
        if (finished) return;
        try {
          if (await onEnter()) finish('done');
        } catch (e) {
          finish('done', e);
        }
        pending--;
        armIdle();
      });
    });
    rl.on('close', () => void busy.then(() => finish('eof')));
    void busy.then(armIdle);
  });
}
