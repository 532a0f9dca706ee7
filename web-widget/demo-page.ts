import { createHash } from 'node:crypto';
import type { CityProfile } from '../config/index.js';

/**
 * The demo page served at `/`: a plain city service page (German) with the widget embedded
 * by one script tag, as a city would do it. No inline script; the only inline style is
 * allowed by its hash in the page's Content-Security-Policy.
 */
const PAGE_STYLE = `
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff}
header{background:#f1f3f5;border-bottom:4px solid #00528c}
.bar,main,footer div{max-width:60rem;margin:0 auto;padding:0 1rem}
.bar{display:flex;flex-wrap:wrap;gap:1rem;align-items:center;justify-content:space-between;padding-block:1rem}
.bar p{margin:0;font-size:1.4rem;font-weight:700}
nav ul{display:flex;flex-wrap:wrap;gap:1rem;margin:0;padding:0;list-style:none}
a{color:#00528c}
main{padding-block:1.5rem 6rem}
h1{font-size:1.8rem;line-height:1.25}
.box{padding:1rem;border-inline-start:4px solid #00528c;background:#f1f3f5}
footer{padding:1.5rem 0;border-top:1px solid #c4c8cd;background:#f1f3f5}
`;

const escapeHtml = (value: string): string =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

export const DEMO_STYLE_HASH = `'sha256-${createHash('sha256').update(PAGE_STYLE).digest('base64')}'`;

export function renderDemoPage(options: {
  profile: CityProfile;
  widgetSrc: string;
  api?: string;
  lang?: string;
}): string {
  const { profile } = options;
  const city = escapeHtml(profile.name);
  const center = profile.serviceCenter;
  const attributes = [
    `src="${escapeHtml(options.widgetSrc)}"`,
    options.api ? `data-api="${escapeHtml(options.api)}"` : '',
    `data-lang="${escapeHtml(options.lang ?? profile.lang)}"`,
    'data-position="right"',
    `data-title="${escapeHtml(profile.botName)}"`,
    'defer',
  ].filter(Boolean);
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Personalausweis beantragen – Stadt ${city}</title>
<style>${PAGE_STYLE}</style>
<script ${attributes.join(' ')}></script>
</head>
<body>
<header><div class="bar"><p>Stadt ${city}</p>
<nav aria-label="Hauptnavigation"><ul><li><a href="${escapeHtml(profile.website)}">Startseite</a></li><li><a href="${escapeHtml(center.url ?? profile.website)}">Bürgerservice</a></li></ul></nav></div></header>
<main>
<h1>Personalausweis beantragen</h1>
<p>Alle Deutschen ab 16 Jahren, die in ${city} gemeldet sind, brauchen einen gültigen Personalausweis oder Reisepass. Den Antrag stellen Sie persönlich im Bürgerservice; bitte vereinbaren Sie vorher einen Termin.</p>
<h2>Was Sie mitbringen müssen</h2>
<ul><li>Ihren bisherigen Ausweis oder Ihre Geburtsurkunde</li><li>ein aktuelles biometrisches Passfoto</li><li>die Gebühr (Zahlung mit Karte möglich)</li></ul>
<h2>Fragen?</h2>
<p class="box">Unser digitaler Assistent „${escapeHtml(profile.botName)}“ beantwortet Fragen zu Leistungen der Stadt rund um die Uhr – unten rechts auf dieser Seite. Die Antworten nennen immer ihre Quellen.</p>
</main>
<footer><div><p><strong>${escapeHtml(center.name)}</strong>${center.phone ? `<br>Telefon: ${escapeHtml(center.phone)}` : ''}${center.hours ? `<br>${escapeHtml(center.hours)}` : ''}</p>
<p><a href="${escapeHtml(profile.privacyNoticeUrl)}">Datenschutz</a>${profile.imprintUrl ? ` · <a href="${escapeHtml(profile.imprintUrl)}">Impressum</a>` : ''}</p></div></footer>
</body>
</html>
`;
}
