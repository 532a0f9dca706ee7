import { existsSync, statSync } from 'node:fs';

export type SourceKind = 'folder' | 'catalogue' | 'website' | 'sitemap';

export interface ResolvedSource {
  id: string;
  kind: SourceKind;
  location: string;
}

/** Raised for a source that cannot be read at all; the message is for the operator. */
export class IngestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IngestError';
  }
}

/** Tells a folder, a service catalogue (.json), a website and a sitemap apart. */
export function resolveSource(location: string): ResolvedSource {
  if (/^https?:\/\//i.test(location)) {
    let url: URL;
    try {
      url = new URL(location);
    } catch {
      throw new IngestError(`Ungültige URL: ${location}`);
    }
    const isSitemap = /sitemap[^/]*\.xml(\.gz)?$/i.test(url.pathname) || url.pathname.endsWith('.xml');
    return { id: url.href, kind: isSitemap ? 'sitemap' : 'website', location: url.href };
  }
  if (!existsSync(location)) throw new IngestError(`Quelle nicht gefunden: ${location}`);
  const stat = statSync(location);
  if (stat.isDirectory()) return { id: location, kind: 'folder', location };
  if (location.toLowerCase().endsWith('.json')) return { id: location, kind: 'catalogue', location };
  throw new IngestError(
    `Unbekannte Quelle: ${location}. Erwartet wird ein Ordner, eine Dienstleistungs-Datei (.json), eine Website-URL oder eine sitemap.xml.`,
  );
}
