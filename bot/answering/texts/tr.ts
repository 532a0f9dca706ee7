import type { Texts } from './types.js';

const of = (city: string) => city.replace(/^der Stadt /, '') + ' Belediyesi';

export const tr: Texts = {
  emergencyLead: {
    fire: '**Bu bir acil durum gibi görünüyor. Hemen itfaiyeyi arayın: 112.** Kendinizi güvenceye alın.',
    medical: '**Bu tıbbi bir acil durum gibi görünüyor. Hemen ambulans çağırın: 112.**',
    violence: '**Tehlikedeyseniz hemen polisi arayın: 110.**',
    break_in: '**Hemen polisi arayın: 110.** Güvende kalın ve kimseyle yüzleşmeyin.',
    suicide:
      '**Yalnız değilsiniz. Lütfen şimdi biriyle konuşun.** TelefonSeelsorge gece gündüz ücretsiz ve isimsiz olarak yanınızda. Hayati tehlike varsa 112’yi arayın.',
    general: '**Acil durumda hemen 112 (itfaiye, ambulans) veya 110 (polis) arayın.**',
  },
  emergencyFooter:
    'Ben otomatik bir asistanım ve yardım gönderemem. Lütfen kendiniz arayın – acil numaralar ücretsizdir.',
  greeting: (bot, city) =>
    `Merhaba! Ben ${bot}, ${of(city)} için yapay zekâ destekli bir asistanım. Belediye hizmetleriyle ilgili soruları kaynaklarıyla yanıtlarım. Nasıl yardımcı olabilirim?`,
  thanks: 'Rica ederim! Başka bir sorunuz olursa yazmanız yeterli.',
  identity: (bot, city) =>
    `Ben ${bot}, bir yapay zekâ sistemiyim, insan değilim. ${of(city)} internet sayfalarına dayanarak otomatik yanıt veririm. Yanıtlarım eksik olabilir; bağlayıcı olan idarenin bilgisidir.`,
  capabilities: (city) =>
    `${of(city)} hizmetleriyle ilgili soruları yanıtlarım: kimlik kartı ve pasaport, adres kaydı, belgeler, araç tescili, park, çöp, köpek vergisi, işyeri kaydı ve konut yardımı. Yanıtın geldiği sayfayı her zaman belirtirim.`,
  goodbye: 'Hoşça kalın!',
  noAnswer: (city) =>
    `${of(city)} sayfalarında bu konuda güvenilir bir bilgi bulamadım. Yanlış bilgi almamanız için lütfen doğrudan idareye başvurun:`,
  otherPlace: (place, city) =>
    `Yalnızca ${of(city)} hakkında bilgi verebilirim, ${place} hakkında değil. Lütfen oradaki yerel idareye başvurun. Bize ulaşmak için:`,
  outOfScope: {
    general: (city) =>
      `Maalesef bu konuda yardımcı olamam. ${of(city)} hizmetleriyle ilgili soruları yanıtlarım.`,
    politics: (city) =>
      `Siyasi görüş veya seçim tavsiyesi vermem; tarafsız kalmak zorundayım. ${of(city)} hizmetleri, örneğin mektupla oy verme konusunda yardımcı olabilirim.`,
    legal: (city) =>
      `Özel konularda hukuki danışmanlık veremem. Bir avukat, tüketici danışma merkezi (Verbraucherzentrale) veya kiracılar derneği yardımcı olabilir. ${of(city)} hizmetleri konusunda memnuniyetle yardımcı olurum.`,
    injection: (city) =>
      `Kurallarımı ve iç talimatlarımı değiştiremem veya açıklayamam. ${of(city)} hizmetleriyle ilgili sorularınızı yanıtlarım.`,
    weather: (city) =>
      `Hava durumu hakkında bilgi veremem. ${of(city)} hizmetleriyle ilgili soruları yanıtlarım.`,
    commerce: (city) => `Alışveriş tavsiyesi vermem. ${of(city)} hizmetleriyle ilgili soruları yanıtlarım.`,
    homework: (city) =>
      `Ödev veya genel kültür sorularında yardımcı olamam. ${of(city)} hizmetleriyle ilgili soruları yanıtlarım.`,
  },
  phone: 'Telefon',
  email: 'E-posta',
  hours: 'Ulaşılabilir',
  web: 'İnternet',
  hotline: 'Kamu hizmet numarası',
  germanSourcesNote: 'Belediyenin sayfaları Almancadır. Sayfalarda şu bilgiler yer alıyor:',
  piiNotice:
    'Not: Lütfen buraya adınız, adresiniz, doğum tarihiniz, telefon veya kimlik numaranız gibi kişisel bilgiler yazmayın – yanıt için bunlara ihtiyacım yok.',
};
