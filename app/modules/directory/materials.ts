/**
 * Names of the materials and techniques listed (in English) by `reference-data/sectors.json`,
 * in the three UI languages. Arabic uses the terms of the crafts concerned (المينا for jewellery
 * enamel, الصدف for Bethlehem mother-of-pearl); French the usual trade names (fixé sous verre).
 * A material added to the data file without its translations fails the reference data tests.
 */
import type { TranslatableText } from './directory.contracts.ts';

export const MATERIAL_NAMES: Readonly<Record<string, Required<TranslatableText>>> = {
  silver: { en: 'Silver', fr: 'Argent', ar: 'الفضة' },
  gold: { en: 'Gold', fr: 'Or', ar: 'الذهب' },
  copper: { en: 'Copper', fr: 'Cuivre', ar: 'النحاس' },
  brass: { en: 'Brass', fr: 'Laiton', ar: 'النحاس الأصفر' },
  leather: { en: 'Leather', fr: 'Cuir', ar: 'الجلد' },
  'olive wood': { en: 'Olive wood', fr: "Bois d'olivier", ar: 'خشب الزيتون' },
  wood: { en: 'Wood', fr: 'Bois', ar: 'الخشب' },
  'mother-of-pearl': { en: 'Mother-of-pearl', fr: 'Nacre', ar: 'الصدف' },
  ceramics: { en: 'Ceramics', fr: 'Céramique', ar: 'الخزف' },
  glass: { en: 'Glass', fr: 'Verre', ar: 'الزجاج' },
  stone: { en: 'Stone', fr: 'Pierre', ar: 'الحجر' },
  marble: { en: 'Marble', fr: 'Marbre', ar: 'الرخام' },
  embroidery: { en: 'Embroidery', fr: 'Broderie', ar: 'التطريز' },
  weaving: { en: 'Weaving', fr: 'Tissage', ar: 'النسج' },
  'home textile': { en: 'Home textile', fr: 'Textile de maison', ar: 'المنسوجات المنزلية' },
  'plant fibres': { en: 'Plant fibres', fr: 'Fibres végétales', ar: 'الألياف النباتية' },
  mosaic: { en: 'Mosaic', fr: 'Mosaïque', ar: 'الفسيفساء' },
  'reverse-glass painting': { en: 'Reverse-glass painting', fr: 'Peinture fixée sous verre', ar: 'الرسم تحت الزجاج' },
  enamel: { en: 'Enamel', fr: 'Émail', ar: 'المينا' },
};
