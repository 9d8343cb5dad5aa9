-- Migration 20261125090000_init, planned by carburetor-compile from test.carb. Review before applying.
-- down: restores the schema before this migration (not dropped data).

DROP TABLE "phone_books";

DROP FUNCTION IF EXISTS "carburetor_stamp_phone_books"();

DROP FUNCTION IF EXISTS "carburetor_purge_phone_books"(text);

DROP TABLE "users";

DROP FUNCTION IF EXISTS "carburetor_stamp_users"();

DROP FUNCTION IF EXISTS "carburetor_purge_users"(text);
