import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useState } from 'preact/hooks';
import { ApiFailure } from '../../api/client.ts';
import { problemMessage } from '../../api/errors.ts';
import { newCommandId } from '../../api/uuid.ts';
import { useI18n } from '../../i18n/i18n.ts';
import { useSession } from '../../identity/session-store.tsx';
import { type FormView, type ImportProblem, fileToBase64, formCommand, formKeys, pickText, readXlsForm } from '../forms-api.ts';

type Outcome =
  | { kind: 'imported'; title: string; languages: string[]; questionCount: number; version: number; warnings: ImportProblem[] }
  | { kind: 'refused'; problems: ImportProblem[]; warnings: ImportProblem[] };

/**
 * An XLSForm upload: the server reads the workbook and answers every problem with its sheet,
 * row and column, or a definition; only then is it stored (a new form, or a new draft
 * version of the form with the same form_id), so nothing is imported half-way.
 */
export function XlsFormImport({ forms }: { forms: readonly FormView[] }) {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const csrfToken = state.status === 'signedIn' ? state.user.csrfToken : '';
  const queries = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const upload = useMutation({
    mutationFn: async (chosen: File): Promise<Outcome> => {
      const answer = await readXlsForm(await fileToBase64(chosen), chosen.name, locale, csrfToken);
      if (!answer.ok) return { kind: 'refused', problems: answer.problems, warnings: answer.warnings };
      const definition = answer.definition;
      const existing = forms.find((f) => f.formKey === definition.formId);
      const { version } = existing
        ? await formCommand<{ version: number }>('form.add_version', { formId: existing.id, definition }, locale, csrfToken)
        : await formCommand<{ version: number }>('form.create', { formId: newCommandId(), definition }, locale, csrfToken);
      await queries.invalidateQueries({ queryKey: formKeys.list });
      return {
        kind: 'imported',
        title: pickText(definition.title, locale),
        languages: definition.languages.map((l) => l.name),
        questionCount: answer.questionCount,
        version,
        warnings: answer.warnings,
      };
    },
  });
  const submit = (e: Event) => {
    e.preventDefault();
    setMissing(!file);
    if (file) upload.mutate(file);
  };
  const outcome = upload.data;
  const failure = upload.error instanceof ApiFailure ? upload.error.problem : upload.isError ? ({ kind: 'network' } as const) : undefined;
  return (
    <section class="card" aria-labelledby="import-title">
      <h2 id="import-title">{t('formLibrary.import.title')}</h2>
      <form noValidate onSubmit={submit}>
        <div class="field">
          <label for="xlsform-file">{t('formLibrary.import.file')}</label>
          <p id="xlsform-file-hint" class="field-hint">
            {t('formLibrary.import.hint')}
          </p>
          <input
            id="xlsform-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={missing ? 'xlsform-file-hint xlsform-file-error' : 'xlsform-file-hint'}
            aria-invalid={missing || undefined}
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              upload.reset();
            }}
          />
          {missing && (
            <p id="xlsform-file-error" class="field-error">
              {t('formLibrary.import.missing')}
            </p>
          )}
        </div>
        <button type="submit" class="button button-primary" disabled={upload.isPending} aria-busy={upload.isPending}>
          {t('formLibrary.import.submit')}
        </button>
      </form>
      <div aria-live="polite">
        {failure && (
          <div class="form-error" role="alert">
            {problemMessage(failure, locale)}
          </div>
        )}
        {outcome?.kind === 'refused' && (
          <div class="form-error" data-import="refused">
            <p>{t('formLibrary.import.refused', { count: outcome.problems.length })}</p>
            <ul class="form-problems">
              {outcome.problems.map((p, i) => (
                <li key={i}>{t('formLibrary.import.problem', { location: p.location, message: p.message })}</li>
              ))}
            </ul>
          </div>
        )}
        {outcome?.kind === 'imported' && (
          <div class="form-imported" data-import="imported" role="status">
            <p>{t('formLibrary.import.done', { title: outcome.title, version: outcome.version })}</p>
            <dl class="facts">
              <dt>{t('formLibrary.import.languages')}</dt>
              <dd>{outcome.languages.join(', ')}</dd>
              <dt>{t('formLibrary.import.questions')}</dt>
              <dd>{outcome.questionCount}</dd>
            </dl>
          </div>
        )}
        {outcome && outcome.warnings.length > 0 && (
          <div class="form-warnings">
            <p>{t('formLibrary.import.warnings', { count: outcome.warnings.length })}</p>
            <ul class="form-problems">
              {outcome.warnings.map((p, i) => (
                <li key={i}>{t('formLibrary.import.problem', { location: p.location, message: p.message })}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
