// One error factory reproducing impCentral's error documents (§13 of the
// reference). Routes throw ApiError; the app's error handler renders it.
import type { ApiErrorObject } from '../../api/wire.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly errors: ApiErrorObject[],
  ) {
    super(errors.map((e) => `${e.title}: ${e.detail}`).join('; '));
  }

  static one(status: number, code: string, title: string, detail: string, meta?: unknown): ApiError {
    const e: ApiErrorObject = { code, status: String(status), title, detail };
    if (meta !== undefined) e.meta = meta;
    return new ApiError(status, [e]);
  }
}

const KIND: Record<string, string> = {
  product: 'product',
  devicegroup: 'device group',
  deployment: 'deployment',
  device: 'device',
  webhook: 'webhook',
  account: 'account',
  login_key: 'login key',
  refresh_token: 'refresh token',
  logstream: 'log stream',
};

export const err = {
  notFound: (kind: string) =>
    ApiError.one(404, 'NF001', 'Resource Not Found', `The requested ${KIND[kind] ?? kind} could not be found.`),
  routeNotFound: () => ApiError.one(404, 'NF002', 'Resource Not Found', 'The requested endpoint does not exist.'),
  validation: (detail: string, code = 'VX001') => ApiError.one(400, code, 'Validation Error', detail),
  badRequest: (title: string, detail: string, code = 'VX002') => ApiError.one(400, code, title, detail),
  constraint: (title: string, detail: string, code = 'CX001', status = 409) => ApiError.one(status, code, title, detail),
  permission: (detail: string, code = 'PX001') => ApiError.one(403, code, 'Invalid Permission', detail),
  unauthorized: (detail = 'The access token is missing, invalid or expired.') =>
    ApiError.one(401, 'PX100', 'Unauthorized', detail),
  invalidCredentials: () =>
    ApiError.one(401, 'PX101', 'Invalid Credentials', 'The provided credentials are invalid.'),
  rateLimited: () =>
    ApiError.one(429, 'PX429', 'Rate Limit Exceeded', 'Too many requests; retry after the time given in X-RateLimit-Reset.'),
  duplicate: (detail: string) => ApiError.one(409, 'CX002', 'Duplicate Resource', detail),
  methodNotAllowed: () => ApiError.one(405, 'VX405', 'Method Not Allowed', 'The method is not supported on this endpoint.'),
  notImplemented: (operation: string) =>
    ApiError.one(501, 'XX501', 'Not Implemented', `The impCentral emulator does not implement ${operation}.`),
  internal: (detail: string) => ApiError.one(500, 'XX001', 'Internal Error', detail),
};
