// Measures what every user of a synced table pays, on a throwaway PostgreSQL
// (build with -c release):
//
//     swift run -c release carburetor-sync-benchmark [ROUNDS] [DOWNLOAD-ROWS] [PARTS]
//
// PARTS (default `trigger,download,upload`) leaves parts out; downloads
// always run, since they load the table uploads write to (use 1000 rows).
//
// 1. The stamping trigger: the generated per-table function vs a hand-written
//    PL/pgSQL trigger doing the same job vs no trigger, on INSERT and UPDATE
//    of 100,000 narrow rows and UPDATE of 100 rows holding 1 MB each.
// 2. Downloads: rows per second through `TableDownload.run` (pages of 1,000)
//    vs the same keyset query run raw through PostgresNIO, with its plan.
// 3. Uploads: `uploadBenchmark(client:database:)`, a hook for the upload code.
//
// Each trigger figure is the median of ROUNDS runs (default 3), the variants
// interleaved so load changes on the machine hit them alike.
import CarburetorChecker
import CarburetorSchema
import CarburetorPostgres
import CarburetorRuntime
import CarburetorSQL
import CarburetorTestSupport
import Foundation
import Logging
import PostgresNIO

enum Settings {
    static let arguments = CommandLine.arguments
    static let rounds = arguments.count > 1 ? max(1, Int(arguments[1]) ?? 3) : 3
    static let downloadRows = arguments.count > 2 ? max(1_000, Int(arguments[2]) ?? 1_000_000) : 1_000_000
    static let parts: Set<String> = arguments.count > 3
        ? Set(arguments[3].split(separator: ",").map(String.init)) : ["trigger", "download", "upload"]
    static let narrowRows = 100_000
    static let wideRows = 100
    static let logger = Logger(label: "carburetor.sync-benchmark", factory: { _ in SwiftLogNoOpLogHandler() })
    static let schema: Schema = {
        guard let schema = Frontend.compile(SourceFile(name: "benchmark.carb", text: Settings.config)).schema else {
            fatalError("the benchmark config does not compile")
        }
        return schema
    }()
}


extension Settings {
    static let config = """
        tables {
            item {
                name -> Text,
                note -> Nullable<Text>,
                counter -> Integer,
                #[immutable]
                owner_id -> Text,
            }
            blob {
                payload -> Text,
                counter -> Integer,
            }
        }
        sync_groups {
            all { item, blob }
        }
        """
}


/// Writes a line at once (unbuffered), so figures measured survive a later failure.
func say(_ text: String) {
    FileHandle.standardOutput.write(Data((text + "\n").utf8))
}

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = ContinuousClock.now
    try body()
    return seconds(ContinuousClock.now - start)
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}

func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

func format(_ value: Double, _ digits: Int = 3) -> String {
    String(format: "%.\(digits)f", value)
}

// MARK: - Trigger

/// How each variant's tables get their triggers. Without a trigger the
/// stamp column gets `DEFAULT clock_timestamp()` so rows can be written.
enum TriggerVariant: String, CaseIterable {
    case none = "no trigger"
    case handWritten = "hand-written"
    case generated = "generated"
    case generatedWithoutSearchPath = "generated, no SET search_path"
}

/// The generated script for the schema, in one PostgreSQL schema per variant.
func setUp(_ variant: TriggerVariant, on connection: CarburetorPostgres.PostgresConnection) throws {
    try connection.execute("DROP SCHEMA IF EXISTS bench CASCADE")
    var script = SQLGenerator(options: .init(schemaName: "bench")).script(for: Settings.schema)
    if variant == .generatedWithoutSearchPath {
        script = script.replacing("SET search_path = pg_catalog, pg_temp\nAS $carburetor$", with: "AS $carburetor$")
    }
    try connection.execute(script)
    switch variant {
    case .generated, .generatedWithoutSearchPath:
        break
    case .none, .handWritten:
        for table in ["items", "blobs"] {
            try connection.execute("""
                DROP TRIGGER carburetor_stamp ON bench.\(table);
                DROP TRIGGER carburetor_refuse_delete ON bench.\(table);
                ALTER TABLE bench.\(table) ALTER COLUMN last_synced_at SET DEFAULT clock_timestamp();
                """)
        }
        if variant == .handWritten { try connection.execute(HandWrittenTrigger.sql) }
    }
}

