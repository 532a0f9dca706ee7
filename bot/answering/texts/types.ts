import type { EmergencyKind } from '../guards/emergency.js';

export type OutOfScopeKind =
  'general' | 'politics' | 'legal' | 'injection' | 'weather' | 'commerce' | 'homework';

/** Every sentence the bot says that does not come from the city's pages, per language. */
export interface Texts {
  emergencyLead: Record<EmergencyKind, string>;
  emergencyFooter: string;
  greeting: (bot: string, city: string) => string;
  thanks: string;
  identity: (bot: string, city: string) => string;
  capabilities: (city: string) => string;
  goodbye: string;
  noAnswer: (city: string) => string;
  otherPlace: (place: string, city: string) => string;
  outOfScope: Record<OutOfScopeKind, (city: string) => string>;
  phone: string;
  email: string;
  hours: string;
  web: string;
  hotline: string;
  /** Shown above an extractive answer when the question was not in German. */
  germanSourcesNote: string;
  piiNotice: string;
}
