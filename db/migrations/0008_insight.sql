CREATE TYPE "public"."customer_segment" AS ENUM('web_only', 'store_only', 'omnichannel', 'new', 'loyal', 'lapsed');--> statement-breakpoint
CREATE TYPE "public"."customer_event_type" AS ENUM('visit', 'product_view', 'add_to_cart', 'checkout_started', 'order_placed', 'paid', 'collected', 'delivered', 'returned', 'counter_sale', 'cart_handed_over', 'message_sent');--> statement-breakpoint
CREATE TYPE "public"."experiment_status" AS ENUM('draft', 'running', 'stopped');--> statement-breakpoint
CREATE TABLE "customer_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "customer_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"type" "customer_event_type" NOT NULL,
	"channel" "channel" NOT NULL,
	"location_id" integer,
	"visitor_id" text,
	"customer_id" integer,
	"order_id" uuid,
	"cart_id" uuid,
	"product_id" integer,
	"value_cents" integer,
	"utm_source" text,
	"utm_medium" text,
	"utm_campaign" text,
	"referrer" text,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customer_segments" (
	"customer_id" integer PRIMARY KEY NOT NULL,
	"segments" "customer_segment"[] DEFAULT '{}'::customer_segment[] NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experiment_exposures" (
	"experiment_id" integer NOT NULL,
	"subject" text NOT NULL,
	"variant_id" integer NOT NULL,
	"customer_id" integer,
	"channel" "channel" NOT NULL,
	"first_exposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_exposures_experiment_id_subject_pk" PRIMARY KEY("experiment_id","subject")
);
--> statement-breakpoint
CREATE TABLE "experiment_orders" (
	"order_id" uuid NOT NULL,
	"experiment_id" integer NOT NULL,
	"variant_id" integer NOT NULL,
	"subject" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "experiment_orders_order_id_experiment_id_pk" PRIMARY KEY("order_id","experiment_id")
);
--> statement-breakpoint
CREATE TABLE "experiment_variants" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experiment_variants_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"experiment_id" integer NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"promotion_id" integer,
	"weight_percent" integer NOT NULL,
	CONSTRAINT "experiment_variants_weight_range" CHECK ("experiment_variants"."weight_percent" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "experiments_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"name" text NOT NULL,
	"hypothesis" text,
	"status" "experiment_status" DEFAULT 'draft' NOT NULL,
	"started_at" timestamp with time zone,
	"stopped_at" timestamp with time zone,
	"winner_variant_id" integer,
	"created_by_user_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "product_co_purchases" (
	"product_id" integer NOT NULL,
	"related_product_id" integer NOT NULL,
	"buyers" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_co_purchases_product_id_related_product_id_pk" PRIMARY KEY("product_id","related_product_id")
);
--> statement-breakpoint
CREATE TABLE "satisfaction_responses" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "satisfaction_responses_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"order_id" uuid NOT NULL,
	"customer_id" integer,
	"channel" "channel" NOT NULL,
	"location_id" integer,
	"score" integer NOT NULL,
	"comment" text,
	"followed_up_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "satisfaction_responses_score_range" CHECK ("satisfaction_responses"."score" between 1 and 5),
	CONSTRAINT "satisfaction_responses_comment_length" CHECK ("satisfaction_responses"."comment" is null or char_length("satisfaction_responses"."comment") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "product_reviews" ALTER COLUMN "status" DROP DEFAULT;--> statement-breakpoint
ALTER TABLE "product_reviews" ALTER COLUMN "status" SET DATA TYPE text;--> statement-breakpoint
UPDATE "product_reviews" SET "status" = 'rejected' WHERE "status" = 'hidden';--> statement-breakpoint
DROP TYPE "public"."review_status";--> statement-breakpoint
CREATE TYPE "public"."review_status" AS ENUM('pending', 'published', 'rejected');--> statement-breakpoint
ALTER TABLE "product_reviews" ALTER COLUMN "status" SET DATA TYPE "public"."review_status" USING "status"::"public"."review_status";--> statement-breakpoint
ALTER TABLE "product_reviews" ALTER COLUMN "status" SET DEFAULT 'pending'::"public"."review_status";--> statement-breakpoint
ALTER TABLE "promotions" ADD COLUMN "customer_segment" "customer_segment";--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "visitor_id" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "utm_source" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "utm_medium" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "utm_campaign" text;--> statement-breakpoint
ALTER TABLE "orders" ADD COLUMN "referrer" text;--> statement-breakpoint
ALTER TABLE "product_reviews" ADD COLUMN "purchase_channel" "channel";--> statement-breakpoint
ALTER TABLE "product_reviews" ADD COLUMN "reject_reason" text;--> statement-breakpoint
ALTER TABLE "customer_events" ADD CONSTRAINT "customer_events_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_events" ADD CONSTRAINT "customer_events_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_events" ADD CONSTRAINT "customer_events_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_events" ADD CONSTRAINT "customer_events_cart_id_carts_id_fk" FOREIGN KEY ("cart_id") REFERENCES "public"."carts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_events" ADD CONSTRAINT "customer_events_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_segments" ADD CONSTRAINT "customer_segments_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_exposures" ADD CONSTRAINT "experiment_exposures_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_exposures" ADD CONSTRAINT "experiment_exposures_variant_id_experiment_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."experiment_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_exposures" ADD CONSTRAINT "experiment_exposures_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_orders" ADD CONSTRAINT "experiment_orders_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_orders" ADD CONSTRAINT "experiment_orders_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_orders" ADD CONSTRAINT "experiment_orders_variant_id_experiment_variants_id_fk" FOREIGN KEY ("variant_id") REFERENCES "public"."experiment_variants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_variants" ADD CONSTRAINT "experiment_variants_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiment_variants" ADD CONSTRAINT "experiment_variants_promotion_id_promotions_id_fk" FOREIGN KEY ("promotion_id") REFERENCES "public"."promotions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiments" ADD CONSTRAINT "experiments_created_by_user_id_users_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_co_purchases" ADD CONSTRAINT "product_co_purchases_product_id_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "product_co_purchases" ADD CONSTRAINT "product_co_purchases_related_product_id_products_id_fk" FOREIGN KEY ("related_product_id") REFERENCES "public"."products"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "satisfaction_responses" ADD CONSTRAINT "satisfaction_responses_location_id_locations_id_fk" FOREIGN KEY ("location_id") REFERENCES "public"."locations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_events_occurred_at_idx" ON "customer_events" USING btree ("occurred_at");--> statement-breakpoint
CREATE INDEX "customer_events_type_occurred_at_idx" ON "customer_events" USING btree ("type","occurred_at");--> statement-breakpoint
CREATE INDEX "customer_events_visitor_id_idx" ON "customer_events" USING btree ("visitor_id","occurred_at");--> statement-breakpoint
CREATE INDEX "customer_events_customer_id_idx" ON "customer_events" USING btree ("customer_id","occurred_at");--> statement-breakpoint
CREATE INDEX "customer_events_order_id_idx" ON "customer_events" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "customer_segments_segments_idx" ON "customer_segments" USING gin ("segments");--> statement-breakpoint
CREATE INDEX "experiment_exposures_variant_id_idx" ON "experiment_exposures" USING btree ("variant_id");--> statement-breakpoint
CREATE INDEX "experiment_orders_experiment_id_variant_id_idx" ON "experiment_orders" USING btree ("experiment_id","variant_id");--> statement-breakpoint
CREATE UNIQUE INDEX "experiment_variants_experiment_id_key_idx" ON "experiment_variants" USING btree ("experiment_id","key");--> statement-breakpoint
CREATE INDEX "experiment_variants_promotion_id_idx" ON "experiment_variants" USING btree ("promotion_id");--> statement-breakpoint
CREATE INDEX "experiments_status_idx" ON "experiments" USING btree ("status");--> statement-breakpoint
CREATE INDEX "product_co_purchases_product_id_buyers_idx" ON "product_co_purchases" USING btree ("product_id","buyers");--> statement-breakpoint
CREATE UNIQUE INDEX "satisfaction_responses_order_id_idx" ON "satisfaction_responses" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "satisfaction_responses_created_at_idx" ON "satisfaction_responses" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "satisfaction_responses_customer_id_idx" ON "satisfaction_responses" USING btree ("customer_id");