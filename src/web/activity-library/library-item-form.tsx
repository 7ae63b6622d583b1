import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation, useQueryClient } from '@tanstack/preact-query';
import { useMemo } from 'preact/hooks';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { AUDIENCES, EXERCISE_TYPES } from '../../domain/activities/activity.ts';
import { QUESTIONNAIRE_ROLES } from '../../domain/activities/schemas.ts';
import type { MessageKey } from '../../domain/i18n/translate.ts';
import { command } from '../admin/admin-api.ts';
import { ApiFailure } from '../api/client.ts';
import { problemMessage } from '../api/errors.ts';
import { useI18n } from '../i18n/i18n.ts';
import { TextField } from '../ui/text-field.tsx';
import { issueMessage } from '../validation/zod-messages.ts';
import { audienceLabel, contentOf, exerciseTypeLabel, type LibraryItemView, type LibraryKind, libraryKeys, localized } from './library-api.ts';

const LANGS = ['fr', 'en', 'bm'] as const;
const optional = (max: number) => z.string().trim().max(max);

/** The same limits as the command's schema, on flat fields a form can hold. */
const formSchema = z.object({
  titleFr: z.string().trim().min(1).max(200),
  titleEn: optional(200),
  titleBm: optional(200),
  descriptionFr: optional(4000),
  descriptionEn: optional(4000),
  descriptionBm: optional(4000),
  exerciseType: z.enum(EXERCISE_TYPES),
  instructions: optional(4000),
  materials: optional(6000),
  formKey: optional(100),
  role: z.enum(QUESTIONNAIRE_ROLES),
  audiences: z.array(z.enum(AUDIENCES)),
});
type Values = z.input<typeof formSchema>;

function initialValues(item: LibraryItemView | undefined): Values {
  const content = item ? contentOf(item) : undefined;
  return {
    titleFr: item?.title.fr ?? '',
    titleEn: item?.title.en ?? '',
    titleBm: item?.title.bm ?? '',
    descriptionFr: item?.description.fr ?? '',
    descriptionEn: item?.description.en ?? '',
    descriptionBm: item?.description.bm ?? '',
    exerciseType: content?.kind === 'exercise' ? (content.exerciseType as Values['exerciseType']) : 'role_play',
    instructions: content?.kind === 'exercise' ? content.instructions : '',
    materials: content?.kind === 'exercise' ? content.materials.join('\n') : '',
    formKey: content?.kind === 'questionnaire' ? content.formKey : '',
    role: content?.kind === 'questionnaire' ? content.role : 'knowledge_test',
    audiences: (item?.audiences ?? []) as Values['audiences'],
  };
}

/** Texts by language, only those typed in; a description without French is no description. */
function texts(fr: string, en: string, bm: string): Record<string, string> {
  return Object.fromEntries(Object.entries({ fr, en, bm }).filter(([, v]) => v.trim()));
}

function toInput(kind: LibraryKind, v: Values, item: LibraryItemView | undefined) {
  const description = v.descriptionFr?.trim() ? texts(v.descriptionFr, v.descriptionEn ?? '', v.descriptionBm ?? '') : {};
  const content =
    kind === 'exercise'
      ? { kind, exerciseType: v.exerciseType, instructions: v.instructions ?? '', materials: (v.materials ?? '').split('\n').map((m) => m.trim()).filter(Boolean) }
      : kind === 'questionnaire'
        ? { kind, formKey: (v.formKey ?? '').trim(), role: v.role }
        : { kind };
  return {
    ...(item ? { itemId: item.id, expectedVersion: item.version } : {}),
    title: texts(v.titleFr, v.titleEn ?? '', v.titleBm ?? ''),
    description,
    content,
    audiences: v.audiences,
  };
}

interface Props {
  kind: LibraryKind;
  /** Absent: a new item. */
  item?: LibraryItemView;
  csrfToken: string;
  onDone(): void;
}

