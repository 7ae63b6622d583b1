CREATE TABLE "blind_index_keys" (
	"id" text PRIMARY KEY NOT NULL,
	"sealed" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_blind_indexes" (
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"hmac" text NOT NULL,
	CONSTRAINT "case_blind_indexes_kind_hmac_case_id_pk" PRIMARY KEY("kind","hmac","case_id")
);
--> statement-breakpoint
CREATE TABLE "case_code_counters" (
	"prefix" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "case_link_requests" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"other_case_id" uuid NOT NULL,
	"score" real NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "case_link_requests_status_check" CHECK ("case_link_requests"."status" in ('pending','merged','dismissed'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"case_code" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"category" text NOT NULL,
	"risk_level" text NOT NULL,
	"trafficking_status" text,
	"child_status" text,
	"is_child" boolean NOT NULL,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"nationality" text,
	"preferred_language" text,
	"region_pcode" text NOT NULL,
	"data_key" text,
	"identity" text,
	"photo" text,
	"registered_by" uuid,
	"registered_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"last_activity_at" timestamp with time zone NOT NULL,
	"merged_into" uuid,
	"merged_at" timestamp with time zone,
	"anonymised_at" timestamp with time zone,
	CONSTRAINT "cases_status_check" CHECK ("cases"."status" in ('open','merged','anonymised')),
	CONSTRAINT "cases_risk_check" CHECK ("cases"."risk_level" in ('high','medium','low'))
);
--> statement-breakpoint
CREATE TABLE "consent_overrides" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"service_type" text,
	"reason" text,
	"overridden_by" uuid,
	"overridden_at" timestamp with time zone NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"layer" text NOT NULL,
	"decision" text NOT NULL,
	"organisation_id" uuid,
	"service_type" text,
	"given_by" text NOT NULL,
	"child_assent" text NOT NULL,
	"language" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	CONSTRAINT "consents_layer_check" CHECK ("consents"."layer" in ('services','disclosure','reporting')),
	CONSTRAINT "consents_decision_check" CHECK ("consents"."decision" in ('granted','refused'))
);
--> statement-breakpoint
CREATE TABLE "dedupe_name_counts" (
	"kind" text NOT NULL,
	"hmac" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "dedupe_name_counts_kind_hmac_pk" PRIMARY KEY("kind","hmac")
);
--> statement-breakpoint
CREATE TABLE "disclosures" (
	"id" uuid PRIMARY KEY NOT NULL,
	"case_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"service_type" text,
	"fields" jsonb NOT NULL,
	"basis" text NOT NULL,
	"override_id" uuid,
	"disclosed_by" uuid,
	"disclosed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "disclosures_basis_check" CHECK ("disclosures"."basis" in ('consent','override'))
);
--> statement-breakpoint
CREATE TABLE "form_submissions" (
	"id" uuid PRIMARY KEY NOT NULL,
	"form_id" uuid NOT NULL,
	"form_version" integer NOT NULL,
	"case_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"answers" text,
	"summary" jsonb,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "case_blind_indexes" ADD CONSTRAINT "case_blind_indexes_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_requests" ADD CONSTRAINT "case_link_requests_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_requests" ADD CONSTRAINT "case_link_requests_other_case_id_cases_id_fk" FOREIGN KEY ("other_case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_requests" ADD CONSTRAINT "case_link_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_link_requests" ADD CONSTRAINT "case_link_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_overrides" ADD CONSTRAINT "consent_overrides_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_overrides" ADD CONSTRAINT "consent_overrides_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_overrides" ADD CONSTRAINT "consent_overrides_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_overrides" ADD CONSTRAINT "consent_overrides_overridden_by_users_id_fk" FOREIGN KEY ("overridden_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_overrides" ADD CONSTRAINT "consent_overrides_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_override_id_consent_overrides_id_fk" FOREIGN KEY ("override_id") REFERENCES "public"."consent_overrides"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disclosures" ADD CONSTRAINT "disclosures_disclosed_by_users_id_fk" FOREIGN KEY ("disclosed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_case_id_cases_id_fk" FOREIGN KEY ("case_id") REFERENCES "public"."cases"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "form_submissions" ADD CONSTRAINT "form_submissions_form_id_form_version_form_versions_form_id_version_fk" FOREIGN KEY ("form_id","form_version") REFERENCES "public"."form_versions"("form_id","version") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_blind_indexes_case_idx" ON "case_blind_indexes" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "case_link_requests_status_idx" ON "case_link_requests" USING btree ("status","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "case_link_requests_pair_idx" ON "case_link_requests" USING btree ("case_id","other_case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_code_idx" ON "cases" USING btree ("case_code");--> statement-breakpoint
CREATE INDEX "cases_organisation_idx" ON "cases" USING btree ("organisation_id","registered_at");--> statement-breakpoint
CREATE INDEX "consent_overrides_review_idx" ON "consent_overrides" USING btree ("reviewed_at","overridden_at");--> statement-breakpoint
CREATE INDEX "consents_case_idx" ON "consents" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "disclosures_case_idx" ON "disclosures" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "form_submissions_case_idx" ON "form_submissions" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "form_submissions_form_idx" ON "form_submissions" USING btree ("form_id","form_version");--> statement-breakpoint
CREATE INDEX "audit_events_target_ids_idx" ON "audit_events" USING gin ("target_ids");