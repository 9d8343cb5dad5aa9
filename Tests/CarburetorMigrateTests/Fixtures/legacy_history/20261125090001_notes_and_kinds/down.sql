-- Migration 20261125090001_notes_and_kinds, planned by carburetor-compile from test.carb. Review before applying.
-- down: restores the schema before this migration (not dropped data).

ALTER TABLE "phone_books" DROP COLUMN "note";

ALTER TABLE "phone_books" DROP COLUMN "kind";

ALTER TABLE "users" DROP COLUMN "age";
