import type { Texts } from './types.js';

export const en: Texts = {
  emergencyLead: {
    fire: '**This sounds like an emergency. Call the fire brigade now: 112.** Get yourself to safety.',
    medical: '**This sounds like a medical emergency. Call an ambulance now: 112.**',
    violence: '**If you are in danger, call the police now: 110.**',
    break_in: '**Call the police now: 110.** Stay safe and do not confront anyone.',
    suicide:
      '**You are not alone. Please talk to someone now.** TelefonSeelsorge is there for you day and night, free and anonymous. If your life is in danger, call 112.',
    general: '**In an emergency call 112 (fire brigade, ambulance) or 110 (police) now.**',
  },
  emergencyFooter:
    'I am an automated assistant and cannot send help. Please call yourself – emergency numbers are free.',
  greeting: (bot, city) =>
    `Hello! I am ${bot}, an AI assistant of ${city.replace(/^der /, 'the ')}. I answer questions about city services and show my sources. How can I help?`,
  thanks: 'You are welcome! Just write if you have another question.',
  identity: (bot, city) =>
    `I am ${bot}, an AI system, not a human. I answer automatically from the web pages of ${city.replace(/^der /, 'the ')}. My answers may be incomplete; the administration's information is binding.`,
  capabilities: (city) =>
    `I answer questions about the services of ${city.replace(/^der /, 'the ')}: ID cards and passports, registering your address, certificates, vehicle registration, parking, waste collection, dog tax, business registration and housing benefit. I always link the page the answer comes from.`,
  goodbye: 'Goodbye and all the best!',
  noAnswer: (city) =>
    `I could not find reliable information on this in the pages of ${city.replace(/^der /, 'the ')}. So that you do not get wrong information, please contact the administration directly:`,
  otherPlace: (place, city) =>
    `I can only give information about ${city.replace(/^der /, 'the ')}, not about ${place}. Please contact the local administration there. For questions about us:`,
  outOfScope: {
    general: (city) =>
      `Sorry, I cannot help with that. I answer questions about the services of ${city.replace(/^der /, 'the ')}, such as ID cards, registration, waste, parking or taxes.`,
    politics: (city) =>
      `I do not share political opinions or voting recommendations; I must stay neutral. I am glad to help with services of ${city.replace(/^der /, 'the ')}, such as postal voting.`,
    legal: (city) =>
      `I cannot give legal advice on private matters. A lawyer, the consumer advice centre (Verbraucherzentrale) or a tenants' association can help. I am glad to help with services of ${city.replace(/^der /, 'the ')}.`,
    injection: (city) =>
      `I cannot change or reveal my rules and internal instructions. I am glad to answer questions about the services of ${city.replace(/^der /, 'the ')}.`,
    weather: (city) =>
      `I cannot tell you about the weather. I answer questions about the services of ${city.replace(/^der /, 'the ')}.`,
    commerce: (city) =>
      `I do not give shopping advice. I answer questions about the services of ${city.replace(/^der /, 'the ')}.`,
    homework: (city) =>
      `I cannot help with homework or general knowledge. I answer questions about the services of ${city.replace(/^der /, 'the ')}.`,
  },
  phone: 'Phone',
  email: 'E-mail',
  hours: 'Available',
  web: 'Website',
  hotline: 'Public service number',
  germanSourcesNote: 'The city’s pages are in German. This is what they say:',
  piiNotice:
    'Note: please do not enter personal data such as your name, address, date of birth, phone or ID number here – I do not need it to answer.',
};
