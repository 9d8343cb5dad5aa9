-- Migration 20261125090000_init, planned by carburetor-compile from test.carb. Review before applying.
-- up: runs in one transaction.

CREATE OR REPLACE FUNCTION carburetor_stamp_row() RETURNS trigger LANGUAGE plpgsql AS $carburetor$
DECLARE
    stamp timestamptz := clock_timestamp();
BEGIN
    IF TG_OP = 'UPDATE' THEN
        FOR arg_index IN 1 .. TG_NARGS - 1 LOOP
            IF to_jsonb(NEW) -> TG_ARGV[arg_index] IS DISTINCT FROM to_jsonb(OLD) -> TG_ARGV[arg_index] THEN
                RAISE EXCEPTION 'column "%" of table "%" cannot change', TG_ARGV[arg_index], TG_TABLE_NAME
                    USING ERRCODE = 'check_violation';
            END IF;
        END LOOP;
        stamp := greatest(stamp, (to_jsonb(OLD) ->> TG_ARGV[0])::timestamptz + interval '1 microsecond');
    END IF;
    NEW := jsonb_populate_record(NEW, jsonb_build_object(TG_ARGV[0], stamp));
    RETURN NEW;
END
$carburetor$;

CREATE TABLE "users" (
    "id" text NOT NULL PRIMARY KEY,
    "name" text NOT NULL,
    "is_deleted" boolean NOT NULL DEFAULT false,
    "last_synced_at" timestamptz NOT NULL
);

CREATE INDEX "users_sync_idx" ON "users" ("last_synced_at", "id");

CREATE TRIGGER "users_stamp_trg" BEFORE INSERT OR UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION carburetor_stamp_row('last_synced_at', 'id');

CREATE TABLE "phone_books" (
    "id" text NOT NULL PRIMARY KEY,
    "name" text NOT NULL,
    "owner_id" text NOT NULL,
    "is_deleted" boolean NOT NULL DEFAULT false,
    "last_synced_at" timestamptz NOT NULL
);

CREATE INDEX "phone_books_sync_idx" ON "phone_books" ("last_synced_at", "id");

CREATE INDEX "phone_books_owner_id_sync_idx" ON "phone_books" ("owner_id", "last_synced_at", "id");

CREATE TRIGGER "phone_books_stamp_trg" BEFORE INSERT OR UPDATE ON "phone_books" FOR EACH ROW EXECUTE FUNCTION carburetor_stamp_row('last_synced_at', 'id', 'owner_id');