/// The job done by hand, the way one would write it for these two tables.
enum HandWrittenTrigger {
    static let sql = """
        CREATE FUNCTION bench.hand_items() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            ts timestamptz;
            clk text;
            c jsonb;
            e text;
        BEGIN
            IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
                RAISE EXCEPTION 'no hard deletes on %', TG_TABLE_NAME USING ERRCODE = 'CB002';
            END IF;
            ts := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond');
            IF TG_OP = 'UPDATE' THEN
                IF NEW.id IS DISTINCT FROM OLD.id OR NEW.owner_id IS DISTINCT FROM OLD.owner_id THEN
                    RAISE EXCEPTION 'id and owner_id never change' USING ERRCODE = 'CB001';
                END IF;
                ts := greatest(ts, OLD.last_synced_at + interval '1 microsecond');
            END IF;
            NEW.last_synced_at := ts;
            clk := lpad((extract(epoch FROM ts) * 1000000)::bigint::text, 16, '0') || '-00000-~server';
            IF TG_OP = 'INSERT' THEN
                NEW."carburetor$clocks" := jsonb_build_object('name', clk, 'note', clk, 'counter', clk, 'owner_id', clk,
                                                              'is_deleted', clk) || NEW."carburetor$clocks";
                RETURN NEW;
            END IF;
            IF NEW."carburetor$clocks" IS DISTINCT FROM OLD."carburetor$clocks" THEN
                RETURN NEW;
            END IF;
            c := OLD."carburetor$clocks";
            IF NEW.name IS DISTINCT FROM OLD.name THEN
                e := c ->> 'name';
                c := jsonb_set(c, '{name}', to_jsonb(CASE WHEN e IS NULL OR clk COLLATE "C" > e COLLATE "C" THEN clk
                    ELSE left(e, 17) || lpad((substr(e, 18, 5)::int + 1)::text, 5, '0') || '-~server' END));
            END IF;
            IF NEW.note IS DISTINCT FROM OLD.note THEN
                e := c ->> 'note';
                c := jsonb_set(c, '{note}', to_jsonb(CASE WHEN e IS NULL OR clk COLLATE "C" > e COLLATE "C" THEN clk
                    ELSE left(e, 17) || lpad((substr(e, 18, 5)::int + 1)::text, 5, '0') || '-~server' END));
            END IF;
            IF NEW.counter IS DISTINCT FROM OLD.counter THEN
                e := c ->> 'counter';
                c := jsonb_set(c, '{counter}', to_jsonb(CASE WHEN e IS NULL OR clk COLLATE "C" > e COLLATE "C" THEN clk
                    ELSE left(e, 17) || lpad((substr(e, 18, 5)::int + 1)::text, 5, '0') || '-~server' END));
            END IF;
            IF NEW.is_deleted IS DISTINCT FROM OLD.is_deleted THEN
                e := c ->> 'is_deleted';
                c := jsonb_set(c, '{is_deleted}', to_jsonb(CASE WHEN e IS NULL OR clk COLLATE "C" > e COLLATE "C" THEN clk
                    ELSE left(e, 17) || lpad((substr(e, 18, 5)::int + 1)::text, 5, '0') || '-~server' END));
            END IF;
            NEW."carburetor$clocks" := c;
            RETURN NEW;
        END $$;
        CREATE TRIGGER hand_stamp BEFORE INSERT OR UPDATE ON bench.items FOR EACH ROW EXECUTE FUNCTION bench.hand_items();
        CREATE TRIGGER hand_refuse BEFORE DELETE OR TRUNCATE ON bench.items FOR EACH STATEMENT EXECUTE FUNCTION bench.hand_items();

        CREATE FUNCTION bench.hand_blobs() RETURNS trigger LANGUAGE plpgsql
        SET search_path = pg_catalog, pg_temp AS $$
        DECLARE
            ts timestamptz;
            clk text;
            c jsonb;
            e text;
        BEGIN
            IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
                RAISE EXCEPTION 'no hard deletes on %', TG_TABLE_NAME USING ERRCODE = 'CB002';
            END IF;
            ts := greatest(clock_timestamp(), transaction_timestamp() + interval '1 microsecond');
            IF TG_OP = 'UPDATE' THEN
                IF NEW.id IS DISTINCT FROM OLD.id THEN
                    RAISE EXCEPTION 'id never changes' USING ERRCODE = 'CB001';
                END IF;
                ts := greatest(ts, OLD.last_synced_at + interval '1 microsecond');
            END IF;
            NEW.last_synced_at := ts;
            clk := lpad((extract(epoch FROM ts) * 1000000)::bigint::text, 16, '0') || '-00000-~server';
            IF TG_OP = 'INSERT' THEN
                NEW."carburetor$clocks" := jsonb_build_object('payload', clk, 'counter', clk, 'is_deleted', clk)
                    || NEW."carburetor$clocks";
                RETURN NEW;
            END IF;
            IF NEW."carburetor$clocks" IS DISTINCT FROM OLD."carburetor$clocks" THEN
                RETURN NEW;
            END IF;
            c := OLD."carburetor$clocks";
            IF NEW.payload IS DISTINCT FROM OLD.payload THEN
                e := c ->> 'payload';
                c := jsonb_set(c, '{payload}', to_jsonb(CASE WHEN e IS NULL OR clk COLLATE "C" > e COLLATE "C" THEN clk
                    ELSE left(e, 17) || lpad((substr(e, 18, 5)::int + 1)::text, 5, '0') || '-~server' END));
            END IF;
            IF NEW.counter IS DISTINCT FROM OLD.counter THEN
                e := c ->> 'counter';
                c := jsonb_set(c, '{counter}', to_jsonb(CASE WHEN e IS NULL OR clk COLLATE "C" > e COLLATE "C" THEN clk
                    ELSE left(e, 17) || lpad((substr(e, 18, 5)::int + 1)::text, 5, '0') || '-~server' END));
            END IF;
            IF NEW.is_deleted IS DISTINCT FROM OLD.is_deleted THEN
                e := c ->> 'is_deleted';
                c := jsonb_set(c, '{is_deleted}', to_jsonb(CASE WHEN e IS NULL OR clk COLLATE "C" > e COLLATE "C" THEN clk
                    ELSE left(e, 17) || lpad((substr(e, 18, 5)::int + 1)::text, 5, '0') || '-~server' END));
            END IF;
            NEW."carburetor$clocks" := c;
            RETURN NEW;
        END $$;
        CREATE TRIGGER hand_stamp BEFORE INSERT OR UPDATE ON bench.blobs FOR EACH ROW EXECUTE FUNCTION bench.hand_blobs();
        CREATE TRIGGER hand_refuse BEFORE DELETE OR TRUNCATE ON bench.blobs FOR EACH STATEMENT EXECUTE FUNCTION bench.hand_blobs();
        """
}

