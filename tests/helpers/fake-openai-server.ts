import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A small OpenAI-compatible chat endpoint on 127.0.0.1 for tests of LLM mode. It speaks the
 * real protocol (`POST /v1/chat/completions`, streaming as `chat.completion.chunk` SSE events
 * ending in `data: [DONE]`, or one JSON `chat.completion`) and records every request.
 */
export type FakeReply =
  /** Streams `tokens` one SSE chunk each; `pauseAfter` holds the rest until `resume()`. */
  | {
      kind: 'tokens';
      tokens: string[];
      finishReason?: 'stop' | 'length' | 'content_filter';
      pauseAfter?: number;
    }
  /** Answers with an OpenAI error body and this status. */
  | { kind: 'error'; status: number }
  /** Reads the request and never answers; only the client's timeout or abort ends it. */
  | { kind: 'hang' }
  /** Streams `tokens`, then destroys the socket: the connection breaks mid-stream. */
  | { kind: 'disconnect'; tokens: string[] }
  /** Streams `tokens`, then ends the response cleanly but without a finish reason or `[DONE]`. */
  | { kind: 'truncate'; tokens: string[] };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: {
    model: string;
    stream?: boolean;
    temperature?: number;
    max_tokens?: number;
    messages: Array<{ role: string; content: string }>;
    [key: string]: unknown;
  };
  /** Settles when the exchange is over: `completed` is false when the client went away first. */
  closed: Promise<{ completed: boolean }>;
}

export interface FakeOpenAiServer {
  /** Base URL to configure as `LLM_BASE_URL` (ends in `/v1`). */
  baseUrl: string;
  requests: RecordedRequest[];
  /** Content tokens written so far by streaming replies (all requests). */
  readonly tokensSent: number;
  /** How the server answers from now on. */
  respondWith(reply: FakeReply): void;
  /** Lets a paused `tokens` reply stream its remaining tokens. */
  resume(): void;
  /** Resolves when the next request has been received (and recorded). */
  nextRequest(): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/** Splits a text into word tokens the way a model streams them ("Der ", "Ausweis ", …). */
export function tokensOf(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export async function startFakeOpenAiServer(): Promise<FakeOpenAiServer> {
  let reply: FakeReply = { kind: 'tokens', tokens: tokensOf('Hallo [1].') };
  const requests: RecordedRequest[] = [];
  const waiting: Array<(request: RecordedRequest) => void> = [];
  let release: (() => void) | undefined;
  let resumed = false;
  let tokensSent = 0;
  let counter = 0;

  const server = createServer((request, response) => {
    void handle(request, response);
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    if (request.method !== 'POST' || (path !== '/v1/chat/completions' && path !== '/chat/completions')) {
      sendJson(response, 404, {
        error: {
          message: `Unknown route ${request.method} ${path}`,
          type: 'invalid_request_error',
          code: null,
        },
      });
      return;
    }
    const recorded: RecordedRequest = {
      method: request.method,
      path,
      headers: request.headers,
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedRequest['body'],
      closed: new Promise((resolve) =>
        response.once('close', () => resolve({ completed: response.writableFinished })),
      ),
    };
    requests.push(recorded);
    waiting.splice(0).forEach((resolve) => resolve(recorded));

    const current = reply;
    const id = `chatcmpl-fake-${++counter}`;
    const model = recorded.body.model;
    switch (current.kind) {
      case 'hang':
        return;
      case 'error':
        sendJson(response, current.status, {
          error: {
            message: 'The server had an error while processing your request.',
            type: 'server_error',
            code: null,
          },
        });
        return;
      case 'tokens':
        if (!recorded.body.stream) {
          sendJson(
            response,
            200,
            completion(id, model, current.tokens.join(''), current.finishReason ?? 'stop'),
          );
          return;
        }
        startStream(response, id, model);
        for (const [index, token] of current.tokens.entries()) {
          if (current.pauseAfter !== undefined && index === current.pauseAfter) await waitForResume();
          writeChunk(response, chunk(id, model, { content: token }, null));
        }
        writeChunk(response, chunk(id, model, {}, current.finishReason ?? 'stop'));
        response.end('data: [DONE]\n\n');
        return;
      case 'disconnect':
        startStream(response, id, model);
        for (const token of current.tokens) writeChunk(response, chunk(id, model, { content: token }, null));
        // Destroy only after the chunks have been flushed, so the client has seen them.
        response.write('', () => response.socket?.destroy());
        return;
      case 'truncate':
        startStream(response, id, model);
        for (const token of current.tokens) writeChunk(response, chunk(id, model, { content: token }, null));
        response.end();
        return;
    }
  }

  function startStream(response: ServerResponse, id: string, model: string): void {
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
    });
    // The first chunk of an OpenAI stream carries the role and empty content.
    response.write(`data: ${JSON.stringify(chunk(id, model, { role: 'assistant', content: '' }, null))}\n\n`);
  }

  function writeChunk(response: ServerResponse, data: object): void {
    const content = (data as { choices: Array<{ delta: { content?: string } }> }).choices[0]?.delta.content;
    if (content) tokensSent++;
    response.write(`data: ${JSON.stringify(data)}\n\n`);
  }

  function waitForResume(): Promise<void> {
    if (resumed) return Promise.resolve();
    return new Promise((resolve) => (release = resolve));
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    requests,
    get tokensSent() {
      return tokensSent;
    },
    respondWith(next) {
      reply = next;
      resumed = false;
      release = undefined;
    },
    resume() {
      resumed = true;
      release?.();
    },
    nextRequest() {
      return new Promise((resolve) => waiting.push(resolve));
    },
    async close() {
      release?.();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

function chunk(
  id: string,
  model: string,
  delta: { role?: string; content?: string },
  finishReason: string | null,
) {
  return {
    id,
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: 'fp_fake',
    choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
  };
}

function completion(id: string, model: string, content: string, finishReason: string) {
  return {
    id,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [
      { index: 0, message: { role: 'assistant', content }, logprobs: null, finish_reason: finishReason },
    ],
    usage: { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 },
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
