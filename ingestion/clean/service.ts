import type { CleanDocument, ContentBlock } from '../../knowledge/types.js';
import { SERVICE_FIELD_LABELS } from '../sources/catalogue-schema.js';
import type { Service, ServiceField } from '../sources/catalogue-schema.js';

const EURO = new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 37 → "37,00 Euro", 1234.5 → "1.234,50 Euro". */
export function formatEuro(amount: number): string {
  return `${EURO.format(amount)} Euro`;
}

const list = (items: string[], ordered = false): ContentBlock[] =>
  items.length > 0 ? [{ kind: 'list', ordered, items }] : [];
const paragraph = (text: string | undefined): ContentBlock[] => (text ? [{ kind: 'paragraph', text }] : []);

function feeLine(fee: Service['fees'][number]): string {
  const amount = fee.amountEur === undefined ? undefined : formatEuro(fee.amountEur);
  const value = [amount, fee.note].filter(Boolean).join(' – ');
  return value ? `${fee.label}: ${value}` : fee.label;
}

function officeBlocks(office: NonNullable<Service['office']>): ContentBlock[] {
  const lines = [
    office.name,
    office.address && `Anschrift: ${office.address}`,
    office.phone && `Telefon: ${office.phone}`,
    office.email && `E-Mail: ${office.email}`,
    office.url && `Internet: ${office.url}`,
  ].filter((line): line is string => Boolean(line));
  const hours: ContentBlock[] =
    office.openingHours.length > 0
      ? [{ kind: 'paragraph', text: 'Öffnungszeiten:' }, ...list(office.openingHours)]
      : [];
  return [{ kind: 'paragraph', text: lines.join('\n') }, ...hours];
}

/** The blocks of one field of a service, or [] when the field is empty. */
function fieldBlocks(service: Service, field: ServiceField): ContentBlock[] {
  switch (field) {
    case 'summary':
      return [
        ...paragraph(service.summary),
        ...paragraph(
          service.synonyms.length > 0 ? `Auch bekannt als: ${service.synonyms.join(', ')}` : undefined,
        ),
      ];
    case 'prerequisites':
      return list(service.prerequisites);
    case 'requiredDocuments':
      return list(service.requiredDocuments);
    case 'fees':
      return list(service.fees.map(feeLine));
    case 'processingTime':
      return paragraph(service.processingTime);
    case 'deadlines':
      return paragraph(service.deadlines);
    case 'procedure':
      return list(service.procedure, true);
    case 'office':
      return service.office ? officeBlocks(service.office) : [];
    case 'onlineService':
      return service.onlineService
        ? paragraph(`${service.onlineService.label}: ${service.onlineService.url}`)
        : [];
    case 'legalBasis':
      return list(service.legalBasis);
    case 'notes':
      return list(service.notes);
  }
}

/**
 * Turns a validated service description into a document: `fields` holds each present
 * field's blocks under its German label (so chunks stay addressable: "fees", "documents"…),
 * `blocks` the whole description (summary first, then each field under an h2).
 */
export function serviceToDocument(service: Service, sourceId: string): CleanDocument {
  const fields = (Object.keys(SERVICE_FIELD_LABELS) as ServiceField[])
    .map((field) => ({ field, label: SERVICE_FIELD_LABELS[field], blocks: fieldBlocks(service, field) }))
    .filter((entry) => entry.blocks.length > 0);
  const blocks = fields.flatMap((entry): ContentBlock[] =>
    entry.field === 'summary'
      ? entry.blocks
      : [{ kind: 'heading', level: 2, text: entry.label }, ...entry.blocks],
  );
  return {
    id: `service:${service.id}`,
    url: service.url,
    title: service.name,
    updated: service.updated,
    lang: 'de',
    sourceId,
    format: 'service',
    blocks,
    metadata: { serviceId: service.id, synonyms: service.synonyms, kind: 'service' },
    fields,
  };
}
