DROP INDEX "referrals_inbox_idx";--> statement-breakpoint
DROP INDEX "referrals_outgoing_idx";--> statement-breakpoint
CREATE INDEX "referrals_inbox_closed_idx" ON "referrals" USING btree ("to_organisation_id","closed_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "referrals_outgoing_closed_idx" ON "referrals" USING btree ("from_organisation_id","closed_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "referrals_inbox_idx" ON "referrals" USING btree ("to_organisation_id","state","answer_due_at","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_outgoing_idx" ON "referrals" USING btree ("from_organisation_id","state","answer_due_at","sent_at");