-- Migration 20261125090002_contacts, planned by carburetor-compile from test.carb. Review before applying.
-- down: restores the schema before this migration (not dropped data).

ALTER TABLE "contacts" RENAME TO "phone_books";

ALTER INDEX "contacts_pkey" RENAME TO "phone_books_pkey";

ALTER INDEX "contacts_last_synced_at_id_idx" RENAME TO "phone_books_last_synced_at_id_idx";

ALTER INDEX "contacts_owner_id_last_synced_at_id_idx" RENAME TO "phone_books_owner_id_last_synced_at_id_idx";

DROP TRIGGER "carburetor_stamp" ON "users";

DROP INDEX "users_team_id_last_synced_at_id_idx";

ALTER TABLE "users" DROP COLUMN "team_id";

UPDATE "users" SET "name" = '' WHERE "name" IS NULL;

ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;

ALTER TABLE "users" ALTER COLUMN "age" TYPE smallint USING "age"::smallint;

CREATE TRIGGER "carburetor_stamp" BEFORE INSERT OR UPDATE ON "users"
    FOR EACH ROW EXECUTE FUNCTION "carburetor_stamp_row"('last_synced_at', 'id');
