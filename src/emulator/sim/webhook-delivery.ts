// Webhook delivery (§10): a real HTTP POST to each matching webhook's URL when
// a device is blessed or activated by BlinkUp, or a deployment is created.
// Bodies carry the §10 fields, JSON or form-encoded per content_type.
// Failures (network error, timeout, 429, 5xx) are retried, at most
// MAX_ATTEMPTS attempts in all. Every delivery is recorded for
// GET /_emulator/webhooks/deliveries (newest last).
import type { App, Emulator, Extension } from '../core/emulator.js';
import type { WebhookRec } from '../core/model.js';

export const MAX_ATTEMPTS = 3;
export const ATTEMPT_TIMEOUT_MS = 5000;
export const RETRY_DELAYS_MS = [250, 1000];
export const MAX_RECORDED_DELIVERIES = 1000;

export interface Delivery {
  webhook_id: string;
  event: WebhookRec['event'];
  url: string;
  content_type: WebhookRec['content_type'];
  /** the request body exactly as sent */
  body: string;
  /** HTTP status of the last attempt; null while pending or when no answer came */
  status: number | null;
  /** emulated time at which the event happened */
  at: string;
  attempts: number;
  /** network error of the last attempt, if any */
  error?: string;
  /** false until the last attempt has finished */
  done: boolean;
}

type Payload = Record<string, string>;

export class WebhookDelivery {
  readonly deliveries: Delivery[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private readonly off: (() => void)[] = [];

  constructor(private readonly emu: Emulator) {
    this.off.push(
      emu.events.on('device.blessed', ({ device, devicegroup }) =>
        this.fire(devicegroup.id, 'blessing', { device_id: device.id, imp_id: impIdOf(device.mac_address) }),
      ),
      emu.events.on('device.blinkup', ({ device, devicegroup, planId, token }) =>
        this.fire(devicegroup.id, 'blinkup', { device_id: device.id, plan_id: planId, token }),
      ),
      emu.events.on('deployment.created', ({ deployment, devicegroup }) =>
        this.fire(devicegroup.id, 'deployment', {
          deployment_id: deployment.id,
          devicegroup_id: devicegroup.id,
          sha: deployment.sha,
        }),
      ),
      emu.events.on('emulator.reset', () => (this.deliveries.length = 0)),
    );
  }

  /** Posts `payload` to every `event` webhook of a device group. */
  fire(devicegroupId: string, event: WebhookRec['event'], payload: Payload): Delivery[] {
    const out: Delivery[] = [];
    for (const w of this.emu.store.values('webhooks')) {
      if (w.devicegroup_id !== devicegroupId || w.event !== event) continue;
      const body =
        w.content_type === 'application/json' ? JSON.stringify(payload) : new URLSearchParams(payload).toString();
      const d: Delivery = {
        webhook_id: w.id,
        event,
        url: w.url,
        content_type: w.content_type,
        body,
        status: null,
        at: this.emu.iso(),
        attempts: 0,
        done: false,
      };
      this.deliveries.push(d);
      if (this.deliveries.length > MAX_RECORDED_DELIVERIES) this.deliveries.shift();
      const p = this.send(d).finally(() => this.inflight.delete(p));
      this.inflight.add(p);
      out.push(d);
    }
    return out;
  }

  /** Resolves when every delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  stop(): void {
    this.abort.abort();
    for (const off of this.off) off();
    this.off.length = 0;
  }

  private async send(d: Delivery): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      if (this.abort.signal.aborted) break;
      d.attempts = attempt;
      let retry: boolean;
      try {
        const res = await fetch(d.url, {
          method: 'POST',
          headers: { 'content-type': d.content_type, 'user-agent': 'impt-emulator-webhooks' },
          body: d.body,
          redirect: 'manual',
          signal: AbortSignal.any([this.abort.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
        });
        await res.arrayBuffer().catch(() => undefined);
        d.status = res.status;
        delete d.error;
        retry = res.status === 429 || res.status >= 500;
      } catch (e) {
        d.status = null;
        d.error = e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
        retry = true;
      }
      if (!retry || attempt === MAX_ATTEMPTS) break;
      await sleep(RETRY_DELAYS_MS[attempt - 1] ?? 1000, this.abort.signal);
    }
    d.done = true;
  }
}

/** imp ID: derived from the MAC address, not equal to it (§10). */
export function impIdOf(mac: string): string {
  return `${mac.replace(/:/g, '').toLowerCase()}0001`;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(t);
      resolve();
    }, { once: true });
  });
}

const registry = new WeakMap<Emulator, WebhookDelivery>();

export function webhookDelivery(emu: Emulator): WebhookDelivery {
  let w = registry.get(emu);
  if (!w) registry.set(emu, (w = new WebhookDelivery(emu)));
  return w;
}

export const webhookDeliveryExtension: Extension = {
  name: 'webhook-delivery',
  routes(emu: Emulator, app: App) {
    const wd = webhookDelivery(emu);
    app.get('/_emulator/webhooks/deliveries', async (c) => {
      // ?wait=1: answer once the deliveries in flight have finished
      if (c.req.query('wait') !== undefined && c.req.query('wait') !== '0') await wd.idle();
      return c.json({ data: wd.deliveries });
    });
    app.delete('/_emulator/webhooks/deliveries', (c) => {
      wd.deliveries.length = 0;
      return c.body(null, 204);
    });
  },
  stop(emu) {
    registry.get(emu)?.stop();
    registry.delete(emu);
  },
};
