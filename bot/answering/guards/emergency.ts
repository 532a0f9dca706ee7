import { fold, phrases } from '../normalise.js';

/** Kinds of emergency; each maps to the numbers the answer leads with. */
export type EmergencyKind = 'fire' | 'medical' | 'violence' | 'break_in' | 'suicide' | 'general';

/**
 * Phrases that signal an emergency now, in German (standard and colloquial), English,
 * Turkish, Arabic and Ukrainian. Written to catch urgency, not topics: "Osterfeuer
 * anmelden" or "Einbruchschutz-Beratung" are service questions, "es brennt" is not.
 * `*` matches the rest of a word.
 */
const PATTERNS: Record<EmergencyKind, RegExp> = {
  fire: phrases([
    'es brennt', 'brennt', 'feuer ausgebrochen', 'feuer im', 'feuer in', 'feuer!', 'hilfe feuer', 'flammen',
    'qualm*', 'rauch kommt', 'rauchvergiftung', 'gasgeruch', 'riecht nach gas', 'gas riecht', 'explosion',
    'fire', 'on fire', 'burning', 'smell gas', 'gas leak',
    'yangin', 'yaniyor', 'ates var', 'gaz kokusu',
    'حريق', 'نار', 'يحترق', 'تحترق', 'رائحة غاز',
    'пожеж*', 'горить', 'горит', 'вогонь', 'пахне газом',
  ]),
  medical: phrases([
    'herzinfarkt', 'herzstillstand', 'herz*attacke', 'schlaganfall', 'bewusstlos*', 'ohnmachtig', 'atmet nicht', 'atmet kaum',
    'keine luft', 'kaum luft', 'luftnot', 'atemnot', 'erstickt', 'schmerzen in der brust', 'brustschmerz*', 'reagiert nicht',
    'bewegt sich nicht mehr', 'blutet', 'kriege keine luft', 'bekomme keine luft', 'krieg keine luft', 'blutet stark', 'starke blutung', 'notarzt',
    'krankenwagen', 'rettungswagen', 'rtw', 'reanimation', 'wiederbelebung', 'zusammengebrochen', 'umgekippt', 'krampfanfall',
    'vergiftet', 'vergiftung', 'tabletten geschluckt', 'uberdosis', 'schwer verletzt', 'lebensgefahr', 'kippt um',
    'heart attack', 'chest pain', 'choking', 'not responding', 'unresponsive', 'seizure', 'cardiac arrest', 'stroke', 'unconscious', 'not breathing', "can't breathe", 'cannot breathe',
    'bleeding heavily', 'ambulance', 'overdose', 'seriously injured', 'collapsed', 'passed out',
    'kalp krizi', 'gogus agrisi', 'bayildi', 'nefes alamiyor', 'nefes almiyor', 'ambulans', 'felc', 'kan kaybediyor', 'zehirlendi',
    'نوبة قلبية', 'الم في الصدر', 'سكتة', 'جلطة', 'اسعاف', 'لا يتنفس', 'لا تتنفس', 'فاقد الوعي', 'فقد الوعي', 'اغمي', 'نزيف',
    'інфаркт', 'біль у грудях', 'задиха*', 'серцевий напад', 'інсульт', 'не дихає', 'непритомн*', 'швидку', 'швидка допомога', 'кровотеч*', 'отруєння',
  ]),
  violence: phrases([
    'schlagt mich', 'schlagt meine', 'schlagt mein', 'schlagen mich', 'werde geschlagen', 'verprugelt', 'bedroht mich',
    'bedrohen mich', 'droht mir', 'werde bedroht', 'mit dem messer', 'mit einem messer', 'hat ein messer', 'hat eine waffe',
    'hausliche gewalt', 'gewalt zu hause', 'vergewaltig*', 'missbraucht', 'angegriffen', 'uberfallen',
    'verfolgt mich', 'stalkt mich', 'tut mir gewalt an', 'will mich umbringen', 'bringt mich um',
    'hits me', 'hitting me', 'beats me', 'beating me', 'threatening me', 'threatens me', 'attacked', 'domestic violence',
    'abusing me', 'abuse', 'raped', 'rape', 'stalking me', 'has a knife', 'has a gun', 'going to kill me',
    'siddet', 'dovuyor', 'beni dovuyor', 'tehdit ediyor', 'saldiri', 'saldirdi', 'tecavuz', 'bicak',
    'يضربني', 'يضرب', 'عنف', 'يهددني', 'تهديد', 'اعتداء', 'اغتصاب', 'سكين',
    "б'є мене", 'бʼє мене', 'б’є мене', 'бьет меня', 'насильств*', 'погрожує', 'напад*', 'зґвалту*',
  ]),
  break_in: phrases([
    'einbruch', 'einbrecher', 'bricht ein', 'brechen ein', 'eingebrochen', 'jemand ist in meiner wohnung',
    'jemand ist in meinem haus', 'fremder in der wohnung', 'ausgeraubt', 'raububerfall',
    'break-in', 'break in', 'breaking in', 'breaking into', 'broke in', 'broke into', 'break into', 'intruder', 'burglar*', 'burglary', 'someone is in my house', 'robbery', 'being robbed',
    'hirsiz', 'soygun', 'eve girdi', 'eve giriyor',
    'لص', 'سطو', 'اقتحام', 'سرقة', 'يقتحم',
    'злодій', 'злодії', 'пограбуван*', 'вломився', 'вломилися', 'проник*',
  ]),
  suicide: phrases([
    'suizid*', 'selbstmord*', 'mich umbringen', 'mir das leben nehmen', 'nicht mehr leben', 'will sterben', 'mochte sterben',
    'ich kann nicht mehr leben', 'keinen sinn mehr', 'alles beenden', 'mich toten', 'mich selbst toten', 'lebensmude',
    'suicide', 'suicidal', 'kill myself', 'end my life', 'want to die', "don't want to live", 'do not want to live',
    'intihar', 'kendimi oldur*', 'olmek istiyorum', 'yasamak istemiyorum',
    'انتحار', 'اقتل نفسي', 'اريد ان اموت', 'انهي حياتي', 'لا اريد ان اعيش',
    'самогубств*', 'покінчити з собою', 'хочу померти', 'не хочу жити', 'вбити себе',
  ]),
  general: phrases(['notfall', 'notruf', 'emergency', 'acil durum', 'حالة طوارئ', 'طوارئ', 'надзвичайна ситуація', 'екстрена']),
};

/** Most specific first: a suicidal message that mentions a knife is a crisis first. */
const ORDER: EmergencyKind[] = ['suicide', 'violence', 'medical', 'fire', 'break_in', 'general'];

/** Returns the emergency kinds the message signals, most specific first; empty when none. */
export function detectEmergency(message: string): EmergencyKind[] {
  const text = fold(message);
  return ORDER.filter((kind) => PATTERNS[kind].test(text));
}
