/**
 * Word lists for demo and synthetic organisations: personal and family names in each country's
 * usual spelling (French-style transliteration in the Maghreb, English-style in the Mashreq,
 * Armenian names in Bourj Hammoud), cities with coordinates, brand words, and the crafts of each
 * subsector with their trade vocabulary in Arabic, French and English. Pure data.
 */
import type { Market } from '../directory.vocabulary.ts';

/** A text in the three UI languages. */
export interface Phrase {
  ar: string;
  fr: string;
  en: string;
}

/** A name as written in Arabic script and in the country's Latin transliteration. */
export interface NameWord {
  ar: string;
  latin: string;
}

export interface GivenName extends NameWord {
  gender: 'woman' | 'man';
}

export interface City {
  name: Phrase;
  latitude: number;
  longitude: number;
}

export type NameLanguage = 'ar' | 'fr' | 'en';

export interface CountryWords {
  iso2: string;
  /** Languages organisation names are written in, the most usual source language first. */
  nameLanguages: readonly NameLanguage[];
  /** Working languages besides Arabic, with the share of organisations using each. */
  otherWorkingLanguages: readonly (readonly [string, number])[];
  regionalMarket: Market;
  phonePrefix: string;
  givenNames: readonly GivenName[];
  familyNames: readonly NameWord[];
  cities: readonly City[];
}

const w = (latin: string, ar: string): GivenName => ({ latin, ar, gender: 'woman' });
const m = (latin: string, ar: string): GivenName => ({ latin, ar, gender: 'man' });
const f = (latin: string, ar: string): NameWord => ({ latin, ar });
const city = (fr: string, en: string, ar: string, latitude: number, longitude: number): City => ({
  name: { fr, en, ar },
  latitude,
  longitude,
});

