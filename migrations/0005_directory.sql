CREATE TABLE "directory_addresses" (
	"id" uuid PRIMARY KEY NOT NULL,
	"location_id" uuid NOT NULL,
	"attention" text,
	"address_1" text NOT NULL,
	"address_2" text,
	"city" text NOT NULL,
	"region" text,
	"state_province" text NOT NULL,
	"postal_code" text DEFAULT '' NOT NULL,
	"country" text NOT NULL,
	"address_type" text DEFAULT 'physical' NOT NULL,
	CONSTRAINT "directory_addresses_type_check" CHECK ("directory_addresses"."address_type" in ('physical','postal','virtual')),
	CONSTRAINT "directory_addresses_country_check" CHECK ("directory_addresses"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "directory_attributes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"link_id" uuid NOT NULL,
	"link_entity" text NOT NULL,
	"link_type" text NOT NULL,
	"taxonomy_term_id" uuid NOT NULL,
	"value" text
);
--> statement-breakpoint
CREATE TABLE "directory_contacts" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid,
	"location_id" uuid,
	"name" text,
	"title" text,
	"department" text,
	"email" text,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_cost_options" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(14, 2),
	"currency" text DEFAULT 'XOF' NOT NULL,
	"amount_description" text,
	"valid_from" text,
	"valid_to" text,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "directory_cost_options_kind_check" CHECK ("directory_cost_options"."kind" in ('free','cost_shared','paid')),
	CONSTRAINT "directory_cost_options_amount_check" CHECK ("directory_cost_options"."amount" is null or "directory_cost_options"."amount" >= 0)
);
--> statement-breakpoint
CREATE TABLE "directory_languages" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid,
	"location_id" uuid,
	"code" text NOT NULL,
	"name" text,
	"note" text,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"location_type" text DEFAULT 'physical' NOT NULL,
	"name" text,
	"description" text,
	"transportation" text,
	"latitude" double precision,
	"longitude" double precision,
	"admin1_pcode" text,
	"admin2_pcode" text,
	"confidential" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directory_locations_type_check" CHECK ("directory_locations"."location_type" in ('physical','postal','virtual'))
);
--> statement-breakpoint
CREATE TABLE "directory_phones" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid,
	"location_id" uuid,
	"contact_id" uuid,
	"number" text NOT NULL,
	"extension" integer,
	"type" text,
	"description" text,
	"language_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_schedules" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid,
	"location_id" uuid,
	"service_at_location_id" uuid,
	"freq" text DEFAULT 'WEEKLY' NOT NULL,
	"byday" text NOT NULL,
	"opens_at" text NOT NULL,
	"closes_at" text NOT NULL,
	"valid_from" text,
	"valid_to" text,
	"description" text,
	"notes" text,
	"position" smallint DEFAULT 0 NOT NULL,
	CONSTRAINT "directory_schedules_freq_check" CHECK ("directory_schedules"."freq" in ('WEEKLY','MONTHLY')),
	CONSTRAINT "directory_schedules_times_check" CHECK ("directory_schedules"."opens_at" ~ '^[0-2][0-9]:[0-5][0-9]$' and "directory_schedules"."closes_at" ~ '^[0-2][0-9]:[0-5][0-9]$')
);
--> statement-breakpoint
CREATE TABLE "directory_service_areas" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"pcode" text NOT NULL,
	"admin_level" smallint NOT NULL,
	"name" text,
	"description" text,
	CONSTRAINT "directory_service_areas_level_check" CHECK ("directory_service_areas"."admin_level" in (1, 2))
);
--> statement-breakpoint
CREATE TABLE "directory_service_at_locations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"description" text
);
--> statement-breakpoint
CREATE TABLE "directory_service_capacities" (
	"id" uuid PRIMARY KEY NOT NULL,
	"service_id" uuid NOT NULL,
	"unit" text NOT NULL,
	"available" integer NOT NULL,
	"maximum" integer,
	"description" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directory_service_capacities_counts_check" CHECK ("directory_service_capacities"."available" >= 0 and ("directory_service_capacities"."maximum" is null or "directory_service_capacities"."maximum" >= 0))
);
--> statement-breakpoint
CREATE TABLE "directory_services" (
	"id" uuid PRIMARY KEY NOT NULL,
	"organisation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"alternate_name" text,
	"description" text,
	"url" text,
	"email" text,
	"status" text DEFAULT 'active' NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"interpretation_services" text,
	"application_process" text,
	"fees_description" text,
	"eligibility_description" text,
	"minimum_age" integer,
	"maximum_age" integer,
	"alert" text,
	"search_text" text DEFAULT '' NOT NULL,
	"sort_key" text DEFAULT '' NOT NULL,
	"last_verified_at" timestamp with time zone,
	"last_verified_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "directory_services_status_check" CHECK ("directory_services"."status" in ('active','inactive','defunct','temporarily closed')),
	CONSTRAINT "directory_services_visibility_check" CHECK ("directory_services"."visibility" in ('public','members')),
	CONSTRAINT "directory_services_ages_check" CHECK ("directory_services"."minimum_age" is null or "directory_services"."maximum_age" is null or "directory_services"."minimum_age" <= "directory_services"."maximum_age")
);
--> statement-breakpoint
CREATE TABLE "directory_taxonomies" (
	"id" uuid PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"labels" jsonb NOT NULL,
	"uri" text,
	"version" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "directory_taxonomy_terms" (
	"id" uuid PRIMARY KEY NOT NULL,
	"taxonomy_id" uuid NOT NULL,
	"code" text NOT NULL,
	"parent_id" uuid,
	"name" text NOT NULL,
	"description" text NOT NULL,
	"labels" jsonb NOT NULL,
	"term_uri" text,
	"active" boolean DEFAULT true NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "directory_addresses" ADD CONSTRAINT "directory_addresses_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_attributes" ADD CONSTRAINT "directory_attributes_taxonomy_term_id_directory_taxonomy_terms_id_fk" FOREIGN KEY ("taxonomy_term_id") REFERENCES "public"."directory_taxonomy_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_contacts" ADD CONSTRAINT "directory_contacts_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_contacts" ADD CONSTRAINT "directory_contacts_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_cost_options" ADD CONSTRAINT "directory_cost_options_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_languages" ADD CONSTRAINT "directory_languages_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_languages" ADD CONSTRAINT "directory_languages_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_locations" ADD CONSTRAINT "directory_locations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_phones" ADD CONSTRAINT "directory_phones_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_phones" ADD CONSTRAINT "directory_phones_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_phones" ADD CONSTRAINT "directory_phones_contact_id_directory_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."directory_contacts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_schedules" ADD CONSTRAINT "directory_schedules_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_schedules" ADD CONSTRAINT "directory_schedules_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_schedules" ADD CONSTRAINT "directory_schedules_service_at_location_id_directory_service_at_locations_id_fk" FOREIGN KEY ("service_at_location_id") REFERENCES "public"."directory_service_at_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_areas" ADD CONSTRAINT "directory_service_areas_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_at_locations" ADD CONSTRAINT "directory_service_at_locations_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_at_locations" ADD CONSTRAINT "directory_service_at_locations_location_id_directory_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."directory_locations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_service_capacities" ADD CONSTRAINT "directory_service_capacities_service_id_directory_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."directory_services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_services" ADD CONSTRAINT "directory_services_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "directory_taxonomy_terms" ADD CONSTRAINT "directory_taxonomy_terms_taxonomy_id_directory_taxonomies_id_fk" FOREIGN KEY ("taxonomy_id") REFERENCES "public"."directory_taxonomies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "directory_addresses_location_idx" ON "directory_addresses" USING btree ("location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_attributes_link_term_idx" ON "directory_attributes" USING btree ("link_entity","link_id","link_type","taxonomy_term_id");--> statement-breakpoint
CREATE INDEX "directory_attributes_term_idx" ON "directory_attributes" USING btree ("taxonomy_term_id");--> statement-breakpoint
CREATE INDEX "directory_contacts_service_idx" ON "directory_contacts" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_cost_options_service_idx" ON "directory_cost_options" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_languages_service_idx" ON "directory_languages" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_languages_code_idx" ON "directory_languages" USING btree ("code");--> statement-breakpoint
CREATE INDEX "directory_locations_organisation_idx" ON "directory_locations" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "directory_locations_admin1_idx" ON "directory_locations" USING btree ("admin1_pcode");--> statement-breakpoint
CREATE INDEX "directory_phones_service_idx" ON "directory_phones" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "directory_phones_location_idx" ON "directory_phones" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "directory_schedules_service_idx" ON "directory_schedules" USING btree ("service_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_service_areas_service_pcode_idx" ON "directory_service_areas" USING btree ("service_id","pcode");--> statement-breakpoint
CREATE INDEX "directory_service_areas_pcode_idx" ON "directory_service_areas" USING btree ("pcode");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_sal_service_location_idx" ON "directory_service_at_locations" USING btree ("service_id","location_id");--> statement-breakpoint
CREATE INDEX "directory_sal_location_idx" ON "directory_service_at_locations" USING btree ("location_id");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_service_capacities_service_unit_idx" ON "directory_service_capacities" USING btree ("service_id","unit");--> statement-breakpoint
CREATE INDEX "directory_services_organisation_idx" ON "directory_services" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "directory_services_search_idx" ON "directory_services" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "directory_services_sort_idx" ON "directory_services" USING btree ("sort_key","id");--> statement-breakpoint
CREATE INDEX "directory_services_updated_idx" ON "directory_services" USING btree ("updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_taxonomies_key_idx" ON "directory_taxonomies" USING btree ("key");--> statement-breakpoint
CREATE UNIQUE INDEX "directory_taxonomy_terms_code_idx" ON "directory_taxonomy_terms" USING btree ("taxonomy_id","code");--> statement-breakpoint
CREATE INDEX "directory_taxonomy_terms_parent_idx" ON "directory_taxonomy_terms" USING btree ("parent_id");