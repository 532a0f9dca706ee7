import { fold, phrases } from './normalise.js';

/** What a question asks about a service; picks the section of the page to quote. */
export type Aspect =
  | 'fees'
  | 'documents'
  | 'place'
  | 'hours'
  | 'duration'
  | 'deadline'
  | 'online'
  | 'appointment'
  | 'procedure'
  | 'eligibility'
  | 'validity';

interface AspectRule {
  /** Words in the question (any supported language) that ask for this aspect. */
  cue: RegExp;
  /** Headings or service fields that answer it. */
  section: RegExp;
}

const RULES: Record<Aspect, AspectRule> = {
  fees: {
    cue: phrases([
      'kost*',
      'gebuhr*',
      'preis*',
      'teuer*',
      'wie hoch',
      'hohe',
      'steuersatz*',
      'betrag*',
      'bezahl*',
      'zahl*',
      'euro',
      'wie viel',
      'wieviel',
      'entgelt*',
      'how much',
      'cost*',
      'fee',
      'fees',
      'price',
      'pay',
      'ucret*',
      'fiyat*',
      'kac para',
      'ne kadar',
      'تكلفة',
      'رسوم',
      'كم سعر',
      'كم تكلف*',
      'скільки кошту*',
      'вартість',
      'плата',
      'ціна',
    ]),
    section: phrases([
      'gebuhr*',
      'kosten',
      'preis*',
      'entgelt*',
      'steuersatz*',
      'steuersatze',
      'hohe',
      'beitrag*',
      'fees',
    ]),
  },
  documents: {
    cue: phrases([
      'unterlag*',
      'dokument*',
      'mitbringen',
      'mitnehmen',
      'nachweis*',
      'brauche ich',
      'benotige ich',
      'vorlegen',
      'documents',
      'bring',
      'what do i need',
      'belge*',
      'gerekli',
      'وثائق',
      'مستندات',
      'документ*',
    ]),
    section: phrases([
      'unterlagen',
      'erforderlich*',
      'mitbringen',
      'dokumente',
      'nachweise',
      'benotigt*',
      'requireddocuments',
    ]),
  },
  place: {
    cue: phrases([
      'wo',
      'wohin',
      'adresse',
      'anschrift',
      'standort*',
      'zustandig*',
      'wer ist zustandig',
      'telefon*',
      'tel',
      'nummer',
      'kontakt*',
      'anrufen',
      'ansprechpartner*',
      'where',
      'address',
      'phone',
      'contact',
      'call',
      'nerede',
      'adres',
      'telefon',
      'اين',
      'عنوان',
      'هاتف',
      'де',
      'адреса',
      'куди',
      'телефон',
    ]),
    section: phrases([
      'zustandig*',
      'standort*',
      'adresse',
      'anschrift',
      'kontakt*',
      'ansprechpartner*',
      'office',
      'so erreichen',
      'burgercenter',
      'erreichbarkeit',
      'telefon*',
    ]),
  },
  hours: {
    cue: phrases([
      'offnungszeit*',
      'geoffnet',
      'offen',
      'wann auf',
      'sprechzeit*',
      'uhrzeit*',
      'opening hours',
      'open',
      'hours',
      'acik',
      'saat*',
      'مواعيد',
      'ساعات',
      'години',
      'графік',
      'відкрит*',
    ]),
    section: phrases([
      'offnungszeit*',
      'sprechzeit*',
      'servicezeit*',
      'erreichbarkeit',
      'zustandig*',
      'standort*',
      'office',
    ]),
  },
  duration: {
    cue: phrases([
      'wie lange',
      'dauer*',
      'bearbeitungszeit*',
      'bearbeitungsdauer',
      'wann fertig',
      'how long',
      'ne kadar surer',
      'kac gun',
      'كم من الوقت',
      'скільки трива*',
      'як довго',
    ]),
    section: phrases(['bearbeitungsdauer', 'bearbeitungszeit*', 'dauer', 'processingtime', 'lieferzeit*']),
  },
  deadline: {
    cue: phrases([
      'frist*',
      'bis wann',
      'innerhalb',
      'spatestens',
      'zu spat',
      'deadline',
      'how soon',
      'sure',
      'son gun',
      'مهلة',
      'строк*',
    ]),
    section: phrases(['frist*', 'deadlines', 'wichtig*', 'hinweis*']),
  },
  online: {
    cue: phrases([
      'online',
      'internet',
      'digital*',
      'per mail',
      'e-mail',
      'email',
      'elektronisch*',
      'عبر الانترنت',
      'онлайн',
    ]),
    section: phrases(['online*', 'onlineservice', 'digital*']),
  },
  appointment: {
    cue: phrases(['termin*', 'appointment', 'randevu', 'موعد', 'запис*']),
    section: phrases(['termin*', 'online-termin*']),
  },
  procedure: {
    cue: phrases([
      'wie beantrag*',
      'wie bekomm*',
      'wie melde*',
      'wie funktioniert',
      'ablauf',
      'beantrag*',
      'antrag stellen',
      'how do i',
      'how to',
      'apply',
      'nasil',
      'basvur*',
      'كيف',
      'як ',
    ]),
    section: phrases([
      'ablauf',
      'so geht*',
      'so funktioniert*',
      'so melden*',
      'so beantragen*',
      'so bestellen*',
      'so bekommen*',
      'so erhalten*',
      'verfahren',
      'antrag*',
      'beantrag*',
      'anmeldung',
      'bestellung',
      'schritt*',
      'procedure',
      'vorgehen',
      'wie *',
    ]),
  },
  eligibility: {
    cue: phrases([
      'voraussetz*',
      'anspruch',
      'berechtigt',
      'wer kann',
      'wer darf',
      'wer muss',
      'eligible',
      'who can',
      'kimler',
      'шарт*',
      'умови',
      'ab welchem alter',
      'wie alt',
      'mindestalter',
      'how old',
    ]),
    section: phrases(['voraussetzung*', 'wer*', 'anspruch*', 'prerequisites', 'alter*']),
  },
  validity: {
    cue: phrases([
      'gultig*',
      'gultigkeit*',
      'lauft ab',
      'ablauf*datum',
      'valid',
      'validity',
      'expire*',
      'gecerli*',
      'صالح*',
      'дійсн*',
    ]),
    section: phrases(['gultig*', 'gultigkeit*']),
  },
};

/** Aspects asked for, in the order of the rules (fees first). */
export function detectAspects(question: string): Aspect[] {
  // A hyphenated compound is one thing: "eVB-Nummer" asks for no phone number.
  const text = fold(question).replace(/(\p{L})-(?=\p{L})/gu, '$1');
  const found = (Object.keys(RULES) as Aspect[]).filter((aspect) => RULES[aspect].cue.test(text));
  // "Wie lange ist er gültig?" asks about validity, not about processing time.
  return found.includes('validity') ? found.filter((aspect) => aspect !== 'duration') : found;
}

/** Whether a chunk's heading path or service field answers the aspect. */
export function sectionAnswers(aspect: Aspect, headingPath: string[], field?: string): boolean {
  const label = fold([...headingPath, field ?? ''].join(' '));
  return RULES[aspect].section.test(label);
}

/** True for a word that only says which aspect is asked ("kostet", "wo", "Unterlagen"). */
export function isAspectWord(word: string): boolean {
  const text = fold(word);
  // The whole word must be the cue: "eVB-Nummer" names a thing, "Nummer" alone does not.
  return (Object.keys(RULES) as Aspect[]).some((aspect) => RULES[aspect].cue.exec(text)?.[0] === text);
}
