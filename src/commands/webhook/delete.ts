import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { ImpCentralApiError } from '../../api/errors.js';
import { entity, info } from '../../output/messages/common.js';
import { CONFIRMED_OPTION } from '../shared/common-options.js';
import { session } from '../shared/context.js';
import { confirmPlan } from '../shared/delete-plan.js';
import { Resolver } from '../shared/resolver.js';
import { findWebhook, WH_OPTION } from './common.js';

export const spec = defineCommand({
  group: 'webhook',
  name: 'delete',
  summary: 'Deletes the specified webhook.',
  description: 'Deletes the specified webhook.',
  options: [
    WH_OPTION,
    CONFIRMED_OPTION,
  ],
});

export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const id = opts.wh;
  const res = new Resolver(session(rt), rt.out);
  const wh = await findWebhook(res, id);
  await confirmPlan(rt.out, { deleted: [{ type: 'Webhook', r: wh }] }, opts.confirmed);
  const ident = entity('Webhook', id);
  try {
    await res.api.webhooks.delete(wh.id);
    rt.out.info(info.deleted(ident));
  } catch (e) {
    if (!(e instanceof ImpCentralApiError && e.status === 404)) throw e;
    rt.out.info(info.alreadyDeleted(ident));
  }
}
