import './messages.ts';
import './pathways.css';
import { useQuery } from '@tanstack/preact-query';
import { useLocation, useRoute } from 'preact-iso/router';
import { useState } from 'preact/hooks';
import { formatDate } from '../i18n/format.ts';
import { useI18n } from '../i18n/i18n.ts';
import { hasAbility } from '../identity/session.ts';
import { useSession } from '../identity/session-store.tsx';
import { Page } from '../shell/page.tsx';
import { QueryView } from '../ui/query-view.tsx';
import { type TermChoice, type Vocabulary, useVocabulary } from '../directory/labels.ts';
import { PathwayDiagram } from './pathway-diagram.tsx';
import { PathwayEditor } from './pathway-editor.tsx';
import { type PathwayItem, type PathwayList, listPathways, pathwayKeys, pathwayPath } from './pathways-api.ts';

/**
 * The referral pathways: one per target group, shown as the wall chart partners print, and
 * edited here by the coordinator. The chosen group is in the address (`?group=`), so a chart
 * can be linked to and survives a reload.
 */
export function PathwaysPage() {
  const { locale, t } = useI18n();
  const { state } = useSession();
  const group = useRoute().query.group ?? '';
  const pathways = useQuery({ queryKey: pathwayKeys.list, queryFn: () => listPathways(locale) });
  const vocabulary = useVocabulary();
  if (state.status !== 'signedIn') return null;
  const canManage = hasAbility(state.user, 'pathway.manage');

  return (
    <Page id="pathways-title" title={t('pathways.title')}>
      <QueryView query={pathways}>
        {(data) => {
          if (!group) return <PathwayChoice data={data} vocabulary={vocabulary} canManage={canManage} />;
          const pathway = data.items.find((p) => p.targetGroup === group);
          if (pathway) return <PathwayView key={group} pathway={pathway} data={data} vocabulary={vocabulary} canManage={canManage} />;
          return canManage && vocabulary.targetGroups.some((c) => c.code === group) ? (
            <NewPathway key={group} targetGroup={group} vocabulary={vocabulary} />
          ) : (
            <>
              <p class="card">{t('pathways.notFound')}</p>
              <BackLink />
            </>
          );
        }}
      </QueryView>
    </Page>
  );
}

function BackLink() {
  const { t } = useI18n();
  return (
    <p class="page-link pathway-no-print">
      <a href={pathwayPath()}>{t('pathways.back')}</a>
    </p>
  );
}

function PathwayStatus({ pathway }: { pathway: PathwayItem }) {
  const { locale, t } = useI18n();
  return <span>{pathway.isDefault || !pathway.updatedAt ? t('pathways.status.default') : t('pathways.status.edited', { date: formatDate(locale, pathway.updatedAt) })}</span>;
}

function PathwayChoice({ data, vocabulary, canManage }: { data: PathwayList; vocabulary: Vocabulary; canManage: boolean }) {
  const { t } = useI18n();
  const without = vocabulary.targetGroups.filter((c) => !data.items.some((p) => p.targetGroup === c.code));
  return (
    <>
      <p class="hint">{t('pathways.intro')}</p>
      {canManage && without.length > 0 && <NewPathwayChoice choices={without} />}
      <h2 id="pathway-groups">{t('pathways.groups')}</h2>
      {data.items.length === 0 && <p class="card">{t('pathways.none')}</p>}
      <ul class="admin-list pathway-groups" aria-labelledby="pathway-groups">
        {data.items.map((p) => (
          <li key={p.targetGroup} class="card">
            <a class="pathway-group-link" href={pathwayPath(p.targetGroup)}>
              {vocabulary.term(p.targetGroup)}
            </a>
            <p>
              {t('pathways.stepCount', { count: p.steps.length })} · <PathwayStatus pathway={p} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

interface ViewProps {
  pathway: PathwayItem;
  data: PathwayList;
  vocabulary: Vocabulary;
  canManage: boolean;
}

function PathwayView({ pathway, data, vocabulary, canManage }: ViewProps) {
  const { t } = useI18n();
  const [editing, setEditing] = useState(false);
  const [done, setDone] = useState('');

  return (
    <>
      <BackLink />
      <h2 class="pathway-no-print">{vocabulary.term(pathway.targetGroup)}</h2>
      <p class="pathway-no-print">
        {t('pathways.stepCount', { count: pathway.steps.length })} · <PathwayStatus pathway={pathway} />
      </p>
      <p class="saved pathway-no-print" role="status">
        {done}
      </p>
      {canManage &&
        (editing ? (
          <PathwayEditor
            pathway={pathway}
            known={data.organisations}
            vocabulary={vocabulary}
            onDone={(message) => {
              setEditing(false);
              setDone(message);
            }}
          />
        ) : (
          <button
            type="button"
            class="button button-primary button-inline pathway-no-print"
            onClick={() => {
              setDone('');
              setEditing(true);
            }}
          >
            {t('pathways.editor.open')}
          </button>
        ))}
      <PathwayDiagram pathway={pathway} vocabulary={vocabulary} />
    </>
  );
}

/** A coordinator starts a pathway for a target group that has none (one the taxonomy gained, say). */
function NewPathwayChoice({ choices }: { choices: readonly TermChoice[] }) {
  const { t } = useI18n();
  const location = useLocation();
  const [chosen, setChosen] = useState(choices[0]?.code ?? '');
  return (
    <form
      class="card"
      aria-labelledby="pathway-new-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (chosen) location.route(pathwayPath(chosen));
      }}
    >
      <h2 id="pathway-new-title">{t('pathways.new.heading')}</h2>
      <div class="field">
        <label for="pathway-new-group">{t('pathways.new.targetGroup')}</label>
        <select id="pathway-new-group" value={chosen} onChange={(e) => setChosen(e.currentTarget.value)}>
          {choices.map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" class="button button-secondary">
        {t('pathways.new.create')}
      </button>
    </form>
  );
}

/** The editor on an empty pathway; once saved, the list holds it and the page shows its chart. */
function NewPathway({ targetGroup, vocabulary }: { targetGroup: string; vocabulary: Vocabulary }) {
  const location = useLocation();
  const draft: PathwayItem = { targetGroup, steps: [], version: 0, isDefault: true, updatedAt: null };
  return (
    <>
      <BackLink />
      <h2>{vocabulary.term(targetGroup)}</h2>
      <PathwayEditor pathway={draft} known={[]} vocabulary={vocabulary} onDone={(message) => {
          if (!message) location.route(pathwayPath());
        }}
      />
    </>
  );
}
