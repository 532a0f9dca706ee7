import type { AnswerType } from '../../answering/types.js';

/** Per-request access-log state; the SSE route finishes the line itself when the stream ends. */
export interface AccessLogState {
  answerType?: AnswerType;
  /** Set by routes that write their own line later (streams). */
  deferred: boolean;
  finish(extra?: { answerType?: AnswerType; aborted?: boolean }): void;
}

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by the access-log middleware of the HTTP channel. */
    httpAccessLog: AccessLogState;
  }
}
