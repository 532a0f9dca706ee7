import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';

/**
 * The city profile: everything that makes a deployment belong to one municipality.
 * Code never names a city; another municipality replicates the bot by writing its own
 * profile (see `cities/gelsenkirchen/profile.yaml` and the README).
 */
const phone = z.string().regex(/^[+0-9][0-9 /()-]{1,30}$/, 'phone number with digits, spaces, +, /, (, ), -');

const contactSchema = z.object({
  name: z.string().min(1),
  phone: phone.optional(),
  email: z.email().optional(),
  url: z.url().optional(),
  address: z.string().optional(),
  hours: z.string().optional(),
  /** Free topics this contact is responsible for, used to pick the right contact for a no-answer. */
  topics: z.array(z.string()).default([]),
});

const emergencyNumberSchema = z.object({
  /** Machine key: fire_medical, police, crisis, violence_women, poison, medical_on_call, child, … */
  key: z.string().min(1),
  label: z.string().min(1),
  number: z.string().min(2),
  /** Short note, e.g. "kostenlos, rund um die Uhr". */
  note: z.string().optional(),
});

export const cityProfileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** Official name for sentences: "der Stadt Gelsenkirchen". */
  genitive: z.string().min(1),
  website: z.url(),
  lang: z.string().default('de'),
  botName: z.string().default('Bürgerbot'),
  /** The main citizen service (Bürgerservice), named in every no-answer. */
  serviceCenter: contactSchema,
  /** Behördennummer 115 or similar, when the city takes part. */
  hotline: z.object({ label: z.string(), number: z.string(), hours: z.string().optional() }).optional(),
  contacts: z.array(contactSchema).default([]),
  emergency: z.array(emergencyNumberSchema).min(2),
  privacyNoticeUrl: z.url(),
  imprintUrl: z.url().optional(),
  crawl: z
    .object({
      userAgentContact: z.string().min(3),
      allowedHosts: z.array(z.string()).default([]),
      pathPrefix: z.string().default('/'),
    })
    .optional(),
  sources: z.array(z.string()).default([]),
  branding: z
    .object({
      primaryColor: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .default('#004b87'),
      onPrimaryColor: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .default('#ffffff'),
      logoUrl: z.string().optional(),
    })
    .prefault({}),
  starterQuestions: z.record(z.string(), z.array(z.string())).default({}),
  /** Local words → the terms the pages use. Keys and values are matched case-insensitively. */
  synonyms: z.record(z.string(), z.array(z.string())).default({}),
  /** Other places the bot must not answer for (neighbouring cities); used by the relevance gate. */
  otherPlaces: z.array(z.string()).default([]),
});

export type CityProfile = z.infer<typeof cityProfileSchema>;
export type CityContact = z.infer<typeof contactSchema>;

/** Reads and validates a city profile (YAML or JSON); errors name every bad field. */
export function loadCityProfile(path: string): CityProfile {
  let raw: unknown;
  try {
    raw = parseYaml(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`City profile ${path} cannot be read: ${(error as Error).message}`);
  }
  const result = cityProfileSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`City profile ${path} is invalid:\n${problems.join('\n')}`);
  }
  return Object.freeze(result.data);
}