struct TriggerTimes {
    var insert: [Double] = []
    var update: [Double] = []
    var wideUpdate: [Double] = []
}

func measureTriggers(on connection: CarburetorPostgres.PostgresConnection) throws -> [TriggerVariant: TriggerTimes] {
    var times: [TriggerVariant: TriggerTimes] = [:]
    for round in 1...Settings.rounds {
        for variant in TriggerVariant.allCases {
            try setUp(variant, on: connection)
            var result = times[variant] ?? TriggerTimes()
            result.insert.append(try measure {
                try connection.execute("""
                    INSERT INTO bench.items (id, name, counter, owner_id)
                    SELECT 'item-' || g, 'name ' || g, g, 'owner-' || (g % 100) FROM generate_series(1, \(Settings.narrowRows)) g
                    """)
            })
            try connection.execute("VACUUM ANALYZE bench.items")
            result.update.append(try measure {
                try connection.execute("UPDATE bench.items SET counter = counter + 1")
            })
            // 1 MB of hex digits per row: stored out of line (TOAST), compressed little.
            try connection.execute("""
                INSERT INTO bench.blobs (id, payload, counter)
                SELECT 'blob-' || g, (SELECT string_agg(md5(g::text || '-' || k), '') FROM generate_series(1, 32768) k), 0
                FROM generate_series(1, \(Settings.wideRows)) g
                """)
            try connection.execute("VACUUM ANALYZE bench.blobs")
            result.wideUpdate.append(try measure {
                try connection.execute("UPDATE bench.blobs SET counter = counter + 1")
            })
            times[variant] = result
        }
        FileHandle.standardError.write(Data("trigger round \(round) of \(Settings.rounds) done\n".utf8))
    }
    try connection.execute("DROP SCHEMA bench CASCADE")
    return times
}

