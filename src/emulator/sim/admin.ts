// Admin routes of the simulation (public contract, see docs/emulator.md
// "Simulation"). Answers are plain JSON: {"data": ...} or {"error": "..."}.
import type { Context } from 'hono';
import { z } from 'zod';
import type { App, Emulator } from '../core/emulator.js';
import type { LogEntry } from '../core/model.js';
import { blinkup, bless, createDevices, findDevice, makeDut, SimError, summary } from './factory.js';
import type { DeviceRuntime } from './runtime.js';

const DevicesBody = z
  .object({
    count: z.number().int().min(1).max(10_000).optional(),
    online: z.boolean().optional(),
    account: z.string().min(1).optional(),
    imp_type: z.string().regex(/^imp\w+$/).optional(),
    name: z.string().max(80).optional(),
  })
  .strict();

const LogLine = z
  .object({
    type: z.string().min(1).max(64).optional(),
    message: z.string().optional(),
    msg: z.string().optional(),
    ts: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 timestamp, e.g. 2024-01-01T00:00:00.000Z' }).optional(),
  })
  .refine((l) => typeof (l.message ?? l.msg) === 'string', 'needs "message" (a string)');
// {"lines": [line | "plain text", ...]}, or one line {"msg": ...} (older form)
const LogLines = z.object({
  lines: z
    .array(z.union([z.string(), LogLine], { error: 'must be a string or an object with "message"' }))
    .min(1)
    .max(10_000),
});
const BlessBody = z.object({ success: z.boolean().optional() }).strict();
const BlinkupBody = z.object({ plan_id: z.string().min(1).max(64).optional(), token: z.string().min(1).max(256).optional() }).strict();
const DutBody = z.object({ imp_type: z.string().regex(/^imp\w+$/).optional() }).strict();
/** Forward only (deployment order and token expiry follow time), at most 100 years at once. */
export const MAX_CLOCK_ADVANCE_SECONDS = 3_153_600_000;
const ClockBody = z.object({ advance_seconds: z.number().min(0).max(MAX_CLOCK_ADVANCE_SECONDS) }).strict();

async function body<T>(c: Context, schema: z.ZodType<T>): Promise<T> {
  return check(await rawBody(c), schema);
}

async function rawBody(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new SimError(400, 'body must be JSON');
  }
}

function check<T>(raw: unknown, schema: z.ZodType<T>): T {
  const r = schema.safeParse(raw);
  if (!r.success) {
    const i = firstIssue(r.error.issues[0]!);
    throw new SimError(400, `${i.path.join('.') || 'body'}: ${i.message}`);
  }
  return r.data;
}

/** For a value matching no alternative of a union: the problem inside the
 * alternative of the value's own kind (an object's missing key, say). */
function firstIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code !== 'invalid_union') return issue;
  const inner = issue.errors.map((branch) => branch[0]).find((i) => i && !(i.code === 'invalid_type' && i.path.length === 0));
  if (!inner) return issue;
  const deeper = firstIssue(inner);
  return { path: [...issue.path, ...deeper.path], message: deeper.message };
}

export function registerSimAdmin(emu: Emulator, app: App, runtime: DeviceRuntime): void {
  const route =
    (fn: (c: Context) => Promise<{ status?: 200 | 201; data: unknown }>) =>
    async (c: Context): Promise<Response> => {
      // the admin frame commits the changes before the answer leaves
      try {
        const r = await fn(c);
        return c.json({ data: r.data }, r.status ?? 200);
      } catch (e) {
        if (e instanceof SimError) return c.json({ error: e.message }, e.status);
        throw e;
      }
    };

  app.post(
    '/_emulator/devices',
    route(async (c) => {
      const b = await body(c, DevicesBody);
      return { status: 201, data: createDevices(emu, b).map((d) => summary(emu, d)) };
    }),
  );

  for (const state of ['online', 'offline'] as const) {
    app.post(
      `/_emulator/devices/:id/${state}`,
      route(async (c) => {
        const d = findDevice(emu, c.req.param('id')!);
        return { data: summary(emu, runtime.setOnline(d.id, state === 'online')!) };
      }),
    );
  }

  app.post(
    '/_emulator/devices/:id/logs',
    route(async (c) => {
      const d = findDevice(emu, c.req.param('id')!);
      const raw = await rawBody(c);
      // {"lines": [...]}, or the older single line {"msg": ...}
      const isObject = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
      if (isObject && !('lines' in raw) && !('message' in raw) && !('msg' in raw)) throw new SimError(400, 'lines: required');
      const b = isObject && 'lines' in raw ? check(raw, LogLines) : check(raw, LogLine);
      const lines = 'lines' in b ? b.lines : [b];
      const entries: LogEntry[] = [];
      for (const l of lines) {
        const line =
          typeof l === 'string'
            ? { msg: l }
            : { msg: (l.message ?? l.msg)!, type: l.type, ts: l.ts === undefined ? undefined : new Date(l.ts).toISOString() };
        entries.push(line.ts !== undefined ? emu.appendLog(d.id, line) : runtime.line(d.id, line.type ?? 'server.log', line.msg));
      }
      return { status: 201, data: 'lines' in b ? entries : entries[0] };
    }),
  );

  app.post(
    '/_emulator/factory/:fixture/dut',
    route(async (c) => {
      const b = await body(c, DutBody);
      return { status: 201, data: summary(emu, makeDut(emu, c.req.param('fixture')!, b)) };
    }),
  );

  app.post(
    '/_emulator/devices/:id/bless',
    route(async (c) => {
      const b = await body(c, BlessBody);
      const r = bless(emu, runtime, c.req.param('id')!, b.success ?? true);
      return { data: { ...summary(emu, r.device), blessed: r.blessed } };
    }),
  );

  app.post(
    '/_emulator/devices/:id/blinkup',
    route(async (c) => {
      const b = await body(c, BlinkupBody);
      const r = blinkup(emu, runtime, c.req.param('id')!, b);
      return { data: { ...summary(emu, r.device), token: r.token } };
    }),
  );

  const clockState = () => ({ now: emu.iso(), offset_seconds: Math.round(emu.clock.offsetMs() / 1000) });
  app.get('/_emulator/clock', (c) => c.json({ data: clockState() }));
  app.post(
    '/_emulator/clock',
    route(async (c) => {
      const b = await body(c, ClockBody);
      emu.advanceClock(Math.round(b.advance_seconds * 1000));
      return { data: clockState() };
    }),
  );
}
