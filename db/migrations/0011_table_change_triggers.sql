-- The tables whose reads each app instance caches (lib/cache/table-cache.ts) announce every committed
-- change on the channel tables_changed, payload the table's name: triggers, so no writer can forget it.
CREATE FUNCTION "announce_table_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('tables_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
-- A promotion's counters rise with every order that gets it; a cached copy's counters are read only
-- for a promotion with a usage limit or a budget, so only there does a counter change announce itself.
CREATE FUNCTION "announce_promotion_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.usage_limit IS NULL AND OLD.budget_cents IS NULL AND NEW.usage_limit IS NULL AND NEW.budget_cents IS NULL
     AND (to_jsonb(OLD) - ARRAY['used_count', 'discount_given_cents', 'updated_at']) = (to_jsonb(NEW) - ARRAY['used_count', 'discount_given_cents', 'updated_at']) THEN
    RETURN NULL;
  END IF;
  PERFORM pg_notify('tables_changed', TG_TABLE_NAME);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "promotions_announce" AFTER INSERT OR UPDATE OR DELETE ON "promotions" FOR EACH ROW EXECUTE FUNCTION "announce_promotion_change"();
--> statement-breakpoint
CREATE TRIGGER "promotions_announce_truncate" AFTER TRUNCATE ON "promotions" FOR EACH STATEMENT EXECUTE FUNCTION "announce_table_change"();
--> statement-breakpoint
-- Only whether a promotion has campaign codes is cached (a code's uses are read when it is entered).
CREATE TRIGGER "promotion_codes_announce" AFTER INSERT OR DELETE OR TRUNCATE ON "promotion_codes" FOR EACH STATEMENT EXECUTE FUNCTION "announce_table_change"();
--> statement-breakpoint
CREATE TRIGGER "experiments_announce" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "experiments" FOR EACH STATEMENT EXECUTE FUNCTION "announce_table_change"();
--> statement-breakpoint
CREATE TRIGGER "experiment_variants_announce" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "experiment_variants" FOR EACH STATEMENT EXECUTE FUNCTION "announce_table_change"();
--> statement-breakpoint
CREATE TRIGGER "locations_announce" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "locations" FOR EACH STATEMENT EXECUTE FUNCTION "announce_table_change"();
