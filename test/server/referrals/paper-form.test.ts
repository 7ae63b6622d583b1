import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/domain/i18n/locales.ts';
import { translate } from '../../../src/domain/i18n/translate.ts';
import { type PaperReferralForm, renderReferralFormPdf } from '../../../src/server/referrals/paper-form.ts';

/** Text as a reader sees it: wrapped lines joined again. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const tr = (locale: Locale, key: string, values?: Record<string, string | number>) => translate(locale, `referralForm.${key}`, values);

/** Synthetic people and places only. */
function form(overrides: Partial<PaperReferralForm> = {}, data: Partial<PaperReferralForm['data']> = {}): PaperReferralForm {
  return {
    referenceCode: 'REF-7K3M-Q9',
    sentAt: new Date('2026-11-20T09:30:00Z'),
    answerDueAt: new Date('2026-11-23T09:30:00Z'),
    urgency: 'urgent',
    serviceType: 'shelter',
    serviceTypeLabel: 'Hébergement',
    serviceName: 'Centre d’accueil de Ségou',
    locationName: 'Quartier Pélengana',
    from: { organisationName: 'Association Kɔnɔ Sigi', referrerName: 'Awa Traoré' },
    to: { organisationName: 'Centre Ɲɛtaa' },
    reason: 'Besoin d’un abri ce soir, voyage vers Bamako interrompu.',
    ...overrides,
    data: {
      caseCode: 'ML-2026-00042-7',
      ageBand: '15-17',
      sex: 'female',
      language: 'bm',
      region: 'Ségou',
      isChild: true,
      name: null,
      phone: null,
      caregiverContact: { name: 'Kadiatou Keïta', phone: '+223 70 00 11 22' },
      ...data,
    },
  };
}

async function textOf(f: PaperReferralForm, locale: Locale) {
  const pdf = await renderReferralFormPdf(f, locale);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { text, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return { text: flat(text), totalPages };
}

describe('paper referral form', () => {
  for (const locale of ['fr', 'en', 'bm'] as const) {
    it(`prints the reference, the minimal data set and the return slip in ${locale}`, async () => {
      const { text, totalPages } = await textOf(form(), locale);
      // The usual form, slip included, is one sheet.
      expect(totalPages).toBe(1);
      expect(text).toContain(tr(locale, 'title'));
      expect(text).toContain('REF-7K3M-Q9');
      for (const heading of ['section.parties', 'section.service', 'section.person', 'section.reason', 'section.returnSlip', 'slip.accepted', 'slip.declined', 'slip.given', 'slip.notGiven', 'slip.signature']) {
        expect(text, heading).toContain(tr(locale, heading));
      }
      expect(text).toContain(tr(locale, 'confidential'));
      expect(text).toContain(tr(locale, 'urgency.urgent'));
      // Each minimal field's value, in words.
      expect(text).toContain('ML-2026-00042-7');
      expect(text).toContain(tr(locale, 'field', { label: tr(locale, 'person.ageBand'), value: tr(locale, 'ageBand', { band: '15-17' }) }));
      expect(text).toContain(tr(locale, 'field', { label: tr(locale, 'person.sex'), value: tr(locale, 'sex.female') }));
      expect(text).toContain(tr(locale, 'field', { label: tr(locale, 'person.region'), value: 'Ségou' }));
      expect(text).toContain('Kadiatou Keïta');
      expect(text).toContain('+223 70 00 11 22');
      expect(text).toContain('Association Kɔnɔ Sigi');
      expect(text).toContain('Centre Ɲɛtaa');
      expect(text).toContain('Centre d’accueil de Ségou');
      expect(text).toContain('Quartier Pélengana');
      expect(text).toContain('Hébergement');
      expect(text).toContain('voyage vers Bamako interrompu');
    });
  }

  it('formats dates in the locale and keeps Bambara letters', async () => {
    const fr = (await textOf(form(), 'fr')).text;
    const en = (await textOf(form(), 'en')).text;
    const bm = (await textOf(form(), 'bm')).text;
    expect(fr).toContain('23 novembre 2026');
    expect(en).toContain('23 November 2026');
    for (const word of [tr('bm', 'title'), tr('bm', 'section.person'), tr('bm', 'slip.signature'), tr('bm', 'confidential')]) expect(bm).toContain(word);
    expect(bm).toMatch(/[ɛɔɲŋƐƆƝŊ]/);
    expect(bm).not.toContain(tr('fr', 'section.person'));
  });

  it('prints name and phone only when the data set carries them, and nothing beyond it', async () => {
    const without = (await textOf(form(), 'fr')).text;
    expect(without).not.toContain(`${tr('fr', 'person.name')} :`);
    expect(without).not.toContain(`${tr('fr', 'person.phone')} :`);
    const withIdentity = (await textOf(form({}, { name: 'Aminata Diarra', phone: '+223 76 12 34 56' }), 'fr')).text;
    expect(withIdentity).toContain(tr('fr', 'field', { label: tr('fr', 'person.name'), value: 'Aminata Diarra' }));
    expect(withIdentity).toContain(tr('fr', 'field', { label: tr('fr', 'person.phone'), value: '+223 76 12 34 56' }));
    expect(without).not.toContain('Aminata');
  });

  it('says "not provided" for an absent field, and prints no caregiver for an adult', async () => {
    const adult = form({}, { ageBand: '25-59', isChild: false, language: null, caregiverContact: null });
    adult.from = { organisationName: 'Association Kɔnɔ Sigi', referrerName: null };
    const { text } = await textOf(adult, 'en');
    expect(text).toContain(tr('en', 'field', { label: tr('en', 'person.language'), value: tr('en', 'notProvided') }));
    expect(text).toContain(tr('en', 'field', { label: tr('en', 'referrer'), value: tr('en', 'notProvided') }));
    expect(text).not.toContain(tr('en', 'person.caregiverName'));
    expect(text).not.toContain('Kadiatou');
    expect(text).toContain(tr('en', 'field', { label: tr('en', 'person.child'), value: tr('en', 'no') }));
  });

  it('keeps the return slip whole when a long reason pushes it to a second page', async () => {
    const pdf = await renderReferralFormPdf(form({ reason: 'Situation à préciser avec la personne, trajet et besoins. '.repeat(9) }), 'fr');
    const { text: pages, totalPages } = await extractText(new Uint8Array(pdf), { mergePages: false });
    expect(totalPages).toBe(2);
    const [first, second] = pages.map(flat);
    expect(first).toContain('trajet et besoins');
    expect(first).not.toContain(tr('fr', 'section.returnSlip'));
    for (const key of ['section.returnSlip', 'slip.accepted', 'slip.notGiven', 'slip.signature']) expect(second).toContain(tr('fr', key));
    for (const page of [first!, second!]) expect(page).toContain(tr('fr', 'confidential'));
    expect(second).toContain(tr('fr', 'page', { reference: 'REF-7K3M-Q9', page: 2, pages: 2 }));
  });
});
