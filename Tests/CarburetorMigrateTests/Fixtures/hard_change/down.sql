-- Migration 20261125090003_hard, planned by carburetor-compile from test.carb. Review before applying.
-- down: restores the schema before this migration (not dropped data).

ALTER TABLE "contacts" RENAME COLUMN "full_name" TO "name";

ALTER TABLE "contacts" ADD COLUMN "kind" text NOT NULL DEFAULT 'mobile';

COMMENT ON COLUMN "contacts"."note" IS 'Free text.';

ALTER TABLE "users" DROP COLUMN "score";

ALTER TABLE "users" ALTER COLUMN "name" DROP DEFAULT;

ALTER TABLE "users" ALTER COLUMN "name" DROP NOT NULL;

ALTER TABLE "users" ALTER COLUMN "age" TYPE integer;

ALTER TABLE "users" ALTER COLUMN "team_id" TYPE text;
