CREATE TABLE "visitor_email_confirmations" (
	"id" text PRIMARY KEY NOT NULL,
	"site_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"email" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "visitor_email_confirmations" ADD CONSTRAINT "visitor_email_confirmations_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "visitor_email_confirmations" ADD CONSTRAINT "visitor_email_confirmations_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "visitor_email_confirmations_visitor_id_email_index" ON "visitor_email_confirmations" USING btree ("visitor_id","email");--> statement-breakpoint
CREATE INDEX "visitor_email_confirmations_email_created_at_index" ON "visitor_email_confirmations" USING btree ("email","created_at");--> statement-breakpoint
CREATE INDEX "visitor_email_confirmations_visitor_id_created_at_index" ON "visitor_email_confirmations" USING btree ("visitor_id","created_at");