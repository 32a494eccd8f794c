CREATE TABLE "api_tokens" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "api_tokens_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"last_used_ip" text,
	"revoked_at" timestamp with time zone,
	"revoked_by" integer,
	CONSTRAINT "api_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "discipline_decisions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "discipline_decisions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"official_id" integer NOT NULL,
	"decision_date" date NOT NULL,
	"form" text NOT NULL,
	"number" text,
	"search" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "discipline_form_check" CHECK ("discipline_decisions"."form" in ('khien_trach', 'canh_cao', 'ha_bac_luong', 'giang_chuc', 'cach_chuc', 'buoc_thoi_viec'))
);
--> statement-breakpoint
CREATE TABLE "document_stats" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "document_stats_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"month" integer NOT NULL,
	"incoming_total" integer NOT NULL,
	"incoming_electronic" integer NOT NULL,
	"incoming_signed" integer NOT NULL,
	"outgoing_total" integer NOT NULL,
	"outgoing_electronic" integer NOT NULL,
	"outgoing_signed" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "document_stats_month_check" CHECK ("document_stats"."month" between 1 and 12),
	CONSTRAINT "document_stats_counts_check" CHECK ("document_stats"."incoming_electronic" between 0 and "document_stats"."incoming_total" and "document_stats"."incoming_signed" between 0 and "document_stats"."incoming_total" and "document_stats"."outgoing_electronic" between 0 and "document_stats"."outgoing_total" and "document_stats"."outgoing_signed" between 0 and "document_stats"."outgoing_total")
);
--> statement-breakpoint
CREATE TABLE "dossiers" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "dossiers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"code" text NOT NULL,
	"applicant" text,
	"procedure_name" text NOT NULL,
	"field" text NOT NULL,
	"channel" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_has_time" boolean NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_has_time" boolean NOT NULL,
	"result_at" timestamp with time zone,
	"result_has_time" boolean NOT NULL,
	"apology_date" date,
	"search" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dossiers_channel_check" CHECK ("dossiers"."channel" in ('truc_tiep', 'truc_tuyen', 'buu_chinh'))
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "feedback_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"code" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"received_has_time" boolean NOT NULL,
	"channel" text NOT NULL,
	"summary" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_has_time" boolean NOT NULL,
	"answered_at" timestamp with time zone,
	"answered_has_time" boolean NOT NULL,
	"result" text,
	"search" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "officials" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "officials_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"position" text NOT NULL,
	"in_post_from" date,
	"in_post_to" date,
	"email" text,
	"email_in_use" boolean NOT NULL,
	"search" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "officials_in_post_order" CHECK ("officials"."in_post_from" <= "officials"."in_post_to")
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "procedures_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"field" text NOT NULL,
	"in_force_from" date,
	"in_force_to" date,
	"published_at_one_stop" boolean NOT NULL,
	"published_on_website" boolean NOT NULL,
	"search" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "procedures_in_force_order" CHECK ("procedures"."in_force_from" <= "procedures"."in_force_to")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "reports_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"title" text NOT NULL,
	"period_covered" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"due_has_time" boolean NOT NULL,
	"sent_at" timestamp with time zone,
	"sent_has_time" boolean NOT NULL,
	"search" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD CONSTRAINT "discipline_decisions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "discipline_decisions" ADD CONSTRAINT "discipline_decisions_official_id_officials_id_fk" FOREIGN KEY ("official_id") REFERENCES "public"."officials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_stats" ADD CONSTRAINT "document_stats_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dossiers" ADD CONSTRAINT "dossiers_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officials" ADD CONSTRAINT "officials_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "procedures" ADD CONSTRAINT "procedures_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "api_tokens_unit_idx" ON "api_tokens" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "discipline_decisions_key" ON "discipline_decisions" USING btree ("unit_id","official_id","decision_date");--> statement-breakpoint
CREATE INDEX "discipline_decisions_official_idx" ON "discipline_decisions" USING btree ("official_id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_stats_unit_month_key" ON "document_stats" USING btree ("unit_id","year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "dossiers_unit_code_key" ON "dossiers" USING btree ("unit_id","code");--> statement-breakpoint
CREATE INDEX "dossiers_unit_received_idx" ON "dossiers" USING btree ("unit_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_unit_code_key" ON "feedback" USING btree ("unit_id","code");--> statement-breakpoint
CREATE INDEX "feedback_unit_received_idx" ON "feedback" USING btree ("unit_id","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "officials_unit_name_key" ON "officials" USING btree ("unit_id","name_key");--> statement-breakpoint
CREATE UNIQUE INDEX "procedures_unit_code_key" ON "procedures" USING btree ("unit_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_unit_title_period_key" ON "reports" USING btree ("unit_id","title","period_covered");--> statement-breakpoint
CREATE INDEX "reports_unit_due_idx" ON "reports" USING btree ("unit_id","due_at");