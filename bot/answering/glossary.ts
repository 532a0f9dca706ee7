import type { Language } from './language.js';
import { fold, phrases } from './normalise.js';

/**
 * Municipal vocabulary in the other supported languages → the German words city pages use.
 * Lets the offline (non-semantic) retrieval answer "How much is an ID card?" from German
 * pages. Not city-specific: it is general German administrative language.
 */
const ENTRIES: Array<[string[], string]> = [
  // identity documents
  [
    [
      'id card',
      'identity card',
      'national id',
      'kimlik kart*',
      'kimli*',
      'kimlik',
      'nufus cuzdan*',
      'بطاقة الهوية',
      'بطاقة هوية',
      'الهوية',
      'посвідчення особи',
      'посвідчення',
      'id-картк*',
      'айді',
    ],
    'Personalausweis',
  ],
  [['passport', 'pasaport*', 'جواز السفر', 'جواز سفر', 'جواز', 'паспорт', 'закордонн* паспорт'], 'Reisepass'],
  [
    [
      "child's passport",
      'children passport',
      'passport for my child',
      'cocuk pasaport*',
      'جواز سفر للطفل',
      'дитяч* паспорт',
    ],
    'Kinderreisepass',
  ],
  [
    ['temporary id', 'provisional id', 'gecici kimlik', 'هوية مؤقتة', 'тимчасов* посвідчення'],
    'vorläufiger Personalausweis',
  ],
  // registration
  [
    [
      'register my address',
      'register address',
      'registration of address',
      'register my residence',
      'register',
      'registration',
      'new address',
      'move house',
      'moving',
      'moved',
      'adres kayd*',
      'ikamet kayd*',
      'adresimi',
      'kayit',
      'تسجيل السكن',
      'تسجيل العنوان',
      'تسجيل',
      'عنوان جديد',
      'реєстрація',
      'зареєструвати',
      'прописка',
      'нова адреса',
      'переїзд',
    ],
    'Anmeldung Wohnsitz Ummeldung',
  ],
  [
    [
      'deregister',
      'deregistration',
      'moving abroad',
      'leaving germany',
      'kaydimi sil*',
      'yurt disina tasin*',
      'الغاء التسجيل',
      'مغادرة المانيا',
      'зняття з реєстрації',
      'виїзд',
    ],
    'Abmeldung',
  ],
  [
    [
      'certificate of registration',
      'proof of address',
      'ikametgah',
      'اثبات السكن',
      'شهادة السكن',
      'довідка про реєстрацію',
    ],
    'Meldebescheinigung',
  ],
  [
    [
      "landlord's confirmation",
      'landlord confirmation',
      'ev sahibi onay*',
      'تاكيد المؤجر',
      'підтвердження орендодавця',
    ],
    'Wohnungsgeberbestätigung',
  ],
  [
    [
      'certificate of good conduct',
      'police clearance',
      'criminal record',
      'sabika kayd*',
      'iyi hal belgesi',
      'شهادة حسن السيرة',
      'السجل الجنائي',
      'довідка про несудимість',
      'несудимість',
    ],
    'Führungszeugnis',
  ],
  // civil status
  [
    [
      'birth certificate',
      'birth',
      'baby',
      'dogum belgesi',
      'dogum',
      'شهادة الميلاد',
      'ولادة',
      'свідоцтво про народження',
      'народження',
    ],
    'Geburt Geburtsurkunde',
  ],
  [
    [
      'marriage',
      'get married',
      'wedding',
      'evlilik',
      'evlenmek',
      'nikah',
      'زواج',
      'الزواج',
      'шлюб',
      'одруження',
    ],
    'Eheschließung Standesamt',
  ],
  [
    [
      'death',
      'died',
      'death certificate',
      'olum',
      'vefat',
      'وفاة',
      'شهادة الوفاة',
      'смерть',
      'свідоцтво про смерть',
    ],
    'Sterbefall Sterbeurkunde',
  ],
  [['certificate', 'certificates', 'belge', 'وثيقة', 'شهادة', 'свідоцтво'], 'Urkunde'],
  [['name change', 'isim degisikligi', 'تغيير الاسم', 'зміна імені'], 'Namensänderung'],
  [
    ['citizenship', 'naturalisation', 'naturalization', 'vatandaslik', 'الجنسية', 'التجنس', 'громадянство'],
    'Einbürgerung',
  ],
  [
    [
      'residence permit',
      'visa',
      'oturum izni',
      'ikamet izni',
      'vize',
      'تصريح الاقامة',
      'اقامة',
      'تاشيرة',
      'посвідка на проживання',
      'дозвіл на проживання',
      'віза',
    ],
    'Aufenthaltstitel Ausländerbehörde',
  ],
  // vehicles and traffic
  [
    [
      'register a car',
      'car registration',
      'register my car',
      'vehicle registration',
      'arac kayd*',
      'araba kayd*',
      'arac tescil*',
      'تسجيل السيارة',
      'تسجيل سيارة',
      'реєстрація авто*',
      'зареєструвати авто*',
    ],
    'Kfz-Zulassung Fahrzeug zulassen',
  ],
  [
    [
      'deregister a car',
      'deregister my car',
      'arac kaydini sil*',
      'الغاء تسجيل السيارة',
      'зняти авто з обліку',
    ],
    'Kfz Abmeldung Außerbetriebsetzung',
  ],
  [
    [
      'licence plate',
      'license plate',
      'number plate',
      'plaka',
      'لوحة السيارة',
      'номерний знак',
      'номер авто',
    ],
    'Kennzeichen Wunschkennzeichen',
  ],
  [['car', 'vehicle', 'araba', 'arac', 'سيارة', 'авто', 'автомобіль', 'машина'], 'Fahrzeug'],
  [
    [
      'driving licence',
      "driver's license",
      'driving license',
      'ehliyet',
      'surucu belgesi',
      'رخصة القيادة',
      'посвідчення водія',
      'водійськ* посвідчення',
    ],
    'Führerschein Fahrerlaubnis',
  ],
  [
    [
      'resident parking',
      'parking permit',
      'sakin park*',
      'park izni',
      'تصريح ركن',
      'موقف السكان',
      'дозвіл на паркування',
      'паркування для мешканців',
    ],
    'Bewohnerparkausweis',
  ],
  [
    [
      'disabled parking',
      'blue badge',
      'engelli park*',
      'موقف ذوي الاعاقة',
      'паркування для людей з інвалідністю',
    ],
    'Parkausweis Behinderung',
  ],
  [['parking', 'park', 'وقوف', 'موقف', 'паркування'], 'Parken'],
  [
    [
      'no parking zone',
      'moving van',
      'tasinma icin park yasagi',
      'منطقة حظر الوقوف',
      'зона заборони паркування',
    ],
    'Halteverbotszone Umzug',
  ],
  // waste
  [
    [
      'bulky waste',
      'bulky rubbish',
      'old furniture',
      'furniture',
      'buyuk cop',
      'esya atma',
      'eski mobilya',
      'النفايات الكبيرة',
      'اثاث قديم',
      'великогабаритн*',
      'старі меблі',
      'меблі',
    ],
    'Sperrmüll',
  ],
  [
    [
      'waste calendar',
      'bin collection',
      'garbage collection',
      'rubbish collection',
      'cop takvim*',
      'cop toplama',
      'تقويم النفايات',
      'جمع القمامة',
      'календар вивезення',
      'вивіз сміття',
    ],
    'Abfallkalender Abfuhr',
  ],
  [
    [
      'organic waste',
      'bio bin',
      'recycling centre',
      'recycling center',
      'organik atik',
      'geri donusum',
      'نفايات عضوية',
      'اعادة التدوير',
      'біовідходи',
      'пункт прийому',
    ],
    'Biotonne Wertstoffhof',
  ],
  [
    ['waste', 'rubbish', 'garbage', 'trash', 'cop', 'atik', 'نفايات', 'قمامة', 'сміття', 'відходи'],
    'Abfall Müll',
  ],
  // taxes, money
  [
    ['dog tax', 'dog', 'kopek vergi*', 'kopek', 'ضريبة الكلاب', 'كلب', 'податок на собак*', 'собак*'],
    'Hundesteuer Hund',
  ],
  [['property tax', 'emlak vergi*', 'ضريبة العقار', 'податок на нерухомість'], 'Grundsteuer'],
  [
    [
      'housing benefit',
      'rent subsidy',
      'kira yardim*',
      'konut yardim*',
      'بدل السكن',
      'اعانة السكن',
      'житлова допомога',
      'допомога на житло',
    ],
    'Wohngeld',
  ],
  [
    ['social housing', 'housing entitlement', 'sosyal konut', 'سكن اجتماعي', 'соціальне житло'],
    'Wohnberechtigungsschein',
  ],
  [
    [
      'education and participation',
      'school trip',
      'bildung',
      'egitim ve katilim',
      'التعليم والمشاركة',
      'освіта і участь',
    ],
    'Bildung und Teilhabe',
  ],
  [
    ['daycare', 'kindergarten', 'nursery', 'kres', 'anaokulu', 'روضة', 'حضانة', 'дитячий садок', 'садочок'],
    'Kita-Platz Kindertagesstätte',
  ],
  // business, building
  [
    [
      'register a business',
      'business registration',
      'start a business',
      'trade licence',
      'isyeri kayd*',
      'is kurmak',
      'ruhsat',
      'تسجيل نشاط تجاري',
      'تسجيل شركة',
      'реєстрація бізнесу',
      'зареєструвати бізнес',
    ],
    'Gewerbeanmeldung Gewerbe',
  ],
  [
    ['close a business', 'deregister business', 'isyeri kapat*', 'اغلاق النشاط التجاري', 'закрити бізнес'],
    'Gewerbeabmeldung',
  ],
  [
    [
      'building permit',
      'planning permission',
      'insaat ruhsat*',
      'yapi izni',
      'رخصة البناء',
      'дозвіл на будівництво',
    ],
    'Baugenehmigung Bauantrag',
  ],
  // other services
  [
    [
      'lost property',
      'lost and found',
      'lost my',
      'found',
      'kayip esya',
      'buldum',
      'kaybettim',
      'المفقودات',
      'فقدت',
      'бюро знахідок',
      'загубив',
      'загубила',
      'знайшов',
    ],
    'Fundbüro Fundsache',
  ],
  [
    [
      'postal vote',
      'postal voting',
      'vote by mail',
      'absentee',
      'mektupla oy',
      'التصويت بالبريد',
      'голосування поштою',
    ],
    'Briefwahl Wahl',
  ],
  [
    [
      'certification',
      'certified copy',
      'notarize',
      'onayli kopya',
      'tasdik',
      'نسخة مصدقة',
      'تصديق',
      'засвідчен* копі*',
    ],
    'Beglaubigung',
  ],
  [
    [
      'severely disabled',
      'disability card',
      'engelli kimlik*',
      'بطاقة الاعاقة',
      'посвідчення інваліда',
      'інвалідність',
    ],
    'Schwerbehindertenausweis',
  ],
  [
    [
      'citizens office',
      "citizens' office",
      'town hall',
      'city hall',
      'vatandas ofisi',
      'belediye',
      'مكتب المواطنين',
      'البلدية',
      'громадянський центр',
      'ратуша',
      'мерія',
    ],
    'BÜRGERcenter Bürgerservice',
  ],
  // aspects
  [
    [
      'how much',
      'cost',
      'costs',
      'fee',
      'fees',
      'price',
      'ucret*',
      'fiyat*',
      'kac para',
      'ne kadar',
      'تكلفة',
      'رسوم',
      'كم',
      'сколько',
      'скільки кошту*',
      'вартість',
      'ціна',
      'плата',
    ],
    'Gebühren kostet',
  ],
  [
    [
      'documents',
      'what do i need',
      'bring',
      'gerekli belgeler',
      'belgeler',
      'evrak*',
      'المستندات',
      'الوثائق',
      'документи',
      'що потрібно',
    ],
    'Unterlagen',
  ],
  [
    [
      'opening hours',
      'open',
      'hours',
      'calisma saat*',
      'acik',
      'مواعيد العمل',
      'ساعات العمل',
      'години роботи',
      'графік роботи',
    ],
    'Öffnungszeiten',
  ],
  [['appointment', 'book', 'randevu', 'موعد', 'запис', 'записатися'], 'Termin'],
  [['where', 'address', 'nerede', 'adres', 'اين', 'عنوان', 'де', 'адреса'], 'wo Adresse'],
  [
    ['how long', 'processing time', 'ne kadar surer', 'kac gun', 'كم من الوقت', 'як довго', 'скільки триває'],
    'Bearbeitungsdauer',
  ],
  [['deadline', 'within', 'sure', 'son gun', 'مهلة', 'خلال', 'термін', 'строк'], 'Frist innerhalb'],
  [['online', 'internet', 'cevrimici', 'عبر الانترنت', 'онлайн'], 'online'],
  [
    ['apply', 'application', 'basvur*', 'تقديم طلب', 'طلب', 'подати заяву', 'заява', 'оформити'],
    'beantragen',
  ],
  [
    ['lost', 'stolen', 'kayip', 'calindi', 'مفقود', 'مسروق', 'загуб*', 'вкрад*'],
    'Verlust verloren gestohlen',
  ],
  [['children', 'child', 'kids', 'cocuk*', 'اطفال', 'طفل', 'дит*'], 'Kinder'],
];

const COMPILED = ENTRIES.map(([alternatives, german]) => ({ pattern: phrases(alternatives), german }));

/**
 * German search words for a question in another language; an empty string when nothing is
 * recognised. Numbers in the question are kept.
 */
export function translateQuery(question: string, lang: Language): string {
  if (lang === 'de') return question;
  let text = fold(question);
  const german: string[] = [];
  for (const { pattern, german: words } of COMPILED) {
    const global = new RegExp(pattern.source, 'gu');
    if (global.test(text)) {
      german.push(words);
      text = text.replace(global, ' ');
    }
  }
  const numbers = question.match(/\d+(?:[.,]\d+)?/g) ?? [];
  return [...german, ...numbers].join(' ').trim();
}
