CREATE TABLE "files" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "files_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"sha256" text NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"original_name" text NOT NULL,
	"uploaded_by" integer NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_amendments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_amendments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"amended_by" integer NOT NULL,
	"amended_at" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"changes" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_task_files" (
	"task_id" integer NOT NULL,
	"file_id" integer NOT NULL,
	"attached_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_task_files_task_id_file_id_pk" PRIMARY KEY("task_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "plan_tasks" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plan_tasks_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"plan_id" integer NOT NULL,
	"unit_id" integer NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"area_key" text,
	"criteria_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"assignee_id" integer,
	"responsible_unit" text,
	"start_date" date,
	"due_at" timestamp with time zone NOT NULL,
	"due_has_time" boolean NOT NULL,
	"status" text DEFAULT 'todo' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"done_at" timestamp with time zone,
	"done_has_time" boolean DEFAULT false NOT NULL,
	"done_recorded_by" integer,
	"done_recorded_at" timestamp with time zone,
	"result_note" text,
	"points_at_stake" numeric(8, 2),
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_tasks_progress_check" CHECK ("plan_tasks"."progress" between 0 and 100),
	CONSTRAINT "plan_tasks_kind_check" CHECK ("plan_tasks"."kind" in ('plan', 'propaganda', 'self_inspection', 'it_plan', 'tthc_review', 'assigned')),
	CONSTRAINT "plan_tasks_status_check" CHECK ("plan_tasks"."status" in ('todo', 'doing', 'done')),
	CONSTRAINT "plan_tasks_done_check" CHECK (("plan_tasks"."status" = 'done') = ("plan_tasks"."done_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "plans_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"number" text,
	"symbol" text NOT NULL,
	"issued_date" date,
	"place" text NOT NULL,
	"parent_body" text,
	"issuing_body" text NOT NULL,
	"title" text NOT NULL,
	"preamble" text NOT NULL,
	"purposes" jsonb NOT NULL,
	"requirements" jsonb NOT NULL,
	"areas" jsonb NOT NULL,
	"duties" jsonb NOT NULL,
	"closing" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"sign_authority" text NOT NULL,
	"signer_title" text NOT NULL,
	"signer_name" text NOT NULL,
	"issued_by" integer,
	"issued_at" timestamp with time zone,
	"created_by" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_unit_year_unique" UNIQUE("unit_id","year"),
	CONSTRAINT "plans_status_check" CHECK ("plans"."status" in ('draft', 'issued')),
	CONSTRAINT "plans_issued_check" CHECK ("plans"."status" = 'draft' or ("plans"."issued_at" is not null and "plans"."issued_date" is not null))
);
--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_amendments" ADD CONSTRAINT "plan_amendments_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_amendments" ADD CONSTRAINT "plan_amendments_amended_by_users_id_fk" FOREIGN KEY ("amended_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_files" ADD CONSTRAINT "plan_task_files_task_id_plan_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."plan_tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_task_files" ADD CONSTRAINT "plan_task_files_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_tasks" ADD CONSTRAINT "plan_tasks_done_recorded_by_users_id_fk" FOREIGN KEY ("done_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "files_unit_idx" ON "files" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "files_sha256_idx" ON "files" USING btree ("sha256");--> statement-breakpoint
CREATE INDEX "plan_amendments_plan_idx" ON "plan_amendments" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "plan_task_files_file_idx" ON "plan_task_files" USING btree ("file_id");--> statement-breakpoint
CREATE INDEX "plan_tasks_plan_idx" ON "plan_tasks" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "plan_tasks_unit_due_idx" ON "plan_tasks" USING btree ("unit_id","due_at");--> statement-breakpoint
CREATE INDEX "plan_tasks_assignee_idx" ON "plan_tasks" USING btree ("assignee_id");