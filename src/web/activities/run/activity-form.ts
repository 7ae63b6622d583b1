import { useQuery } from '@tanstack/preact-query';
import type { FormDefinition } from '../../../domain/forms/definition.ts';
import { ApiFailure, type ApiProblem } from '../../api/client.ts';
import { formKeys, getVersion, listForms } from '../../forms/forms-api.ts';
import { useI18n } from '../../i18n/i18n.ts';

export interface ActivityForm {
  formId: string;
  version: number;
  definition: FormDefinition;
}

/**
 * The published version of a questionnaire named by its form key (the activity stores keys,
 * never ids): `missing` when no published form has that key.
 */
export function useActivityForm(formKey: string | null): { pending: boolean; problem?: ApiProblem; missing: boolean; form?: ActivityForm } {
  const { locale } = useI18n();
  const list = useQuery({ queryKey: formKeys.list, queryFn: () => listForms(locale), enabled: formKey !== null });
  const found = formKey === null ? undefined : list.data?.items.find((f) => f.formKey === formKey && f.publishedVersion !== null);
  const version = useQuery({
    queryKey: formKeys.version(found?.id ?? '', found?.publishedVersion ?? 0),
    queryFn: () => getVersion(found!.id, found!.publishedVersion!, locale),
    enabled: found !== undefined,
    staleTime: Infinity,
  });
  const failed = list.error ?? version.error;
  if (failed) return { pending: false, problem: failed instanceof ApiFailure ? failed.problem : { kind: 'network' }, missing: false };
  if (formKey === null) return { pending: false, missing: true };
  if (list.isPending) return { pending: true, missing: false };
  if (!found) return { pending: false, missing: true };
  if (!version.data) return { pending: true, missing: false };
  return { pending: false, missing: false, form: { formId: found.id, version: found.publishedVersion!, definition: version.data.definition } };
}
