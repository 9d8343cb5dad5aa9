-- Migration 20261125090002_contacts, planned by carburetor-compile from test.carb. Review before applying.
-- down: restores the schema before this migration (not dropped data).

ALTER TABLE "contacts" RENAME TO "phone_books";

ALTER INDEX "contacts_pkey" RENAME TO "phone_books_pkey";

DROP TRIGGER "contacts_stamp_trg" ON "phone_books";

ALTER INDEX "contacts_sync_idx" RENAME TO "phone_books_sync_idx";

ALTER INDEX "contacts_owner_id_sync_idx" RENAME TO "phone_books_owner_id_sync_idx";

CREATE TRIGGER "phone_books_stamp_trg" BEFORE INSERT OR UPDATE ON "phone_books" FOR EACH ROW EXECUTE FUNCTION carburetor_stamp_row('last_synced_at', 'id', 'owner_id');

DROP TRIGGER "users_stamp_trg" ON "users";

DROP INDEX "users_team_id_sync_idx";

ALTER TABLE "users" DROP COLUMN "team_id";

UPDATE "users" SET "name" = '' WHERE "name" IS NULL;

ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;

ALTER TABLE "users" ALTER COLUMN "age" TYPE smallint USING "age"::smallint;

CREATE TRIGGER "users_stamp_trg" BEFORE INSERT OR UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION carburetor_stamp_row('last_synced_at', 'id');
