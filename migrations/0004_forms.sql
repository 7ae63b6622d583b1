CREATE TABLE "form_versions" (
	"form_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"published_at" timestamp with time zone,
	CONSTRAINT "form_versions_form_id_version_pk" PRIMARY KEY("form_id","version"),
	CONSTRAINT "form_versions_status_check" CHECK ("form_versions"."status" in ('draft','published','retired')),
	CONSTRAINT "form_versions_version_check" CHECK ("form_versions"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "forms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"form_key" text NOT NULL,
	"title" jsonb NOT NULL,
	"latest_version" integer NOT NULL,
	"published_version" integer,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "form_versions" ADD CONSTRAINT "form_versions_form_id_forms_id_fk" FOREIGN KEY ("form_id") REFERENCES "public"."forms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "forms_form_key_idx" ON "forms" USING btree ("form_key");