/**
 * A small directory shaped like the demo for the twins finder's tests: the real jewellery clusters
 * of Batna (Algeria) and Bourj Hammoud (Lebanon) with members, a few other clusters, and
 * organisations that are or are not twins for a known reason. Test support only.
 */
import type { Executor } from '#app/shared/db/client.server.ts';
import { addMember, insertCluster, insertOrganisation } from '#tests/factories/directory.ts';

export async function insertTwinsFixture(db: Executor) {
  const batna = await insertCluster(db, {
    slug: 'batna-jewellery',
    name: { en: 'Batna Jewellery Cluster', fr: 'Cluster des bijoutiers de Batna', ar: 'عنقود المجوهرات في باتنة' },
    countryIso2: 'DZ',
    subsectorCode: 'fashion',
    materialCodes: ['silver', 'enamel'],
  });
  const bourjHammoud = await insertCluster(db, {
    slug: 'bourj-hammoud-jewellery',
    name: { en: 'Bourj Hammoud Jewellery Cluster', fr: 'Cluster des bijoutiers de Bourj Hammoud' },
    countryIso2: 'LB',
    subsectorCode: 'fashion',
    materialCodes: ['gold', 'silver'],
  });
  const amman = await insertCluster(db, {
    slug: 'amman-fashion',
    name: { en: 'Amman Fashion Cluster' },
    countryIso2: 'JO',
    subsectorCode: 'fashion',
    materialCodes: ['embroidery', 'home-textile'],
  });
  const elJem = await insertCluster(db, {
    slug: 'el-jem-mosaic',
    name: { en: 'El Jem Mosaic Cluster' },
    countryIso2: 'TN',
    subsectorCode: 'heritage',
    materialCodes: ['mosaic', 'stone', 'marble'],
  });
  const constantine = await insertCluster(db, {
    slug: 'constantine-copperware',
    name: { en: 'Constantine Copperware Cluster' },
    countryIso2: 'DZ',
    subsectorCode: 'habitat',
    materialCodes: ['copper', 'brass'],
  });

  const batnaWorkshop = await insertOrganisation(db, {
    slug: 'atelier-argent-batna',
    name: { fr: 'Atelier Argent Batna' },
    sourceLocale: 'fr',
    countryIso2: 'DZ',
    subsectorCodes: ['fashion'],
    materialCodes: ['silver', 'enamel'],
    valueChainRoles: ['production'],
    markets: ['national'],
    workingLanguages: ['ar', 'fr'],
    sizeClass: 'micro',
  });
  await addMember(db, batna, batnaWorkshop);
  const algiersJeweller = await insertOrganisation(db, {
    slug: 'algiers-jeweller',
    countryIso2: 'DZ',
    subsectorCodes: ['fashion'],
    materialCodes: ['silver'],
  });
  const beirutExporter = await insertOrganisation(db, {
    slug: 'beirut-gold-exporter',
    name: { en: 'Beirut Gold Exporter', ar: 'مصدّر الذهب في بيروت' },
    type: 'enterprise',
    countryIso2: 'LB',
    subsectorCodes: ['fashion'],
    materialCodes: ['gold', 'silver', 'enamel'],
    valueChainRoles: ['export'],
    markets: ['europe', 'gulf'],
    workingLanguages: ['ar', 'fr', 'en'],
    sizeClass: 'small',
    womenLed: true,
    email: 'contact@beirut-gold.example',
    phone: '+961 1 234 567',
    address: 'Arax Street, Bourj Hammoud',
    contactConsent: true,
  });
  await addMember(db, bourjHammoud, beirutExporter);
  const tunisSilversmith = await insertOrganisation(db, {
    slug: 'tunis-silversmith',
    name: { fr: 'Orfèvrerie de Tunis' },
    sourceLocale: 'fr',
    type: 'cooperative',
    countryIso2: 'TN',
    subsectorCodes: ['fashion'],
    materialCodes: ['silver'],
    workingLanguages: ['fr'],
    email: 'secret@tunis-silver.example',
    phone: '+216 71 000 000',
    contactConsent: false,
  });
  const rabatWeaver = await insertOrganisation(db, {
    slug: 'rabat-weaver',
    countryIso2: 'MA',
    subsectorCodes: ['music'],
    workingLanguages: ['ar', 'fr'],
    markets: ['europe'],
  });
  const proposedJeweller = await insertOrganisation(db, {
    slug: 'proposed-jeweller',
    countryIso2: 'LB',
    subsectorCodes: ['fashion'],
    materialCodes: ['silver'],
    status: 'proposed',
  });
  return {
    clusters: { batna, bourjHammoud, amman, elJem, constantine },
    organisations: { batnaWorkshop, algiersJeweller, beirutExporter, tunisSilversmith, rabatWeaver, proposedJeweller },
  };
}
