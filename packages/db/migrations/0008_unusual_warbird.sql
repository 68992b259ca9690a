ALTER TABLE "visitors" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "conversations" ADD COLUMN "erased_at" timestamp with time zone;