export const COUNTRY_WORDS: Readonly<Record<string, CountryWords>> = {
  DZ: {
    iso2: 'DZ',
    nameLanguages: ['fr', 'ar'],
    otherWorkingLanguages: [
      ['fr', 0.9],
      ['en', 0.25],
    ],
    regionalMarket: 'maghreb',
    phonePrefix: '+213',
    givenNames: [
      m('Amine', 'أمين'),
      m('Yacine', 'ياسين'),
      m('Sofiane', 'سفيان'),
      m('Rachid', 'رشيد'),
      m('Mourad', 'مراد'),
      m('Djamel', 'جمال'),
      w('Karima', 'كريمة'),
      w('Nadia', 'نادية'),
      w('Samia', 'سامية'),
      w('Houria', 'حورية'),
      w('Dihya', 'ديهية'),
      w('Lynda', 'ليندة'),
    ],
    familyNames: [
      f('Benali', 'بن علي'),
      f('Mebarki', 'مباركي'),
      f('Belkacemi', 'بلقاسمي'),
      f('Chenouf', 'شنوف'),
      f('Saadi', 'سعدي'),
      f('Zerguine', 'زرقين'),
      f('Bouzid', 'بوزيد'),
      f('Hamlaoui', 'حملاوي'),
      f('Khelifa', 'خليفة'),
      f('Ouchene', 'وشن'),
    ],
    cities: [
      city('Alger', 'Algiers', 'الجزائر', 36.753, 3.059),
      city('Batna', 'Batna', 'باتنة', 35.556, 6.174),
      city('Constantine', 'Constantine', 'قسنطينة', 36.365, 6.615),
      city('Oran', 'Oran', 'وهران', 35.697, -0.633),
      city('Tlemcen', 'Tlemcen', 'تلمسان', 34.883, -1.315),
      city('Ghardaïa', 'Ghardaia', 'غرداية', 32.49, 3.67),
    ],
  },
  EG: {
    iso2: 'EG',
    nameLanguages: ['ar', 'en'],
    otherWorkingLanguages: [
      ['en', 0.8],
      ['fr', 0.1],
    ],
    regionalMarket: 'middle-east',
    phonePrefix: '+20',
    givenNames: [
      m('Ahmed', 'أحمد'),
      m('Mohamed', 'محمد'),
      m('Mostafa', 'مصطفى'),
      m('Karim', 'كريم'),
      m('Tarek', 'طارق'),
      m('Omar', 'عمر'),
      w('Mona', 'منى'),
      w('Dina', 'دينا'),
      w('Heba', 'هبة'),
      w('Nourhan', 'نورهان'),
      w('Yasmin', 'ياسمين'),
      w('Rania', 'رانيا'),
    ],
    familyNames: [
      f('Hassan', 'حسن'),
      f('El Sayed', 'السيد'),
      f('Fahmy', 'فهمي'),
      f('Soliman', 'سليمان'),
      f('Abdel Aziz', 'عبد العزيز'),
      f('Naguib', 'نجيب'),
      f('Mansour', 'منصور'),
      f('Shawky', 'شوقي'),
      f('Ragab', 'رجب'),
      f('Farouk', 'فاروق'),
    ],
    cities: [
      city('Le Caire', 'Cairo', 'القاهرة', 30.044, 31.236),
      city('Alexandrie', 'Alexandria', 'الإسكندرية', 31.2, 29.918),
      city('Louxor', 'Luxor', 'الأقصر', 25.687, 32.639),
      city('Assouan', 'Aswan', 'أسوان', 24.089, 32.899),
      city('Fayoum', 'Faiyum', 'الفيوم', 29.308, 30.844),
    ],
  },
  JO: {
    iso2: 'JO',
    nameLanguages: ['ar', 'en'],
    otherWorkingLanguages: [
      ['en', 0.85],
      ['fr', 0.05],
    ],
    regionalMarket: 'middle-east',
    phonePrefix: '+962',
    givenNames: [
      m('Ahmad', 'أحمد'),
      m('Khaled', 'خالد'),
      m('Laith', 'ليث'),
      m('Yazan', 'يزن'),
      m('Hani', 'هاني'),
      w('Rana', 'رنا'),
      w('Lina', 'لينا'),
      w('Dana', 'دانة'),
      w('Ruba', 'ربى'),
      w('Haya', 'هيا'),
      w('Noor', 'نور'),
    ],
    familyNames: [
      f('Haddad', 'حداد'),
      f('Al-Zoubi', 'الزعبي'),
      f('Obeidat', 'عبيدات'),
      f('Al-Majali', 'المجالي'),
      f('Nsour', 'النسور'),
      f('Khasawneh', 'الخصاونة'),
      f('Tarawneh', 'الطراونة'),
      f('Bataineh', 'البطاينة'),
      f('Qudah', 'القضاة'),
    ],
    cities: [
      city('Amman', 'Amman', 'عمّان', 31.954, 35.91),
      city('Irbid', 'Irbid', 'إربد', 32.556, 35.85),
      city('Madaba', 'Madaba', 'مادبا', 31.716, 35.794),
      city('Zarqa', 'Zarqa', 'الزرقاء', 32.072, 36.088),
      city('Aqaba', 'Aqaba', 'العقبة', 29.532, 35.006),
    ],
  },
  LB: {
    iso2: 'LB',
    nameLanguages: ['fr', 'en', 'ar'],
    otherWorkingLanguages: [
      ['fr', 0.7],
      ['en', 0.8],
      ['hy', 0.15],
    ],
    regionalMarket: 'middle-east',
    phonePrefix: '+961',
    givenNames: [
      m('Georges', 'جورج'),
      m('Karim', 'كريم'),
      m('Rami', 'رامي'),
      m('Ziad', 'زياد'),
      m('Hagop', 'هاكوب'),
      m('Sarkis', 'سركيس'),
      w('Maya', 'مايا'),
      w('Rita', 'ريتا'),
      w('Nayiri', 'نايري'),
      w('Carla', 'كارلا'),
      w('Lara', 'لارا'),
      w('Zeina', 'زينة'),
    ],
    familyNames: [
      f('Khoury', 'خوري'),
      f('Nassar', 'نصار'),
      f('Karam', 'كرم'),
      f('Boghossian', 'بوغوصيان'),
      f('Kazandjian', 'قازانجيان'),
      f('Der Sarkissian', 'دير سركيسيان'),
      f('Tabet', 'ثابت'),
      f('Saadeh', 'سعادة'),
      f('Maalouf', 'معلوف'),
    ],
    cities: [
      city('Beyrouth', 'Beirut', 'بيروت', 33.894, 35.502),
      city('Tripoli', 'Tripoli', 'طرابلس', 34.437, 35.85),
      city('Bourj Hammoud', 'Bourj Hammoud', 'برج حمود', 33.894, 35.54),
      city('Saïda', 'Sidon', 'صيدا', 33.563, 35.368),
      city('Zahlé', 'Zahle', 'زحلة', 33.846, 35.902),
      city('Byblos', 'Byblos', 'جبيل', 34.121, 35.648),
    ],
  },
  MA: {
    iso2: 'MA',
    nameLanguages: ['fr', 'ar'],
    otherWorkingLanguages: [
      ['fr', 0.9],
      ['en', 0.35],
      ['es', 0.1],
    ],
    regionalMarket: 'maghreb',
    phonePrefix: '+212',
    givenNames: [
      m('Youssef', 'يوسف'),
      m('Hamza', 'حمزة'),
      m('Mehdi', 'مهدي'),
      m('Othmane', 'عثمان'),
      m('Abdelilah', 'عبد الإله'),
      w('Khadija', 'خديجة'),
      w('Fatima Zahra', 'فاطمة الزهراء'),
      w('Salma', 'سلمى'),
      w('Hajar', 'هاجر'),
      w('Zineb', 'زينب'),
      w('Meryem', 'مريم'),
    ],
    familyNames: [
      f('El Idrissi', 'الإدريسي'),
      f('Bennani', 'بناني'),
      f('Alaoui', 'العلوي'),
      f('Tazi', 'التازي'),
      f('Berrada', 'برادة'),
      f('Chraibi', 'الشرايبي'),
      f('El Fassi', 'الفاسي'),
      f('Amrani', 'العمراني'),
      f('Ouazzani', 'الوزاني'),
      f('Benjelloun', 'بنجلون'),
    ],
    cities: [
      city('Casablanca', 'Casablanca', 'الدار البيضاء', 33.573, -7.59),
      city('Marrakech', 'Marrakesh', 'مراكش', 31.63, -7.99),
      city('Fès', 'Fez', 'فاس', 34.033, -5.0),
      city('Rabat', 'Rabat', 'الرباط', 34.02, -6.84),
      city('Tanger', 'Tangier', 'طنجة', 35.759, -5.834),
      city('Essaouira', 'Essaouira', 'الصويرة', 31.513, -9.77),
    ],
  },
  PS: {
    iso2: 'PS',
    nameLanguages: ['ar', 'en'],
    otherWorkingLanguages: [
      ['en', 0.85],
      ['fr', 0.05],
    ],
    regionalMarket: 'middle-east',
    phonePrefix: '+970',
    givenNames: [
      m('Issa', 'عيسى'),
      m('Elias', 'إلياس'),
      m('Khalil', 'خليل'),
      m('Fadi', 'فادي'),
      m('Majd', 'مجد'),
      m('Saleem', 'سليم'),
      w('Mary', 'ماري'),
      w('Rania', 'رانيا'),
      w('Nisreen', 'نسرين'),
      w('Suha', 'سهى'),
      w('Layal', 'ليال'),
      w('Hanan', 'حنان'),
    ],
    familyNames: [
      f('Salameh', 'سلامة'),
      f('Qumsieh', 'قمصية'),
      f('Handal', 'حنظل'),
      f('Awwad', 'عواد'),
      f('Musallam', 'مسلم'),
      f('Zboun', 'زبون'),
      f('Kattan', 'قطان'),
      f('Shahin', 'شاهين'),
      f('Dabdoub', 'دبدوب'),
    ],
    cities: [
      city('Bethléem', 'Bethlehem', 'بيت لحم', 31.705, 35.2),
      city('Naplouse', 'Nablus', 'نابلس', 32.222, 35.262),
      city('Hébron', 'Hebron', 'الخليل', 31.532, 35.095),
      city('Ramallah', 'Ramallah', 'رام الله', 31.903, 35.204),
      city('Jéricho', 'Jericho', 'أريحا', 31.857, 35.444),
    ],
  },
  TN: {
    iso2: 'TN',
    nameLanguages: ['fr', 'ar'],
    otherWorkingLanguages: [
      ['fr', 0.9],
      ['en', 0.35],
      ['it', 0.1],
    ],
    regionalMarket: 'maghreb',
    phonePrefix: '+216',
    givenNames: [
      m('Mehdi', 'مهدي'),
      m('Hatem', 'حاتم'),
      m('Walid', 'وليد'),
      m('Sami', 'سامي'),
      m('Anis', 'أنيس'),
      w('Ines', 'إيناس'),
      w('Olfa', 'ألفة'),
      w('Rim', 'ريم'),
      w('Faten', 'فاتن'),
      w('Nesrine', 'نسرين'),
      w('Amel', 'أمل'),
    ],
    familyNames: [
      f('Trabelsi', 'الطرابلسي'),
      f('Ben Salah', 'بن صالح'),
      f('Jaziri', 'الجزيري'),
      f('Mejri', 'الماجري'),
      f('Gharbi', 'الغربي'),
      f('Ayari', 'العياري'),
      f('Hammami', 'الحمامي'),
      f('Chebbi', 'الشابي'),
      f('Ben Amor', 'بن عمر'),
    ],
    cities: [
      city('Tunis', 'Tunis', 'تونس', 36.806, 10.181),
      city('Sfax', 'Sfax', 'صفاقس', 34.74, 10.76),
      city('Nabeul', 'Nabeul', 'نابل', 36.456, 10.737),
      city('El Jem', 'El Jem', 'الجم', 35.296, 10.707),
      city('Kairouan', 'Kairouan', 'القيروان', 35.678, 10.096),
      city('Sousse', 'Sousse', 'سوسة', 35.826, 10.637),
      city('Djerba', 'Djerba', 'جربة', 33.807, 10.845),
    ],
  },
};

