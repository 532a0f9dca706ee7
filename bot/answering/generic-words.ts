import { fold } from './normalise.js';

/**
 * Words that name no topic: question words, modal and request verbs, fillers. The relevance
 * gate ignores them when it checks coverage, and follow-up resolution does not take them
 * for a new topic.
 */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(
  [
    'und', 'was', 'wie', 'wo', 'wann', 'wer', 'welche', 'welcher', 'welches', 'warum', 'wieso', 'ist', 'sind', 'war', 'mit',
    'fur', 'bei', 'ein', 'eine', 'einen', 'der', 'die', 'das', 'den', 'dem', 'es', 'ich', 'man', 'mir', 'mich', 'mein', 'meine',
    'meinen', 'meinem', 'auch', 'noch', 'denn', 'dann', 'aber', 'oder', 'so', 'lange', 'genau', 'eigentlich', 'heute', 'jetzt',
    'gerne', 'gern', 'bitte', 'hallo', 'danke', 'hoch', 'viel', 'genau', 'erreiche', 'erreichen', 'erreicht', 'pro', 'je', 'jeden', 'jede', 'jeweils',
    'befindet', 'befinden', 'gibt', 'finde', 'finden', 'bekommt', 'zahle', 'zahlen', 'bezahle', 'zurzeit', 'aktuell', 'derzeit', 'beantragen', 'beantrage', 'antrag', 'brauche', 'brauchen', 'bekomme',
    'bekommen', 'machen', 'mache', 'erhalten', 'stellen', 'gibt', 'geben', 'geht', 'gehen', 'mochte', 'mochten', 'will',
    'wollen', 'moglich', 'information', 'informationen', 'info', 'frage', 'fragen', 'muss', 'mussen', 'kann', 'konnen', 'darf',
    'durfen', 'soll', 'sollte', 'hilfe', 'helfen', 'erfahren', 'wissen', 'gilt', 'kriege', 'krieg', 'kriegen', 'tun', 'hab',
    'habe', 'haben', 'hat', 'wird', 'werden', 'neu', 'neue', 'neuen', 'stadt', 'verwaltung', 'behorde', 'amt', 'and', 'what',
    'how', 'where', 'when', 'is', 'it', 'for', 'the', 'a', 'an', 'about', 'with', 'do', 'does', 'i', 'my', 'can', 'need', 'get',
    'want', 'please', 'city', 'ne', 'nasil', 'nerede', 've', 'peki', 'bu', 'mi', 'ما', 'كيف', 'а', 'і', 'як', 'що', 'де',
  ].map(fold),
);
