import fs from 'node:fs/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { BackupFileError, type BackupHeader, backupHeaderSchema, rowPrefix } from './format.ts';

export interface BackupRow {
  table: string;
  /** The row's JSON text exactly as written, handed to PostgreSQL without a JS round trip. */
  json: string;
}

export interface OpenedBackup {
  header: BackupHeader;
  /** Rows in file order; throws BackupFileError as soon as the file stops making sense. */
  rows: AsyncGenerator<BackupRow>;
  close(): Promise<void>;
}

/** Opens a backup and checks its header; rows are validated while they are read. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  const lines = readLines(file);
  const first = await lines.next();
  if (first.done) throw new BackupFileError('header');
  let header: BackupHeader;
  try {
    header = backupHeaderSchema.parse(JSON.parse(first.value));
  } catch {
    await lines.return(undefined);
    throw new BackupFileError('header');
  }
  return { header, rows: checkedRows(lines, header), close: async () => void (await lines.return(undefined)) };
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const backup = await openBackup(file);
  await backup.close();
  return backup.header;
}

/**
 * Parses row lines and checks them against the header: each table's rows form one block,
 * in header order, with the announced count. A truncated or spliced file fails here.
 */
async function* checkedRows(lines: AsyncGenerator<string>, header: BackupHeader): AsyncGenerator<BackupRow> {
  const order = new Map(header.tables.map((t, i) => [t.name, i]));
  let current = 0;
  let seen = 0;
  let lineNo = 1;
  const closeTablesBefore = (index: number) => {
    for (; current < index; current++, seen = 0) {
      const expected = header.tables[current]!;
      if (seen !== expected.rows) throw new BackupFileError('count', { table: expected.name });
    }
  };
  for await (const line of lines) {
    lineNo++;
    const row = parseRowLine(line, lineNo);
    const index = order.get(row.table);
    if (index === undefined || index < current) throw new BackupFileError('line', { line: lineNo });
    closeTablesBefore(index);
    seen++;
    yield row;
  }
  closeTablesBefore(header.tables.length);
}

function parseRowLine(line: string, lineNo: number): BackupRow {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new BackupFileError('line', { line: lineNo });
  }
  const p = parsed as { t?: unknown; r?: unknown } | null;
  if (!p || typeof p !== 'object' || typeof p.t !== 'string' || !p.r || typeof p.r !== 'object' || Array.isArray(p.r) || Object.keys(p).length !== 2) {
    throw new BackupFileError('line', { line: lineNo });
  }
  // Our own lines are sliced verbatim: JSON.parse would round numbers beyond 2^53 (bigint, numeric).
  const prefix = rowPrefix(p.t);
  const json = line.startsWith(prefix) && line.endsWith('}') ? line.slice(prefix.length, -1) : JSON.stringify(p.r);
  return { table: p.t, json };
}

/** Lines of the decompressed file, mapping I/O and gzip failures onto reasons a person can act on. */
async function* readLines(file: string): AsyncGenerator<string> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch {
    throw new BackupFileError('unreadable');
  }
  const input = handle.createReadStream();
  const gunzip = createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  input.pipe(gunzip);
  const decoder = new StringDecoder('utf8');
  let buffer = '';
  try {
    for await (const chunk of gunzip) {
      buffer += decoder.write(chunk as Buffer);
      let start = 0;
      for (let nl = buffer.indexOf('\n'); nl !== -1; nl = buffer.indexOf('\n', start)) {
        yield buffer.slice(start, nl);
        start = nl + 1;
      }
      buffer = buffer.slice(start);
    }
  } catch (err) {
    throw gzipFailure(err);
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  buffer += decoder.end();
  if (buffer.length > 0) yield buffer;
}

function gzipFailure(err: unknown): unknown {
  if (err instanceof BackupFileError) return err;
  const { code, message } = err as { code?: string; message?: string };
  if (code === 'Z_DATA_ERROR' && /header/i.test(message ?? '')) return new BackupFileError('notGzip');
  if (typeof code === 'string' && code.startsWith('Z_')) return new BackupFileError('truncated');
  return new BackupFileError('unreadable');
}
