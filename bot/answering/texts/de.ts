import type { Texts } from './types.js';

export const de: Texts = {
  emergencyLead: {
    fire: '**Das klingt nach einem Notfall. Rufen Sie sofort die Feuerwehr: 112.** Bringen Sie sich in Sicherheit.',
    medical: '**Das klingt nach einem medizinischen Notfall. Rufen Sie sofort den Rettungsdienst: 112.**',
    violence: '**Wenn Sie in Gefahr sind, rufen Sie sofort die Polizei: 110.**',
    break_in:
      '**Rufen Sie sofort die Polizei: 110.** Bleiben Sie in Sicherheit und stellen Sie niemanden zur Rede.',
    suicide:
      '**Sie sind nicht allein. Bitte sprechen Sie jetzt mit jemandem.** Die TelefonSeelsorge ist rund um die Uhr, kostenlos und anonym für Sie da. Bei akuter Lebensgefahr rufen Sie 112.',
    general: '**Bei einem Notfall rufen Sie sofort 112 (Feuerwehr, Rettungsdienst) oder 110 (Polizei).**',
  },
  emergencyFooter:
    'Ich bin ein automatischer Assistent und kann keine Hilfe schicken. Bitte rufen Sie selbst an – die Notrufnummern funktionieren auch ohne Guthaben.',
  greeting: (bot, city) =>
    `Hallo! Ich bin der ${bot}, ein KI-gestützter Assistent ${city}. Ich beantworte Fragen zu Dienstleistungen der Verwaltung und nenne dazu die Quellen. Wie kann ich helfen?`,
  thanks: 'Gern geschehen! Wenn Sie noch eine Frage haben, schreiben Sie einfach.',
  identity: (bot, city) =>
    `Ich bin der ${bot}, ein KI-System und kein Mensch. Ich antworte automatisch auf Grundlage der Internetseiten ${city}. Meine Antworten können unvollständig sein; verbindlich ist die Auskunft der Verwaltung.`,
  capabilities: (city) =>
    `Ich beantworte Fragen zu Dienstleistungen ${city}: zum Beispiel Personalausweis und Reisepass, An- und Ummeldung, Urkunden, Kfz-Zulassung, Parken, Abfall und Sperrmüll, Hundesteuer, Gewerbe und Wohngeld. Ich nenne immer die Seite, aus der die Antwort stammt.`,
  goodbye: 'Auf Wiedersehen! Alles Gute.',
  noAnswer: (city) =>
    `Dazu habe ich auf den Seiten ${city} keine verlässliche Information gefunden. Damit Sie keine falsche Auskunft bekommen, wenden Sie sich bitte direkt an die Verwaltung:`,
  otherPlace: (place, city) =>
    `Ich kann nur Auskunft zu Angeboten ${city} geben, nicht zu ${place}. Bitte wenden Sie sich dafür an die Verwaltung vor Ort. Für Fragen zu uns erreichen Sie:`,
  outOfScope: {
    general: (city) =>
      `Dabei kann ich leider nicht helfen. Ich beantworte Fragen zu Dienstleistungen ${city} – zum Beispiel zu Ausweisen, Ummeldung, Abfall, Parken oder Steuern.`,
    politics: (city) =>
      `Zu politischen Meinungen und Wahlempfehlungen äußere ich mich nicht; ich bin zu Neutralität verpflichtet. Gern helfe ich bei Fragen zu Dienstleistungen ${city}, etwa zur Briefwahl oder zum Wahllokal.`,
    legal: (city) =>
      `Eine Rechtsberatung in privaten Angelegenheiten darf ich nicht geben. Hilfe bekommen Sie zum Beispiel bei einer Anwältin oder einem Anwalt, der Verbraucherzentrale oder einem Mieterverein. Zu Dienstleistungen ${city} helfe ich gern.`,
    injection: (city) =>
      `Meine Regeln und internen Anweisungen kann ich nicht ändern oder offenlegen. Ich beantworte gern Fragen zu Dienstleistungen ${city}.`,
    weather: (city) => `Zum Wetter kann ich nichts sagen. Ich beantworte Fragen zu Dienstleistungen ${city}.`,
    commerce: (city) =>
      `Einkaufs- und Produktempfehlungen gebe ich nicht. Ich beantworte Fragen zu Dienstleistungen ${city}.`,
    homework: (city) =>
      `Bei Hausaufgaben und allgemeinen Wissensfragen kann ich nicht helfen. Ich beantworte Fragen zu Dienstleistungen ${city}.`,
  },
  phone: 'Telefon',
  email: 'E-Mail',
  hours: 'Erreichbar',
  web: 'Internet',
  hotline: 'Behördennummer',
  germanSourcesNote: '',
  piiNotice:
    'Hinweis: Bitte geben Sie hier keine persönlichen Daten wie Namen, Anschrift, Geburtsdatum, Telefonnummer oder Ausweisnummer ein – für die Auskunft brauche ich sie nicht.',
};
