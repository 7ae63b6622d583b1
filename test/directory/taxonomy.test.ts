import { describe, expect, it } from 'vitest';
import { SEED_TAXONOMIES, taxonomyId, termId } from '../../src/domain/directory/taxonomy.ts';
import { SERVICE_CATEGORIES } from '../../src/web/ui/pictograms.ts';

/** The shipped taxonomies are data other installations rely on: codes, ids and labels are checked here. */
describe('NRM taxonomies', () => {
  it.each(SEED_TAXONOMIES.map((t) => [t.key, t] as const))('%s: unique codes, parents one level up, stable ids', (_key, taxonomy) => {
    const codes = taxonomy.terms.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const term of taxonomy.terms) {
      expect(term.code).toMatch(/^[a-z][a-z0-9_]{1,59}$/);
      if (term.parent) {
        const parent = taxonomy.terms.find((t) => t.code === term.parent);
        expect(parent, term.code).toBeDefined();
        expect(parent?.parent, term.code).toBeUndefined();
      }
      if (term.pictogram) expect(Object.keys(SERVICE_CATEGORIES), term.code).toContain(term.pictogram);
    }
    // Derived ids never change: an HSDS consumer or an import may hold them.
    expect(termId('nrm_service_types', 'food')).toBe(termId('nrm_service_types', 'food'));
    expect(termId('nrm_service_types', 'food')).not.toBe(termId('nrm_target_groups', 'food'));
    expect(taxonomyId(taxonomy.key)).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('names and describes every term in French, English and Bambara, the Bambara not copying the French', () => {
    for (const taxonomy of SEED_TAXONOMIES) {
      for (const item of [taxonomy, ...taxonomy.terms]) {
        for (const labels of [item.name, item.description]) {
          for (const text of [labels.fr, labels.en, labels.bm]) expect(text.trim().length).toBeGreaterThan(0);
          expect(labels.bm, labels.fr).not.toBe(labels.fr);
        }
      }
    }
  });

  it('covers the assistance types of DOMAIN.md §2 and the target groups of the issue', () => {
    const codes = new Set(SEED_TAXONOMIES.flatMap((t) => t.terms.map((x) => x.code)));
    for (const code of ['food', 'medical', 'psychosocial', 'non_food_items', 'shelter', 'vulnerability_screening', 'family_tracing', 'voluntary_return', 'reintegration_economic', 'reintegration_social', 'reintegration_psychosocial', 'legal_aid', 'documentation', 'education', 'vocational_training', 'child_protection', 'best_interests_procedure', 'transport', 'interpretation']) {
      expect(codes, code).toContain(code);
    }
    for (const code of ['victim_of_trafficking', 'unaccompanied_separated_child', 'returnee', 'stranded_migrant', 'gbv_survivor', 'person_with_disability']) expect(codes, code).toContain(code);
  });
});
