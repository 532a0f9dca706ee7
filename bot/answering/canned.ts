import type { CityProfile } from '../../config/city-profile.js';
import type { EmergencyKind } from './guards/emergency.js';
import type { SmalltalkKind } from './guards/smalltalk.js';
import { fold } from './normalise.js';
import type { Texts } from './texts/index.js';
import type { ContactHint } from './types.js';

type Profile = Pick<
  CityProfile,
  'name' | 'genitive' | 'botName' | 'website' | 'serviceCenter' | 'hotline' | 'contacts' | 'emergency'
>;

/** Which profile numbers lead an emergency answer, per kind, in order. */
const NUMBERS_BY_KIND: Record<EmergencyKind, string[]> = {
  fire: ['fire_medical', 'police'],
  medical: ['fire_medical', 'medical_on_call', 'poison'],
  violence: ['police', 'violence_women', 'fire_medical'],
  break_in: ['police', 'fire_medical'],
  suicide: ['crisis', 'fire_medical', 'police'],
  general: ['fire_medical', 'police'],
};

/** The emergency answer: numbers first, no retrieval, nothing that could delay it. */
export function emergencyText(kinds: EmergencyKind[], profile: Profile, texts: Texts): string {
  const primary = kinds[0] ?? 'general';
  const keys = [...new Set([...kinds.flatMap((kind) => NUMBERS_BY_KIND[kind]), 'fire_medical', 'police'])];
  const lines = keys
    .map((key) => profile.emergency.find((entry) => entry.key === key))
    .filter((entry) => entry !== undefined)
    .map((entry) => `- **${entry.number}** – ${entry.label}${entry.note ? ` (${entry.note})` : ''}`);
  return [texts.emergencyLead[primary], lines.join('\n'), texts.emergencyFooter].join('\n\n');
}

export function smalltalkText(kind: SmalltalkKind, profile: Profile, texts: Texts): string {
  switch (kind) {
    case 'greeting':
      return texts.greeting(profile.botName, profile.genitive);
    case 'thanks':
      return texts.thanks;
    case 'identity':
      return texts.identity(profile.botName, profile.genitive);
    case 'capabilities':
      // "Hilfe!" may also come from someone in danger: the emergency numbers are always named.
      return `${texts.capabilities(profile.genitive)}\n\n${texts.emergencyLead.general}`;
    case 'goodbye':
      return texts.goodbye;
  }
}

/** The contact responsible for the question's topic, else the central citizen service. */
export function pickContact(question: string, profile: Profile): ContactHint {
  const folded = fold(question);
  const specific = profile.contacts.find((contact) =>
    contact.topics.some((topic) => folded.includes(fold(topic))),
  );
  const contact = specific ?? profile.serviceCenter;
  return {
    name: contact.name,
    phone: contact.phone,
    email: contact.email,
    url: contact.url ?? profile.website,
    hours: contact.hours,
  };
}

/** The contact block under every no-answer and refusal. */
export function contactText(contact: ContactHint, profile: Profile, texts: Texts): string {
  const lines = [`**${contact.name}**`];
  if (contact.phone) lines.push(`- ${texts.phone}: ${contact.phone}`);
  if (contact.email) lines.push(`- ${texts.email}: ${contact.email}`);
  if (contact.hours) lines.push(`- ${texts.hours}: ${contact.hours}`);
  if (profile.hotline) {
    lines.push(
      `- ${texts.hotline}: ${profile.hotline.number}${profile.hotline.hours ? ` (${profile.hotline.hours})` : ''}`,
    );
  }
  lines.push(`- ${texts.web}: ${contact.url ?? profile.website}`);
  return lines.join('\n');
}