/** Add or edit a library item: title and description in French, optionally English and Bambara; an exercise's type, instructions, materials. */
export function LibraryItemForm({ kind, item, csrfToken, onDone }: Props) {
  const { locale, t } = useI18n();
  const queries = useQueryClient();
  const resolver = useMemo(() => zodResolver(formSchema, { error: (issue) => issueMessage(locale, issue) }), [locale]);
  const { register, handleSubmit, formState } = useForm<Values>({ resolver: resolver as never, defaultValues: initialValues(item) });
  const { errors } = formState;
  const save = useMutation({
    mutationFn: (values: Values) => command('activity_library.save', toInput(kind, values, item), locale, csrfToken),
    onSuccess: async () => {
      await queries.invalidateQueries({ queryKey: libraryKeys.all });
      onDone();
    },
  });
  const failure = save.error instanceof ApiFailure ? save.error.problem : undefined;
  const prefix = `library-${item?.id ?? `new-${kind}`}`;
  const heading = item ? t('activityLibrary.editName', { title: localized(item.title, locale) }) : t(`activityLibrary.new.${kind}` as MessageKey);
  const inLang = (lang: (typeof LANGS)[number], field: string) => t(lang === 'fr' ? 'activityLibrary.form.inFrench' : lang === 'en' ? 'activityLibrary.form.inEnglish' : 'activityLibrary.form.inBambara', { field });
  const capital = (lang: string) => lang[0]!.toUpperCase() + lang.slice(1);

  return (
    <form class="card library-form" noValidate aria-labelledby={`${prefix}-title`} onSubmit={handleSubmit((values) => save.mutate(values))}>
      <h2 id={`${prefix}-title`} class="library-item-title">
        {heading}
      </h2>
      <div class={failure ? 'form-error' : 'form-error is-empty'} role="alert">
        {failure && problemMessage(failure, locale)}
      </div>
      {LANGS.map((lang) => {
        const name = `title${capital(lang)}` as 'titleFr' | 'titleEn' | 'titleBm';
        return <TextField key={name} id={`${prefix}-${name}`} label={inLang(lang, t('activityLibrary.form.title'))} autoComplete="off" maxLength={200} registration={register(name)} error={errors[name]?.message} />;
      })}
      {LANGS.map((lang) => {
        const name = `description${capital(lang)}` as 'descriptionFr' | 'descriptionEn' | 'descriptionBm';
        return (
          <div class="field" key={name}>
            <label for={`${prefix}-${name}`}>{inLang(lang, t('activityLibrary.form.description'))}</label>
            <textarea id={`${prefix}-${name}`} rows={3} maxLength={4000} {...register(name)} />
          </div>
        );
      })}
      {kind === 'exercise' && (
        <>
          <div class="field">
            <label for={`${prefix}-type`}>{t('activityLibrary.form.exerciseType')}</label>
            <select id={`${prefix}-type`} {...register('exerciseType')}>
              {EXERCISE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(exerciseTypeLabel(type))}
                </option>
              ))}
            </select>
          </div>
          <div class="field">
            <label for={`${prefix}-instructions`}>{t('activityLibrary.form.instructions')}</label>
            <textarea id={`${prefix}-instructions`} rows={6} maxLength={4000} {...register('instructions')} />
          </div>
          <div class="field">
            <label for={`${prefix}-materials`}>{t('activityLibrary.form.materials')}</label>
            <textarea id={`${prefix}-materials`} rows={3} {...register('materials')} />
          </div>
        </>
      )}
      {kind === 'questionnaire' && (
        <>
          <TextField id={`${prefix}-formKey`} label={t('activityLibrary.form.formKey')} hint={t('activityLibrary.form.formKeyHint')} autoComplete="off" maxLength={100} registration={register('formKey')} error={errors.formKey?.message} />
          <div class="field">
            <label for={`${prefix}-role`}>{t('activityLibrary.form.role')}</label>
            <select id={`${prefix}-role`} {...register('role')}>
              {QUESTIONNAIRE_ROLES.map((role) => (
                <option key={role} value={role}>
                  {t(`activityLibrary.role.${role}`)}
                </option>
              ))}
            </select>
          </div>
        </>
      )}
      <fieldset class="field admin-choices">
        <legend>{t('activityLibrary.form.audiences')}</legend>
        {AUDIENCES.map((audience) => (
          <label key={audience} class="admin-check">
            <input type="checkbox" value={audience} {...register('audiences')} />
            <span>{t(audienceLabel(audience))}</span>
          </label>
        ))}
      </fieldset>
      <div class="library-item-actions">
        <button type="submit" class="button button-primary button-inline" disabled={save.isPending} aria-busy={save.isPending}>
          {t('activityLibrary.save')}
        </button>
        <button type="button" class="button button-secondary button-inline" onClick={onDone}>
          {t('activityLibrary.cancel')}
        </button>
      </div>
    </form>
  );
}
