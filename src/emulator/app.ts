// Assembles the hono app: request guard (Host, Origin, Content-Type), request
// limits (body size, state size), frame
// middleware (request log, headers, rate limit, durable commit), extension
// middleware, auth guard, core routes, extension routes, admin routes, 404
// and error handling.
import { Hono } from 'hono';
import { ApiError, err } from './core/errors.js';
import { type Emulator, type Env, renderError } from './core/emulator.js';
import { requestGuard } from './core/request-guard.js';
import { requestLimits } from './request-limits.js';
import { registerAdmin } from './routes/admin.js';
import { registerAuth } from './routes/auth.js';
import { registerDeployments } from './routes/deployments.js';
import { registerDevicegroups } from './routes/devicegroups.js';
import { registerDevices } from './routes/devices.js';
import { registerProducts } from './routes/products.js';
import { registerUnimplemented } from './routes/unimplemented.js';
import { registerWebhooks } from './routes/webhooks.js';

export function buildApp(emu: Emulator): void {
  const app = emu.app;
  app.use('*', requestGuard(emu));
  app.use('*', requestLimits(emu));
  app.use('/_emulator/*', emu.adminFrame());
  // '/v5/*' also matches the bare '/v5' path
  app.use('/v5/*', emu.apiFrame());
  for (const ext of emu.extensions) ext.middleware?.(emu, app);
  app.use('/v5/*', emu.authGuard());

  const api = new Hono<Env>();
  registerAuth(emu, api);
  registerProducts(emu, api);
  registerDevicegroups(emu, api);
  registerDeployments(emu, api);
  registerDevices(emu, api);
  registerWebhooks(emu, api);
  registerUnimplemented(api);
  app.route('/v5', api);

  for (const ext of emu.extensions) ext.routes?.(emu, app);
  registerAdmin(emu, app);

  app.notFound((c) => renderError(c, err.routeNotFound()));
  app.onError((e, c) => {
    if (e instanceof ApiError) return renderError(c, e);
    console.error(e);
    return renderError(c, err.internal(e instanceof Error ? e.message : String(e)));
  });
}
