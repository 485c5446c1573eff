// Errors of the impCentral client as typed values.
import type { ApiErrorObject } from './wire.js';

/** impCentral answered with a non-2xx status. */
export class ImpCentralApiError extends Error {
  readonly status: number;
  readonly errors: ApiErrorObject[];
  readonly method: string;
  readonly path: string;
  /**
   * The answer came to a retry of an attempt whose answer was lost: the first
   * attempt may have done the work already (a DELETE then meets its own result).
   */
  afterLostAnswer = false;

  constructor(status: number, errors: ApiErrorObject[], method: string, path: string) {
    const first = errors[0];
    super(first ? `${first.title ?? ''}: ${first.detail ?? ''}` : `HTTP ${status}`);
    this.name = 'ImpCentralApiError';
    this.status = status;
    this.errors = errors;
    this.method = method;
    this.path = path;
  }

  get code(): string | undefined {
    return this.errors[0]?.code;
  }
  get title(): string | undefined {
    return this.errors[0]?.title;
  }
  get detail(): string | undefined {
    return this.errors[0]?.detail;
  }
  get isNotFound(): boolean {
    return this.status === 404;
  }
}

/** The request never got an HTTP answer (refused, reset, timed out, DNS). */
export class TransportError extends Error {
  readonly code: string | undefined;
  /**
   * A request that changes something and may have reached impCentral
   * although no answer came (the connection dropped, the time ran out): the
   * change may have been made. Unset for GETs and requests never sent.
   */
  unanswered?: { method: string; path: string };
  constructor(message: string, code?: string) {
    super(message);
    this.name = 'TransportError';
    this.code = code;
  }
  /** the request cannot have reached the server (refused, or the host not found) */
  get neverSent(): boolean {
    return /ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ERR_INVALID_URL/.test(this.code ?? '');
  }
  /** ENOENT, ETIMEDOUT and ECONNRESET (timeouts and resets) are reported as a network failure (§4.2); anything else, an unknown host included, as `Request error: «message».` */
  get isNetworkFailure(): boolean {
    return /ENOENT|ETIMEDOUT|ECONNRESET|ECONNABORTED|socket hang up/.test(`${this.code ?? ''} ${this.message}`);
  }
}

/** 429 answers kept coming for longer than the retry budget. */
export class RateLimitError extends Error {
  constructor() {
    super('rate limit');
    this.name = 'RateLimitError';
  }
}

/** The answer could not be understood (wrong shape). */
export class UnexpectedResponseError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'UnexpectedResponseError';
  }
}
