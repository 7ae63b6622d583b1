import { useMutation } from '@tanstack/preact-query';
import { useRef, useState } from 'preact/hooks';
import { LOCALES, type Locale } from '../../../domain/i18n/locales.ts';
import { ApiFailure, type ApiErrorDetail } from '../../api/client.ts';
import { detailMessage, problemMessage } from '../../api/errors.ts';
import { newCommandId } from '../../api/uuid.ts';
import { useI18n } from '../../i18n/i18n.ts';
import type { RunContext } from './run-frame.tsx';
import { attendanceSheetPath, attendanceTemplatePath } from '../activities-api.ts';
import { importAttendance } from './run-api.ts';
import { placeOf } from './run-values.ts';

/** Blank lines under the registered participants, each with a fresh code; the server allows up to 200. */
const DEFAULT_ROWS = 20;
const MAX_ROWS = 200;

/**
 * Paper for the day and back: the sheet to print (codes pre-printed, blank lines with fresh
 * codes), the same sheet as Excel, and the filled workbook read back in, all or nothing.
 */
export function AttendanceFiles({ ctx }: { ctx: RunContext }) {
  const { locale, t } = useI18n();
  const id = ctx.detail.id;
  const [lang, setLang] = useState<Locale>(locale);
  const [rows, setRows] = useState(String(DEFAULT_ROWS));
  const blank = /^\d{1,3}$/.test(rows.trim()) ? Math.min(MAX_ROWS, Number(rows.trim())) : DEFAULT_ROWS;
  return (
    <section class="card" aria-labelledby="attendance-files-title">
      <h2 id="attendance-files-title">{t('activityRun.files.title')}</h2>
      <div class="run-inline-fields">
        <div class="field">
          <label for="sheet-rows">{t('activityRun.files.rows')}</label>
          <input id="sheet-rows" type="text" inputMode="numeric" pattern="[0-9]*" autocomplete="off" maxLength={3} value={rows} onInput={(e) => setRows(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="sheet-language">{t('activityRun.files.language')}</label>
          <select id="sheet-language" value={lang} onChange={(e) => setLang(e.currentTarget.value as Locale)}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>
                {t(`app.language.${l}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p class="run-links">
        <a class="button button-secondary" href={attendanceSheetPath(id, lang, blank)} download>
          {t('activityRun.files.sheetPdf')}
        </a>
        <a class="button button-secondary" href={`${attendanceTemplatePath(id, lang)}&rows=${blank}`} download>
          {t('activityRun.files.templateXlsx')}
        </a>
      </p>
      {ctx.editable && ctx.detail.attendanceMode === 'named' && <AttendanceImport ctx={ctx} lang={lang} />}
    </section>
  );
}

function AttendanceImport({ ctx, lang }: { ctx: RunContext; lang: Locale }) {
  const { locale, t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  // One id per file chosen: sending the same file again after a lost answer imports it once.
  const commandId = useRef(newCommandId());
  const upload = useMutation({
    mutationFn: (chosen: File) => importAttendance(ctx.detail.id, chosen, { commandId: commandId.current, sheetLanguage: lang }, locale, ctx.me.csrfToken),
    onSuccess: () => ctx.refresh(),
  });
  const failure = upload.error instanceof ApiFailure ? upload.error.problem : undefined;
  const details: ApiErrorDetail[] = failure?.kind === 'error' ? (failure.error.details ?? []) : [];
  return (
    <form
      class="run-import"
      noValidate
      aria-labelledby="attendance-import-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (file) upload.mutate(file);
      }}
    >
      <h3 id="attendance-import-title">{t('activityRun.import.title')}</h3>
      <p class="hint">{t('activityRun.import.hint')}</p>
      <div class="field">
        <label for="attendance-file">{t('activityRun.import.file')}</label>
        <input
          id="attendance-file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            commandId.current = newCommandId();
            upload.reset();
          }}
        />
      </div>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && (
          <>
            <p>{details.length > 0 ? t('activityRun.import.problems', { count: details.length }) : problemMessage(failure, locale)}</p>
            {details.length > 0 && failure.kind === 'error' && (
              <ul class="run-problems">
                {details.map((d, i) => {
                  const place = placeOf(d.path);
                  const message = detailMessage(d, failure.locale, locale);
                  return (
                    <li key={i}>
                      {place
                        ? place.column
                          ? t('activityRun.import.cell', { row: place.row, column: place.column, message })
                          : t('activityRun.import.row', { row: place.row, message })
                        : message}
                    </li>
                  );
                })}
              </ul>
            )}
          </>
        )}
      </div>
      <p class={upload.isSuccess ? 'run-saved' : 'run-saved is-empty'} role="status">
        {upload.data && t('activityRun.import.done', { added: upload.data.added, updated: upload.data.updated })}
      </p>
      <button type="submit" class="button button-primary" disabled={!file || upload.isPending} aria-busy={upload.isPending}>
        {t('activityRun.import.send')}
      </button>
    </form>
  );
}
