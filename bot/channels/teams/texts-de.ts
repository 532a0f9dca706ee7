/**
 * Every German text the Teams channel shows to staff, in one place. The reader is a
 * service-centre agent on the phone with a citizen, so texts are short and practical.
 */
import type { AnswerType } from '../../answering/types.js';

export const TEXTS_DE = {
  answerTypes: {
    answer: 'Antwort aus städtischen Quellen',
    no_answer: 'Keine gesicherte Antwort',
    out_of_scope: 'Nicht zuständig / außerhalb des Themenbereichs',
    emergency: 'Notfall',
    smalltalk: 'Allgemeiner Hinweis',
  } satisfies Record<AnswerType, string>,
  modes: {
    extractive: 'wörtlich aus den Quellen',
    llm: 'KI-Zusammenfassung der Quellen',
    canned: 'geprüfter Standardtext',
  },
  heading: 'Antwort',
  factType: 'Antworttyp',
  factConfidence: 'Sicherheit',
  factMode: 'Erstellt als',
  sources: 'Quellen',
  standPrefix: 'Stand',
  standUnknown: 'Stand unbekannt',
  speechHeading: 'Textvorschlag für das Gespräch',
  evidenceShow: (count: number) => `Belegstellen anzeigen (${count})`,
  evidenceHeading: 'Gefundene Textstellen mit Relevanzwert',
  score: 'Relevanz',
  emergencyHeading: '⚠️ Notfall – sofort den Notruf wählen lassen',
  emergencyNumbers: 'Notrufnummern',
  noAnswerHeading: 'Dazu gibt es keine gesicherte Antwort in den Quellen',
  outOfScopeHeading: 'Dafür ist diese Auskunft nicht zuständig',
  contactHeading: 'Bitte weiterverweisen an',
  contactPhone: 'Telefon',
  contactEmail: 'E-Mail',
  contactHours: 'Erreichbarkeit',
  contactWeb: 'Webseite',
  feedbackUp: '👍 Hilfreich',
  feedbackDown: '👎 Nicht hilfreich',
  feedbackComment: 'Mit Kommentar bewerten',
  feedbackCommentLabel: 'Was hat gefehlt oder war falsch? (bitte keine Daten von Bürgerinnen und Bürgern)',
  feedbackCommentSubmit: '👎 Rückmeldung senden',
  feedbackThanks: 'Danke für Ihre Rückmeldung – sie hilft, die Antworten zu verbessern.',
  feedbackInvalid: 'Die Rückmeldung konnte nicht zugeordnet werden.',
  feedbackFailed: 'Die Rückmeldung konnte gerade nicht gespeichert werden.',
  speechNoAnswer: (contact: string, phone?: string) =>
    `Dazu kann ich Ihnen leider keine gesicherte Auskunft geben. Bitte wenden Sie sich an ${contact}` +
    (phone ? `, Telefon ${phone}.` : '.'),
  speechEmergency: (numbers: string) => `Bitte legen Sie auf und rufen Sie sofort ${numbers} an.`,
  or: 'oder',
  welcomeTitle: (botName: string) => `Willkommen beim ${botName}`,
  welcomeText: (city: string) =>
    `Ich beantworte Fragen zu Leistungen ${city} aus den offiziellen Seiten der Stadt – ` +
    'mit Quellen, Stand-Datum, einem Textvorschlag für das Gespräch und den gefundenen Belegstellen.',
  welcomePrivacy:
    'Bitte geben Sie keine Namen, Adressen, Geburtsdaten oder Aktenzeichen von Anrufenden ein. ' +
    'Stellen Sie die Frage allgemein, z. B. „Was kostet ein Personalausweis?“.',
  welcomeHelpHint: 'Schreiben Sie **hilfe** für eine kurze Anleitung.',
  helpTitle: 'So funktioniert es',
  helpItems: [
    'Stellen Sie eine Frage in eigenen Worten, so wie die anrufende Person sie stellt.',
    'Die Antwort nennt ihre Quellen mit Stand-Datum – bei wichtigen Auskünften bitte die Quelle öffnen.',
    '„Textvorschlag für das Gespräch“ ist eine kurze Fassung zum Vorlesen.',
    '„Belegstellen anzeigen“ zeigt die gefundenen Textstellen mit Relevanzwert.',
    'Rückfragen wie „Und was kostet das?“ beziehen sich auf die vorige Frage in diesem Chat.',
    'Mit 👍 / 👎 bewerten Sie eine Antwort; die Bewertung geht anonym an das Redaktionsteam.',
  ],
  helpExamples: 'Beispielfragen',
  privacyLink: 'Datenschutzhinweise',
  tooLong: (max: number) => `Die Frage ist zu lang. Bitte kürzer fassen (höchstens ${max} Zeichen).`,
  failure:
    'Entschuldigung, gerade ist ein technischer Fehler aufgetreten. Bitte versuchen Sie es gleich noch einmal.',
} as const;

/** Words that open the help card instead of asking the engine. */
export const HELP_WORDS = new Set(['hilfe', '/hilfe', 'help', '/help', '?']);
