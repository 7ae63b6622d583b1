import { describe, expect, it } from 'vitest';
import { CHILD_ASSENTS, CONSENT_GIVERS, CONSENT_LAYERS } from '../../domain/cases/consent.ts';
import { CHILD_ASSENT_CODES, CONSENT_GIVER_CODES, CONSENT_LAYER_CODES, regionName } from './labels.ts';

describe('case labels', () => {
  it('offer the same consent choices as the domain (copied to keep zod out of the case page)', () => {
    expect(CONSENT_LAYER_CODES).toEqual(CONSENT_LAYERS);
    expect(CONSENT_GIVER_CODES).toEqual(CONSENT_GIVERS);
    expect(CHILD_ASSENT_CODES).toEqual(CHILD_ASSENTS);
  });

  it('name a region by its post-reform P-code', () => {
    expect(regionName('ML01')).toBe('Kayes');
    expect(regionName('BF13')).toBe('Kadiogo');
  });
});