func printTriggerTable(_ times: [TriggerVariant: TriggerTimes]) {
    say("Trigger (median of \(Settings.rounds) runs, seconds; ratio to hand-written)")
    say(pad("", 32) + pad("INSERT \(Settings.narrowRows)", 22) + pad("UPDATE \(Settings.narrowRows)", 22) + "UPDATE \(Settings.wideRows) × 1 MB")
    let hand = times[.handWritten]!
    for variant in TriggerVariant.allCases {
        let t = times[variant]!
        func cell(_ values: [Double], _ reference: [Double]) -> String {
            "\(format(median(values))) s (\(format(median(values) / median(reference), 2))×)"
        }
        say(pad(variant.rawValue, 32) + pad(cell(t.insert, hand.insert), 22) + pad(cell(t.update, hand.update), 22)
              + cell(t.wideUpdate, hand.wideUpdate))
    }
    say("")
}

// MARK: - Download

/// The `items` table as generated code would model it.
struct Item: SyncedRow {
    var id: String
    var name: String
    var note: String?
    var counter: Int32
    var ownerID: String
    var isDeleted: Bool
    var lastSyncedAt: Date

    static let syncedTable = SyncedTable(
        name: "items", columns: ["id", "name", "note", "counter", "owner_id", "is_deleted", "last_synced_at"],
        idColumn: "id", syncColumn: "last_synced_at", softDeleteColumn: "is_deleted")

    init(reading row: inout PostgresRowReader) throws {
        id = try row.next()
        name = try row.next()
        note = try row.next()
        counter = try row.next()
        ownerID = try row.next()
        isDeleted = try row.next()
        lastSyncedAt = try row.next()
    }
}

/// The keyset query written by hand; the offset is exact microseconds (a
/// `Date` round trip may be a microsecond off and repeat or skip rows).
extension Settings {
    static let keysetSQL = """
        SELECT "id", "name", "note", "counter", "owner_id", "is_deleted", "last_synced_at",
               (extract(epoch FROM "last_synced_at") * 1000000)::int8, "id"
        FROM "items"
        WHERE "last_synced_at" <= $1
          AND ("last_synced_at", "id") > ('epoch'::timestamptz + $2 * interval '1 microsecond', $3)
        ORDER BY "last_synced_at", "id" LIMIT 1001
        """
}

