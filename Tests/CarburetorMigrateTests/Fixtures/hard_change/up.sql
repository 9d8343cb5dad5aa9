-- Migration 20261125090003_hard, planned by carburetor-compile from test.carb. Review before applying.
-- up: runs in one transaction.

ALTER TABLE "users" ADD COLUMN "score" integer NOT NULL DEFAULT 0;

ALTER TABLE "users" ALTER COLUMN "name" SET DEFAULT 'anonymous';

UPDATE "users" SET "name" = 'anonymous' WHERE "name" IS NULL;

ALTER TABLE "users" ALTER COLUMN "name" SET NOT NULL;

ALTER TABLE "users" ALTER COLUMN "age" TYPE smallint USING "age"::smallint;

ALTER TABLE "users" ALTER COLUMN "team_id" TYPE uuid USING "team_id"::uuid;

CREATE OR REPLACE FUNCTION "carburetor_stamp_users"() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $carburetor$
DECLARE
    stamp timestamptz;
    server_clock text;
    clocks jsonb;
    entry text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        stamp := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond');
        NEW."last_synced_at" := stamp;
        server_clock := lpad((extract(epoch FROM stamp) * 1000000)::bigint::text, 16, '0') || '-00000-~server';
        NEW."carburetor$clocks" := jsonb_build_object('name', server_clock, 'age', server_clock, 'team_id', server_clock, 'score', server_clock, 'is_deleted', server_clock) || coalesce(NEW."carburetor$clocks", '{}'::jsonb);
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW."id" IS DISTINCT FROM OLD."id" THEN
            RAISE EXCEPTION 'column "%" of table "%" cannot be changed by an UPDATE', 'id', TG_TABLE_NAME
                USING ERRCODE = 'CB001',
                      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'id',
                      HINT = 'The id and #[immutable] columns are set when a row is inserted and never change.';
        END IF;
        IF NEW."team_id" IS DISTINCT FROM OLD."team_id" THEN
            RAISE EXCEPTION 'column "%" of table "%" cannot be changed by an UPDATE', 'team_id', TG_TABLE_NAME
                USING ERRCODE = 'CB001',
                      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'team_id',
                      HINT = 'The id and #[immutable] columns are set when a row is inserted and never change.';
        END IF;
        stamp := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond',
                          OLD."last_synced_at" + interval '1 microsecond');
        NEW."last_synced_at" := stamp;
        IF NEW."carburetor$clocks" IS NOT DISTINCT FROM OLD."carburetor$clocks" THEN
            server_clock := lpad((extract(epoch FROM stamp) * 1000000)::bigint::text, 16, '0') || '-00000-~server';
            clocks := coalesce(OLD."carburetor$clocks", '{}'::jsonb);
            IF NEW."name" IS DISTINCT FROM OLD."name" THEN
                entry := clocks ->> 'name';
                clocks := clocks || jsonb_build_object('name', CASE
                    WHEN entry IS NULL OR server_clock COLLATE "C" > entry COLLATE "C" THEN server_clock
                    WHEN substr(entry, 18, 5) <> '99999' THEN
                        left(entry, 17) || lpad((substr(entry, 18, 5)::integer + 1)::text, 5, '0') || '-~server'
                    WHEN left(entry, 16) <> '9999999999999999' THEN
                        lpad((left(entry, 16)::bigint + 1)::text, 16, '0') || '-00000-~server'
                    ELSE entry
                END);
            END IF;
            IF NEW."age" IS DISTINCT FROM OLD."age" THEN
                entry := clocks ->> 'age';
                clocks := clocks || jsonb_build_object('age', CASE
                    WHEN entry IS NULL OR server_clock COLLATE "C" > entry COLLATE "C" THEN server_clock
                    WHEN substr(entry, 18, 5) <> '99999' THEN
                        left(entry, 17) || lpad((substr(entry, 18, 5)::integer + 1)::text, 5, '0') || '-~server'
                    WHEN left(entry, 16) <> '9999999999999999' THEN
                        lpad((left(entry, 16)::bigint + 1)::text, 16, '0') || '-00000-~server'
                    ELSE entry
                END);
            END IF;
            IF NEW."score" IS DISTINCT FROM OLD."score" THEN
                entry := clocks ->> 'score';
                clocks := clocks || jsonb_build_object('score', CASE
                    WHEN entry IS NULL OR server_clock COLLATE "C" > entry COLLATE "C" THEN server_clock
                    WHEN substr(entry, 18, 5) <> '99999' THEN
                        left(entry, 17) || lpad((substr(entry, 18, 5)::integer + 1)::text, 5, '0') || '-~server'
                    WHEN left(entry, 16) <> '9999999999999999' THEN
                        lpad((left(entry, 16)::bigint + 1)::text, 16, '0') || '-00000-~server'
                    ELSE entry
                END);
            END IF;
            IF NEW."is_deleted" IS DISTINCT FROM OLD."is_deleted" THEN
                entry := clocks ->> 'is_deleted';
                clocks := clocks || jsonb_build_object('is_deleted', CASE
                    WHEN entry IS NULL OR server_clock COLLATE "C" > entry COLLATE "C" THEN server_clock
                    WHEN substr(entry, 18, 5) <> '99999' THEN
                        left(entry, 17) || lpad((substr(entry, 18, 5)::integer + 1)::text, 5, '0') || '-~server'
                    WHEN left(entry, 16) <> '9999999999999999' THEN
                        lpad((left(entry, 16)::bigint + 1)::text, 16, '0') || '-00000-~server'
                    ELSE entry
                END);
            END IF;
            NEW."carburetor$clocks" := clocks;
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'rows of table "%" cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'CB002', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
                  HINT = 'Set the soft-delete column is_deleted instead, so devices learn about it; to erase a row for good, call carburetor_purge_users(id).';
    ELSE
        RAISE EXCEPTION 'table "%" cannot be truncated', TG_TABLE_NAME
            USING ERRCODE = 'CB003', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
                  HINT = 'Set the soft-delete column is_deleted instead, so devices learn about it; to erase a row for good, call carburetor_purge_users(id).';
    END IF;
