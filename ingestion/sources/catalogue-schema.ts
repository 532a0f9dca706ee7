import { z } from 'zod';

/**
 * Structured service descriptions ("Dienstleistungen"), one JSON file per catalogue:
 * `{ "version": 1, "services": [ Service, … ] }`. Documented in docs/service-catalogue.md.
 * Field names are English; their German labels (used in chunks and answers) are in
 * `SERVICE_FIELD_LABELS`.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date as YYYY-MM-DD');

export const feeSchema = z.object({
  /** What the fee is for: "Personalausweis (ab 24 Jahren)". */
  label: z.string().min(1),
  /** Amount in euro as a number (37 → "37,00 Euro"); omit when the fee is only described in `note`. */
  amountEur: z.number().nonnegative().optional(),
  note: z.string().optional(),
});

export const officeSchema = z.object({
  name: z.string().min(1),
  address: z.string().optional(),
  phone: z.string().optional(),
  email: z.string().optional(),
  /** Opening hours as lines: "Mo–Fr 8:00–12:00". */
  openingHours: z.array(z.string()).default([]),
  url: z.url().optional(),
});

export const serviceSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
  name: z.string().min(3),
  synonyms: z.array(z.string()).default([]),
  /** Link to the page that describes the service (cited). */
  url: z.url().optional(),
  summary: z.string().min(10),
  /** Who needs this / when it applies. */
  prerequisites: z.array(z.string()).default([]),
  requiredDocuments: z.array(z.string()).default([]),
  fees: z.array(feeSchema).default([]),
  processingTime: z.string().optional(),
  deadlines: z.string().optional(),
  procedure: z.array(z.string()).default([]),
  office: officeSchema.optional(),
  onlineService: z.object({ label: z.string(), url: z.url() }).optional(),
  legalBasis: z.array(z.string()).default([]),
  notes: z.array(z.string()).default([]),
  updated: isoDate,
});

export const catalogueSchema = z.object({
  version: z.literal(1),
  /** Base URL or name of the publisher, for the manifest. */
  publisher: z.string().optional(),
  services: z.array(z.unknown()).min(1, 'the catalogue lists no services'),
});

export type Service = z.infer<typeof serviceSchema>;
export type ServiceFee = z.infer<typeof feeSchema>;

/** German section labels per field, in the order they appear in a service document. */
export const SERVICE_FIELD_LABELS = {
  summary: 'Beschreibung',
  prerequisites: 'Voraussetzungen',
  requiredDocuments: 'Erforderliche Unterlagen',
  fees: 'Gebühren',
  processingTime: 'Bearbeitungsdauer',
  deadlines: 'Fristen',
  procedure: 'Ablauf',
  office: 'Zuständige Stelle',
  onlineService: 'Online-Dienst',
  legalBasis: 'Rechtsgrundlage',
  notes: 'Hinweise',
} as const;

export type ServiceField = keyof typeof SERVICE_FIELD_LABELS;
