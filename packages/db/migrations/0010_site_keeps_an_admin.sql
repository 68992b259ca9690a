-- A site never loses its last active admin, whatever the path (leaving, a role change, a
-- suspension, a removal, an account deleted): one rule, in the database, for every statement.
-- The site's row is locked first, so two admins stepping down at once are checked one after the
-- other (the second sees the first one gone) instead of both seeing the other still there.
-- A site being deleted takes its memberships with it and is not checked.
CREATE OR REPLACE FUNCTION site_keeps_an_admin() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.role <> 'admin' OR OLD.status <> 'active' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.role = 'admin' AND NEW.status = 'active' AND NEW.site_id = OLD.site_id THEN
    RETURN NULL;
  END IF;
  PERFORM 1 FROM sites WHERE id = OLD.site_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM memberships WHERE site_id = OLD.site_id AND role = 'admin' AND status = 'active') THEN
    RAISE EXCEPTION 'site % would be left without an active admin', OLD.site_id
      USING ERRCODE = 'check_violation', CONSTRAINT = 'site_keeps_an_admin';
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER site_keeps_an_admin AFTER UPDATE OR DELETE ON memberships
FOR EACH ROW EXECUTE FUNCTION site_keeps_an_admin();
