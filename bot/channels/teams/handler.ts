import { randomUUID } from 'node:crypto';
import type { Activity } from 'botframework-schema';
import type { AppConfig, CityProfile } from '../../../config/index.js';
import type { Logger } from '../../../config/logger.js';
import type { AnswerEngine } from '../../answering/types.js';
import type { ConversationStore } from '../../conversations/store.js';
import type { FeedbackStore } from '../../feedback/types.js';
import { profileAllowList, redactPersonalData } from '../../privacy/index.js';
import { botWasAdded, type IncomingActivity, languageOf, messageText } from './activity.js';
import { buildAnswerCard } from './cards/answer-card.js';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from './cards/card-schema.js';
import { buildHelpCard, buildWelcomeCard } from './cards/welcome-card.js';
import type { ReplySender } from './connector.js';
import {
  feedbackFromInvoke,
  feedbackFromMessage,
  feedbackRecord,
  type FeedbackSubmission,
} from './feedback.js';
import { HELP_WORDS, TEXTS_DE as T } from './texts-de.js';

export interface HandlerDeps {
  engine: AnswerEngine;
  feedback: FeedbackStore;
  conversations: ConversationStore;
  config: AppConfig;
  profile: CityProfile;
  logger: Logger;
  sender: ReplySender;
}

/** What the HTTP layer answers right away; replies follow through the connector. */
export interface HandlerResult {
  status: 200 | 202;
  body?: unknown;
}

const cardMessage = (card: AdaptiveCard): Partial<Activity> => ({
  type: 'message',
  locale: 'de-DE',
  attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card }],
});
const textMessage = (text: string): Partial<Activity> => ({
  type: 'message',
  locale: 'de-DE',
  textFormat: 'markdown',
  text,
});

/** Conversation history key shared with the store; one history per Teams conversation (or thread). */
export const conversationKey = (activity: IncomingActivity) => `teams:${activity.conversation.id}`;

/**
 * Dispatches authenticated activities. Work that talks to the engine or the connector runs
 * after the HTTP response, one activity at a time per conversation so that typing, answer
 * and history stay in order; its failures are logged, never thrown.
 */
export function createActivityHandler(deps: HandlerDeps) {
  const { logger, sender } = deps;
  const pending = new Map<string, Promise<void>>();
  const allow = profileAllowList(deps.profile);
  const redact = (text: string) => redactPersonalData(text, { allow });

  const later = (activity: IncomingActivity, task: string, work: () => Promise<void>) => {
    const key = conversationKey(activity);
    const run = (pending.get(key) ?? Promise.resolve())
      .then(work)
      .catch((error: unknown) => {
        logger.error('teams.reply.failed', {
          task,
          activityId: activity.id,
          status: (error as { statusCode?: unknown }).statusCode,
          error: error instanceof Error ? error.message.slice(0, 300) : String(error),
        });
      })
      .finally(() => {
        if (pending.get(key) === run) pending.delete(key);
      });
    pending.set(key, run);
  };

  const saveFeedback = (activity: IncomingActivity, submission: FeedbackSubmission): boolean => {
    const key = conversationKey(activity);
    try {
      const answered = deps.conversations.findMessage(key, submission.messageId);
      deps.feedback.save(feedbackRecord(submission, key, answered, redact));
      logger.info('teams.feedback.saved', { rating: submission.rating, known: answered !== undefined });
      return true;
    } catch (error) {
      logger.error('teams.feedback.failed', {
        error: error instanceof Error ? error.message : String(error),
      });
      return false;
    }
  };

  const answerQuestion = async (activity: IncomingActivity, text: string) => {
    const key = conversationKey(activity);
    try {
      await sender.reply(activity, { type: 'typing' });
    } catch (error) {
      // A lost typing indicator is no reason to drop the answer; the answer retries itself.
      logger.warn('teams.typing.failed', { status: (error as { statusCode?: unknown }).statusCode });
    }
    const started = Date.now();
    let reply: Partial<Activity>;
    try {
      const lang = languageOf(activity);
      const answer = await deps.engine.answer({
        message: text,
        history: deps.conversations.history(key),
        channel: 'teams',
        ...(lang ? { lang } : {}),
      });
      const messageId = randomUUID();
      deps.conversations.record(key, {
        messageId,
        question: redact(text),
        answer: redact(answer.text),
        answerType: answer.type,
        citedUrls: answer.citations.flatMap((citation) => (citation.url ? [citation.url] : [])),
        at: Date.now(),
      });
      reply = cardMessage(buildAnswerCard(answer, deps.profile, { messageId }));
      logger.info('teams.answer', {
        type: answer.type,
        citations: answer.citations.length,
        ms: Date.now() - started,
      });
    } catch (error) {
      logger.error('teams.answer.failed', {
        error: error instanceof Error ? error.message.slice(0, 300) : String(error),
      });
      reply = textMessage(T.failure);
    }
    await sender.reply(activity, reply);
  };

  const onMessage = (activity: IncomingActivity): HandlerResult => {
    const submission = feedbackFromMessage(activity);
    if (submission) {
      const saved = saveFeedback(activity, submission);
      later(activity, 'feedback', () =>
        sender.reply(activity, textMessage(saved ? T.feedbackThanks : T.feedbackFailed)),
      );
      return { status: 202 };
    }
    const text = messageText(activity);
    if (!text) return { status: 202 };
    if (HELP_WORDS.has(text.toLowerCase())) {
      later(activity, 'help', () => sender.reply(activity, cardMessage(buildHelpCard(deps.profile))));
    } else if (text.length > deps.config.MAX_MESSAGE_CHARS) {
      later(activity, 'too_long', () =>
        sender.reply(activity, textMessage(T.tooLong(deps.config.MAX_MESSAGE_CHARS))),
      );
    } else {
      later(activity, 'answer', () => answerQuestion(activity, text));
    }
    return { status: 202 };
  };

  /** Invokes are answered synchronously in the HTTP response (Universal Actions invoke response). */
  const onInvoke = (activity: IncomingActivity): HandlerResult => {
    const submission = feedbackFromInvoke(activity);
    if (!submission) {
      return {
        status: 200,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: T.feedbackInvalid },
        },
      };
    }
    const saved = saveFeedback(activity, submission);
    return {
      status: 200,
      body: saved
        ? { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: T.feedbackThanks }
        : {
            statusCode: 500,
            type: 'application/vnd.microsoft.error',
            value: { code: 'InternalError', message: T.feedbackFailed },
          },
    };
  };

  return {
    handle(activity: IncomingActivity): HandlerResult {
      logger.debug('teams.activity', {
        type: activity.type,
        channelId: activity.channelId,
        activityId: activity.id,
      });
      switch (activity.type) {
        case 'message':
          return onMessage(activity);
        case 'invoke':
          return onInvoke(activity);
        case 'conversationUpdate':
          if (botWasAdded(activity)) {
            later(activity, 'welcome', () =>
              sender.reply(activity, cardMessage(buildWelcomeCard(deps.profile))),
            );
          }
          return { status: 202 };
        default:
          return { status: 202 };
      }
    },
  };
}

export type ActivityHandler = ReturnType<typeof createActivityHandler>;
