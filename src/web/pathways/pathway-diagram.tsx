import { useState } from 'preact/hooks';
import { useI18n } from '../i18n/i18n.ts';
import { DIRECTORY_REGIONS, type Vocabulary } from '../directory/labels.ts';
import { type PathwayItem, diagramUrl } from './pathways-api.ts';

/**
 * The chart as the server draws it (the same SVG a partner downloads), with its steps in
 * words as the image's text alternative. Printing shows the chart alone, on A4 (pathways.css).
 * A region adds the organisations answering there, as a partner's wall chart would name them.
 */
export function PathwayDiagram({ pathway, vocabulary }: { pathway: PathwayItem; vocabulary: Vocabulary }) {
  const { locale, t } = useI18n();
  const [region, setRegion] = useState('');
  const named = new Set(pathway.steps.flatMap((s) => s.responsible.filter((r) => r.organisationIds.length > 0).map((r) => r.admin1Pcode)));
  const regions = DIRECTORY_REGIONS.filter((r) => named.has(r.pcode));
  const steps = pathway.steps.map((s, i) => t('pathways.diagram.step', { number: i + 1, service: vocabulary.term(s.serviceType), timing: t(`referrals.timing.${s.timing}`) }));
  const alt = t('pathways.diagram.alt', { group: vocabulary.term(pathway.targetGroup), steps: steps.join(' → ') });

  return (
    <section class="pathway-diagram" aria-labelledby="pathway-diagram-title">
      <h2 id="pathway-diagram-title" class="pathway-no-print">
        {t('pathways.diagram.heading')}
      </h2>
      <div class="pathway-no-print pathway-diagram-tools">
        {regions.length > 0 && (
          <div class="field">
            <label for="pathway-region">{t('pathways.diagram.region')}</label>
            <select id="pathway-region" value={region} onChange={(e) => setRegion(e.currentTarget.value)}>
              <option value="">{t('pathways.diagram.allRegions')}</option>
              {regions.map((r) => (
                <option key={r.pcode} value={r.pcode}>
                  {r.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="button" class="button button-secondary button-inline" onClick={() => window.print()}>
          {t('pathways.print')}
        </button>
      </div>
      <figure class="pathway-print">
        <img src={diagramUrl(pathway, locale, region)} alt={alt} width={794} height={1123} />
      </figure>
    </section>
  );
}
