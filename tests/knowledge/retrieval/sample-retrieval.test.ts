import { beforeAll, describe, expect, it } from 'vitest';
import { createEmbedder, openSnapshot, type KnowledgeSnapshot } from '../../../knowledge/index.js';
import { sampleSnapshot } from '../../helpers/sample-snapshot.js';

type Mode = 'hybrid' | 'lexical' | 'vector';

/**
 * German questions about the bundled Gelsenkirchen sample and the page that answers each
 * (ids of `cities/gelsenkirchen/sample/site`). A service description of the catalogue
 * carries the URL of its page, so citing either leads the citizen to the right page: pages
 * are compared by URL.
 */
const QUESTIONS: Array<{ kind: string; question: string; pages: string[] }> = [
  { kind: 'plain', question: 'Was kostet ein Reisepass?', pages: ['buergerservice/reisepass.html'] },
  {
    kind: 'colloquial',
    question: 'perso verloren was tun',
    pages: ['buergerservice/personalausweis.html', 'buergerservice/vorlaeufiger-personalausweis.html'],
  },
  { kind: 'typo', question: 'Hundesteur anmelden', pages: ['steuern/hundesteuer.html'] },
  { kind: 'compound', question: 'Personalausweisantrag', pages: ['buergerservice/personalausweis.html'] },
  { kind: 'compound', question: 'Bewohnerparkausweis Kosten', pages: ['verkehr/bewohnerparken.html'] },
  { kind: 'synonym', question: 'Bürgerbüro Öffnungszeiten', pages: ['buergerservice/standorte.html'] },
  {
    kind: 'colloquial',
    question: 'bin gerade umgezogen innerhalb der stadt was muss ich machen',
    pages: ['buergerservice/anmeldung-ummeldung.html'],
  },
  {
    kind: 'plain',
    question: 'ziehe nach Spanien, muss ich mich abmelden?',
    pages: ['buergerservice/abmeldung.html'],
  },
  {
    kind: 'plain',
    question: 'brauche polizeiliches Führungszeugnis für neuen Job',
    pages: ['buergerservice/fuehrungszeugnis.html'],
  },
  { kind: 'colloquial', question: 'alte Couch loswerden Abholung', pages: ['abfall/sperrmuell.html'] },
  { kind: 'colloquial', question: 'wann kommt die gelbe Tonne', pages: ['abfall/abfallkalender.html'] },
  { kind: 'plain', question: 'neues auto zulassen was brauche ich', pages: ['verkehr/kfz-zulassung.html'] },
  { kind: 'synonym', question: 'Karre abmelden', pages: ['verkehr/kfz-abmeldung.html'] },
  { kind: 'typo', question: 'Wunschkennzeichen resevieren', pages: ['verkehr/wunschkennzeichen.html'] },
  {
    kind: 'plain',
    question: 'unser Kind ist geboren, wo bekommen wir die Geburtsurkunde',
    pages: ['standesamt/geburt.html'],
  },
  {
    kind: 'colloquial',
    question: 'wir wollen heiraten welche Unterlagen',
    pages: ['standesamt/eheschliessung.html'],
  },
  { kind: 'plain', question: 'Vater gestorben Sterbeurkunde', pages: ['standesamt/sterbefall.html'] },
  { kind: 'synonym', question: 'Gewerbeschein beantragen', pages: ['wirtschaft/gewerbeanmeldung.html'] },
  { kind: 'synonym', question: 'Bauantrag für Garage', pages: ['bauen-wohnen/baugenehmigung.html'] },
  { kind: 'synonym', question: 'Mietzuschuss vom Amt', pages: ['bauen-wohnen/wohngeld.html'] },
  {
    kind: 'colloquial',
    question: 'Portemonnaie gefunden wo abgeben',
    pages: ['buergerservice/fundbuero.html'],
  },
  {
    kind: 'compound',
    question: 'Halteverbotsschilder für den Umzugswagen',
    pages: ['verkehr/halteverbotszone-umzug.html'],
  },
  { kind: 'typo', question: 'Kinderreisepas für Urlaub', pages: ['buergerservice/kinderreisepass.html'] },
  {
    kind: 'plain',
    question: 'deutsche Staatsangehörigkeit bekommen',
    pages: ['integration/einbuergerung.html'],
  },
  { kind: 'colloquial', question: 'Betreuungsplatz für mein Kleinkind', pages: ['soziales/kita-platz.html'] },
  { kind: 'colloquial', question: 'per Brief wählen', pages: ['buergerservice/briefwahl.html'] },
  {
    kind: 'compound',
    question: 'Bestätigung vom Vermieter für die Anmeldung',
    pages: ['buergerservice/wohnungsgeberbestaetigung.html'],
  },
  { kind: 'plain', question: 'Zeugnis beglaubigen lassen', pages: ['buergerservice/beglaubigungen.html'] },
];

