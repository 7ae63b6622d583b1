import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../src/domain/i18n/locales.ts';
import { catalogues, translate } from '../../../src/domain/i18n/translate.ts';
import { NOTIFICATION_KINDS, NOTIFICATION_TEXT, notificationTextKey } from '../../../src/domain/notifications/kinds.ts';
import { absoluteLink, outgoingMessage } from '../../../src/domain/notifications/messages.ts';
import { markNotificationsReadInput, notificationSettingsInput, staffPhoneSchema } from '../../../src/domain/notifications/schemas.ts';

describe('notification words', () => {
  it('has a sentence for every kind in every language, Bambara not a copy of French', () => {
    for (const kind of NOTIFICATION_KINDS) {
      const key = NOTIFICATION_TEXT[kind];
      expect(key).toBe(`notifications.kind.${kind}`);
      for (const locale of LOCALES) expect(catalogues[locale][key], `${locale} ${key}`).toBeTruthy();
      expect(catalogues.bm[key]).not.toBe(catalogues.fr[key]);
    }
    expect(notificationTextKey('something_newer')).toBe('notifications.kind.other');
  });

  it('builds an absolute link under the public address, sub-folder included', () => {
    expect(absoluteLink('https://sira.example.org', '/referrals/abc')).toBe('https://sira.example.org/referrals/abc');
    expect(absoluteLink('https://gov.example.org/sira/', '/referrals/abc')).toBe('https://gov.example.org/sira/referrals/abc');
    expect(absoluteLink(null, '/referrals/abc')).toBeNull();
  });

  it('sends the sentence and the link only', () => {
    expect(outgoingMessage('fr', 'referral_accepted', 'https://s.example/referrals/1')).toEqual({
      subject: translate('fr', 'notifications.message.subject'),
      text: `${translate('fr', 'notifications.kind.referral_accepted')}\nOuvrir : https://s.example/referrals/1`,
    });
    expect(outgoingMessage('en', 'referral_overdue', null).text).toBe(`${translate('en', 'notifications.kind.referral_overdue')}\nSign in to Sira to see it.`);
  });
});

describe('notification inputs', () => {
  it('takes a staff phone in E.164, as people type it', () => {
    expect(staffPhoneSchema.parse('+223 70 11 22 33')).toBe('+22370112233');
    expect(staffPhoneSchema.parse('+226-70.11.22.33')).toBe('+22670112233');
    for (const wrong of ['70112233', '+0123456789', '+22', '+223 70 11 22 33 44 55 66', 'phone']) expect(staffPhoneSchema.safeParse(wrong).success, wrong).toBe(false);
    expect(notificationSettingsInput.parse({ email: true, smsPhone: null })).toEqual({ email: true, smsPhone: null });
  });

  it('marks by ids or all, never both or neither', () => {
    expect(markNotificationsReadInput.safeParse({ all: true }).success).toBe(true);
    expect(markNotificationsReadInput.safeParse({ ids: ['0190f3f0-0000-7000-8000-000000000000'] }).success).toBe(true);
    expect(markNotificationsReadInput.safeParse({ all: false }).success).toBe(false);
    expect(markNotificationsReadInput.safeParse({ ids: [] }).success).toBe(false);
    expect(markNotificationsReadInput.safeParse({}).success).toBe(false);
  });
});
