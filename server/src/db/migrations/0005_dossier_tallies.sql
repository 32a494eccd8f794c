-- The dossier KPIs of a calendar year for thousands of units must not scan every dossier
-- (an appraiser's table of 3,321 communes over 10 million dossiers answers in under a
-- second). Each RESOLVED dossier's contribution to each year it touches is a pure function
-- of the dossier and the year (SPEC §5, as server/src/modules/kpis/conditions.ts computes
-- it for the period 1/1–31/12), so statement triggers keep per unit and year the sums in
-- the same transaction as the change: never stale. Open dossiers touch every later year
-- and are counted live (they are few; a partial index finds them).
CREATE TABLE "dossier_year_tallies" (
	"unit_id" integer NOT NULL,
	"year" integer NOT NULL,
	"received" bigint DEFAULT 0 NOT NULL,
	"received_online" bigint DEFAULT 0 NOT NULL,
	"handled" bigint DEFAULT 0 NOT NULL,
	"on_time" bigint DEFAULT 0 NOT NULL,
	"late_without_apology" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "dossier_year_tallies_pkey" PRIMARY KEY ("unit_id", "year")
);
--> statement-breakpoint
-- Covering, so that counting the open dossiers of thousands of units reads only this index.
CREATE INDEX "dossiers_open_idx" ON "dossiers" ("unit_id", "received_at")
	INCLUDE ("due_at", "due_has_time", "apology_date", "channel", "result_at") WHERE "result_at" IS NULL;
--> statement-breakpoint
-- What one resolved dossier adds to each year from the one it was received in to the one
-- it was resolved in. Within a year (1/1 00:00 to 1/1 of the next, Vietnam time):
-- received in it; handled (received before its end, resolved at or after its start);
-- on time as things stood on 31/12 (resolved by the end of the year: by the deadline
-- rule; resolved only later: not late while due on or after 31/12); late without apology.
CREATE FUNCTION "dossier_year_contributions"(
	received_at timestamptz, due_at timestamptz, due_has_time boolean,
	result_at timestamptz, apology_date date, channel text
) RETURNS TABLE (
	"year" integer, "received" integer, "received_online" integer,
	"handled" integer, "on_time" integer, "late_without_apology" integer
) LANGUAGE sql STABLE AS $$
	SELECT y,
		(y = s.r_year)::int,
		(y = s.r_year AND channel = 'truc_tuyen')::int,
		(y <= s.res_year)::int,
		(y <= s.res_year AND o.on_time)::int,
		(y <= s.res_year AND NOT o.on_time AND apology_date IS NULL)::int
	FROM (SELECT extract(year FROM received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS r_year,
	             extract(year FROM result_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int AS res_year) s
	CROSS JOIN generate_series(s.r_year, greatest(s.r_year, s.res_year)) y
	CROSS JOIN LATERAL (SELECT CASE
		WHEN result_at < (make_date(y + 1, 1, 1)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh')
			THEN (CASE WHEN due_has_time THEN result_at <= due_at ELSE result_at < due_at + interval '24 hours' END)
		ELSE due_at >= (make_date(y, 12, 31)::timestamp AT TIME ZONE 'Asia/Ho_Chi_Minh') END AS on_time) o
	WHERE result_at IS NOT NULL
$$;
--> statement-breakpoint
CREATE FUNCTION "dossier_tallies_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	-- Sorted, so that two transactions touching the same units lock their rows in one order.
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO dossier_year_tallies AS t
		SELECT d.unit_id, c.year, -sum(c.received), -sum(c.received_online), -sum(c.handled),
		       -sum(c.on_time), -sum(c.late_without_apology)
		FROM old_rows d CROSS JOIN LATERAL dossier_year_contributions(
			d.received_at, d.due_at, d.due_has_time, d.result_at, d.apology_date, d.channel) c
		GROUP BY d.unit_id, c.year ORDER BY d.unit_id, c.year
		ON CONFLICT (unit_id, year) DO UPDATE SET
			received = t.received + excluded.received,
			received_online = t.received_online + excluded.received_online,
			handled = t.handled + excluded.handled,
			on_time = t.on_time + excluded.on_time,
			late_without_apology = t.late_without_apology + excluded.late_without_apology;
	END IF;
	IF TG_OP IN ('INSERT', 'UPDATE') THEN
		INSERT INTO dossier_year_tallies AS t
		SELECT d.unit_id, c.year, sum(c.received), sum(c.received_online), sum(c.handled),
		       sum(c.on_time), sum(c.late_without_apology)
		FROM new_rows d CROSS JOIN LATERAL dossier_year_contributions(
			d.received_at, d.due_at, d.due_has_time, d.result_at, d.apology_date, d.channel) c
		GROUP BY d.unit_id, c.year ORDER BY d.unit_id, c.year
		ON CONFLICT (unit_id, year) DO UPDATE SET
			received = t.received + excluded.received,
			received_online = t.received_online + excluded.received_online,
			handled = t.handled + excluded.handled,
			on_time = t.on_time + excluded.on_time,
			late_without_apology = t.late_without_apology + excluded.late_without_apology;
	END IF;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "dossier_tallies_insert" AFTER INSERT ON "dossiers"
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_tallies_apply();
--> statement-breakpoint
CREATE TRIGGER "dossier_tallies_update" AFTER UPDATE ON "dossiers"
	REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_tallies_apply();
--> statement-breakpoint
CREATE TRIGGER "dossier_tallies_delete" AFTER DELETE ON "dossiers"
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION dossier_tallies_apply();
--> statement-breakpoint
-- Dossiers kept before this migration.
INSERT INTO dossier_year_tallies
SELECT d.unit_id, c.year, sum(c.received), sum(c.received_online), sum(c.handled),
       sum(c.on_time), sum(c.late_without_apology)
FROM dossiers d CROSS JOIN LATERAL dossier_year_contributions(
	d.received_at, d.due_at, d.due_has_time, d.result_at, d.apology_date, d.channel) c
GROUP BY d.unit_id, c.year;
