/** The one error type the server maps to HTTP; `message` is citizen-safe German text. */
export type AppErrorCode =
  | 'bad_request'
  | 'payload_too_large'
  | 'rate_limited'
  | 'unauthorized'
  | 'not_found'
  | 'index_missing'
  | 'upstream_unavailable'
  | 'internal';

export const STATUS_BY_CODE: Record<AppErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  upstream_unavailable: 502,
  index_missing: 503,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Internal detail for the log only, never sent to clients. */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS_BY_CODE[this.code];
  }
}
