import type { ChatTurn } from './types.js';
import { detectAspects, isAspectWord } from './aspects.js';
import { GENERIC_WORDS } from './generic-words.js';
import { fold, phrases } from './normalise.js';

/** Words that point back to the conversation ("das", "dort", "it") or continue it ("und"). */
const ANAPHORA = phrases([
  'das',
  'dies',
  'dieses',
  'diese',
  'dafur',
  'dazu',
  'dort',
  'da',
  'es',
  'ihn',
  'ihm',
  'davon',
  'damit',
  'it',
  'that',
  'this',
  'there',
  'them',
  'bu',
  'bunu',
  'onu',
  'orada',
  'ذلك',
  'هذا',
  'هناك',
  'це',
  'цього',
  'там',
]);
const CONTINUATION = /^(?:und|aber|oder|auch|and|what about|how about|ve|peki|و|а|і|й)(?![\p{L}])/u;

/** Words that narrow the previous topic rather than naming a new one ("für Kinder", "online"). */
const REFINERS = phrases([
  'kind*',
  'jugendlich*',
  'baby*',
  'sauglin*',
  'minderjahrig*',
  'rentner*',
  'senior*',
  'student*',
  'schuler*',
  'auslander*',
  'eu-burger*',
  'express*',
  'schnell*',
  'eilig*',
  'verloren',
  'gestohlen',
  'abgelaufen',
  'beschadigt',
  'familie*',
  'ehepaar*',
  'zweit*',
  'erst*',
  'weiter*',
  'samstag*',
  'sonntag*',
  'wochenende',
  'children',
  'child',
  'kids',
  'lost',
  'stolen',
  'expired',
  'cocuk*',
  'اطفال',
  'طفل',
  'дит*',
]);

/**
 * Standalone search questions for a message in a conversation, best guess first. A
 * self-contained question yields itself; "Und was kostet das?" is joined to the last
 * question that had a topic; "Und der Reisepass?" keeps the new topic and the old aspect.
 */
export function resolveFollowUp(message: string, history: ChatTurn[]): string[] {
  const previous = lastTopicQuestion(history);
  if (!previous) return [message];
  const folded = fold(message);
  const words = wordsOf(folded);
  const content = contentWords(words);
  const short = words.length <= 10;
  const continues = CONTINUATION.test(folded);
  const pointsBack = (words.some((word) => ANAPHORA.test(word)) || usesArticleAsPronoun(message)) && short;

  if (!short && content.length > 0) return [message];
  // A short question that names its own topic usually stands alone, but may still lean on
  // the conversation ("Wie lange heben die die Sachen auf?"): the joined form is tried last.
  if (content.length > 0 && !continues && !pointsBack) return [message, `${previous} ${message}`];

  const ownAspects = detectAspects(message);
  // The new message's aspect replaces the old one: "Wie lange dauert es?" after a fee question.
  const previousTopic = ownAspects.length > 0 ? withoutAspectWords(previous) : previous;
  const refinement = `${previousTopic} ${message}`;
  if (content.length === 0) return [refinement];
  const previousAspectWords = (fold(previous).match(/[\p{L}-]+/gu) ?? []).filter((word) =>
    isAspectWord(word),
  );
  const topicSwitch = ownAspects.length > 0 ? message : `${message} ${previousAspectWords.join(' ')}`.trim();
  // "Und wie viel Steuer zahle ich dafür?" points back: the old topic stays. "Und der
  // Reisepass?" names a new one and keeps only the old aspect.
  const refines = pointsBack || content.every((word) => REFINERS.test(word));
  return refines ? [refinement, topicSwitch] : [topicSwitch, refinement];
}

/**
 * "Kann ich den auch online beantragen?": an article not followed by a noun stands for one
 * named earlier. Only judged in properly capitalised text, where nouns are recognisable.
 */
function usesArticleAsPronoun(message: string): boolean {
  const cased = /^\s*\p{Lu}/u.test(message) && /\p{Ll}/u.test(message);
  if (!cased) return false;
  return /(?<!\p{L})(?:der|die|den|dem)(?=\s+\p{Ll}|\s*[?.!]|$)/u.test(message);
}

function withoutAspectWords(question: string): string {
  return question
    .split(/\s+/)
    .filter((word) => !isAspectWord(word.replace(/[^\p{L}\p{N}-]/gu, '')))
    .join(' ');
}

const wordsOf = (folded: string): string[] => folded.match(/[\p{L}\p{N}-]+/gu) ?? [];

/** Words that name something: not a question word, request verb, aspect or pointer back. */
function contentWords(words: string[]): string[] {
  return words.filter((word) => !GENERIC_WORDS.has(word) && !isAspectWord(word) && !ANAPHORA.test(word));
}

/** The latest user question that named a topic itself (follow-ups resolve recursively). */
function lastTopicQuestion(history: ChatTurn[]): string | undefined {
  const questions = history.filter((turn) => turn.role === 'user').map((turn) => turn.content);
  for (let i = questions.length - 1; i >= 0; i--) {
    const question = questions[i] as string;
    if (contentWords(wordsOf(fold(question))).length > 0) {
      // A follow-up itself: resolve it against what came before.
      const before = questions.slice(0, i).map((content): ChatTurn => ({ role: 'user', content }));
      return resolveFollowUp(question, before)[0];
    }
  }
  return undefined;
}
