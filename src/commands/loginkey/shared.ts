// What the login key commands share: options, the short view (with usages),
// the lookup by id and the account password, which is sent only as the
// X-Electricimp-Password header.
import type { Resource } from '../../api/impcentral.js';
import { ImpCentralApiError } from '../../api/errors.js';
import type { ImpCentral } from '../../api/impcentral.js';
import type { OptionSpec } from '../../cli/spec.js';
import { defineOption } from '../shared/define.js';
import { CliError } from '../../errors.js';
import { isPathSegment } from '../../identify/index.js';
import type { DisplayObject, Value } from '../../output/format.js';
import { entity, errors } from '../../output/messages/common.js';
import { loginkeyMessages as msg } from '../../output/messages/loginkey.js';
import type { Printer } from '../../output/printer.js';
import { askSecret } from '../../prompt/index.js';

export const LK_OPTION = defineOption({ name: 'lk', alias: 'k', kind: 'string', required: true, usage: '<login_key_id>', describe: 'The login key ID.' });
export const PWD_OPTION = defineOption({ name: 'pwd', alias: 'w', kind: 'string-empty', usage: '<password>', describe: 'The account password.' });
export const DESCR_OPTION = defineOption({ name: 'descr', alias: 's', kind: 'string-empty', usage: '<login_key_description>', describe: 'Free text describing the login key. Optional.' });

export const ident = (id: string) => entity(msg.type, id);

/** `id`, `description`, `usages`; empty values left out, `0` kept. */
export function shortView(r: Resource): DisplayObject {
  const view: DisplayObject = { id: r.id };
  for (const name of ['description', 'usages']) {
    const v = r.attributes[name];
    if (v !== undefined && v !== null && v !== '') view[name] = v as Value;
  }
  return view;
}

export const wrap = (view: DisplayObject): DisplayObject => ({ [msg.type]: view });

/** GET by id; 404 → `Login Key "«id»" is not found.` */
export async function findLoginKey(api: ImpCentral, id: string): Promise<Resource> {
  if (!isPathSegment(id)) throw new CliError(errors.notFound(ident(id)));
  try {
    return await api.loginKeys.get(id);
  } catch (e) {
    if (e instanceof ImpCentralApiError && e.status === 404) throw new CliError(errors.notFound(ident(id)));
    throw e;
  }
}

/** --pwd, or the hidden prompt (not checked yet: see `nonEmptyPassword`). */
export async function askedPassword(pwd: string | undefined, out: Printer): Promise<string> {
  return pwd ?? (await askSecret(out, msg.askPassword, msg.howPassword));
}

/** An empty password is refused when the create/update/delete request would be sent, not before. */
export function nonEmptyPassword(password: string): string {
  if (password === '') throw new CliError(msg.emptyPassword);
  return password;
}

/** --pwd or the prompt, refused when empty (create and delete: nothing is sent in between). */
export async function accountPassword(pwd: string | undefined, out: Printer): Promise<string> {
  return nonEmptyPassword(await askedPassword(pwd, out));
}
