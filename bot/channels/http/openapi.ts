import type { Hono } from 'hono';
import { FEEDBACK_COMMENT_MAX, UI_LANGUAGES } from './schemas.js';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref('Error')) });
const uuid = { type: 'string', format: 'uuid' } as const;

/** Hand-written OpenAPI 3.1 description of the HTTP channel; a test keeps it in step with the routes. */
export function buildOpenApiDocument(options: { maxMessageChars: number; title: string }) {
  return {
    openapi: '3.1.0',
    info: {
      title: options.title,
      version: '1.0.0',
      description:
        'Citizen chatbot API: answers from the city’s own pages with sources. Error bodies are ' +
        '`{ error: { code, message } }` with a German message.',
      license: { name: 'EUPL-1.2', identifier: 'EUPL-1.2' },
    },
    paths: {
      '/api/chat': {
        post: {
          operationId: 'chat',
          summary: 'Ask a question; JSON, or server-sent events with Accept: text/event-stream.',
          requestBody: { required: true, content: json(ref('ChatRequest')) },
          responses: {
            '200': {
              description:
                'The answer. As text/event-stream the events are, in order: `sources` (SourcesEvent), ' +
                '`text-delta` (TextDeltaEvent, repeated), then `end` (ChatResponse) or one `error` (ErrorEvent).',
              content: {
                ...json(ref('ChatResponse')),
                'text/event-stream': { schema: { type: 'string' } },
              },
            },
            '400': errorResponse('Invalid JSON or fields (bad_request).'),
            '413': errorResponse('Body larger than the limit (payload_too_large).'),
            '429': {
              ...errorResponse('Too many requests (rate_limited).'),
              headers: { 'Retry-After': { schema: { type: 'integer' }, description: 'Seconds to wait.' } },
            },
            '500': errorResponse('Internal error.'),
            '503': errorResponse('No knowledge index yet (index_missing).'),
          },
        },
      },
      '/api/feedback': {
        post: {
          operationId: 'feedback',
          summary: 'Rate an answer the server still remembers.',
          requestBody: { required: true, content: json(ref('FeedbackRequest')) },
          responses: {
            '201': {
              description: 'Stored.',
              content: json({ type: 'object', required: ['ok'], properties: { ok: { const: true } } }),
            },
            '400': errorResponse('Invalid JSON or fields (bad_request).'),
            '404': errorResponse('Unknown or expired conversation or message (not_found).'),
            '413': errorResponse('Body larger than the limit (payload_too_large).'),
            '429': errorResponse('Too many requests (rate_limited).'),
          },
        },
      },
      '/api/widget-config': {
        get: {
          operationId: 'widgetConfig',
          summary: 'Public settings of the web widget from the city profile.',
          parameters: [
            { name: 'lang', in: 'query', required: false, schema: { type: 'string', default: 'de' } },
          ],
          responses: { '200': { description: 'Widget settings.', content: json(ref('WidgetConfig')) } },
        },
      },
      '/api/openapi.json': {
        get: {
          operationId: 'openapi',
          summary: 'This document.',
          responses: { '200': { description: 'OpenAPI 3.1 document.', content: json({ type: 'object' }) } },
        },
      },
      '/healthz': {
        get: {
          operationId: 'health',
          summary: 'Liveness.',
          responses: {
            '200': {
              description: 'Up.',
              content: json({ type: 'object', properties: { status: { const: 'ok' } } }),
            },
          },
        },
      },
      '/readyz': {
        get: {
          operationId: 'ready',
          summary: 'Readiness: the knowledge index is loaded.',
          responses: {
            '200': {
              description: 'Ready.',
              content: json({ type: 'object', properties: { status: { const: 'ready' } } }),
            },
            '503': {
              description: 'Not ready.',
              content: json({ type: 'object', properties: { status: { const: 'not_ready' } } }),
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ChatRequest: {
          type: 'object',
          required: ['message'],
          properties: {
            message: {
              type: 'string',
              minLength: 1,
              maxLength: options.maxMessageChars,
              description: 'Trimmed; control characters other than tab and newline are rejected.',
            },
            conversationId: { ...uuid, description: 'Unknown or expired ids start a new conversation.' },
            lang: { type: 'string', examples: [...UI_LANGUAGES] },
          },
        },
        Citation: {
          type: 'object',
          required: ['n', 'title', 'passage', 'headingPath'],
          properties: {
            n: { type: 'integer', minimum: 1 },
            title: { type: 'string' },
            url: { type: 'string', format: 'uri' },
            updated: { type: 'string', description: 'ISO date of the page’s last change.' },
            passage: { type: 'string' },
            headingPath: { type: 'array', items: { type: 'string' } },
          },
        },
        Contact: {
          type: 'object',
          required: ['name'],
          properties: {
            name: { type: 'string' },
            phone: { type: 'string' },
            email: { type: 'string' },
            url: { type: 'string' },
            hours: { type: 'string' },
          },
        },
        AnswerType: {
          type: 'string',
          enum: ['answer', 'no_answer', 'out_of_scope', 'emergency', 'smalltalk'],
        },
        ChatResponse: {
          type: 'object',
          required: ['conversationId', 'messageId', 'type', 'text', 'citations'],
          properties: {
            conversationId: uuid,
            messageId: uuid,
            type: ref('AnswerType'),
            text: { type: 'string' },
            citations: { type: 'array', items: ref('Citation') },
            contact: ref('Contact'),
          },
        },
        SourcesEvent: {
          type: 'object',
          required: ['conversationId', 'messageId', 'answerType', 'citations'],
          properties: {
            conversationId: uuid,
            messageId: uuid,
            answerType: ref('AnswerType'),
            citations: { type: 'array', items: ref('Citation') },
          },
        },
        TextDeltaEvent: { type: 'object', required: ['delta'], properties: { delta: { type: 'string' } } },
        ErrorEvent: {
          type: 'object',
          required: ['code', 'message'],
          properties: { code: { type: 'string' }, message: { type: 'string' } },
        },
        FeedbackRequest: {
          type: 'object',
          required: ['conversationId', 'messageId', 'rating'],
          properties: {
            conversationId: uuid,
            messageId: uuid,
            rating: { type: 'string', enum: ['up', 'down'] },
            comment: { type: 'string', maxLength: FEEDBACK_COMMENT_MAX },
          },
        },
        WidgetConfig: {
          type: 'object',
          required: [
            'city',
            'botName',
            'website',
            'privacyNoticeUrl',
            'colors',
            'starterQuestions',
            'languages',
            'serviceCenter',
          ],
          properties: {
            city: { type: 'string' },
            botName: { type: 'string' },
            website: { type: 'string', format: 'uri' },
            privacyNoticeUrl: { type: 'string', format: 'uri' },
            imprintUrl: { type: 'string', format: 'uri' },
            colors: {
              type: 'object',
              required: ['primary', 'onPrimary'],
              properties: { primary: { type: 'string' }, onPrimary: { type: 'string' } },
            },
            starterQuestions: { type: 'array', items: { type: 'string' } },
            languages: { type: 'array', items: { type: 'string' } },
            serviceCenter: {
              type: 'object',
              required: ['name'],
              properties: {
                name: { type: 'string' },
                phone: { type: 'string' },
                hours: { type: 'string' },
                url: { type: 'string' },
              },
            },
            hotline: {
              type: 'object',
              required: ['label', 'number'],
              properties: {
                label: { type: 'string' },
                number: { type: 'string' },
                hours: { type: 'string' },
              },
            },
          },
        },
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  type: 'string',
                  enum: [
                    'bad_request',
                    'payload_too_large',
                    'rate_limited',
                    'unauthorized',
                    'not_found',
                    'index_missing',
                    'upstream_unavailable',
                    'internal',
                  ],
                },
                message: { type: 'string', description: 'German, safe to show to citizens.' },
              },
            },
          },
        },
      },
    },
  } as const;
}

export function registerOpenApiRoute(app: Hono, document: object): void {
  app.get('/api/openapi.json', (c) => c.json(document));
}
