import type { Answer, Citation, ContactHint } from '../../../answering/types.js';
import type { CityProfile } from '../../../../config/index.js';
import { TEXTS_DE as T } from '../texts-de.js';
import {
  ADAPTIVE_CARD_SCHEMA,
  MAX_CARD_BYTES,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type Container,
  type FactSet,
  type TextBlock,
} from './card-schema.js';
import {
  formatPercent,
  formatScore,
  formatStand,
  leadingSentences,
  markdownLink,
  paragraphs,
  toPlainText,
  truncate,
} from './format.js';

export interface AnswerCardOptions {
  /** Id of this answer in the conversation store; feedback buttons carry it back. */
  messageId: string;
  /** How many retrieved passages the evidence section shows (default 5). */
  maxEvidence?: number;
  /** Characters per passage in the evidence section (default 600). */
  maxPassageChars?: number;
}

/** What a thumbs up/down button sends back (Action.Submit data; merged with inputs by Teams). */
export interface FeedbackActionData {
  action: 'feedback';
  rating: 'up' | 'down';
  messageId: string;
}

const EVIDENCE_ID = 'evidence';
const SPEECH_MAX_CHARS = 420;

const text = (value: string, extra: Partial<TextBlock> = {}): TextBlock => ({
  type: 'TextBlock',
  text: value,
  wrap: true,
  ...extra,
});
const facts = (entries: Array<[string, string | undefined]>): FactSet | undefined => {
  const present = entries.filter((entry): entry is [string, string] => Boolean(entry[1]?.trim()));
  return present.length
    ? { type: 'FactSet', facts: present.map(([title, value]) => ({ title, value })) }
    : undefined;
};
const defined = <T>(items: Array<T | undefined>): T[] =>
  items.filter((item): item is T => item !== undefined);

/**
 * The answer as an Adaptive Card 1.5 for call-centre staff: status header (emergency and
 * no-answer stand out), answer text, type and confidence, sources with "Stand" dates, a
 * short text to read out, the retrieved passages with scores behind a toggle, and
 * thumbs up/down. Pure: same input, same card.
 */
export function buildAnswerCard(
  answer: Answer,
  profile: CityProfile,
  options: AnswerCardOptions,
): AdaptiveCard {
  // Teams refuses oversized messages: shrink the evidence section until the card fits.
  const attempts: AnswerCardOptions[] = [
    options,
    { ...options, maxEvidence: Math.min(options.maxEvidence ?? 5, 3), maxPassageChars: 300 },
    { ...options, maxEvidence: 0 },
  ];
  let card = composeCard(answer, profile, options);
  for (const attempt of attempts.slice(1)) {
    if (Buffer.byteLength(JSON.stringify(card), 'utf8') <= MAX_CARD_BYTES) break;
    card = composeCard(answer, profile, attempt);
  }
  return card;
}

function composeCard(answer: Answer, profile: CityProfile, options: AnswerCardOptions): AdaptiveCard {
  const body: CardElement[] = [
    ...statusHeader(answer, profile),
    ...paragraphs(answer.text).map((paragraph) => text(paragraph)),
    ...defined([
      facts([
        [T.factType, T.answerTypes[answer.type]],
        [T.factConfidence, answer.type === 'answer' ? formatPercent(answer.confidence) : undefined],
        [T.factMode, T.modes[answer.mode]],
      ]),
    ]),
    ...sourcesSection(answer.citations),
    speechSection(answer, profile),
    ...evidenceSection(answer, options),
  ];
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    lang: 'de',
    fallbackText: toPlainText(answer.text),
    msteams: { width: 'Full' },
    body,
    actions: feedbackActions(options.messageId),
  };
}

function statusHeader(answer: Answer, profile: CityProfile): CardElement[] {
  switch (answer.type) {
    case 'emergency':
      return [
        {
          type: 'Container',
          style: 'attention',
          items: defined([
            text(T.emergencyHeading, { weight: 'Bolder', size: 'Medium', color: 'Attention' }),
            facts(
              profile.emergency.map((entry) => [
                entry.label,
                entry.note ? `${entry.number} (${entry.note})` : entry.number,
              ]),
            ),
          ]),
        },
      ];
    case 'no_answer':
    case 'out_of_scope':
      return [
        {
          type: 'Container',
          style: 'warning',
          items: [
            text(answer.type === 'no_answer' ? T.noAnswerHeading : T.outOfScopeHeading, {
              weight: 'Bolder',
              color: 'Warning',
            }),
            ...contactBlock(answer.contact ?? profile.serviceCenter, profile),
          ],
        },
      ];
    case 'answer':
    case 'smalltalk':
      return [text(T.heading, { weight: 'Bolder', size: 'Medium' })];
  }
}

