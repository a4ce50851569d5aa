/** The directory module's public surface. */
export { createDirectoryApi } from './directory.api.server.ts';
export {
  type Country,
  countryListSchema,
  countrySchema,
  type Material,
  materialListSchema,
  materialSchema,
  type ReferenceDataCounts,
  referenceCodeSchema,
  type SectorFamily,
  type Subsector,
  sectorFamilySchema,
  sectorListSchema,
  subsectorSchema,
  type TranslatableText,
  translatableTextSchema,
} from './directory.contracts.ts';
export { listCountries, listMaterials, listSectors, seedReferenceData } from './directory.service.server.ts';
