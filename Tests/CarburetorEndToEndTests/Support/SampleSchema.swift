/// The server schema of `Generated/input.carb`, with the stamping trigger of
/// the PostgreSQL backend: every INSERT stamps `clock_timestamp()`, every
/// UPDATE the later of that and the old stamp plus a microsecond.
enum SampleSchema {
    static let tables: [(name: String, stamp: String, columns: String)] = [
        ("phone_books", "updated_at", """
            "id" text PRIMARY KEY, "name" text NOT NULL, "phone_number" text NOT NULL, "note" text,
            "owner_id" text NOT NULL, "kind" text NOT NULL DEFAULT 'mobile',
            "updated_at" timestamptz NOT NULL, "is_deleted" boolean NOT NULL DEFAULT false
            """),
        ("users", "last_synced_at", """
            "id" text PRIMARY KEY, "name" text NOT NULL, "is_deleted" boolean NOT NULL DEFAULT false,
            "last_synced_at" timestamptz NOT NULL
            """),
        ("every_types", "last_synced_at", """
            "id" text PRIMARY KEY, "text_value" text NOT NULL, "small_value" smallint NOT NULL,
            "int_value" integer NOT NULL, "big_value" bigint NOT NULL, "float_value" real NOT NULL,
            "double_value" double precision NOT NULL, "numeric_value" numeric NOT NULL, "bool_value" boolean NOT NULL,
            "instant" timestamptz NOT NULL, "local_moment" timestamp NOT NULL, "day" date NOT NULL, "clock" time NOT NULL,
            "uuid_value" uuid NOT NULL, "jsonb_value" jsonb NOT NULL, "json_value" json NOT NULL, "bytes" bytea NOT NULL,
            "maybe_text" text, "maybe_day" date, "maybe_json" jsonb,
            "is_deleted" boolean NOT NULL DEFAULT false, "last_synced_at" timestamptz NOT NULL
            """),
    ]

    static var statements: [String] {
        tables.flatMap { table in
            [
                "CREATE TABLE \"\(table.name)\" (\(table.columns))",
                """
                CREATE FUNCTION "stamp_\(table.name)"() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        NEW."\(table.stamp)" := greatest(clock_timestamp(), OLD."\(table.stamp)" + interval '1 microsecond');
                    ELSE
                        NEW."\(table.stamp)" := clock_timestamp();
                    END IF;
                    RETURN NEW;
                END $$
                """,
                """
                CREATE TRIGGER "stamp_\(table.name)" BEFORE INSERT OR UPDATE ON "\(table.name)"
                FOR EACH ROW EXECUTE FUNCTION "stamp_\(table.name)"()
                """,
                "CREATE INDEX ON \"\(table.name)\" (\"\(table.stamp)\", \"id\")",
            ]
        }
    }
}
