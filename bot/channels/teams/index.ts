/**
 * Microsoft Teams / Bot Framework channel. Every `botframework-*` import of the project
 * lives in this folder, so a move to the Microsoft 365 Agents SDK touches only this folder.
 */
export { teamsRoutes, type TeamsDeps } from './routes.js';
export { assertTeamsConfigSafe } from './config-safety.js';
export type { OutboundCredentials } from './connector.js';
export { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export {
  buildAnswerCard,
  speechSuggestion,
  type AnswerCardOptions,
  type FeedbackActionData,
} from './cards/answer-card.js';
export { buildHelpCard, buildWelcomeCard } from './cards/welcome-card.js';
export {
  validateAdaptiveCard,
  ADAPTIVE_CARD_CONTENT_TYPE,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
} from './cards/card-schema.js';
