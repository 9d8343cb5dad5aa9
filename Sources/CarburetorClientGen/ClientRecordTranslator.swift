import CarburetorSchema

/// One table's GRDB record and sync descriptor.
struct ClientRecordTranslator {
    let table: Table
    /// Type names of the config's own records: a library type of the same name is qualified.
    let recordTypeNames: Set<String>

    /// The columns the record holds: the server's, without client-only storage
    /// (`#[dirty_flag]`, `#[client_column_sync_metadata]`): the store keeps its
    /// own per-column clocks and dirty state.
    private var columns: [Column] { table.serverColumns }

    /// Columns the device edits, each with a clock: all but the id and the sync stamp.
    private var clockedColumns: [Column] { columns.filter { $0.role != .id && $0.role != .syncStamp } }

    func print(into printer: inout ClientCodePrinter) {
        let typeName = ClientNames.typeName(table.name)
        printer.documentation(table.documentation ?? "A row of `\(table.plural)`.")
        printer.documentation("""

            Read it with GRDB (`\(typeName).filter(sql: SyncStore.liveCondition(\(typeName).syncedTable))` for live rows);
            write it through a `SyncStore` (`store.insert(db, row, into: \(typeName).syncedTable)`, `store.update(db, row, in:)`),
            which records each edited column's clock and dirty state with the edit.
            """)
        // `Identifiable` needs the id's property to be `id`.
        let identifiable = ClientNames.propertyName(table.idColumn.name) == "id" ? ", Identifiable" : ""
        printer.block("public struct \(typeName): FetchableRecord, PersistableRecord, Sendable, Hashable\(identifiable)") { printer in
            printer.print("public static let databaseTableName = \(ClientNames.stringLiteral(table.plural))")
            printer.print()
            printer.documentation("What the sync engine needs to know of `\(table.plural)`.")
            printer.print("public static let syncedTable = SyncedTable(")
            printer.indent { printer in
                printer.print("name: \(ClientNames.stringLiteral(table.plural)),")
                printer.print("singularName: \(ClientNames.stringLiteral(table.name)),")
                printer.print("idColumn: \(ClientNames.stringLiteral(table.idColumn.name)),")
                printer.print("syncStampColumn: \(ClientNames.stringLiteral(table.syncColumn.name)),")
                printer.print("softDeleteColumn: \(ClientNames.stringLiteral(table.softDeleteColumn.name)),")
                printer.print("columns: [")
                printer.indent { printer in
                    for column in clockedColumns { printer.print(descriptor(of: column) + ",") }
                }
                printer.print("]")
            }
            printer.print(")")
            for (index, column) in columns.enumerated() {
                let text = documentation(of: column)
                if text != nil || index == 0 { printer.print() }
                printer.documentation(text)
                printer.print("public var \(ClientNames.propertyName(column.name)): \(swiftType(of: column))")
            }
            printer.print()
            printInitializer(into: &printer)
            printer.print()
            printer.block("public init(row: GRDB.Row) throws") { printer in
                for column in columns {
                    printer.print("self.\(ClientNames.propertyName(column.name)) = try row.localValue(\(ClientNames.stringLiteral(column.name)))")
                }
            }
            printer.print()
            printer.block("public func encode(to container: inout GRDB.PersistenceContainer) throws") { printer in
                for column in columns {
                    printer.print("container[\(ClientNames.stringLiteral(column.name))] = self.\(ClientNames.propertyName(column.name)).localDatabaseValue")
                }
            }
        }
    }

    private func printInitializer(into printer: inout ClientCodePrinter) {
        let parameters = columns.map { column -> String in
            var parameter = "\(ClientNames.propertyName(column.name)): \(swiftType(of: column))"
            if let value = defaultArgument(of: column) { parameter += " = \(value)" }
            return parameter
        }
        printer.print("public init(")
        printer.indent { printer in
            for (index, parameter) in parameters.enumerated() {
                printer.print(parameter + (index == parameters.count - 1 ? "" : ","))
            }
        }
        printer.block(")") { printer in
            for column in columns {
                let name = ClientNames.propertyName(column.name)
                printer.print("self.\(name) = \(name)")
            }
        }
    }