/** Words that make brand-like names: "Bijoux Zitouna", "Zitouna Jewellery", "مجوهرات زيتونة". */
export const BRAND_WORDS: readonly NameWord[] = [
  f('Zitouna', 'زيتونة'),
  f('Yasmine', 'ياسمين'),
  f('Nakhla', 'نخلة'),
  f('Qamar', 'قمر'),
  f('Anwar', 'أنوار'),
  f('Amal', 'أمل'),
  f('Nour', 'نور'),
  f('Warda', 'وردة'),
  f('Baraka', 'بركة'),
  f('Sanabel', 'سنابل'),
  f('Rihana', 'ريحانة'),
  f('Loulouwa', 'لؤلؤة'),
  f('Andalous', 'أندلس'),
  f('Fanar', 'فنار'),
  f('Badr', 'بدر'),
  f('Salsabil', 'سلسبيل'),
  f('Najma', 'نجمة'),
  f('Rawda', 'روضة'),
  f('Kenz', 'كنز'),
  f('Tafsut', 'تافسوت'),
];

/**
 * A craft or trade and how its people and products are named. `title` heads brand names,
 * `field` names the trade ("de la bijouterie", "jewellery making", "صناعة المجوهرات"), `makers`
 * its people ("bijoutiers", "Jewellers", "الصاغة").
 */
