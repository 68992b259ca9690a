-- A new message bumps its conversation's last_seq, which moves updated_at (the read API lists a chat
-- again when it is written in). Moving updated_at, which is indexed, makes every such update write a
-- new entry in each of the table's five indexes, and the trigger's function turns both rows into
-- jsonb: at a few messages a second per chat this was a third of the message batch's time.
-- Appends that follow a change of less than a second ago now keep that change's time: the trigger is
-- not called, and the update is HOT (last_seq is in no index). Nothing is lost to the API's readers:
-- a chat is listed only once its updated_at is 2 seconds old (V1_SETTLE_MS), so a chat changed less
-- than a second ago has not been handed out at that time yet, and is read as it is now when it is.
-- Only message appends move last_seq (the message batch and the single append), and they change
-- nothing else but first_response_at, which always counts.
DROP TRIGGER conversations_touch ON conversations;
--> statement-breakpoint
CREATE TRIGGER conversations_touch BEFORE UPDATE ON conversations
FOR EACH ROW
WHEN (NEW.last_seq IS NOT DISTINCT FROM OLD.last_seq
  OR NEW.first_response_at IS DISTINCT FROM OLD.first_response_at
  OR OLD.updated_at <= clock_timestamp() - interval '1 second')
EXECUTE FUNCTION conversations_touch();
