import { ImpCentralApiError } from '../../api/errors.js';
import type { CommandRuntime, Options } from '../../cli/spec.js';
import { defineCommand } from '../shared/define.js';
import { deletePlan, info } from '../../output/messages/common.js';
import { confirm, showsQuestionContext } from '../../prompt/index.js';
import { CliError } from '../../errors.js';
import { errors } from '../../output/messages/common.js';
import { session } from '../shared/context.js';
import { accountPassword, findLoginKey, ident, LK_OPTION, PWD_OPTION, shortView, wrap } from './shared.js';

export const spec = defineCommand({
  group: 'loginkey',
  name: 'delete',
  summary: 'Deletes the specified login key.',
  description: 'Deletes the specified login key.',
  options: [
    LK_OPTION,
    PWD_OPTION,
    { name: 'confirmed', alias: 'q', kind: 'flag', describe: 'Executes the operation without asking additional confirmation from user.' },
  ],
});

/** Lookup, confirmation, then the password (asked after the confirmation), then DELETE. */
export async function run(opts: Options<typeof spec>, rt: CommandRuntime): Promise<void> {
  const s = session(rt);
  const id = opts.lk;
  const key = await findLoginKey(s.api, id);
  if (!opts.confirmed) {
    // without a terminal the summary still comes before the F1 error (not in json mode)
    if (!showsQuestionContext(rt.out)) throw new CliError(errors.confirmationRequired);
    rt.out.dialog(deletePlan.willBeDeleted);
    rt.out.dialog(rt.out.text(wrap(shortView(key))));
    rt.out.dialog('');
    await confirm(rt.out);
  }
  const password = await accountPassword(opts.pwd, rt.out);
  try {
    await s.api.loginKeys.deleteWithPassword(id, password);
    rt.out.info(info.deleted(ident(id)));
  } catch (e) {
    if (!(e instanceof ImpCentralApiError && e.status === 404)) throw e;
    rt.out.info(info.alreadyDeleted(ident(id)));
  }
}
