import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { VALIDATION_MESSAGES as M } from './messages.js';

/** Control characters other than tab and line feed (and C1 controls, bidi overrides). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** The UI languages the widget offers; `lang` also accepts other language tags. */
export const UI_LANGUAGES = ['de', 'en', 'tr', 'ar', 'uk'] as const;
export const FEEDBACK_COMMENT_MAX = 1000;

const requiredMessage = (field: string, otherwise: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? M.missing(field) : otherwise;

/** User text: CRLF folded to LF, control characters rejected, trimmed, 1..max characters. */
function userText(field: string, max: number) {
  return z
    .string({ error: requiredMessage(field, M.wrongType(field, 'ein Text')) })
    .transform((value) => value.replace(/\r\n?/g, '\n'))
    .refine((value) => !CONTROL_CHARACTERS.test(value), { error: M.controlCharacters(field), abort: true })
    .transform((value) => value.trim())
    .pipe(
      z
        .string()
        .min(1, { error: M.empty(field) })
        .max(max, { error: M.tooLong(field, max) }),
    );
}

const uuid = (field: string) => z.uuid({ error: requiredMessage(field, M.notUuid(field)) });

export function chatRequestSchema(maxMessageChars: number) {
  return z.object(
    {
      message: userText('message', maxMessageChars),
      conversationId: uuid('conversationId').nullish(),
      lang: z
        .string({ error: M.wrongType('lang', 'ein Sprachkürzel wie „de“ sein') })
        .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, { error: M.invalid('lang') })
        .transform((value) => value.toLowerCase())
        .nullish(),
    },
    { error: M.notObject },
  );
}
export type ChatRequest = z.infer<ReturnType<typeof chatRequestSchema>>;

export const feedbackRequestSchema = z.object(
  {
    conversationId: uuid('conversationId'),
    messageId: uuid('messageId'),
    rating: z.enum(['up', 'down'], { error: requiredMessage('rating', M.oneOf('rating', ['up', 'down'])) }),
    comment: z
      .string({ error: M.wrongType('comment', 'ein Text') })
      .refine((value) => !CONTROL_CHARACTERS.test(value.replace(/\r\n?/g, '\n')), {
        error: M.controlCharacters('comment'),
        abort: true,
      })
      .transform((value) => value.trim())
      .pipe(z.string().max(FEEDBACK_COMMENT_MAX, { error: M.tooLong('comment', FEEDBACK_COMMENT_MAX) }))
      .nullish()
      .transform((value) => (value ? value : undefined)),
  },
  { error: M.notObject },
);
export type FeedbackRequest = z.infer<typeof feedbackRequestSchema>;

/**
 * Reads a JSON body and validates it. Every problem becomes a 400 bad_request whose German
 * message names the field, never a 500.
 */
export async function parseJsonBody<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const contentType = c.req.header('content-type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i.test(contentType)) {
    throw new AppError('bad_request', M.notJson, `content-type ${contentType || '(none)'}`);
  }
  let body: unknown;
  try {
    body = JSON.parse(await c.req.text());
  } catch {
    // The parser's own message quotes the input, which must not reach the log.
    throw new AppError('bad_request', M.invalidJson, 'invalid JSON');
  }
  const result = schema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = issue?.path.join('.') || '(root)';
    throw new AppError(
      'bad_request',
      issue?.message ?? M.notObject,
      `invalid field ${field}: ${issue?.code}`,
    );
  }
  return result.data;
}