END
$carburetor$;

CREATE OR REPLACE FUNCTION "carburetor_purge_users"(row_id text) RETURNS boolean
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $carburetor$
BEGIN
    UPDATE "users"
    SET "name" = DEFAULT,
        "age" = NULL,
        "score" = DEFAULT,
        "is_deleted" = true,
        "carburetor$clocks" = jsonb_build_object('name', '9999999999999999-99999-~purge', 'age', '9999999999999999-99999-~purge', 'team_id', '9999999999999999-99999-~purge', 'score', '9999999999999999-99999-~purge', 'is_deleted', '9999999999999999-99999-~purge')
    WHERE "id" = row_id;
    RETURN FOUND;
END
$carburetor$;

ALTER TABLE "contacts" RENAME COLUMN "name" TO "full_name";

ALTER TABLE "contacts" DROP COLUMN "kind";

COMMENT ON COLUMN "contacts"."note" IS NULL;

CREATE OR REPLACE FUNCTION "carburetor_stamp_contacts"() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $carburetor$
DECLARE
    stamp timestamptz;
    server_clock text;
    clocks jsonb;
    entry text;
BEGIN
    IF TG_OP = 'INSERT' THEN
        stamp := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond');
        NEW."last_synced_at" := stamp;
        server_clock := lpad((extract(epoch FROM stamp) * 1000000)::bigint::text, 16, '0') || '-00000-~server';
        NEW."carburetor$clocks" := jsonb_build_object('full_name', server_clock, 'owner_id', server_clock, 'note', server_clock, 'is_deleted', server_clock) || coalesce(NEW."carburetor$clocks", '{}'::jsonb);
        RETURN NEW;
    ELSIF TG_OP = 'UPDATE' THEN
        IF NEW."id" IS DISTINCT FROM OLD."id" THEN
            RAISE EXCEPTION 'column "%" of table "%" cannot be changed by an UPDATE', 'id', TG_TABLE_NAME
                USING ERRCODE = 'CB001',
                      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'id',
                      HINT = 'The id and #[immutable] columns are set when a row is inserted and never change.';
        END IF;
        IF NEW."owner_id" IS DISTINCT FROM OLD."owner_id" THEN
            RAISE EXCEPTION 'column "%" of table "%" cannot be changed by an UPDATE', 'owner_id', TG_TABLE_NAME
                USING ERRCODE = 'CB001',
                      SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME, COLUMN = 'owner_id',
                      HINT = 'The id and #[immutable] columns are set when a row is inserted and never change.';
        END IF;
        stamp := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond',
                          OLD."last_synced_at" + interval '1 microsecond');
        NEW."last_synced_at" := stamp;
        IF NEW."carburetor$clocks" IS NOT DISTINCT FROM OLD."carburetor$clocks" THEN
            server_clock := lpad((extract(epoch FROM stamp) * 1000000)::bigint::text, 16, '0') || '-00000-~server';
            clocks := coalesce(OLD."carburetor$clocks", '{}'::jsonb);
            IF NEW."full_name" IS DISTINCT FROM OLD."full_name" THEN
                entry := clocks ->> 'full_name';
                clocks := clocks || jsonb_build_object('full_name', CASE
                    WHEN entry IS NULL OR server_clock COLLATE "C" > entry COLLATE "C" THEN server_clock
                    WHEN substr(entry, 18, 5) <> '99999' THEN
                        left(entry, 17) || lpad((substr(entry, 18, 5)::integer + 1)::text, 5, '0') || '-~server'
                    WHEN left(entry, 16) <> '9999999999999999' THEN
                        lpad((left(entry, 16)::bigint + 1)::text, 16, '0') || '-00000-~server'
                    ELSE entry
                END);
            END IF;
            IF NEW."note" IS DISTINCT FROM OLD."note" THEN
                entry := clocks ->> 'note';
                clocks := clocks || jsonb_build_object('note', CASE
                    WHEN entry IS NULL OR server_clock COLLATE "C" > entry COLLATE "C" THEN server_clock
                    WHEN substr(entry, 18, 5) <> '99999' THEN
                        left(entry, 17) || lpad((substr(entry, 18, 5)::integer + 1)::text, 5, '0') || '-~server'
                    WHEN left(entry, 16) <> '9999999999999999' THEN
                        lpad((left(entry, 16)::bigint + 1)::text, 16, '0') || '-00000-~server'
                    ELSE entry
                END);
            END IF;
            IF NEW."is_deleted" IS DISTINCT FROM OLD."is_deleted" THEN
                entry := clocks ->> 'is_deleted';
                clocks := clocks || jsonb_build_object('is_deleted', CASE
                    WHEN entry IS NULL OR server_clock COLLATE "C" > entry COLLATE "C" THEN server_clock
                    WHEN substr(entry, 18, 5) <> '99999' THEN
                        left(entry, 17) || lpad((substr(entry, 18, 5)::integer + 1)::text, 5, '0') || '-~server'
                    WHEN left(entry, 16) <> '9999999999999999' THEN
                        lpad((left(entry, 16)::bigint + 1)::text, 16, '0') || '-00000-~server'
                    ELSE entry
                END);
            END IF;
            NEW."carburetor$clocks" := clocks;
        END IF;
        RETURN NEW;
    ELSIF TG_OP = 'DELETE' THEN
        RAISE EXCEPTION 'rows of table "%" cannot be deleted', TG_TABLE_NAME
            USING ERRCODE = 'CB002', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
                  HINT = 'Set the soft-delete column is_deleted instead, so devices learn about it; to erase a row for good, call carburetor_purge_contacts(id).';
    ELSE
        RAISE EXCEPTION 'table "%" cannot be truncated', TG_TABLE_NAME
            USING ERRCODE = 'CB003', SCHEMA = TG_TABLE_SCHEMA, TABLE = TG_TABLE_NAME,
                  HINT = 'Set the soft-delete column is_deleted instead, so devices learn about it; to erase a row for good, call carburetor_purge_contacts(id).';
    END IF;
END
$carburetor$;

CREATE OR REPLACE FUNCTION "carburetor_purge_contacts"(row_id text) RETURNS boolean
LANGUAGE plpgsql
SET search_path FROM CURRENT
AS $carburetor$
BEGIN
    UPDATE "contacts"
    SET "full_name" = '',
        "note" = NULL,
        "is_deleted" = true,
        "carburetor$clocks" = jsonb_build_object('full_name', '9999999999999999-99999-~purge', 'owner_id', '9999999999999999-99999-~purge', 'note', '9999999999999999-99999-~purge', 'is_deleted', '9999999999999999-99999-~purge')
    WHERE "id" = row_id;
    RETURN FOUND;
END
$carburetor$;
