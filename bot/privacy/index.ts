/** Personal-data redaction: what the bot stores is redacted, what it shows is not. */
export { redactPersonalData, containsPersonalData, PLACEHOLDERS, type RedactOptions } from './redact.js';
export { profileAllowList, compileAllowList, type AllowList } from './allow-list.js';
