import CarburetorSchema

/// Builds the declarations of one table: the select model with its coding and
/// row reading, the nested `Insert` and `Changeset` models.
struct ModelTranslator {
    let table: Table
    let names: SwiftNames

    var modelName: String { SwiftNames.modelName(table) }
    var serverColumns: [Column] { table.serverColumns }

    func declarations() -> [SwiftDeclaration] {
        [.type(selectModel()), .extension(syncedRowExtension()), .extension(uploadableRowExtension()),
         .extension(insertFunction()), .extension(updateFunction())]
    }

    // MARK: Select model

    func selectModel() -> TypeDeclaration {
        var members: [SwiftDeclaration] = serverColumns.map { column in
            .property(PropertyDeclaration(
                documentation: column.documentation, name: property(column), type: names.swiftType(column.type)))
        }
        let idProperty = property(table.idColumn)
        if idProperty != "id", !serverColumns.contains(where: { property($0) == "id" }) {
            members.append(.property(PropertyDeclaration(
                documentation: "The sync id (`Identifiable`).", isMutable: true, name: "id",
                type: names.library("String"), getter: [idProperty])))
        }
        members.append(.function(memberwiseInit(serverColumns.map { ($0, names.swiftType($0.type), nil) })))
        members.append(.function(decodingInit(serverColumns.map { ($0, decodeCall(for: $0)) })))
        members.append(.function(encodeFunction(serverColumns.map { ($0, encodeCall(for: $0)) })))
        members.append(.type(insertModel()))
        members.append(.type(changesetModel()))
        members.append(.type(uploadModel()))
        return TypeDeclaration(
            documentation: table.documentation ?? "A row of `\(table.plural)`.",
            kind: .struct, name: modelName,
            conformances: ["Codable", "Sendable", "Hashable", "Identifiable"].map(names.library),
            members: members)
    }

    func syncedRowExtension() -> ExtensionDeclaration {
        let columnList = serverColumns.map { swiftStringLiteral($0.name) }.joined(separator: ", ")
        let tableValue = [
            "\(names.library("SyncedTable"))(",
            "    name: \(swiftStringLiteral(table.plural)),",
            "    columns: [\(columnList)],",
            "    idColumn: \(swiftStringLiteral(table.idColumn.name)),",
            "    syncColumn: \(swiftStringLiteral(table.syncColumn.name)),",
            "    softDeleteColumn: \(swiftStringLiteral(table.softDeleteColumn.name))",
            ")",
        ]
        let arguments = serverColumns.map { "\(SwiftNames.argumentLabel(label($0))): row.next()" }
        return ExtensionDeclaration(
            extendedType: modelName, conformances: [names.library("SyncedRow")],
            members: [
                .property(PropertyDeclaration(
                    isStatic: true, isMutable: false, name: "syncedTable", type: names.library("SyncedTable"),
                    getter: tableValue)),
                .function(FunctionDeclaration(
                    signature: "public init",
                    parameters: ["reading row: inout \(names.library("PostgresRowReader"))"],
                    effectsAndResult: "throws",
                    body: callLines("try self.init", arguments))),
            ])
    }

    // MARK: Insert model

    /// How a column appears in the insert model.
    enum InsertShape {
        /// Required value (with an optional Swift default expression).
        case required(swiftDefault: String?)
        /// SQL default, not nullable: `T?`, `nil` = database default.
        case databaseDefault
        /// SQL default, nullable: `T??`, `nil` = database default, `.some(nil)` = NULL.
        case nullableDatabaseDefault
    }

    var insertColumns: [Column] {
        serverColumns.filter { $0.role != .syncStamp }
    }

    func insertShape(_ column: Column) -> InsertShape {
        if column.role == .softDelete { return .required(swiftDefault: "false") }
        if column.sqlDefault != nil { return column.isNullable ? .nullableDatabaseDefault : .databaseDefault }
        return .required(swiftDefault: column.swiftDefault)
    }

