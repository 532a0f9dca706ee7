import type { Activity, ChannelAccount, Entity } from 'botframework-schema';
import { AppError } from '../../errors.js';

/** An incoming activity with the fields every later step relies on. */
export type IncomingActivity = Partial<Activity> & {
  type: string;
  channelId: string;
  serviceUrl: string;
  conversation: { id: string } & Partial<Activity['conversation']>;
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/**
 * Parses the request body. Without a channel id, an absolute http(s) serviceUrl and a
 * conversation, the token could not be bound to the activity (the SDK skips the
 * `serviceurl` claim check for an empty serviceUrl), so such bodies are refused.
 */
export function parseActivity(body: string): IncomingActivity {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    throw new AppError('bad_request', 'Die Anfrage ist kein gültiges JSON.');
  }
  if (!isObject(value) || !isText(value.type) || !isText(value.channelId) || !isObject(value.conversation)) {
    throw new AppError('bad_request', 'Die Anfrage ist keine gültige Bot-Framework-Aktivität.');
  }
  if (
    !isText(value.conversation.id) ||
    !isText(value.serviceUrl) ||
    !/^https?:\/\/[^\s/]+/i.test(value.serviceUrl)
  ) {
    throw new AppError('bad_request', 'Die Anfrage ist keine gültige Bot-Framework-Aktivität.');
  }
  return value as unknown as IncomingActivity;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The user's text without the bot's @mention. In channels and group chats Teams puts
 * `<at>Bot name</at>` into the text and a `mention` entity naming the bot (the recipient).
 */
export function messageText(activity: Partial<Activity>): string {
  let text = typeof activity.text === 'string' ? activity.text : '';
  const botId = activity.recipient?.id;
  const botName = activity.recipient?.name;
  for (const entity of (activity.entities ?? []) as Array<
    Entity & { mentioned?: ChannelAccount; text?: unknown }
  >) {
    if (entity.type !== 'mention' || typeof entity.text !== 'string' || entity.text === '') continue;
    if (botId && entity.mentioned?.id === botId) text = text.split(entity.text).join(' ');
  }
  if (botName) text = text.replace(new RegExp(`<at>\\s*${escapeRegExp(botName)}\\s*</at>`, 'gi'), ' ');
  return text
    .replace(/&nbsp;/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a conversationUpdate says the bot itself joined (installed or added to a team/chat). */
export function botWasAdded(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return Boolean(botId && activity.membersAdded?.some((member) => member.id === botId));
}

/** "de-DE" → "de"; undefined when the locale is missing or odd. */
export function languageOf(activity: Partial<Activity>): string | undefined {
  const match = /^([a-z]{2,3})(?:[-_]|$)/i.exec(activity.locale ?? '');
  return match?.[1]?.toLowerCase();
}
