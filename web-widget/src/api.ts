import { createSseParser } from './sse.js';
import type { EndEvent, SourcesEvent, WidgetConfig } from './types.js';

/** Why a question got no answer, in the words the UI needs. */
export type FailureKind = 'network' | 'rate_limited' | 'too_long' | 'server';

export class ChatFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    /** Seconds to wait, from Retry-After, when known. */
    readonly retryAfter?: number,
  ) {
    super(kind);
  }
}

export interface ChatHandlers {
  onSources(event: SourcesEvent): void;
  onDelta(delta: string): void;
  onEnd(event: EndEvent): void;
}

export async function fetchConfig(api: string, lang: string): Promise<WidgetConfig> {
  const response = await fetch(`${api}/api/widget-config?lang=${encodeURIComponent(lang)}`, {
    credentials: 'omit',
  });
  if (!response.ok) throw new ChatFailure('server');
  return (await response.json()) as WidgetConfig;
}

/** Sends one question and streams the answer; resolves after `end`, rejects with a `ChatFailure`. */
export async function streamChat(
  api: string,
  body: { message: string; conversationId?: string; lang: string },
  handlers: ChatHandlers,
  signal?: AbortSignal,
): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${api}/api/chat`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
      body: JSON.stringify(body),
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    throw signal?.aborted ? error : new ChatFailure('network');
  }
  if (!response.ok || !response.body) throw failureFrom(response);

  let ended = false;
  let failed = false;
  const parse = createSseParser(({ event, data }) => {
    if (ended || failed) return;
    const payload = JSON.parse(data) as unknown;
    if (event === 'sources') handlers.onSources(payload as SourcesEvent);
    else if (event === 'text-delta') handlers.onDelta((payload as { delta: string }).delta);
    else if (event === 'end') {
      ended = true;
      handlers.onEnd(payload as EndEvent);
    } else if (event === 'error') failed = true;
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || failed) break;
      parse(value);
    }
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ChatFailure(error instanceof SyntaxError ? 'server' : 'network');
  }
  if (failed) reader.cancel().catch(() => undefined);
  if (!ended) throw new ChatFailure('server');
}

function failureFrom(response: Response): ChatFailure {
  if (response.status === 429) {
    const seconds = Number(response.headers.get('Retry-After'));
    return new ChatFailure('rate_limited', Number.isFinite(seconds) && seconds > 0 ? seconds : undefined);
  }
  if (response.status === 413) return new ChatFailure('too_long');
  return new ChatFailure('server');
}

/** Sends a rating (and optional comment); resolves true when the server accepted it. */
export async function sendFeedback(
  api: string,
  body: { conversationId: string; messageId: string; rating: 'up' | 'down'; comment?: string },
): Promise<boolean> {
  try {
    const response = await fetch(`${api}/api/feedback`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      keepalive: true,
    });
    return response.ok;
  } catch {
    return false;
  }
}
