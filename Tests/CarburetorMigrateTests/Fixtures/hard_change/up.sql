-- Migration 20261125090003_hard, planned by carburetor-compile from test.carb. Review before applying.
-- up: runs in one transaction.

ALTER TABLE "users" ADD COLUMN "score" integer NOT NULL DEFAULT 0;

ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'anonymous';

UPDATE "users" SET "name" = 'anonymous' WHERE "name" IS NULL;

ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;

ALTER TABLE "users" ALTER COLUMN "age" TYPE smallint USING "age"::smallint;

ALTER TABLE "users" ALTER COLUMN "team_id" TYPE uuid USING "team_id"::uuid;

ALTER TABLE "contacts" RENAME COLUMN "name" TO "full_name";

ALTER TABLE "contacts" DROP COLUMN "kind";

COMMENT ON COLUMN "contacts"."note" IS NULL;
