-- Migration 20261125090002_contacts, planned by carburetor-compile from test.carb. Review before applying.
-- up: runs in one transaction.

DROP TRIGGER "carburetor_stamp" ON "users";

ALTER TABLE "users" ADD COLUMN "team_id" text;

ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL;

ALTER TABLE "users" ALTER COLUMN "age" TYPE integer;

CREATE TRIGGER "carburetor_stamp" BEFORE INSERT OR UPDATE ON "users"
    FOR EACH ROW EXECUTE FUNCTION "carburetor_stamp_row"('last_synced_at', 'id', 'team_id');

CREATE INDEX "users_team_id_last_synced_at_id_idx" ON "users" ("team_id", "last_synced_at", "id");

ALTER TABLE "phone_books" RENAME TO "contacts";

ALTER INDEX "phone_books_pkey" RENAME TO "contacts_pkey";

ALTER INDEX "phone_books_last_synced_at_id_idx" RENAME TO "contacts_last_synced_at_id_idx";

ALTER INDEX "phone_books_owner_id_last_synced_at_id_idx" RENAME TO "contacts_owner_id_last_synced_at_id_idx";