    func insertModel() -> TypeDeclaration {
        let columns = insertColumns
        var members: [SwiftDeclaration] = []
        var initParameters: [(Column, String, String?)] = []
        var decodes: [(Column, String)] = []
        var encodes: [(Column, String)] = []
        for column in columns {
            let base = names.swiftType(column.type)
            let key = swiftStringLiteral(column.name)
            let name = property(column)
            let type: String
            let defaultValue: String?
            var documentation = column.documentation
            switch insertShape(column) {
            case .required(let swiftDefault):
                type = base
                defaultValue = swiftDefault ?? (column.isNullable ? "nil" : nil)
                if column.role == .softDelete {
                    decodes.append((column, "try container.decodeWireIfPresent(forKey: \(key)) ?? false"))
                } else {
                    decodes.append((column, decodeCall(for: column)))
                }
                encodes.append((column, encodeCall(for: column)))
            case .databaseDefault:
                type = base + "?"
                defaultValue = "nil"
                documentation = appending(documentation, "`nil` lets the database default apply.")
                decodes.append((column, "try container.decodeWireIfPresent(forKey: \(key))"))
                encodes.append((column, "try container.encodeWireIfPresent(self.\(name), forKey: \(key))"))
            case .nullableDatabaseDefault:
                type = base + "?"
                defaultValue = "nil"
                documentation = appending(documentation, "`nil` lets the database default apply; `.some(nil)` stores NULL.")
                decodes.append((column, "try container.decodeNullableWireIfPresent(forKey: \(key))"))
                encodes.append((column, "try container.encodeNullableWireIfPresent(self.\(name), forKey: \(key))"))
            }
            members.append(.property(PropertyDeclaration(documentation: documentation, name: name, type: type)))
            initParameters.append((column, type, defaultValue))
        }
        members.append(.function(memberwiseInit(initParameters)))
        members.append(.function(decodingInit(decodes)))
        members.append(.function(encodeFunction(encodes)))
        return TypeDeclaration(
            documentation: "What a client supplies to create a row of `\(table.plural)`; the server stamps "
                + "`\(table.syncColumn.name)`.",
            kind: .struct, name: "Insert",
            conformances: ["Codable", "Sendable", "Hashable"].map(names.library), members: members)
    }

    // MARK: Changeset

    /// Columns a changeset may set: not the id, not immutable, not the stamp.
    var mutableColumns: [Column] {
        serverColumns.filter { $0.role != .id && $0.role != .syncStamp && !$0.isImmutable }
    }

    func changesetModel() -> TypeDeclaration {
        let id = table.idColumn
        let fieldUpdate = names.library("FieldUpdate")
        var members: [SwiftDeclaration] = [
            .property(PropertyDeclaration(
                documentation: appending(id.documentation, "The id of the row to change."),
                isMutable: false, name: property(id), type: names.swiftType(id.type))),
        ]
        var initParameters: [(Column, String, String?)] = [(id, names.swiftType(id.type), nil)]
        var decodes: [(Column, String)] = [(id, decodeCall(for: id))]
        var encodes: [(Column, String)] = [(id, encodeCall(for: id))]
        for column in mutableColumns {
            let type = "\(fieldUpdate)<\(names.swiftType(column.type))>"
            let key = swiftStringLiteral(column.name)
            members.append(.property(PropertyDeclaration(
                documentation: column.documentation, name: property(column), type: type)))
            initParameters.append((column, type, ".unchanged"))
            decodes.append((column, "try container.decodeFieldUpdate(forKey: \(key))"))
            encodes.append((column, "try container.encodeFieldUpdate(self.\(property(column)), forKey: \(key))"))
        }
        members.append(.function(memberwiseInit(initParameters)))
        members.append(.function(decodingInit(decodes)))
        members.append(.function(encodeFunction(encodes)))
        return TypeDeclaration(
            documentation: "A change to a row of `\(table.plural)`: each field is `.unchanged` (left out of the "
                + "JSON) or `.set(value)`; `.set(nil)` clears a nullable column.",
            kind: .struct, name: "Changeset",
            conformances: ["Codable", "Sendable", "Hashable"].map(names.library), members: members)
    }

    // MARK: Insert and update functions

    func insertFunction() -> ExtensionDeclaration {
        let body = insertColumns.map { column -> String in
            let method: String
            switch insertShape(column) {
            case .required: method = column.isNullable ? "setNullable" : "set"
            case .databaseDefault: method = "setUnlessDefault"
            case .nullableDatabaseDefault: method = "setNullableUnlessDefault"
            }
            return "values.\(method)(\(swiftStringLiteral(column.name)), self.\(property(column)))"
        }
        return ExtensionDeclaration(
            extendedType: "\(modelName).Insert",
            members: [.function(FunctionDeclaration(
                documentation: "A trusted server-side write: inserts the row into `\(table.plural)` as the server "
                    + "(no tenancy check; the trigger gives its columns the server's clock) and returns it as stored, "
                    + "with its sync stamp and database defaults. Never call it with a device's payload: devices "
                    + "write through the group's `upload`.",
                signature: "public func trustedInsert",
                parameters: ["on client: \(names.library("PostgresClient"))"],
                effectsAndResult: "async throws -> \(modelName)",
                body: ["var values = \(names.library("ColumnValues"))()"] + body
                    + ["return try await \(names.library("TableWrite")).insert(\(modelName).self, values, on: client)"]))])
    }

