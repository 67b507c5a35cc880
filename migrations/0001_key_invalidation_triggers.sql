-- Key caches refresh by api_keys.updated_at alone; touching a user's or organisation's keys when the
-- user or organisation changes lets every instance see a disable or delete within one refresh.
CREATE OR REPLACE FUNCTION waddleai_touch_keys_of_user() RETURNS trigger AS $$
BEGIN
  UPDATE api_keys SET updated_at = now() WHERE user_id = NEW.id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION waddleai_touch_keys_of_organization() RETURNS trigger AS $$
BEGIN
  UPDATE api_keys SET updated_at = now() WHERE organization_id = NEW.id;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER users_touch_keys AFTER UPDATE OF enabled, deleted_at, role, organization_id ON users
  FOR EACH ROW EXECUTE FUNCTION waddleai_touch_keys_of_user();
--> statement-breakpoint
CREATE TRIGGER organizations_touch_keys AFTER UPDATE OF enabled, deleted_at, security_policy ON organizations
  FOR EACH ROW EXECUTE FUNCTION waddleai_touch_keys_of_organization();