function contactBlock(contact: ContactHint, profile: CityProfile): CardElement[] {
  const hotline = profile.hotline;
  return defined([
    text(`${T.contactHeading}: **${contact.name}**`),
    facts([
      [T.contactPhone, contact.phone],
      [T.contactEmail, contact.email],
      [T.contactHours, contact.hours],
      [T.contactWeb, contact.url],
      [
        hotline?.label ?? '',
        hotline ? [hotline.number, hotline.hours].filter(Boolean).join(', ') : undefined,
      ],
    ]),
  ]);
}

function sourcesSection(citations: Citation[]): CardElement[] {
  if (citations.length === 0) return [];
  const lines = citations.map((citation) => {
    const title = citation.url ? markdownLink(citation.title, citation.url) : citation.title;
    const stand = citation.updated ? `${T.standPrefix}: ${formatStand(citation.updated)}` : T.standUnknown;
    return text(`[${citation.n}] ${title} · ${stand}`, { spacing: 'Small' });
  });
  return [text(T.sources, { weight: 'Bolder', separator: true, spacing: 'Medium' }), ...lines];
}

/** A compact version staff can read out or copy while on the phone. */
export function speechSuggestion(answer: Answer, profile: CityProfile): string {
  switch (answer.type) {
    case 'emergency': {
      const urgent = profile.emergency.filter(
        (entry) => entry.key === 'fire_medical' || entry.key === 'police',
      );
      const chosen = urgent.length ? urgent : profile.emergency.slice(0, 2);
      return T.speechEmergency(chosen.map((entry) => `${entry.number} (${entry.label})`).join(` ${T.or} `));
    }
    case 'no_answer':
    case 'out_of_scope': {
      const contact = answer.contact ?? profile.serviceCenter;
      return T.speechNoAnswer(contact.name, contact.phone);
    }
    case 'answer':
    case 'smalltalk':
      return leadingSentences(toPlainText(answer.text), SPEECH_MAX_CHARS);
  }
}

function speechSection(answer: Answer, profile: CityProfile): Container {
  return {
    type: 'Container',
    style: 'emphasis',
    spacing: 'Medium',
    items: [
      text(T.speechHeading, { weight: 'Bolder', size: 'Small' }),
      text(speechSuggestion(answer, profile)),
    ],
  };
}

function evidenceSection(answer: Answer, options: AnswerCardOptions): CardElement[] {
  const passages = answer.evidence.slice(0, options.maxEvidence ?? 5);
  if (passages.length === 0) return [];
  const maxChars = options.maxPassageChars ?? 600;
  return [
    {
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.ToggleVisibility',
          title: T.evidenceShow(passages.length),
          targetElements: [EVIDENCE_ID],
        },
      ],
    },
    {
      type: 'Container',
      id: EVIDENCE_ID,
      isVisible: false,
      items: [
        text(T.evidenceHeading, { weight: 'Bolder', size: 'Small' }),
        ...passages.map((passage, index): Container => ({
          type: 'Container',
          separator: true,
          items: [
            text(
              `**${index + 1}. ${passage.url ? markdownLink(passage.title, passage.url) : passage.title}** · ${T.score} ${formatScore(passage.score)}`,
              { size: 'Small' },
            ),
            ...(passage.headingPath.length
              ? [text(passage.headingPath.join(' › '), { size: 'Small', isSubtle: true, spacing: 'None' })]
              : []),
            text(truncate(passage.text.replace(/\s+/g, ' ').trim(), maxChars) || '–', {
              size: 'Small',
              isSubtle: true,
            }),
          ],
        })),
      ],
    },
  ];
}

function feedbackActions(messageId: string): CardAction[] {
  const data = (rating: 'up' | 'down'): FeedbackActionData => ({ action: 'feedback', rating, messageId });
  return [
    { type: 'Action.Submit', title: T.feedbackUp, data: { ...data('up') } },
    { type: 'Action.Submit', title: T.feedbackDown, data: { ...data('down') } },
    {
      type: 'Action.ShowCard',
      title: T.feedbackComment,
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: 'comment',
            label: T.feedbackCommentLabel,
            isMultiline: true,
            maxLength: 500,
          },
        ],
        actions: [{ type: 'Action.Submit', title: T.feedbackCommentSubmit, data: { ...data('down') } }],
      },
    },
  ];
}
