import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCatalogue } from '../../../ingestion/sources/catalogue.js';
import { SourceError } from '../../../ingestion/sources/folder.js';

const fixture = fileURLToPath(new URL('../../fixtures/corpus/services.json', import.meta.url));
const validService = {
  id: 'sperrmuell',
  name: 'Sperrmüll anmelden',
  summary: 'Sperrmüll holt die Stadt zweimal im Jahr kostenlos ab.',
  updated: '2026-01-10',
};

describe('readCatalogue', () => {
  let dir: string;
  const write = async (name: string, content: unknown) => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return path;
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'catalogue-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('turns each service into a field-addressable document', async () => {
    const { documents, failed } = await readCatalogue(fixture);
    expect(failed).toEqual([]);
    expect(documents.map((doc) => doc.id)).toEqual(['service:personalausweis', 'service:hundesteuer']);
    const [ausweis] = documents;
    expect(ausweis).toMatchObject({
      url: 'https://www.gelsenkirchen.de/de/buergerservice/personalausweis/',
      title: 'Personalausweis beantragen',
      updated: '2026-02-16',
      format: 'service',
      sourceId: fixture,
      metadata: { serviceId: 'personalausweis', synonyms: ['Perso', 'Ausweis', 'ID-Karte'], kind: 'service' },
    });
    expect(ausweis?.fields?.map((field) => `${field.field}=${field.label}`)).toEqual([
      'summary=Beschreibung',
      'prerequisites=Voraussetzungen',
      'requiredDocuments=Erforderliche Unterlagen',
      'fees=Gebühren',
      'processingTime=Bearbeitungsdauer',
      'procedure=Ablauf',
      'office=Zuständige Stelle',
      'onlineService=Online-Dienst',
      'legalBasis=Rechtsgrundlage',
    ]);
  });

  it('renders fees in German number format with notes, and the office with contact lines', async () => {
    const { documents } = await readCatalogue(fixture);
    const field = (name: string) => documents[0]?.fields?.find((entry) => entry.field === name)?.blocks;
    expect(field('fees')).toEqual([
      {
        kind: 'list',
        ordered: false,
        items: [
          'Personalausweis (ab 24 Jahren): 37,00 Euro',
          'Personalausweis (unter 24 Jahren): 22,80 Euro',
          'Zuschlag bei Antrag außerhalb des Wohnorts: 13,00 Euro – nur bei Hauptwohnsitz in einer anderen Stadt',
          'Adressänderung: kostenlos',
        ],
      },
    ]);
    expect(documents[1]?.fields?.find((entry) => entry.field === 'fees')?.blocks).toEqual([
      { kind: 'list', ordered: false, items: ['ein Hund, pro Jahr: 1.129,50 Euro'] },
    ]);
    expect(field('office')).toEqual([
      {
        kind: 'paragraph',
        text: 'BÜRGERcenter Altstadt\nAnschrift: Ebertstraße 11, 45879 Gelsenkirchen\nTelefon: 0209 169-3300\nE-Mail: buergerservice@gelsenkirchen.de',
      },
      { kind: 'paragraph', text: 'Öffnungszeiten:' },
      { kind: 'list', ordered: false, items: ['Mo–Di 8:00–16:00 Uhr', 'Do 8:00–18:00 Uhr'] },
    ]);
    expect(field('summary')).toEqual([
      { kind: 'paragraph', text: 'Den Personalausweis beantragen Sie persönlich in einem BÜRGERcenter.' },
      { kind: 'paragraph', text: 'Auch bekannt als: Perso, Ausweis, ID-Karte' },
    ]);
  });

  it('writes the whole description as blocks: summary first, then each field under an h2', async () => {
    const { documents } = await readCatalogue(fixture);
    const blocks = documents[1]?.blocks;
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Wer in Gelsenkirchen einen Hund hält, muss ihn zur Hundesteuer anmelden.' },
      { kind: 'heading', level: 2, text: 'Gebühren' },
      { kind: 'list', ordered: false, items: ['ein Hund, pro Jahr: 1.129,50 Euro'] },
      { kind: 'heading', level: 2, text: 'Fristen' },
      { kind: 'paragraph', text: 'Anmeldung innerhalb von zwei Wochen' },
    ]);
  });

  it('names the position of a JSON syntax error', async () => {
    const path = await write(
      'broken.json',
      '{\n  "version": 1,\n  "services": [\n    { "id": "a", }\n  ]\n}',
    );
    const error = await readCatalogue(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceError);
    expect((error as Error).message).toContain(path);
    expect((error as Error).message).toContain('Zeile 4, Spalte 18');
  });

  it('finds the position even when the JSON parser does not report one', async () => {
    // V8 reports "Unexpected token '}'" here without a position.
    const path = await write('no-position.json', '{\n  "version": 1,\n  "services": }');
    await expect(readCatalogue(path)).rejects.toThrow('Zeile 3, Spalte 15 (Position 32)');
  });

  it('reports an invalid service by index, id and field, and still reads the others', async () => {
    const path = await write('one-bad.json', {
      version: 1,
      services: [
        validService,
        { ...validService, id: 'hundesteuer', fees: [{ label: 'Hund', amountEur: '156' }] },
        validService,
      ],
    });
    const { documents, failed } = await readCatalogue(path);
    expect(documents.map((doc) => doc.id)).toEqual(['service:sperrmuell']);
    expect(failed).toEqual([
      { path, reason: 'services[1] (id "hundesteuer"): fees.0.amountEur: expected number' },
      { path, reason: 'services[2] (id "sperrmuell"): id kommt mehrfach vor' },
    ]);
  });

  it('throws when the top level is malformed, when no service is valid, or when the file is missing', async () => {
    const wrongVersion = await write('v2.json', { version: 2, services: [validService] });
    await expect(readCatalogue(wrongVersion)).rejects.toThrow(/version/);
    const allBad = await write('all-bad.json', { version: 1, services: [{ name: 'ohne id' }] });
    await expect(readCatalogue(allBad)).rejects.toThrow(
      /keine gültige Dienstleistung[\s\S]*services\[0\]: id/,
    );
    await expect(readCatalogue(join(dir, 'fehlt.json'))).rejects.toThrow(SourceError);
  });
});
