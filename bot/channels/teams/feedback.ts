import { z } from 'zod';
import type { Activity } from 'botframework-schema';
import type { StoredMessage } from '../../conversations/store.js';
import type { FeedbackRecord } from '../../feedback/types.js';

/**
 * Thumbs up/down from an answer card. Action.Submit arrives as a message activity with
 * `value` = the button's data (plus inputs such as `comment`); Action.Execute (Universal
 * Actions) arrives as an `adaptiveCard/action` invoke with the data under `value.action.data`.
 */
const feedbackSchema = z.object({
  action: z.literal('feedback'),
  rating: z.enum(['up', 'down']),
  messageId: z.string().min(1).max(100),
  comment: z.string().max(2000).optional(),
});

export type FeedbackSubmission = z.infer<typeof feedbackSchema>;

export const ADAPTIVE_CARD_ACTION_INVOKE = 'adaptiveCard/action';

/** The submission in a message activity's value, or undefined when it is something else. */
export function feedbackFromMessage(activity: Partial<Activity>): FeedbackSubmission | undefined {
  const parsed = feedbackSchema.safeParse(activity.value);
  return parsed.success ? parsed.data : undefined;
}

/** The submission in an `adaptiveCard/action` invoke (verb "feedback" or data.action "feedback"). */
export function feedbackFromInvoke(activity: Partial<Activity>): FeedbackSubmission | undefined {
  if (activity.name !== ADAPTIVE_CARD_ACTION_INVOKE) return undefined;
  const action = (activity.value as { action?: { verb?: unknown; data?: unknown } } | undefined)?.action;
  const data = typeof action?.data === 'object' && action.data !== null ? action.data : {};
  const candidate = action?.verb === 'feedback' ? { action: 'feedback', ...data } : data;
  const parsed = feedbackSchema.safeParse(candidate);
  return parsed.success ? parsed.data : undefined;
}

/** A record for the shared feedback store; everything free-text is redacted first. */
export function feedbackRecord(
  submission: FeedbackSubmission,
  conversationId: string,
  answered: StoredMessage | undefined,
  redact: (text: string) => string,
): FeedbackRecord {
  const comment = submission.comment?.trim();
  return {
    messageId: submission.messageId,
    conversationId,
    channel: 'teams',
    rating: submission.rating,
    ...(comment ? { comment: redact(comment) } : {}),
    ...(answered
      ? {
          question: answered.question,
          answer: answered.answer,
          answerType: answered.answerType,
          citedUrls: answered.citedUrls,
        }
      : {}),
  };
}
