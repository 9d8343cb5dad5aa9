import CarburetorSchema
import CarburetorSQL

/// The nested `Upload` model of a table and its `UploadableRow` conformance:
/// one row of an upload, the columns a device set with the clock of each edit.
///
/// Wire form: `{"id": "p1", "set": {"name": "Carol"}, "clocks": {"name": "…"}}`.
extension ModelTranslator {
    /// Columns an upload may set, each with its own clock.
    var clockedColumns: [Column] { table.uploadableColumns }

    private var uploadIDProperty: String { "id" }

    func uploadModel() -> TypeDeclaration {
        let fieldUpdate = names.library("FieldUpdate")
        let clocksType = names.library("ColumnClocks")
        let string = names.library("String")
        var members: [SwiftDeclaration] = [
            .property(PropertyDeclaration(documentation: "The row's id.", name: uploadIDProperty, type: string)),
        ]
        var parameters = ["id: \(string)"]
        var body = ["self.id = id"]
        var decodes = ["self.id = try container.decodeWire(forKey: \"id\")",
                       "let set = try container.nestedContainer(keyedBy: \(names.library("WireKey")).self, forKey: \"set\")"]
        var encodes = ["try container.encodeWire(self.id, forKey: \"id\")",
                       "var set = container.nestedContainer(keyedBy: \(names.library("WireKey")).self, forKey: \"set\")"]
        for column in clockedColumns {
            let name = property(column)
            let type = "\(fieldUpdate)<\(names.swiftType(column.type))>"
            let key = swiftStringLiteral(column.name)
            members.append(.property(PropertyDeclaration(documentation: column.documentation, name: name, type: type)))
            parameters.append(SwiftNames.parameter(name, type + " = .unchanged"))
            body.append(SwiftNames.assignment(name))
            decodes.append("self.\(name) = try set.decodeFieldUpdate(forKey: \(key))")
            encodes.append("try set.encodeFieldUpdate(self.\(name), forKey: \(key))")
        }
        members.append(.property(PropertyDeclaration(
            documentation: "The clock of the edit of every set column, keyed by column name.",
            name: "clocks", type: clocksType)))
        parameters.append("clocks: \(clocksType) = [:]")
        body.append("self.clocks = clocks")
        decodes.append("self.clocks = try container.decodeIfPresent(\(clocksType).self, forKey: \"clocks\") ?? [:]")
        encodes.append("try container.encode(self.clocks, forKey: \"clocks\")")
        members.append(.function(FunctionDeclaration(signature: "public init", parameters: parameters, body: body)))
        members.append(.function(FunctionDeclaration(
            signature: "public init",
            parameters: ["from decoder: any \(names.library("Decoder"))"],
            effectsAndResult: "throws",
            body: ["let container = try decoder.container(keyedBy: \(names.library("WireKey")).self)"] + decodes)))
        members.append(.function(FunctionDeclaration(
            signature: "public func encode",
            parameters: ["to encoder: any \(names.library("Encoder"))"],
            effectsAndResult: "throws",
            body: ["var container = encoder.container(keyedBy: \(names.library("WireKey")).self)"] + encodes)))
        return TypeDeclaration(
            documentation: "One row of an upload to `\(table.plural)`: the columns a device set (`.set`) and the clock "
                + "of each edit. The server applies each column iff its clock is later than the stored one.",
            kind: .struct, name: "Upload",
            conformances: ["Codable", "Sendable", "Hashable"].map(names.library), members: members)
    }

    func uploadableRowExtension() -> ExtensionDeclaration {
        let columnValues = clockedColumns.map { column in
            let required = column.isRequiredToCreate
            return "\(names.library("UploadColumn"))(name: \(swiftStringLiteral(column.name)), "
                + "sqlType: \(swiftStringLiteral(SQLTypeMapping.sqlType(for: column.type.scalar)))"
                + ", isRequired: \(required), isImmutable: \(column.isImmutable)),"
        }
        let tableValue = [
            "\(names.library("UploadTable"))(",
            "    name: \(swiftStringLiteral(table.plural)),",
            "    idColumn: \(swiftStringLiteral(table.idColumn.name)),",
            "    syncColumn: \(swiftStringLiteral(table.syncColumn.name)),",
            "    columns: [",
        ] + columnValues.map { "        " + $0 } + ["    ]", ")"]
        let valuesBody = ["var values = \(names.library("UploadValues"))()"]
            + clockedColumns.map { "values.add(\(swiftStringLiteral($0.name)), self.\(property($0)))" }
            + ["return values.byColumn"]
        let arguments = ["id: id"] + clockedColumns.map { column in
            "\(SwiftNames.argumentLabel(property(column))): columns.contains(\(swiftStringLiteral(column.name))) "
                + "? .set(row.\(property(column))) : .unchanged"
        } + ["clocks: clocks"]
        return ExtensionDeclaration(
            extendedType: "\(modelName).Upload", conformances: [names.library("UploadableRow")],
            members: [
                .property(PropertyDeclaration(
                    isStatic: true, isMutable: false, name: "uploadTable", type: names.library("UploadTable"),
                    getter: tableValue)),
                .property(PropertyDeclaration(
                    isMutable: false, name: "postgresValues", type: "[\(names.library("String")): \(names.library("String"))?]",
                    getter: valuesBody)),
                .function(FunctionDeclaration(
                    signature: "public init",
                    parameters: ["id: \(names.library("String"))", "storedRow row: \(modelName)",
                                 "columns: \(names.library("Set"))<\(names.library("String"))>",
                                 "clocks: \(names.library("ColumnClocks"))"],
                    body: callLines("self.init", arguments))),
            ])
    }
}
