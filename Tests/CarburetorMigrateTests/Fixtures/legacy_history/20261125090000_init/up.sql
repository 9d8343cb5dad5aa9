-- Migration 20261125090000_init, planned by carburetor-compile from test.carb. Review before applying.
-- up: runs in one transaction.

CREATE OR REPLACE FUNCTION "carburetor_stamp_row"() RETURNS trigger
LANGUAGE plpgsql AS $carburetor$
DECLARE
    sync_column text := TG_ARGV[0];
    stamp timestamptz := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond');
    old_row jsonb;
    new_row jsonb;
    fixed_column text;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        old_row := to_jsonb(OLD);
        new_row := to_jsonb(NEW);
        FOR argument_index IN 1 .. TG_NARGS - 1 LOOP
            fixed_column := TG_ARGV[argument_index];
            IF new_row -> fixed_column IS DISTINCT FROM old_row -> fixed_column THEN
                RAISE EXCEPTION 'column "%" of table "%" cannot be changed by an UPDATE', fixed_column, TG_TABLE_NAME
                    USING ERRCODE = 'CB001',
                          SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = fixed_column,
                          HINT = 'The id and #[immutable] columns are set when a row is inserted and never change.';
            END IF;
        END LOOP;
        stamp := greatest(stamp, (old_row ->> sync_column)::timestamptz + interval '1 microsecond');
    END IF;
    NEW := jsonb_populate_record(NEW, jsonb_build_object(sync_column, stamp));
    RETURN NEW;
END
$carburetor$;

CREATE TABLE "users" (
    "id" text NOT NULL,
    "name" text NOT NULL,
    "is_deleted" boolean NOT NULL DEFAULT false,
    "last_synced_at" timestamptz NOT NULL,
    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "users_last_synced_at_id_idx" ON "users" ("last_synced_at", "id");

CREATE TRIGGER "carburetor_stamp" BEFORE INSERT OR UPDATE ON "users"
    FOR EACH ROW EXECUTE FUNCTION "carburetor_stamp_row"('last_synced_at', 'id');

CREATE TABLE "phone_books" (
    "id" text NOT NULL,
    "name" text NOT NULL,
    "owner_id" text NOT NULL,
    "is_deleted" boolean NOT NULL DEFAULT false,
    "last_synced_at" timestamptz NOT NULL,
    CONSTRAINT "phone_books_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "phone_books_last_synced_at_id_idx" ON "phone_books" ("last_synced_at", "id");

CREATE INDEX "phone_books_owner_id_last_synced_at_id_idx" ON "phone_books" ("owner_id", "last_synced_at", "id");

CREATE TRIGGER "carburetor_stamp" BEFORE INSERT OR UPDATE ON "phone_books"
    FOR EACH ROW EXECUTE FUNCTION "carburetor_stamp_row"('last_synced_at', 'id', 'owner_id');
