import type { OutOfScopeKind } from '../texts/index.js';
import { fold, patterns, phrases } from '../normalise.js';

/**
 * Attempts to change the bot's rules or extract its instructions. Refused before anything
 * else happens; nothing from such a message reaches retrieval or an LLM.
 */
const INJECTION = patterns(
  [
    'ignoriere* (alle )?(deine |die |meine )?(vorherigen |bisherigen |obigen )?(anweisungen|regeln|instruktionen|vorgaben)',
    'vergiss (alle )?(deine |die )?(anweisungen|regeln|vorgaben)',
    'ignore (all )?(your |the )?(previous |prior |above |earlier )?(instructions|rules|prompts?)',
    'disregard (all )?(your |the )?(previous |prior )?(instructions|rules)',
    'forget (all )?(your |the )?(previous )?(instructions|rules)',
    'system[- ]?prompt',
    'systemanweisung*',
    'deine anweisungen',
    'deinen prompt',
    'dein prompt',
    'your instructions',
    'your prompt',
    'initial prompt',
    'developer mode',
    'entwicklermodus',
    'jailbreak',
    'dan mode',
    'do anything now',
    'du bist (jetzt|ab jetzt|nun) (ein|eine|kein)',
    'you are now (a|an|no)',
    'act as (a|an)',
    'tu so als',
    'pretend (to be|you are)',
    'wiederhole (den|alle) text (oben|davor)',
    'repeat the (text|words) above',
    'print (your|the) (rules|instructions)',
    'talimatlari(ni)? (yok say|unut)',
    'تجاهل (جميع )?التعليمات',
    'ігноруй (всі )?(попередні )?інструкції',
  ],
  { prefixOnly: true },
);

/** Requests for political opinions or voting advice; logistics of voting (Briefwahl) stay in scope. */
const POLITICS = patterns(
  [
    'welche partei',
    'wen soll ich wahlen',
    'wen sollte ich wahlen',
    'wen wahlen',
    'wem soll ich meine stimme',
    'was haltst du von (der |den |dem )?(afd|cdu|csu|spd|grunen|grune|fdp|linke|linken|bsw|regierung|kanzler|burgermeister*)',
    'ist die (afd|cdu|csu|spd|fdp|linke) (gut|schlecht)',
    'deine (politische )?meinung',
    'bist du (links|rechts)',
    'which party',
    'who should i vote',
    'who to vote for',
    'your political',
    'hangi partiye',
    'kime oy',
    'لمن اصوت',
    'اي حزب',
    'за кого голосувати',
    'яка партія',
  ],
  { prefixOnly: true },
);

/** Topics that are refused unless the city's pages clearly answer them (checked after retrieval). */
const SOFT: Array<[OutOfScopeKind, RegExp]> = [
  [
    'weather',
    phrases([
      'wetter*',
      'regnet',
      'regen morgen',
      'temperatur*',
      'weather',
      'forecast',
      'hava durumu',
      'طقس',
      'الطقس',
      'погод*',
    ]),
  ],
  [
    'commerce',
    phrases([
      'kaufen',
      'kauf*',
      'gunstig*',
      'billig*',
      'rabatt*',
      'angebot*',
      'shopping',
      'buy',
      'cheapest',
      'restaurant*',
      'satin al*',
      'اشتري',
      'شراء',
      'купити',
    ]),
  ],
  [
    'homework',
    phrases([
      'hausaufgabe*',
      'mathe*',
      'berechne',
      'lose die',
      'hauptstadt',
      'gedicht*',
      'aufsatz',
      'witz*',
      'rezept*',
      'ubersetze',
      'homework',
      'solve',
      'poem',
      'essay',
      'joke',
      'recipe',
      'capital of',
      'odev*',
      'siir',
      'fikra',
      'واجب',
      'نكتة',
      'домашн*',
      'анекдот',
      'вірш',
    ]),
  ],
  [
    'legal',
    phrases([
      'vermieter*',
      'mietminderung',
      'verklagen',
      'klage*',
      'anwalt*',
      'abmahnung',
      'kundigung*',
      'arbeitgeber*',
      'chef',
      'erbe*',
      'erbschaft*',
      'scheidung*',
      'unterhalt*',
      'nachbarschaftsstreit',
      'streit*',
      'schadensersatz',
      'rechtsberatung',
      'landlord',
      'sue',
      'lawsuit',
      'lawyer',
      'ev sahibi',
      'avukat',
      'دعوى',
      'محامي',
      'орендодав*',
      'адвокат',
      'позов',
    ]),
  ],
];

/** Returns the kind of a request that is refused before retrieval, if any. */
/**
 * Bargain hunting and small questions that no city page answers, whatever words they share
 * with one. Buying something from the city itself (a parking card, a dog tag) stays in scope.
 */
const SHOPPING = patterns(
  [
    '(gunstig|billig|preiswert)(e|er|en|es|st|ste|sten)? ([^ ]+ ){0,3}(kaufen|bestellen|shoppen)',
    '(kaufen|bestellen) ([^ ]+ ){0,3}(gunstig|billig|preiswert)',
    '(cheap|cheapest|best price) ([^ ]+ ){0,3}(buy|to buy)',
    'where (can|do) i buy (a |an |some )?cheap',
  ],
  { prefixOnly: true },
);
const CHITCHAT = patterns(
  [
    'wie spat ist es',
    'wie viel uhr ist es',
    'wieviel uhr ist es',
    'welcher tag ist heute',
    'what time is it',
    'saat kac',
  ],
  { prefixOnly: true },
);

export function detectHardOutOfScope(message: string): OutOfScopeKind | undefined {
  const text = fold(message);
  if (INJECTION.test(text)) return 'injection';
  if (POLITICS.test(text)) return 'politics';
  if (SHOPPING.test(text)) return 'commerce';
  if (CHITCHAT.test(text)) return 'general';
  return undefined;
}

/** The refusal topic of a message the sources could not answer, if it has one. */
export function detectSoftOutOfScope(message: string): OutOfScopeKind | undefined {
  const text = fold(message);
  for (const [kind, pattern] of SOFT) if (pattern.test(text)) return kind;
  return undefined;
}
