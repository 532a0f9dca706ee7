/**
 * Every citizen-facing text of the widget, one table per language. German is the source;
 * the other tables must have the same keys (the type checks it).
 */
const de = {
  /** Locale for dates ("Stand"). */
  locale: 'de-DE',
  launcher: 'Fragen Sie uns',
  close: 'Chat schließen',
  newChat: 'Neues Gespräch',
  notice:
    'Die Antworten werden automatisch erstellt und können unvollständig oder falsch sein. Bitte geben Sie keine persönlichen Daten ein (z. B. Name, Adresse, Geburtsdatum).',
  privacy: 'Datenschutzhinweise',
  inputLabel: 'Ihre Frage',
  placeholder: 'Frage eingeben …',
  send: 'Senden',
  starters: 'Häufige Fragen',
  log: 'Gesprächsverlauf',
  you: 'Sie:',
  sources: 'Quellen',
  updated: 'Stand: {date}',
  newTab: '(öffnet in neuem Tab)',
  thinking: 'Antwort wird erstellt …',
  emergency: 'Notfall',
  contact: 'So erreichen Sie uns',
  phone: 'Telefon',
  email: 'E-Mail',
  website: 'Website',
  hours: 'Erreichbar',
  helpful: 'War diese Antwort hilfreich?',
  up: 'Ja',
  down: 'Nein',
  comment: 'Kommentar (optional)',
  commentSend: 'Kommentar senden',
  thanks: 'Danke für Ihre Rückmeldung!',
  feedbackFailed: 'Die Rückmeldung konnte nicht gesendet werden.',
  error: 'Fehler:',
  network: 'Keine Verbindung zum Server. Bitte prüfen Sie Ihre Internetverbindung.',
  server: 'Die Antwort konnte nicht geladen werden. Bitte versuchen Sie es erneut.',
  rateLimited: 'Sie haben in kurzer Zeit viele Fragen gestellt.',
  waitSeconds: 'Bitte warten Sie {n} Sekunden und versuchen Sie es dann erneut.',
  waitMoment: 'Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  tooLong: 'Ihre Frage ist zu lang. Bitte kürzen Sie sie.',
  retry: 'Erneut versuchen',
};

export type Texts = typeof de;

const en: Texts = {
  locale: 'en-GB',
  launcher: 'Ask us',
  close: 'Close chat',
  newChat: 'New conversation',
  notice:
    'Answers are generated automatically and may be incomplete or wrong. Please do not enter personal data (such as your name, address or date of birth).',
  privacy: 'Privacy notice',
  inputLabel: 'Your question',
  placeholder: 'Type your question …',
  send: 'Send',
  starters: 'Common questions',
  log: 'Conversation',
  you: 'You:',
  sources: 'Sources',
  updated: 'Last updated: {date}',
  newTab: '(opens in a new tab)',
  thinking: 'Writing the answer …',
  emergency: 'Emergency',
  contact: 'How to reach us',
  phone: 'Phone',
  email: 'Email',
  website: 'Website',
  hours: 'Hours',
  helpful: 'Was this answer helpful?',
  up: 'Yes',
  down: 'No',
  comment: 'Comment (optional)',
  commentSend: 'Send comment',
  thanks: 'Thank you for your feedback!',
  feedbackFailed: 'Your feedback could not be sent.',
  error: 'Error:',
  network: 'No connection to the server. Please check your internet connection.',
  server: 'The answer could not be loaded. Please try again.',
  rateLimited: 'You have asked many questions in a short time.',
  waitSeconds: 'Please wait {n} seconds and then try again.',
  waitMoment: 'Please wait a moment and then try again.',
  tooLong: 'Your question is too long. Please shorten it.',
  retry: 'Try again',
};

const tr: Texts = {
  locale: 'tr-TR',
  launcher: 'Bize sorun',
  close: 'Sohbeti kapat',
  newChat: 'Yeni sohbet',
  notice:
    'Yanıtlar otomatik olarak oluşturulur ve eksik veya hatalı olabilir. Lütfen kişisel bilgilerinizi (ör. adınız, adresiniz, doğum tarihiniz) girmeyin.',
  privacy: 'Gizlilik bildirimi',
  inputLabel: 'Sorunuz',
  placeholder: 'Sorunuzu yazın …',
  send: 'Gönder',
  starters: 'Sık sorulan sorular',
  log: 'Sohbet geçmişi',
  you: 'Siz:',
  sources: 'Kaynaklar',
  updated: 'Güncelleme: {date}',
  newTab: '(yeni sekmede açılır)',
  thinking: 'Yanıt hazırlanıyor …',
  emergency: 'Acil durum',
  contact: 'Bize ulaşın',
  phone: 'Telefon',
  email: 'E-posta',
  website: 'Web sitesi',
  hours: 'Çalışma saatleri',
  helpful: 'Bu yanıt yardımcı oldu mu?',
  up: 'Evet',
  down: 'Hayır',
  comment: 'Yorum (isteğe bağlı)',
  commentSend: 'Yorumu gönder',
  thanks: 'Geri bildiriminiz için teşekkürler!',
  feedbackFailed: 'Geri bildiriminiz gönderilemedi.',
  error: 'Hata:',
  network: 'Sunucuya bağlanılamıyor. Lütfen internet bağlantınızı kontrol edin.',
  server: 'Yanıt yüklenemedi. Lütfen tekrar deneyin.',
  rateLimited: 'Kısa sürede çok sayıda soru sordunuz.',
  waitSeconds: 'Lütfen {n} saniye bekleyip tekrar deneyin.',
  waitMoment: 'Lütfen biraz bekleyip tekrar deneyin.',
  tooLong: 'Sorunuz çok uzun. Lütfen kısaltın.',
  retry: 'Tekrar dene',
};

