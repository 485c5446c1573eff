// impt-emulator admin verbs: each simulation admin route as a subcommand
// talking to a running emulator (--url, default $IMPT_EMULATOR_URL or
// http://127.0.0.1:6502). Prints the route's JSON answer; exit 1 on errors.
import { type Command, InvalidArgumentError, Option } from 'commander';

const DEFAULT_URL = 'http://127.0.0.1:6502';

const intArg = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min || n > max) throw new InvalidArgumentError(`must be an integer from ${min} to ${max}.`);
  return n;
};
const rateArg = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1) throw new InvalidArgumentError('must be a number from 0 to 1.');
  return n;
};
const secondsArg = (value: string) => {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('must be a number of seconds (0 or more).');
  return n;
};
const statusesArg = (value: string) => {
  const list = value.split(',').map((s) => s.trim());
  if (list.some((s) => !/^[45]\d\d$/.test(s))) throw new InvalidArgumentError('must be a comma-separated list of HTTP statuses (400-599).');
  return list.map(Number);
};

type Opts = { url?: string };

function origin(opts: Opts): string {
  const u = (opts.url ?? process.env.IMPT_EMULATOR_URL ?? DEFAULT_URL).replace(/\/+$/, '').replace(/\/v5$/, '');
  return u;
}

async function call(opts: Opts, method: string, path: string, body?: unknown): Promise<void> {
  const base = origin(opts);
  let res: Response;
  try {
    res = await fetch(`${base}/_emulator/${path}`, {
      method,
      // the emulator refuses a POST without it (a browser could send one)
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    fail(`cannot reach the emulator at ${base}: ${cause}`);
  }
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = text;
  }
  if (!res.ok) {
    const msg = (parsed as { error?: string } | null)?.error ?? `HTTP ${res.status} ${text}`;
    fail(msg);
  }
  if (parsed !== null) process.stdout.write(`${JSON.stringify(parsed, null, 2)}\n`);
}

function fail(message: string): never {
  process.stderr.write(`impt-emulator: ${message}\n`);
  process.exit(1);
}

const urlOption = () => new Option('--url <url>', `emulator URL (default $IMPT_EMULATOR_URL or ${DEFAULT_URL})`);

export function registerAdminCommands(program: Command): void {
  const devices = program.command('devices').description('simulated devices of a running emulator');
  devices
    .command('add')
    .description('add new unassigned devices')
    .addOption(urlOption())
    .option('--count <n>', 'how many', intArg(1, 10_000), 1)
    .option('--offline', 'create them offline')
    .option('--account <account>', 'owner (username, email or id; default: the first account)')
    .option('--imp-type <type>', 'imp type, e.g. imp005', 'imp004m')
    .option('--name <name>', 'device name (suffixed -1, -2, ... when --count > 1)')
    .action((o: Opts & { count: number; offline?: boolean; account?: string; impType: string; name?: string }) =>
      call(o, 'POST', 'devices', {
        count: o.count,
        online: !o.offline,
        imp_type: o.impType,
        ...(o.account ? { account: o.account } : {}),
        ...(o.name !== undefined ? { name: o.name } : {}),
      }),
    );
  for (const state of ['online', 'offline'] as const) {
    devices
      .command(`${state} <device>`)
      .description(`bring a device ${state}`)
      .addOption(urlOption())
      .action((device: string, o: Opts) => call(o, 'POST', `devices/${encodeURIComponent(device)}/${state}`));
  }

  program
    .command('logs <device> <line...>')
    .description('append log lines to a device (historical logs and open log streams)')
    .addOption(urlOption())
    .option('--type <type>', 'log type', 'server.log')
    .action((device: string, lines: string[], o: Opts & { type: string }) =>
      call(o, 'POST', `devices/${encodeURIComponent(device)}/logs`, { lines: lines.map((message) => ({ type: o.type, message })) }),
    );

  program
    .command('dut <fixture>')
    .description('let a factory fixture make a new device under test (assigned to its dut_target)')
    .addOption(urlOption())
    .option('--imp-type <type>', 'imp type of the new unit')
    .action((fixture: string, o: Opts & { impType?: string }) =>
      call(o, 'POST', `factory/${encodeURIComponent(fixture)}/dut`, o.impType ? { imp_type: o.impType } : {}),
    );

  program
    .command('bless <device>')
    .description("bless a device under test (it moves to the fixture group's production_target; webhooks fire)")
    .addOption(urlOption())
    .option('--fail', 'report a failed blessing instead')
    .action((device: string, o: Opts & { fail?: boolean }) =>
      call(o, 'POST', `devices/${encodeURIComponent(device)}/bless`, { success: !o.fail }),
    );

  program
    .command('blinkup <device>')
    .description('end-user BlinkUp activation of a production device (blinkup webhooks fire)')
    .addOption(urlOption())
    .option('--plan-id <id>', 'production plan ID (default: random)')
    .option('--token <token>', 'enrollment token (default: random)')
    .action((device: string, o: Opts & { planId?: string; token?: string }) =>
      call(o, 'POST', `devices/${encodeURIComponent(device)}/blinkup`, {
        ...(o.planId ? { plan_id: o.planId } : {}),
        ...(o.token ? { token: o.token } : {}),
      }),
    );

  const imp = program.command('imp').description("the Squirrel VMs of a running emulator's devices and agents");
  imp
    .command('state <device>')
    .description("the device's and agent's VM: deployment, timers, handlers, memory, errors, nv, hardware")
    .addOption(urlOption())
    .action((device: string, o: Opts) => call(o, 'GET', `devices/${encodeURIComponent(device)}/imp`));
  imp
    .command('agent-url <device>')
    .description("the URL the device's agent answers (http.onrequest)")
    .addOption(urlOption())
    .action((device: string, o: Opts) => call(o, 'GET', `devices/${encodeURIComponent(device)}/agent-url`));
  imp
    .command('hardware <device> <name=value...>')
    .description('inject what the device code reads (names of the device\'s imp type): pinA=1 (pin read), i2cNM=text (bus read), uartFGJH=text (received)')
    .addOption(urlOption())
    .action((device: string, pairs: string[], o: Opts) => {
      const values: Record<string, unknown> = {};
      for (const p of pairs) {
        const i = p.indexOf('=');
        if (i <= 0) fail(`"${p}" is not name=value`);
        const raw = p.slice(i + 1);
        values[p.slice(0, i)] = raw !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw;
      }
      return call(o, 'POST', `devices/${encodeURIComponent(device)}/hardware`, { values });
    });

  const webhooks = program.command('webhooks').description('webhook deliveries made by a running emulator');
  webhooks
    .command('deliveries')
    .description('list webhook deliveries (newest last)')
    .addOption(urlOption())
    .option('--wait', 'wait until deliveries in flight have finished')
    .action((o: Opts & { wait?: boolean }) => call(o, 'GET', `webhooks/deliveries${o.wait ? '?wait=1' : ''}`));
  webhooks
    .command('clear')
    .description('forget recorded deliveries')
    .addOption(urlOption())
    .action((o: Opts) => call(o, 'DELETE', 'webhooks/deliveries'));

  const faults = program.command('faults').description('fault injection on /v5 requests of a running emulator');
  faults
    .command('set')
    .description('replace the fault configuration')
    .addOption(urlOption())
    .option('--error-rate <p>', 'probability (0..1) of an error answer', rateArg)
    .option('--statuses <list>', 'error statuses to pick from, e.g. 500,503', statusesArg)
    .option('--rate-limit-burst <n>', 'answer the next n requests with 429', intArg(0, 1_000_000))
    .option('--latency-ms <ms>', 'delay before every request', intArg(0, 600_000))
    .option('--drop-rate <p>', 'probability (0..1) of dropping the connection (also open log streams)', rateArg)
    .option('--lost-answer-rate <p>', 'probability (0..1) that a change is made and its answer then lost (connection dropped)', rateArg)
    .option('--routes <regex>', 'only requests whose path matches, e.g. ^/v5/devices')
    .action((o: Opts & { errorRate?: number; statuses?: number[]; rateLimitBurst?: number; latencyMs?: number; dropRate?: number; lostAnswerRate?: number; routes?: string }) => {
      const body: Record<string, unknown> = {};
      if (o.errorRate !== undefined) body.error_rate = o.errorRate;
      if (o.statuses !== undefined) body.statuses = o.statuses;
      if (o.rateLimitBurst !== undefined) body.rate_limit_burst = o.rateLimitBurst;
      if (o.latencyMs !== undefined) body.latency_ms = o.latencyMs;
      if (o.dropRate !== undefined) body.drop_rate = o.dropRate;
      if (o.lostAnswerRate !== undefined) body.lost_answer_rate = o.lostAnswerRate;
      if (o.routes !== undefined) body.routes = o.routes;
      return call(o, 'POST', 'faults', body);
    });
  faults
    .command('clear')
    .description('stop injecting faults')
    .addOption(urlOption())
    .action((o: Opts) => call(o, 'DELETE', 'faults'));
  faults
    .command('show')
    .description('show the fault configuration and counters')
    .addOption(urlOption())
    .action((o: Opts) => call(o, 'GET', 'faults'));

  program
    .command('clock')
    .description("show or advance the emulator's clock (token expiry, timestamps)")
    .addOption(urlOption())
    .option('--advance <seconds>', 'move emulated time forward by this many seconds', secondsArg)
    .action((o: Opts & { advance?: number }) =>
      o.advance === undefined ? call(o, 'GET', 'clock') : call(o, 'POST', 'clock', { advance_seconds: o.advance }),
    );

  program
    .command('health')
    .description('check that the emulator answers (time and entity counts)')
    .addOption(urlOption())
    .action((o: Opts) => call(o, 'GET', 'health'));

  program
    .command('reset')
    .description('back to the seed: every entity, token, log and the request log is wiped')
    .addOption(urlOption())
    .action((o: Opts) => call(o, 'POST', 'reset'));

  program
    .command('requests')
    .description('list the /v5 requests received since start or reset (oldest first)')
    .addOption(urlOption())
    .option('--clear', 'forget them instead')
    .action((o: Opts & { clear?: boolean }) => call(o, o.clear ? 'DELETE' : 'GET', 'requests'));

  program
    .command('entities')
    .description('entities of a running emulator, bypassing the business rules')
    .command('delete <collection> <id>')
    .description('remove a product, device group, deployment or webhook (collection products, devicegroups, deployments or webhooks) without any business rule: references to it dangle')
    .addOption(urlOption())
    .action((collection: string, id: string, o: Opts) =>
      call(o, 'DELETE', `entities/${encodeURIComponent(collection)}/${encodeURIComponent(id)}`),
    );
}
