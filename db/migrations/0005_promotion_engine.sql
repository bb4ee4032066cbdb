CREATE TYPE "public"."promotion_application" AS ENUM('each_line', 'cheapest_line');--> statement-breakpoint
CREATE TYPE "public"."promotion_combination" AS ENUM('exclusive', 'combinable', 'with_codes');--> statement-breakpoint
CREATE TYPE "public"."promotion_customer_condition" AS ENUM('any', 'signed_in', 'first_order', 'loyalty_member');--> statement-breakpoint
CREATE TYPE "public"."promotion_scope" AS ENUM('item', 'order', 'shipping', 'buy_x_get_y');--> statement-breakpoint
ALTER TYPE "public"."promotion_kind" ADD VALUE 'fixed_per_line';--> statement-breakpoint
CREATE TABLE "promotion_codes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promotion_codes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"promotion_id" integer NOT NULL,
	"code" text NOT NULL,
	"usage_limit" integer DEFAULT 1 NOT NULL,
	"used_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "promotion_codes_usage" CHECK ("promotion_codes"."usage_limit" >= 1 and "promotion_codes"."used_count" >= 0 and "promotion_codes"."used_count" <= "promotion_codes"."usage_limit")
);
--> statement-breakpoint
CREATE TABLE "promotion_customer_usage" (
	"promotion_id" integer NOT NULL,
	"customer_id" integer NOT NULL,
	"used_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "promotion_customer_usage_promotion_id_customer_id_pk" PRIMARY KEY("promotion_id","customer_id"),
	CONSTRAINT "promotion_customer_usage_nonnegative" CHECK ("promotion_customer_usage"."used_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "promotion_redemptions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "promotion_redemptions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"promotion_id" integer NOT NULL,
	"order_id" uuid NOT NULL,
	"customer_id" integer,
	"code" text,
	"campaign_code_id" integer,
	"discount_cents" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"released_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "title_en" text;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "title_nl" text;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "description_en" text;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "description_nl" text;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "scope" "promotion_scope" DEFAULT 'item' NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "additional_targets" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "exclusions" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "skip_reduced_lines" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "max_units_per_line" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "application" "promotion_application" DEFAULT 'each_line' NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "buy_quantity" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "get_quantity" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "get_targets" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "max_applications" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "min_subtotal_cents" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "min_items" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "customer_condition" "promotion_customer_condition" DEFAULT 'any' NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "weekdays" integer[];--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "daily_start_minute" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "daily_end_minute" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "priority" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "combination" "promotion_combination" DEFAULT 'exclusive' NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "usage_limit" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "per_customer_limit" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "budget_cents" integer;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "used_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "discount_given_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD COLUMN "staff_discount" jsonb;--> statement-breakpoint
ALTER TABLE "carts" ADD COLUMN "staff_discount" jsonb;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "savings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "shipping_discount_cents" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "savings" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "staff_discounts" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "promotion_codes" ADD CONSTRAINT "promotion_codes_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_customer_usage" ADD CONSTRAINT "promotion_customer_usage_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_customer_usage" ADD CONSTRAINT "promotion_customer_usage_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promotion_redemptions" ADD CONSTRAINT "promotion_redemptions_campaign_code_id_promotion_codes_id_fk" FOREIGN KEY ("campaign_code_id") REFERENCES "public"."promotion_codes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_codes_code_idx" ON "promotion_codes" USING btree ("code");--> statement-breakpoint
CREATE INDEX "promotion_codes_promotion_id_idx" ON "promotion_codes" USING btree ("promotion_id");--> statement-breakpoint
CREATE UNIQUE INDEX "promotion_redemptions_promotion_order_idx" ON "promotion_redemptions" USING btree ("promotion_id","order_id");--> statement-breakpoint
CREATE INDEX "promotion_redemptions_order_id_idx" ON "promotion_redemptions" USING btree ("order_id");--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_bxgy_quantities" CHECK ("promotions"."scope" <> 'buy_x_get_y' or ("promotions"."buy_quantity" >= 1 and "promotions"."get_quantity" >= 1));--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_positive_limits" CHECK (("promotions"."max_units_per_line" is null or "promotions"."max_units_per_line" >= 1)
      and ("promotions"."max_applications" is null or "promotions"."max_applications" >= 1)
      and ("promotions"."min_subtotal_cents" is null or "promotions"."min_subtotal_cents" >= 0)
      and ("promotions"."min_items" is null or "promotions"."min_items" >= 1)
      and ("promotions"."usage_limit" is null or "promotions"."usage_limit" >= 1)
      and ("promotions"."per_customer_limit" is null or "promotions"."per_customer_limit" >= 1)
      and ("promotions"."budget_cents" is null or "promotions"."budget_cents" >= 1));--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_daily_window" CHECK (("promotions"."daily_start_minute" is null) = ("promotions"."daily_end_minute" is null)
      and ("promotions"."daily_start_minute" is null or ("promotions"."daily_start_minute" >= 0 and "promotions"."daily_start_minute" < "promotions"."daily_end_minute" and "promotions"."daily_end_minute" <= 1440)));--> statement-breakpoint
ALTER TABLE "promotions" ADD CONSTRAINT "promotions_usage_nonnegative" CHECK ("promotions"."used_count" >= 0 and "promotions"."discount_given_cents" >= 0);--> statement-breakpoint
-- Existing rows: every promotion keeps pricing as before through the column defaults (scope item, exclusive,
-- priority 0, no conditions or limits; titles fall back to the name). Orders placed before the engine get
-- their per-line saving snapshot from the line's discount and promotion, so receipts show it the same way.
UPDATE "order_lines" ol SET "savings" = jsonb_build_array(jsonb_build_object(
  'source', 'promotion', 'promotionId', ol."promotion_id", 'scope', 'item',
  'title', jsonb_build_object('en', coalesce(ol."promotion_name", ''), 'nl', coalesce(ol."promotion_name", '')),
  'code', (SELECT p."code" FROM "promotions" p WHERE p."id" = ol."promotion_id"),
  'amountCents', ol."discount_cents"))
WHERE ol."discount_cents" > 0;--> statement-breakpoint
UPDATE "orders" o SET "savings" = s.savings FROM (
  SELECT x."order_id", jsonb_agg(jsonb_build_object(
    'source', 'promotion', 'promotionId', x."promotion_id", 'scope', 'item',
    'title', jsonb_build_object('en', x."name", 'nl', x."name"), 'code', x."code", 'amountCents', x."amount")
    ORDER BY x."promotion_id") AS savings
  FROM (
    SELECT ol."order_id", ol."promotion_id", coalesce(max(ol."promotion_name"), '') AS "name",
      (SELECT p."code" FROM "promotions" p WHERE p."id" = ol."promotion_id") AS "code", sum(ol."discount_cents")::int AS "amount"
    FROM "order_lines" ol WHERE ol."discount_cents" > 0 GROUP BY ol."order_id", ol."promotion_id"
  ) x GROUP BY x."order_id"
) s WHERE o."id" = s."order_id";