export interface Craft {
  subsector: string;
  title: Phrase;
  field: Phrase;
  makers: Phrase;
  materials: readonly string[];
  products: readonly Phrase[];
}

const p = (fr: string, en: string, ar: string): Phrase => ({ fr, en, ar });

export const CRAFTS = {
  jewellery: {
    subsector: 'fashion',
    title: p('Bijoux', 'Jewellery', 'مجوهرات'),
    field: p('de la bijouterie', 'jewellery making', 'صناعة المجوهرات'),
    makers: p('bijoutiers', 'Jewellers', 'الصاغة'),
    materials: ['silver', 'gold', 'enamel'],
    products: [
      p('bracelets en argent', 'silver bracelets', 'أساور فضية'),
      p('fibules émaillées', 'enamelled fibulae', 'مشابك مزينة بالمينا'),
      p('bagues en or', 'gold rings', 'خواتم ذهبية'),
      p('colliers', 'necklaces', 'قلائد'),
      p('parures de mariage', 'bridal jewellery sets', 'أطقم مجوهرات الأعراس'),
      p('réparation et gravure', 'repair and engraving', 'التصليح والنقش'),
    ],
  },
  copperware: {
    subsector: 'habitat',
    title: p('Dinanderie', 'Copperware', 'نحاسيات'),
    field: p('de la dinanderie', 'copperware', 'صناعة النحاس'),
    makers: p('dinandiers', 'Coppersmiths', 'النحاسين'),
    materials: ['copper', 'brass'],
    products: [
      p('plateaux ciselés', 'chased trays', 'صواني منقوشة'),
      p('aiguières et bassins', 'ewers and basins', 'أباريق وطسوت'),
      p('lanternes', 'lanterns', 'فوانيس'),
      p('services à café', 'coffee sets', 'أطقم القهوة'),
      p('objets de décoration en laiton', 'brass decorative objects', 'تحف من النحاس الأصفر'),
    ],
  },
  leather: {
    subsector: 'fashion',
    title: p('Maroquinerie', 'Leather', 'جلود'),
    field: p('du cuir', 'leatherwork', 'الصناعات الجلدية'),
    makers: p('artisans du cuir', 'Leatherworkers', 'حرفيي الجلود'),
    materials: ['leather'],
    products: [
      p('sacs à main', 'handbags', 'حقائب يد'),
      p('chaussures', 'shoes', 'أحذية'),
      p('ceintures et portefeuilles', 'belts and wallets', 'أحزمة ومحافظ'),
      p('poufs et mobilier en cuir', 'leather poufs and furniture', 'أثاث جلدي'),
      p('cuir tanné', 'tanned hides', 'جلود مدبوغة'),
    ],
  },
  interiors: {
    subsector: 'habitat',
    title: p('Déco', 'Interiors', 'ديكور'),
    field: p('de la décoration intérieure', 'interior design', 'التصميم الداخلي'),
    makers: p('designers et décorateurs', 'Designers and Decorators', 'المصممين والمزخرفين'),
    materials: ['wood', 'ceramics', 'home textile', 'glass'],
    products: [
      p('mobilier contemporain', 'contemporary furniture', 'أثاث معاصر'),
      p('luminaires', 'lighting', 'إنارة'),
      p('coussins et tentures', 'cushions and hangings', 'وسائد وستائر'),
      p('objets décoratifs', 'decorative objects', 'تحف ديكور'),
      p("aménagement d'intérieurs", 'interior fit-out', 'تجهيز الديكورات الداخلية'),
    ],
  },
  fashion: {
    subsector: 'fashion',
    title: p('Mode', 'Fashion', 'أزياء'),
    field: p('de la mode', 'fashion design', 'تصميم الأزياء'),
    makers: p('créateurs de mode', 'Fashion Designers', 'مصممي الأزياء'),
    materials: ['embroidery', 'home textile', 'weaving'],
    products: [
      p('robes brodées', 'embroidered dresses', 'أثواب مطرزة'),
      p('prêt-à-porter', 'ready-to-wear', 'ملابس جاهزة'),
      p('accessoires brodés', 'embroidered accessories', 'إكسسوارات مطرزة'),
      p('broderie bédouine', 'Bedouin embroidery', 'تطريز بدوي'),
      p('couture sur mesure', 'made-to-measure tailoring', 'خياطة حسب الطلب'),
    ],
  },
  ceramics: {
    subsector: 'habitat',
    title: p('Céramique', 'Ceramics', 'خزف'),
    field: p('de la céramique', 'ceramics', 'صناعة الخزف'),
    makers: p('céramistes', 'Ceramicists', 'الخزافين'),
    materials: ['ceramics', 'glass'],
    products: [
      p('vaisselle peinte', 'painted tableware', 'أوان مرسومة'),
      p('carreaux décoratifs', 'decorative tiles', 'بلاط مزخرف'),
      p('vases', 'vases', 'مزهريات'),
      p('poterie', 'pottery', 'فخار'),
      p("pièces d'art uniques", 'studio art pieces', 'قطع فنية'),
    ],
  },
  furniture: {
    subsector: 'habitat',
    title: p('Meubles', 'Furniture', 'أثاث'),
    field: p('du meuble', 'furniture making', 'صناعة الأثاث'),
    makers: p('menuisiers et ébénistes', 'Cabinet Makers', 'النجارين'),
    materials: ['wood', 'mother-of-pearl'],
    products: [
      p('mobilier de salon', 'living-room furniture', 'أثاث غرف الجلوس'),
      p('chambres à coucher', 'bedroom sets', 'غرف نوم'),
      p('meubles marquetés', 'inlaid furniture', 'أثاث مطعّم'),
      p('cuisines sur mesure', 'fitted kitchens', 'مطابخ حسب الطلب'),
      p('portes et menuiserie', 'doors and joinery', 'أبواب ونجارة'),
    ],
  },
  textile: {
    subsector: 'habitat',
    title: p('Textile', 'Textiles', 'منسوجات'),
    field: p('du textile de maison', 'home textiles', 'صناعة المنسوجات المنزلية'),
    makers: p('tisserands', 'Weavers', 'النساجين'),
    materials: ['home textile', 'weaving', 'plant fibres', 'embroidery'],
    products: [
      p('tapis', 'rugs', 'زرابي'),
      p('linge de lit', 'bed linen', 'مفارش أسرّة'),
      p('nappes brodées', 'embroidered tablecloths', 'مفارش مائدة مطرزة'),
      p('rideaux', 'curtains', 'ستائر'),
      p('couvertures tissées à la main', 'hand-woven blankets', 'أغطية منسوجة يدويا'),
    ],
  },
  oliveWood: {
    subsector: 'habitat',
    title: p("Bois d'olivier", 'Olive Wood', 'خشب الزيتون'),
    field: p("de la sculpture sur bois d'olivier", 'olive-wood carving', 'النحت على خشب الزيتون'),
    makers: p("sculpteurs sur bois d'olivier", 'Olive-Wood Carvers', 'نحاتي خشب الزيتون'),
    materials: ['olive wood', 'mother-of-pearl', 'ceramics', 'embroidery', 'glass'],
    products: [
      p('crèches sculptées', 'carved nativity sets', 'مغارات الميلاد المنحوتة'),
      p('objets en nacre', 'mother-of-pearl pieces', 'تحف من الصدف'),
      p('chapelets', 'rosaries', 'مسابح'),
      p('broderie palestinienne', 'Palestinian embroidery', 'تطريز فلسطيني'),
      p('céramique peinte', 'painted ceramics', 'خزف مرسوم'),
      p('verre soufflé', 'blown glass', 'زجاج منفوخ'),
    ],
  },
  mosaic: {
    subsector: 'heritage',
    title: p('Mosaïque', 'Mosaics', 'فسيفساء'),
    field: p('de la mosaïque', 'mosaic', 'فن الفسيفساء'),
    makers: p('mosaïstes', 'Mosaicists', 'حرفيي الفسيفساء'),
    materials: ['mosaic', 'stone', 'marble'],
    products: [
      p('reproductions de mosaïques romaines', 'Roman mosaic reproductions', 'نسخ من الفسيفساء الرومانية'),
      p('tables en mosaïque', 'mosaic tables', 'طاولات من الفسيفساء'),
      p('panneaux muraux', 'wall panels', 'لوحات جدارية'),
      p('pavements sur commande', 'custom floor mosaics', 'أرضيات فسيفساء حسب الطلب'),
      p('restauration', 'restoration', 'ترميم'),
    ],
  },
  tableware: {
    subsector: 'habitat',
    title: p('Arts de la table', 'Tableware', 'فنون المائدة'),
    field: p('des arts de la table', 'tableware', 'صناعة أدوات المائدة'),
    makers: p('artisans des arts de la table', 'Tableware Makers', 'حرفيي أدوات المائدة'),
    materials: ['olive wood', 'reverse-glass painting', 'ceramics'],
    products: [
      p("plateaux et couverts en bois d'olivier", 'olive-wood trays and cutlery', 'صوان وملاعق من خشب الزيتون'),
      p('peintures fixées sous verre', 'reverse-glass paintings', 'لوحات مرسومة تحت الزجاج'),
      p('vaisselle en céramique', 'ceramic tableware', 'أوان خزفية'),
      p('services à thé', 'tea sets', 'أطقم الشاي'),
    ],
  },
  heritage: {
    subsector: 'heritage',
    title: p('Patrimoine', 'Heritage', 'تراث'),
    field: p('du patrimoine', 'heritage crafts', 'الحرف التراثية'),
    makers: p('artisans du patrimoine', 'Heritage Craftspeople', 'الحرفيين التراثيين'),
    materials: ['stone', 'marble', 'wood'],
    products: [
      p('restauration de monuments', 'monument restoration', 'ترميم المعالم'),
      p('visites guidées', 'guided tours', 'جولات مصحوبة بمرشد'),
      p("répliques d'objets anciens", 'replicas of antiquities', 'نسخ من القطع الأثرية'),
    ],
  },
  audiovisual: {
    subsector: 'audiovisual',
    title: p('Films', 'Films', 'أفلام'),
    field: p("de l'audiovisuel", 'film and video', 'الإنتاج السمعي البصري'),
    makers: p('producteurs', 'Producers', 'المنتجين'),
    materials: [],
    products: [
      p('documentaires', 'documentaries', 'أفلام وثائقية'),
      p('films publicitaires', 'commercials', 'إعلانات مصورة'),
      p('post-production', 'post-production', 'ما بعد الإنتاج'),
    ],
  },
  music: {
    subsector: 'music',
    title: p('Musique', 'Music', 'موسيقى'),
    field: p('de la musique', 'music', 'الموسيقى'),
    makers: p('musiciens', 'Musicians', 'الموسيقيين'),
    materials: ['wood'],
    products: [
      p('enregistrement en studio', 'studio recording', 'التسجيل في الاستوديو'),
      p("fabrication d'instruments", 'instrument making', 'صناعة الآلات الموسيقية'),
      p('concerts', 'concerts', 'حفلات موسيقية'),
    ],
  },
  publishing: {
    subsector: 'publishing',
    title: p('Éditions', 'Books', 'منشورات'),
    field: p("de l'édition", 'publishing', 'النشر'),
    makers: p('éditeurs', 'Publishers', 'الناشرين'),
    materials: [],
    products: [
      p('livres pour la jeunesse', "children's books", 'كتب الأطفال'),
      p("livres d'art", 'art books', 'كتب فنية'),
      p('traduction', 'translation', 'ترجمة'),
    ],
  },
  videoGames: {
    subsector: 'video-games',
    title: p('Studio', 'Games', 'ألعاب'),
    field: p('du jeu vidéo', 'video games', 'ألعاب الفيديو'),
    makers: p('développeurs de jeux', 'Game Developers', 'مطوري الألعاب'),
    materials: [],
    products: [
      p('jeux mobiles', 'mobile games', 'ألعاب الهاتف'),
      p('jeux éducatifs', 'educational games', 'ألعاب تعليمية'),
      p('animation 3D', '3D animation', 'رسوم متحركة ثلاثية الأبعاد'),
    ],
  },
  performingArts: {
    subsector: 'performing-arts',
    title: p('Compagnie', 'Theatre', 'مسرح'),
    field: p('des arts de la scène', 'performing arts', 'فنون العرض'),
    makers: p('artistes de la scène', 'Performers', 'فناني العرض'),
    materials: [],
    products: [
      p('spectacles', 'stage productions', 'عروض مسرحية'),
      p('danse contemporaine', 'contemporary dance', 'رقص معاصر'),
      p('ateliers de théâtre', 'theatre workshops', 'ورشات مسرحية'),
    ],
  },
  visualArts: {
    subsector: 'visual-arts',
    title: p('Galerie', 'Gallery', 'رواق'),
    field: p('des arts visuels', 'visual arts', 'الفنون التشكيلية'),
    makers: p('artistes plasticiens', 'Visual Artists', 'الفنانين التشكيليين'),
    materials: ['reverse-glass painting', 'glass', 'ceramics'],
    products: [
      p('peinture', 'painting', 'رسم'),
      p('calligraphie', 'calligraphy', 'خط عربي'),
      p('photographie', 'photography', 'تصوير فوتوغرافي'),
    ],
  },
  communication: {
    subsector: 'communication',
    title: p('Agence', 'Studio', 'وكالة'),
    field: p('de la communication', 'communication design', 'التصميم والتواصل'),
    makers: p('graphistes', 'Graphic Designers', 'مصممي الجرافيك'),
    materials: [],
    products: [
      p('identité visuelle', 'brand identity', 'هوية بصرية'),
      p('sites web', 'websites', 'مواقع إلكترونية'),
      p('photographie de produits', 'product photography', 'تصوير المنتجات'),
    ],
  },
  architecture: {
    subsector: 'architecture',
    title: p('Architectes', 'Architects', 'معمار'),
    field: p("de l'architecture", 'architecture', 'الهندسة المعمارية'),
    makers: p('architectes', 'Architects', 'المهندسين المعماريين'),
    materials: ['stone', 'wood'],
    products: [
      p("architecture d'intérieur", 'interior architecture', 'الهندسة الداخلية'),
      p('réhabilitation du bâti ancien', 'restoration of old buildings', 'إعادة تأهيل المباني القديمة'),
      p("scénographie d'expositions", 'exhibition design', 'تصميم المعارض'),
    ],
  },
} as const satisfies Record<string, Craft>;

export type CraftKey = keyof typeof CRAFTS;
