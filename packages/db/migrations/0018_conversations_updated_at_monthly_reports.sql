CREATE TABLE "monthly_report_mails" (
	"site_id" uuid NOT NULL,
	"month" text NOT NULL,
	"user_id" uuid NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "monthly_report_mails_site_id_month_user_id_pk" PRIMARY KEY("site_id","month","user_id")
);
--> statement-breakpoint
CREATE TABLE "monthly_report_opt_outs" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "monthly_report_mails" ADD CONSTRAINT "monthly_report_mails_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_mails" ADD CONSTRAINT "monthly_report_mails_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_report_opt_outs" ADD CONSTRAINT "monthly_report_opt_outs_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversations_site_updated" ON "conversations" USING btree ("site_id","updated_at","id");--> statement-breakpoint
-- Existing chats: their last known change, not the day of this migration.
UPDATE "conversations" SET "updated_at" = greatest("created_at", "claimed_at", "first_response_at", "closed_at", "staff_at", "handoff_at", "erased_at");
--> statement-breakpoint
-- updated_at follows every change of a chat but its read receipts (the read API pages by it), whatever
-- the statement that made it; an UPDATE that sets updated_at itself keeps its value.
CREATE OR REPLACE FUNCTION conversations_touch() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at
     AND (to_jsonb(NEW) - 'visitor_read_seq' - 'helper_read_seq') IS DISTINCT FROM (to_jsonb(OLD) - 'visitor_read_seq' - 'helper_read_seq') THEN
    NEW.updated_at := clock_timestamp();
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER conversations_touch BEFORE UPDATE ON conversations
FOR EACH ROW EXECUTE FUNCTION conversations_touch();