    func updateFunction() -> ExtensionDeclaration {
        let columns = mutableColumns
        let body = columns.map { column in
            "values.\(column.isNullable ? "updateNullable" : "update")(\(swiftStringLiteral(column.name)), "
                + "self.\(property(column)))"
        }
        let valuesDeclaration = columns.isEmpty
            ? "let values = \(names.library("ColumnValues"))()"
            : "var values = \(names.library("ColumnValues"))()"
        return ExtensionDeclaration(
            extendedType: "\(modelName).Changeset",
            members: [.function(FunctionDeclaration(
                documentation: "A trusted server-side write: writes the set fields to the row of `\(table.plural)` "
                    + "with this id as the server (no tenancy check; the trigger stamps it and gives the changed "
                    + "columns the server's clock) and returns the row, or `nil` when no row has the id. Never call "
                    + "it with a device's payload: devices write through the group's `upload`.",
                signature: "public func trustedUpdate",
                parameters: ["on client: \(names.library("PostgresClient"))"],
                effectsAndResult: "async throws -> \(modelName)?",
                body: [valuesDeclaration] + body
                    + ["return try await \(names.library("TableWrite")).update(\(modelName).self, id: self.\(property(table.idColumn)), values, on: client)"]))])
    }

    // MARK: Shared pieces

    func property(_ column: Column) -> String {
        SwiftNames.propertyName(column.name)
    }

    /// The argument label of a column's initializer parameter.
    func label(_ column: Column) -> String {
        property(column)
    }

    /// The parameter's internal name: a parameter called `self` would shadow `self`.
    func parameterName(_ column: Column) -> String {
        property(column) == "`self`" ? "self_" : property(column)
    }

    func decodeCall(for column: Column) -> String {
        "try container.decodeWire(forKey: \(swiftStringLiteral(column.name)))"
    }

    func encodeCall(for column: Column) -> String {
        "try container.encodeWire(self.\(property(column)), forKey: \(swiftStringLiteral(column.name)))"
    }

    func memberwiseInit(_ parameters: [(Column, String, String?)]) -> FunctionDeclaration {
        FunctionDeclaration(
            signature: "public init",
            parameters: parameters.map { column, type, defaultValue in
                let internalName = parameterName(column)
                let head = internalName == label(column) ? label(column) : "\(label(column)) \(internalName)"
                return "\(head): \(type)" + (defaultValue.map { " = \($0)" } ?? "")
            },
            body: parameters.map { column, _, _ in "self.\(property(column)) = \(parameterName(column))" })
    }

    func decodingInit(_ decodes: [(Column, String)]) -> FunctionDeclaration {
        FunctionDeclaration(
            signature: "public init",
            parameters: ["from decoder: any \(names.library("Decoder"))"],
            effectsAndResult: "throws",
            body: ["let container = try decoder.container(keyedBy: \(names.library("WireKey")).self)"]
                + decodes.map { column, call in "self.\(property(column)) = \(call)" })
    }

    func encodeFunction(_ encodes: [(Column, String)]) -> FunctionDeclaration {
        FunctionDeclaration(
            signature: "public func encode",
            parameters: ["to encoder: any \(names.library("Encoder"))"],
            effectsAndResult: "throws",
            body: ["var container = encoder.container(keyedBy: \(names.library("WireKey")).self)"]
                + encodes.map(\.1))
    }

    func appending(_ documentation: String?, _ sentence: String) -> String {
        guard let documentation, !documentation.isEmpty else { return sentence }
        return documentation + "\n\n" + sentence
    }
}

/// `head(` + one argument per line + `)`, or one line when there are none.
func callLines(_ head: String, _ arguments: [String]) -> [String] {
    guard !arguments.isEmpty else { return [head + "()"] }
    return [head + "("]
        + arguments.enumerated().map { index, argument in
            "    " + argument + (index == arguments.count - 1 ? "" : ",")
        }
        + [")"]
}
