import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SiraError } from '../../domain/errors/catalogue.ts';
import { LOCALES } from '../../domain/i18n/locales.ts';
import type { Urgency } from '../../domain/referrals/lifecycle.ts';
import { appendAudit } from '../audit/append.ts';
import { now } from '../clock.ts';
import type { SecretBox } from '../crypto/secret-box.ts';
import type { Db } from '../db/client.ts';
import { cases, users } from '../db/schema/index.ts';
import { errorBodySchema } from '../http/error-body.ts';
import { readableReferral } from './detail.ts';
import { minimalReferralData, shownFields } from './minimal-data.ts';
import { renderReferralFormPdf } from './paper-form.ts';
import { termNames } from '../directory/term-names.ts';
import { summarise } from './queries.ts';
import { openReferralText, referralReasonContext } from './sealed.ts';

/**
 * The paper referral form, for a partner who works on paper: the referrer prints it in the
 * receiver's language and hands it over with the person. It carries the minimal data set only,
 * exactly as the receiver would see it on screen, and printing it is audited.
 */
export function referralPaperRoute(app: FastifyInstance, db: Db, secrets: () => SecretBox): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/referrals/:id/form.pdf',
    {
      config: { policy: 'referral.read' },
      schema: {
        summary: 'The printable referral form (PDF) in French, English or Bambara: minimal data set, reference code, and a return slip. Referrer side; audited.',
        tags: ['referrals'],
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ lang: z.enum(LOCALES).optional() }).strict(),
        response: { 401: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request, reply) => {
      const { actor, row, side } = await readableReferral(db, request, request.params.id);
      // The receiver reads the referral on screen; the form is the referrer's to hand over.
      if (side !== 'referrer') throw new SiraError('NOT_FOUND');
      const locale = request.query.lang ?? request.locale;
      const at = now();
      const pdf = await db.transaction(async (tx) => {
        const [caseRow] = await tx.select().from(cases).where(eq(cases.id, row.caseId));
        if (!caseRow) throw new SiraError('NOT_FOUND');
        const box = secrets();
        const data = await minimalReferralData(tx, box, row, caseRow, at);
        const [summary] = await summarise(tx, [row], at, true);
        const referrer = row.createdBy ? (await tx.select({ name: users.displayName }).from(users).where(eq(users.id, row.createdBy)))[0]?.name ?? null : null;
        const labels = await termNames(tx, locale);
        await appendAudit(tx, { type: 'referral.form_printed', actor, requestId: request.id, targetType: 'referral', targetIds: [row.id, row.caseId], data: { locale, fields: shownFields(data) } });
        return renderReferralFormPdf(
          {
            referenceCode: row.referenceCode,
            sentAt: row.sentAt,
            answerDueAt: row.answerDueAt,
            urgency: row.urgency as Urgency,
            serviceType: row.serviceType,
            serviceTypeLabel: labels.get(row.serviceType) ?? row.serviceType,
            serviceName: summary!.serviceName,
            locationName: summary!.locationName,
            from: { organisationName: summary!.fromOrganisationName, referrerName: referrer },
            to: { organisationName: summary!.toOrganisationName },
            data,
            reason: openReferralText(box, caseRow, row.reason, referralReasonContext(row.id)) ?? '',
          },
          locale,
        );
      });
      return (reply as FastifyReply)
        .type('application/pdf')
        .header('Content-Disposition', `inline; filename="${row.referenceCode}.pdf"`)
        .header('Cache-Control', 'private, no-store')
        .send(pdf);
    },
  );
}
