CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"state" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"location_pcode" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"details" jsonb NOT NULL,
	"organiser_ids" jsonb NOT NULL,
	"attendance_mode" text DEFAULT 'named' NOT NULL,
	"knowledge_test_form_key" text,
	"satisfaction_form_key" text,
	"summary" text DEFAULT '' NOT NULL,
	"recommendations" text DEFAULT '' NOT NULL,
	"cancel_reason" text,
	"based_on_activity_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"held_at" timestamp with time zone,
	"reported_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "activities_state_check" CHECK ("activities"."state" in ('planned','confirmed','held','reported','cancelled')),
	CONSTRAINT "activities_attendance_mode_check" CHECK ("activities"."attendance_mode" in ('named','anonymous')),
	CONSTRAINT "activities_dates_check" CHECK ("activities"."end_date" >= "activities"."start_date")
);
--> statement-breakpoint
CREATE TABLE "activity_evaluations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"participant_code" text,
	"form_key" text NOT NULL,
	"form_version" integer NOT NULL,
	"answers" jsonb NOT NULL,
	"score" double precision,
	"max_score" double precision,
	"source" text NOT NULL,
	"entered_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_evaluations_kind_check" CHECK ("activity_evaluations"."kind" in ('pre','post','satisfaction')),
	CONSTRAINT "activity_evaluations_source_check" CHECK ("activity_evaluations"."source" in ('online','paper'))
);
--> statement-breakpoint
CREATE TABLE "activity_head_counts" (
	"activity_id" uuid NOT NULL,
	"day" integer NOT NULL,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"category" text NOT NULL,
	"count" integer NOT NULL,
	CONSTRAINT "activity_head_counts_activity_id_day_sex_age_band_category_pk" PRIMARY KEY("activity_id","day","sex","age_band","category"),
	CONSTRAINT "activity_head_counts_count_check" CHECK ("activity_head_counts"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "activity_library_items" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"builtin_key" text,
	"title" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"content" jsonb NOT NULL,
	"audiences" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "activity_library_kind_check" CHECK ("activity_library_items"."kind" in ('theme','exercise','questionnaire'))
);
--> statement-breakpoint
CREATE TABLE "activity_participants" (
	"id" uuid PRIMARY KEY NOT NULL,
	"activity_id" uuid NOT NULL,
	"participant_code" text NOT NULL,
	"sex" text NOT NULL,
	"age_band" text NOT NULL,
	"category" text NOT NULL,
	"consent_to_be_named" boolean NOT NULL,
	"name_sealed" text,
	"days" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "activity_participants_named_check" CHECK ("activity_participants"."consent_to_be_named" or "activity_participants"."name_sealed" is null)
);
--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evaluations" ADD CONSTRAINT "activity_evaluations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_evaluations" ADD CONSTRAINT "activity_evaluations_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_head_counts" ADD CONSTRAINT "activity_head_counts_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_library_items" ADD CONSTRAINT "activity_library_items_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_participants" ADD CONSTRAINT "activity_participants_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "activities_organisation_start_idx" ON "activities" USING btree ("organisation_id","start_date");--> statement-breakpoint
CREATE INDEX "activities_start_idx" ON "activities" USING btree ("start_date");--> statement-breakpoint
CREATE INDEX "activity_evaluations_activity_idx" ON "activity_evaluations" USING btree ("activity_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_library_builtin_idx" ON "activity_library_items" USING btree ("builtin_key");--> statement-breakpoint
CREATE UNIQUE INDEX "activity_participants_code_idx" ON "activity_participants" USING btree ("activity_id","participant_code");