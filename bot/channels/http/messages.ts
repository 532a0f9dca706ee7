import type { AppErrorCode } from '../../errors.js';

/** Citizen-safe German messages of the HTTP channel, in one place. */
export const ERROR_MESSAGES: Record<AppErrorCode, string> = {
  bad_request: 'Die Anfrage ist ungültig.',
  payload_too_large: 'Die Anfrage ist zu groß. Bitte kürzen Sie Ihre Nachricht.',
  rate_limited:
    'Sie haben in kurzer Zeit sehr viele Anfragen gestellt. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  unauthorized: 'Sie sind für diese Anfrage nicht berechtigt.',
  not_found: 'Diese Adresse gibt es nicht.',
  index_missing: 'Der Dienst ist gerade nicht bereit. Bitte versuchen Sie es in einigen Minuten erneut.',
  upstream_unavailable:
    'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später erneut.',
  internal: 'Leider ist ein interner Fehler aufgetreten. Bitte versuchen Sie es später erneut.',
};

export const VALIDATION_MESSAGES = {
  notJson: 'Die Anfrage muss JSON enthalten (Content-Type: application/json).',
  invalidJson: 'Die Anfrage enthält kein gültiges JSON.',
  notObject: 'Die Anfrage muss ein JSON-Objekt sein.',
  missing: (field: string) => `Das Feld „${field}“ fehlt.`,
  wrongType: (field: string, expected: string) => `Das Feld „${field}“ muss ${expected} sein.`,
  empty: (field: string) => `Das Feld „${field}“ darf nicht leer sein.`,
  tooLong: (field: string, max: number) => `Das Feld „${field}“ ist zu lang (höchstens ${max} Zeichen).`,
  controlCharacters: (field: string) => `Das Feld „${field}“ enthält unzulässige Steuerzeichen.`,
  notUuid: (field: string) => `Das Feld „${field}“ muss eine UUID sein.`,
  oneOf: (field: string, values: readonly string[]) =>
    `Das Feld „${field}“ muss einen dieser Werte haben: ${values.join(', ')}.`,
  invalid: (field: string) => `Das Feld „${field}“ ist ungültig.`,
  feedbackUnknown:
    'Die bewertete Antwort ist nicht (mehr) bekannt. Bewertungen sind nur kurz nach der Antwort möglich.',
};
