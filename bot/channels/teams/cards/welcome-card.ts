import type { CityProfile } from '../../../../config/index.js';
import { TEXTS_DE as T } from '../texts-de.js';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard, type CardAction, type CardElement } from './card-schema.js';

const MAX_EXAMPLES = 4;

/** Buttons that post an example question as if the user had typed it (Teams "imBack"). */
function exampleActions(profile: CityProfile): CardAction[] {
  const questions = profile.starterQuestions.de ?? profile.starterQuestions[profile.lang] ?? [];
  return questions.slice(0, MAX_EXAMPLES).map((question) => ({
    type: 'Action.Submit',
    title: question,
    data: { msteams: { type: 'imBack', value: question } },
  }));
}

function card(body: CardElement[], actions: CardAction[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    lang: 'de',
    body,
    ...(actions.length ? { actions } : {}),
  };
}

/** Sent when the bot is added to a chat or team (conversationUpdate). */
export function buildWelcomeCard(profile: CityProfile): AdaptiveCard {
  return card(
    [
      {
        type: 'TextBlock',
        text: T.welcomeTitle(profile.botName),
        weight: 'Bolder',
        size: 'Medium',
        wrap: true,
      },
      { type: 'TextBlock', text: T.welcomeText(profile.genitive), wrap: true },
      {
        type: 'Container',
        style: 'warning',
        items: [{ type: 'TextBlock', text: T.welcomePrivacy, wrap: true }],
      },
      { type: 'TextBlock', text: T.welcomeHelpHint, wrap: true, isSubtle: true },
    ],
    exampleActions(profile),
  );
}

/** The short manual shown for "hilfe". */
export function buildHelpCard(profile: CityProfile): AdaptiveCard {
  const examples = exampleActions(profile);
  return card(
    [
      { type: 'TextBlock', text: T.helpTitle, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: T.helpItems.map((item) => `- ${item}`).join('\n'), wrap: true },
      {
        type: 'Container',
        style: 'warning',
        items: [{ type: 'TextBlock', text: T.welcomePrivacy, wrap: true }],
      },
      ...(examples.length
        ? [{ type: 'TextBlock', text: T.helpExamples, weight: 'Bolder', wrap: true } satisfies CardElement]
        : []),
    ],
    [...examples, { type: 'Action.OpenUrl', title: T.privacyLink, url: profile.privacyNoticeUrl }],
  );
}
