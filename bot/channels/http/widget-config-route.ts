import type { Hono } from 'hono';
import type { CityProfile } from '../../../config/index.js';
import { UI_LANGUAGES } from './schemas.js';

/** Public settings of the web widget, all from the city profile (nothing secret). */
export interface WidgetConfig {
  city: string;
  botName: string;
  website: string;
  privacyNoticeUrl: string;
  imprintUrl?: string;
  colors: { primary: string; onPrimary: string };
  starterQuestions: string[];
  languages: string[];
  serviceCenter: { name: string; phone?: string; hours?: string; url?: string };
  hotline?: { label: string; number: string; hours?: string };
}

export function buildWidgetConfig(profile: CityProfile, lang: string): WidgetConfig {
  const center = profile.serviceCenter;
  return {
    city: profile.name,
    botName: profile.botName,
    website: profile.website,
    privacyNoticeUrl: profile.privacyNoticeUrl,
    ...(profile.imprintUrl && { imprintUrl: profile.imprintUrl }),
    colors: { primary: profile.branding.primaryColor, onPrimary: profile.branding.onPrimaryColor },
    starterQuestions: profile.starterQuestions[lang] ?? profile.starterQuestions.de ?? [],
    languages: [...UI_LANGUAGES],
    serviceCenter: {
      name: center.name,
      ...(center.phone && { phone: center.phone }),
      ...(center.hours && { hours: center.hours }),
      ...(center.url && { url: center.url }),
    },
    ...(profile.hotline && { hotline: profile.hotline }),
  };
}

/** `GET /api/widget-config?lang=de`: starter questions in `lang`, falling back to German. */
export function registerWidgetConfigRoute(app: Hono, profile: CityProfile): void {
  app.get('/api/widget-config', (c) => {
    const requested = (c.req.query('lang') ?? 'de').toLowerCase().slice(0, 12);
    c.header('Cache-Control', 'public, max-age=300');
    return c.json(buildWidgetConfig(profile, requested));
  });
}
