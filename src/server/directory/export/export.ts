import type { DbOrTx } from '../../db/client.ts';
import { exportHsdsCsvZip } from './hsds-csv.ts';
import { exportHsdsJson } from './hsds-json.ts';
import { loadDirectory } from './load.ts';
import { exportXlsx } from './xlsx.ts';

export const EXPORT_FORMATS = ['hsds-json', 'hsds-csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_MEDIA: Record<ExportFormat, { type: string; extension: string }> = {
  'hsds-json': { type: 'application/json', extension: 'json' },
  'hsds-csv': { type: 'application/zip', extension: 'zip' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
};

/**
 * The whole directory in one of the three formats. Exports are for coordinators: they hold
 * members-only services and the addresses of confidential places, marked as such so a
 * re-import keeps them protected. The public HSDS API never carries either.
 */
export async function exportDirectory(db: DbOrTx, format: ExportFormat): Promise<Uint8Array> {
  const snapshot = await loadDirectory(db);
  if (format === 'hsds-json') return exportHsdsJson(snapshot);
  if (format === 'hsds-csv') return exportHsdsCsvZip(snapshot);
  return exportXlsx(snapshot);
}