const uk: Texts = {
  locale: 'uk-UA',
  launcher: 'Запитайте нас',
  close: 'Закрити чат',
  newChat: 'Нова розмова',
  notice:
    'Відповіді створюються автоматично і можуть бути неповними або помилковими. Будь ласка, не вводьте персональні дані (наприклад, ім’я, адресу, дату народження).',
  privacy: 'Захист даних',
  inputLabel: 'Ваше запитання',
  placeholder: 'Введіть запитання …',
  send: 'Надіслати',
  starters: 'Поширені запитання',
  log: 'Історія розмови',
  you: 'Ви:',
  sources: 'Джерела',
  updated: 'Станом на: {date}',
  newTab: '(відкриється в новій вкладці)',
  thinking: 'Готуємо відповідь …',
  emergency: 'Екстрена ситуація',
  contact: 'Як з нами зв’язатися',
  phone: 'Телефон',
  email: 'Ел. пошта',
  website: 'Вебсайт',
  hours: 'Години роботи',
  helpful: 'Чи була ця відповідь корисною?',
  up: 'Так',
  down: 'Ні',
  comment: 'Коментар (необов’язково)',
  commentSend: 'Надіслати коментар',
  thanks: 'Дякуємо за ваш відгук!',
  feedbackFailed: 'Не вдалося надіслати відгук.',
  error: 'Помилка:',
  network: 'Немає з’єднання із сервером. Перевірте підключення до інтернету.',
  server: 'Не вдалося завантажити відповідь. Спробуйте ще раз.',
  rateLimited: 'Ви поставили багато запитань за короткий час.',
  waitSeconds: 'Зачекайте {n} с і спробуйте ще раз.',
  waitMoment: 'Зачекайте трохи і спробуйте ще раз.',
  tooLong: 'Ваше запитання задовге. Будь ласка, скоротіть його.',
  retry: 'Спробувати ще раз',
};

const ar: Texts = {
  locale: 'ar',
  launcher: 'اسألنا',
  close: 'إغلاق المحادثة',
  newChat: 'محادثة جديدة',
  notice:
    'يتم إنشاء الإجابات تلقائيًا وقد تكون غير مكتملة أو غير صحيحة. يرجى عدم إدخال بيانات شخصية (مثل الاسم أو العنوان أو تاريخ الميلاد).',
  privacy: 'إشعار الخصوصية',
  inputLabel: 'سؤالك',
  placeholder: 'اكتب سؤالك …',
  send: 'إرسال',
  starters: 'أسئلة شائعة',
  log: 'سجل المحادثة',
  you: 'أنت:',
  sources: 'المصادر',
  updated: 'آخر تحديث: {date}',
  newTab: '(يفتح في علامة تبويب جديدة)',
  thinking: 'جارٍ إعداد الإجابة …',
  emergency: 'حالة طوارئ',
  contact: 'كيف تتواصل معنا',
  phone: 'الهاتف',
  email: 'البريد الإلكتروني',
  website: 'الموقع الإلكتروني',
  hours: 'أوقات العمل',
  helpful: 'هل كانت هذه الإجابة مفيدة؟',
  up: 'نعم',
  down: 'لا',
  comment: 'تعليق (اختياري)',
  commentSend: 'إرسال التعليق',
  thanks: 'شكرًا على ملاحظاتك!',
  feedbackFailed: 'تعذر إرسال ملاحظاتك.',
  error: 'خطأ:',
  network: 'لا يوجد اتصال بالخادم. يرجى التحقق من اتصالك بالإنترنت.',
  server: 'تعذر تحميل الإجابة. يرجى المحاولة مرة أخرى.',
  rateLimited: 'لقد طرحت أسئلة كثيرة في وقت قصير.',
  waitSeconds: 'يرجى الانتظار {n} ثانية ثم المحاولة مرة أخرى.',
  waitMoment: 'يرجى الانتظار قليلًا ثم المحاولة مرة أخرى.',
  tooLong: 'سؤالك طويل جدًا. يرجى اختصاره.',
  retry: 'أعد المحاولة',
};

const TABLES: Record<string, Texts> = { de, en, tr, uk, ar };
const RTL = new Set(['ar']);

export const LANGUAGES = Object.keys(TABLES);

/** The first supported language among the candidates ("en-GB" counts as "en"), else German. */
export function pickLanguage(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const primary = candidate?.trim().slice(0, 2).toLowerCase();
    if (primary && primary in TABLES) return primary;
  }
  return 'de';
}

export const textsFor = (lang: string): Texts => TABLES[lang] ?? de;
export const directionOf = (lang: string): 'rtl' | 'ltr' => (RTL.has(lang) ? 'rtl' : 'ltr');

/** Replaces `{name}` placeholders. */
export const fill = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