func measureDownload(database: TestDatabase, client: PostgresClient) async throws {
    let connection = try database.connect()
    try connection.execute(SQLGenerator().script(for: Settings.schema))
    let load = try measure {
        try connection.execute("""
            INSERT INTO items (id, name, note, counter, owner_id)
            SELECT 'item-' || lpad(g::text, 7, '0'), 'name ' || g, CASE WHEN g % 3 = 0 THEN 'note' END, g, 'owner-' || (g % 100)
            FROM generate_series(1, \(Settings.downloadRows)) g
            """)
        try connection.execute("VACUUM ANALYZE items")
    }
    FileHandle.standardError.write(Data("loaded \(Settings.downloadRows) rows in \(format(load, 1)) s\n".utf8))
    let start = Date(timeIntervalSince1970: 0)

    func viaTableDownload() async throws -> Int {
        var offset = start
        var offsetID: String? = ""
        var count = 0
        while true {
            let page = try await TableDownload.run(Item.self, on: client, offset: offset, offsetID: offsetID, pageSize: 1_000)
            count += page.data.count
            guard page.hasMore else { return count }
            offset = page.cutoffAt
            offsetID = page.offsetID
        }
    }

    func viaRawQuery() async throws -> Int {
        let cutoff = Date()
        var offset: Int64 = 0
        var offsetID = ""
        var count = 0
        while true {
            var binds = PostgresBindings()
            binds.append(cutoff)
            binds.append(offset)
            binds.append(offsetID)
            let rows = try await client.query(PostgresQuery(unsafeSQL: Settings.keysetSQL, binds: binds), logger: Settings.logger)
            var page = 0
            for try await (id, _, _, _, _, _, _, stamp, _) in rows.decode(
                (String, String, String?, Int32, String, Bool, Date, Int64, String).self) {
                page += 1
                guard page <= 1_000 else { continue }
                count += 1
                offset = stamp
                offsetID = id
            }
            if page <= 1_000 { return count }
        }
    }

    var carburetor: [Double] = []
    var raw: [Double] = []
    for _ in 1...Settings.rounds {
        var rows = 0
        raw.append(try await timeAsync { rows = try await viaRawQuery() })
        precondition(rows == Settings.downloadRows, "the raw query read \(rows) rows")
        carburetor.append(try await timeAsync { rows = try await viaTableDownload() })
        precondition(rows == Settings.downloadRows, "TableDownload read \(rows) rows")
    }
    let plan = try connection.query("""
        EXPLAIN SELECT "id" FROM "items" WHERE "last_synced_at" <= now()
        AND ("last_synced_at", "id") > ('2000-01-01', 'x') ORDER BY "last_synced_at", "id" LIMIT 1001
        """).rows.compactMap { $0.first ?? nil }
    say("Download of \(Settings.downloadRows) rows in pages of 1,000 (median of \(Settings.rounds) runs)")
    let rawTime = median(raw)
    let carburetorTime = median(carburetor)
    say(pad("raw keyset query (PostgresNIO)", 32) + "\(format(rawTime)) s  \(Int(Double(Settings.downloadRows) / rawTime)) rows/s")
    say(pad("TableDownload.run", 32) + "\(format(carburetorTime)) s  \(Int(Double(Settings.downloadRows) / carburetorTime)) rows/s  "
          + "(\(format(carburetorTime / rawTime, 2))× the raw query's time)")
    say("plan: " + plan.joined(separator: " / "))
    say("")
}

func timeAsync(_ body: () async throws -> Void) async rethrows -> Double {
    let start = ContinuousClock.now
    try await body()
    return seconds(ContinuousClock.now - start)
}

// MARK: - Run


try await withTemporaryDatabase { database in
    let connection = try database.connect()
    let version = try connection.query("SHOW server_version").scalar ?? "?"
    say("PostgreSQL \(version), \(ProcessInfo.processInfo.activeProcessorCount) processors\n")
    if Settings.parts.contains("trigger") { printTriggerTable(try measureTriggers(on: connection)) }

    var configuration = PostgresClient.Configuration(
        host: database.host, port: database.port, username: database.user, password: database.password,
        database: database.database, tls: .disable)
    configuration.options.maximumConnections = 4
    let client = PostgresClient(configuration: configuration, backgroundLogger: Settings.logger)
    try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        try await measureDownload(database: database, client: client)
        if Settings.parts.contains("upload") {
            for line in try await uploadBenchmark(client: client, database: database) { say(line) }
        }
    }
}
