CREATE INDEX "refunds_created_at_idx" ON "refunds" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "returns_exchange_order_id_idx" ON "returns" USING btree ("exchange_order_id");