    private func documentation(of column: Column) -> String? {
        switch column.role {
        case .id: return column.documentation ?? "The sync id (`Identifiable`); use a random id such as a UUID for new rows."
        case .syncStamp: return "Written by the server; `nil` until the row has been uploaded."
        case .softDelete: return column.documentation ?? "The soft-delete flag: `SyncStore.delete` sets it; live rows have `false`."
        default: return column.documentation
        }
    }

    private func swiftType(of column: Column) -> String {
        var base = Self.swiftType(column.type.scalar)
        if recordTypeNames.contains(base) {
            base = (["Date", "Data", "Decimal", "UUID"].contains(base) ? "Foundation." : base == "String" || base.hasPrefix("Int")
                || base == "Float" || base == "Double" || base == "Bool" ? "Swift." : "CarburetorClient.") + base
        }
        return column.isNullable || column.role == .syncStamp ? base + "?" : base
    }

    /// The initializer's default for a column: the config's Swift default, or
    /// its SQL default where Swift can spell it, so a new row needs only the
    /// values the config requires.
    private func defaultArgument(of column: Column) -> String? {
        if column.role == .softDelete { return "false" }
        if column.role == .syncStamp { return "nil" }
        if let expression = column.swiftDefault { return expression }
        let local = Self.localType(column.type.scalar)
        switch column.sqlDefault {
        case .text(let text)? where column.type.scalar == .text:
            return ClientNames.stringLiteral(text)
        case .number(let number)? where local == "real" || (local == "integer" && !number.contains(".")):
            return number
        case .emptyJSON? where column.type.scalar.isJSON:
            return "[:]"
        case .now? where column.type.scalar == .timestamptz && !recordTypeNames.contains("Date"):
            return "Date()"
        default:
            return column.isNullable ? "nil" : nil
        }
    }

    private func descriptor(of column: Column) -> String {
        var text = "SyncedColumn(\(ClientNames.stringLiteral(column.name)), .\(Self.localType(column.type.scalar))"
        if column.isNullable { text += ", nullable: true" }
        if let value = defaultLiteral(of: column) { text += ", default: \(value)" }
        if column.isImmutable { text += ", immutable: true" }
        return text + ")"
    }

    /// The value rows already on the device take when a newer config adds the column.
    private func defaultLiteral(of column: Column) -> String? {
        if column.role == .softDelete { return "false.databaseValue" }
        switch column.sqlDefault {
        case .text(let text)?:
            guard Self.localType(column.type.scalar) == "text" else { return nil }
            return "\(ClientNames.stringLiteral(text)).databaseValue"
        case .number(let number)?:
            switch Self.localType(column.type.scalar) {
            case "integer" where !number.contains("."): return "Int64(\(number)).databaseValue"
            case "real": return "Double(\(number)).databaseValue"
            case "text" where column.type.scalar == .numeric: return "\(ClientNames.stringLiteral(number)).databaseValue"
            default: return nil
            }
        case .emptyJSON? where column.type.scalar.isJSON:
            return "\"{}\".databaseValue"
        default:
            return nil
        }
    }

    static func swiftType(_ scalar: ScalarType) -> String {
        switch scalar {
        case .text: "String"
        case .smallInt: "Int16"
        case .integer: "Int32"
        case .bigInt: "Int64"
        case .float: "Float"
        case .double: "Double"
        case .numeric: "Decimal"
        case .bool: "Bool"
        case .timestamptz: "Date"
        case .timestamp: "LocalDateTime"
        case .date: "CalendarDate"
        case .time: "TimeOfDay"
        case .uuid: "UUID"
        case .jsonb, .json: "JSONValue"
        case .bytea: "Data"
        }
    }

    /// The `LocalColumnType` case: how the value is stored in SQLite and sent on the wire.
    static func localType(_ scalar: ScalarType) -> String {
        switch scalar {
        case .text, .numeric, .timestamptz, .timestamp, .date, .time, .uuid: "text"
        case .smallInt, .integer, .bigInt: "integer"
        case .float, .double: "real"
        case .bool: "boolean"
        case .jsonb, .json: "json"
        case .bytea: "blob"
        }
    }
}
