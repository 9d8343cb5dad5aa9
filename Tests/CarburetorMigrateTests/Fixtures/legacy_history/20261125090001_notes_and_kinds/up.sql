-- Migration 20261125090001_notes_and_kinds, planned by carburetor-compile from test.carb. Review before applying.
-- up: runs in one transaction.

ALTER TABLE "users" ADD COLUMN "age" smallint;

ALTER TABLE "phone_books" ADD COLUMN "note" text;

COMMENT ON COLUMN "phone_books"."note" IS 'Free text.';

ALTER TABLE "phone_books" ADD COLUMN "kind" text NOT NULL DEFAULT 'mobile';