/** The questions the issue names; each must find its page among the first five. */
const NAMED = QUESTIONS.slice(0, 6);

describe('retrieval on the bundled sample snapshot', () => {
  let snapshot: KnowledgeSnapshot;

  beforeAll(async () => {
    const sample = await sampleSnapshot();
    snapshot = await openSnapshot(sample.indexDir, {
      embedder: await createEmbedder(sample.config),
      profile: sample.profile,
      ef: sample.config.HNSW_EF,
    });
  });

  function urlsOf(pages: string[]): string[] {
    return pages.map((page) => {
      const url = snapshot.documents.get(page)?.url;
      if (!url) throw new Error(`${page} is not a page of the sample snapshot`);
      return url;
    });
  }

  /** The first `n` distinct pages (by URL) of a search. */
  async function topPages(question: string, n: number, mode: Mode = 'hybrid'): Promise<string[]> {
    const passages = await snapshot.retriever.search(question, { k: 40, mode });
    return [...new Set(passages.map((passage) => passage.url ?? passage.docId))].slice(0, n);
  }

  /** Whether one of the first five passages comes from one of the expected pages. */
  async function hitAt5(question: string, pages: string[], mode: Mode): Promise<boolean> {
    const expected = urlsOf(pages);
    const passages = await snapshot.retriever.search(question, { k: 5, mode });
    return passages.some((passage) => passage.url !== undefined && expected.includes(passage.url));
  }

  it.each(NAMED)(
    'finds the right page in the top 5 for the $kind question "$question"',
    async ({ question, pages }) => {
      const top = await topPages(question, 5);
      expect(top).toHaveLength(5);
      expect(
        top.some((url) => urlsOf(pages).includes(url)),
        `top 5: ${top.join(', ')}`,
      ).toBe(true);
    },
  );

  it('returns passages with document id, URL, title, heading path, text and score', async () => {
    const [top] = await snapshot.retriever.search('Was kostet ein Reisepass?', { k: 3 });
    expect(top).toBeDefined();
    expect(top!.url).toBe(urlsOf(['buergerservice/reisepass.html'])[0]);
    expect(top!.title).toMatch(/Reisepass/);
    expect(Array.isArray(top!.headingPath)).toBe(true);
    expect(top!.text.length).toBeGreaterThan(20);
    expect(top!.score).toBeGreaterThan(0);
    expect(typeof top!.docId).toBe('string');
  });

  it('answers from the lexical index alone', async () => {
    const passages = await snapshot.retriever.search('Was kostet ein Reisepass?', { k: 8, mode: 'lexical' });
    expect(passages).toHaveLength(8);
    expect(
      passages.every((passage) => passage.lexicalRank !== undefined && passage.vectorRank === undefined),
    ).toBe(true);
    expect(await topPages('Was kostet ein Reisepass?', 5, 'lexical')).toContain(
      urlsOf(['buergerservice/reisepass.html'])[0],
    );
  });

  it('answers from the vector index alone', async () => {
    const passages = await snapshot.retriever.search('Was kostet ein Reisepass?', { k: 8, mode: 'vector' });
    expect(passages).toHaveLength(8);
    expect(
      passages.every((passage) => passage.vectorRank !== undefined && passage.lexicalRank === undefined),
    ).toBe(true);
    expect(await topPages('Was kostet ein Reisepass?', 5, 'vector')).toContain(
      urlsOf(['buergerservice/reisepass.html'])[0],
    );
  });

  it('fuses both: hybrid recall@5 on the question set is at least that of each single mode', async () => {
    const recall: Record<Mode, number> = { hybrid: 0, lexical: 0, vector: 0 };
    const misses: string[] = [];
    for (const mode of ['hybrid', 'lexical', 'vector'] as const) {
      let hits = 0;
      for (const { question, pages } of QUESTIONS) {
        if (await hitAt5(question, pages, mode)) hits++;
        else misses.push(`${mode}: ${question}`);
      }
      recall[mode] = hits / QUESTIONS.length;
    }
    console.log(
      `recall@5 on ${QUESTIONS.length} German questions (sample snapshot): ` +
        `hybrid ${recall.hybrid.toFixed(3)}, lexical (BM25) ${recall.lexical.toFixed(3)}, vector ${recall.vector.toFixed(3)}` +
        (misses.length ? `\n  misses: ${misses.join(' | ')}` : ''),
    );
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(25);
    expect(recall.hybrid).toBeGreaterThanOrEqual(recall.lexical);
    expect(recall.hybrid).toBeGreaterThanOrEqual(recall.vector);
    expect(recall.hybrid).toBeGreaterThanOrEqual(0.9);
  });
});
