import { z } from 'zod';

/**
 * A Sira backup is a gzip of NDJSON: a header line, then one line per row, `{t, r}`, tables
 * in foreign-key order. Rows are PostgreSQL's own `row_to_json`, so PostgreSQL turns them
 * back into timestamps, arrays, jsonb and bytea itself, the same way on both backends.
 */
export const BACKUP_FORMAT = 'sira-backup';
export const BACKUP_VERSION = 1;

export const backupHeaderSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    createdAt: z.string(),
    migrations: z.array(z.string().regex(/^\d{4}_[a-z0-9_]+$/)),
    tables: z.array(z.object({ name: z.string().min(1), rows: z.number().int().min(0) })),
  })
  .refine((h) => new Set(h.tables.map((t) => t.name)).size === h.tables.length, { message: 'duplicate table' });
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

/** Why a file is not a usable backup; each reason has a message `cli.restore.reason.<reason>`. */
export type BadFileReason = 'unreadable' | 'notGzip' | 'truncated' | 'header' | 'line' | 'count' | 'rejected';

export class BackupFileError extends Error {
  constructor(
    readonly reason: BadFileReason,
    readonly params: Record<string, string | number> = {},
  ) {
    super(`invalid backup file: ${reason} ${JSON.stringify(params)}`);
    this.name = 'BackupFileError';
  }
}

/**
 * The target cannot take this backup: it holds data, the backup comes from a newer Sira,
 * or the target's schema is already past the backup's (restore needs a fresh database).
 */
export class RestoreRefusedError extends Error {
  constructor(
    readonly reason: 'notEmpty' | 'newerSchema' | 'targetAhead',
    readonly migration?: string,
  ) {
    super(`restore refused: ${reason}${migration ? ` (${migration})` : ''}`);
    this.name = 'RestoreRefusedError';
  }
}

/** One row line, written by hand so that the reader can hand `r` to PostgreSQL verbatim. */
export function rowLine(table: string, rowJson: string): string {
  return `${rowPrefix(table)}${rowJson}}\n`;
}

export function rowPrefix(table: string): string {
  return `{"t":${JSON.stringify(table)},"r":`;
}
