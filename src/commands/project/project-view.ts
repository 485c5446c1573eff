// The result of `project info` (and of create/link/update): the Project
// block, and with --full the auth block of `impt auth info` beside it.
import type { Resource } from '../../api/impcentral.js';
import type { Session } from '../../context/session.js';
import type { ProjectFile } from '../../context/project-file.js';
import type { DisplayObject } from '../../output/format.js';
import { projectMessages as msg } from '../../output/messages/project.js';
import type { Resolver } from '../shared/resolver.js';
import { projectDgView } from './dg-view.js';

export async function projectView(res: Resolver, project: ProjectFile, dg: Resource, full: boolean): Promise<DisplayObject> {
  const block: DisplayObject = {};
  if (project.deviceFile !== undefined) block[msg.labels.deviceFile] = String(project.deviceFile);
  if (project.agentFile !== undefined) block[msg.labels.agentFile] = String(project.agentFile);
  block['Device Group'] = await projectDgView(res, dg, full);
  const result: DisplayObject = { [msg.labels.project]: block };
  if (full) result.Auth = await authBlock(res.s);
  return result;
}

/** The `Auth` block of `impt auth info` for the session in use (the token is valid by now). */
async function authBlock(s: Session): Promise<DisplayObject> {
  const ctx = s.context;
  const autoRefresh = Boolean(ctx.envLogin || ctx.data?.loginKey || ctx.data?.refreshToken);
  const block: DisplayObject = {
    'Auth type': ctx.label,
    'impCentral API endpoint': ctx.endpoint,
    'Access token auto refresh': autoRefresh,
  };
  if (autoRefresh) {
    const byKey = ctx.envLogin ? 'loginKey' in ctx.envLogin : Boolean(ctx.data?.loginKey);
    block['Login method'] = byKey ? 'Login Key' : 'User/Password';
  } else {
    const left = Date.parse(ctx.data?.expiresAt ?? '') - Date.now();
    block['Access token'] = left > 0 ? `expires in ${Math.floor(left / 60000)} minutes` : 'expired';
  }
  const me = await s.api.me();
  block.Username = String(me.attributes.username ?? '');
  block.Email = String(me.attributes.email ?? '');
  block['Account id'] = me.id;
  return block;
}
