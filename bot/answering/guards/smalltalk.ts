import { fold, phrases } from '../normalise.js';

export type SmalltalkKind = 'greeting' | 'thanks' | 'identity' | 'capabilities' | 'goodbye';

const GREETING = [
  'hallo',
  'hallo zusammen',
  'hi',
  'hey',
  'moin',
  'moin moin',
  'servus',
  'gruss gott',
  'guten morgen',
  'guten tag',
  'guten abend',
  'gluck auf',
  'hello',
  'good morning',
  'good afternoon',
  'good evening',
  'merhaba',
  'selam',
  'gunaydin',
  'iyi gunler',
  'مرحبا',
  'اهلا',
  'السلام عليكم',
  'صباح الخير',
  'привіт',
  'вітаю',
  'добрий день',
  'доброго дня',
];
const THANKS = [
  'danke',
  'danke schon',
  'vielen dank',
  'danke sehr',
  'herzlichen dank',
  'merci',
  'super danke',
  'ok danke',
  'thanks',
  'thank you',
  'thank you very much',
  'thx',
  'tesekkurler',
  'tesekkur ederim',
  'sagol',
  'شكرا',
  'شكرا جزيلا',
  'дякую',
  'дуже дякую',
  'спасибі',
];
const GOODBYE = [
  'tschuss',
  'tschau',
  'auf wiedersehen',
  'bis dann',
  'ciao',
  'bye',
  'goodbye',
  'hoscakal',
  'gule gule',
  'مع السلامة',
  'до побачення',
  'бувай',
];
const IDENTITY = [
  'wer bist du',
  'wer sind sie',
  'was bist du',
  'bist du ein mensch',
  'sind sie ein mensch',
  'bist du ein bot',
  'bist du eine ki',
  'bist du ein roboter',
  'bist du echt',
  'rede ich mit einem menschen',
  'spreche ich mit einem menschen',
  'who are you',
  'what are you',
  'are you human',
  'are you a human',
  'are you a bot',
  'are you a robot',
  'am i talking to a human',
  'sen kimsin',
  'insan misin',
  'bot musun',
  'من انت',
  'هل انت انسان',
  'هل انت روبوت',
  'хто ти',
  'ти людина',
  'ви людина',
  'ти бот',
];
const CAPABILITIES = [
  'was kannst du',
  'was kannst du alles',
  'was konnen sie',
  'wobei kannst du helfen',
  'wobei hilfst du',
  'wie kannst du mir helfen',
  'was weisst du',
  'hilfe',
  'help',
  'what can you do',
  'how can you help',
  'what do you know',
  'neler yapabilirsin',
  'ne yapabilirsin',
  'yardim',
  'ماذا تستطيع',
  'كيف تساعدني',
  'مساعدة',
  'що ти вмієш',
  'чим ти можеш допомогти',
  'допомога',
];

const FILLER = '(?:\\s*(?:bitte|mal|denn|eigentlich|du|ihr|please|lieber bot|bot|[!?.,:;)(]+))*';
const whole = (list: string[]) => new RegExp(`^(?:${phrases(list).source})${FILLER}$`, 'u');
const PATTERNS: Array<[SmalltalkKind, RegExp]> = [
  ['identity', whole(IDENTITY)],
  ['capabilities', whole(CAPABILITIES)],
  ['thanks', whole(THANKS)],
  ['goodbye', whole(GOODBYE)],
  ['greeting', whole(GREETING)],
];
const LEADING_GREETING = new RegExp(`^(?:${phrases(GREETING).source})[\\s!,.:;]*`, 'u');

function clean(message: string): string {
  return fold(message)
    .replace(/[!?.,:;؟،]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A message that is only small talk or a question about the bot itself; undefined otherwise. */
export function detectSmalltalk(message: string): SmalltalkKind | undefined {
  const text = clean(message);
  for (const [kind, pattern] of PATTERNS) if (pattern.test(text)) return kind;
  return undefined;
}

/** "Hallo, was kostet ein Perso?" → "was kostet ein Perso?" (the greeting adds nothing to search). */
export function stripGreeting(message: string): string {
  const folded = fold(message);
  const match = LEADING_GREETING.exec(folded);
  if (!match || match[0].length >= folded.length) return message;
  const words = match[0].trim().split(/\s+/).length;
  return message
    .trim()
    .split(/\s+/)
    .slice(words)
    .join(' ')
    .replace(/^[\s!,.:;]+/, '');
}
