import CarburetorSchema

/// Builds a sync group's namespace: `DownloadRequest`, `DownloadResponse`,
/// `SyncContext` (when restricted) and `download(…)`.
struct GroupTranslator {
    let group: SyncGroup
    let schema: Schema
    let names: SwiftNames

    /// Names declared inside the namespace, which would shadow models of the same name.
    static let nestedTypeNames: Set<String> = [
        "DownloadRequest", "DownloadResponse", "SyncContext", "UploadRequest", "UploadResponse",
    ]

    struct Entry {
        var table: Table
        var restriction: Restriction?
    }

    var entries: [Entry] {
        group.entries.compactMap { entry in
            schema.table(named: entry.tableName).map { Entry(table: $0, restriction: entry.restriction) }
        }
    }

    /// The model type as seen from inside the namespace.
    func modelReference(_ table: Table) -> String {
        let name = Naming.upperCamelCase(table.name)
        return Self.nestedTypeNames.contains(name) ? Self.modelAlias(name) : SwiftNames.modelName(table)
    }

    /// A file-level alias for a model that a nested type shadows.
    static func modelAlias(_ modelName: String) -> String {
        "Carburetor\(modelName)Model"
    }

    func declaration() -> TypeDeclaration {
        var members: [SwiftDeclaration] = [.type(requestType()), .type(responseType())]
        if group.isRestricted { members.append(.type(contextType())) }
        members.append(.function(downloadFunction()))
        members += [.type(uploadRequestType()), .type(uploadResponseType()), .function(uploadFunction())]
        return TypeDeclaration(
            documentation: group.documentation ?? "The `\(group.name)` sync group.",
            kind: .enum, name: SwiftNames.groupName(group), members: members)
    }

    // MARK: Request

    private func offsetProperty(_ table: Table) -> String {
        SwiftNames.propertyName(table.name + "_offset")
    }

    private func offsetIDProperty(_ table: Table) -> String {
        SwiftNames.propertyName(table.name + "_offset_id")
    }

    private func requestType() -> TypeDeclaration {
        let date = names.library("Date")
        let string = names.library("String")
        var members: [SwiftDeclaration] = []
        var parameters: [String] = []
        var body: [String] = []
        var decodes: [String] = []
        var encodes: [String] = []
        for entry in entries {
            let table = entry.table
            let offset = offsetProperty(table)
            let offsetID = offsetIDProperty(table)
            members.append(.property(PropertyDeclaration(
                documentation: "Where the client's copy of `\(table.plural)` ends: the last response's `cutoff_at`; "
                    + "`nil` for an initial sync.",
                name: offset, type: date + "?")))
            members.append(.property(PropertyDeclaration(
                documentation: "The last response's `offset_id` for `\(table.plural)`.",
                name: offsetID, type: string + "?")))
            parameters += [SwiftNames.parameter(offset, date + "? = nil"), SwiftNames.parameter(offsetID, string + "? = nil")]
            body += [SwiftNames.assignment(offset), SwiftNames.assignment(offsetID)]
            let offsetKey = swiftStringLiteral(table.name + "_offset")
            let offsetIDKey = swiftStringLiteral(table.name + "_offset_id")
            decodes += [
                "self.\(offset) = try container.decodeWire(forKey: \(offsetKey))",
                "self.\(offsetID) = try container.decodeWire(forKey: \(offsetIDKey))",
            ]
            encodes += [
                "try container.encodeWire(self.\(offset), forKey: \(offsetKey))",
                "try container.encodeWire(self.\(offsetID), forKey: \(offsetIDKey))",
            ]
        }
        members.append(.function(FunctionDeclaration(signature: "public init", parameters: parameters, body: body)))
        members.append(.function(decodingInit(decodes)))
        members.append(.function(encodeFunction(encodes)))
        return TypeDeclaration(
            documentation: "A client's download request: per table, the offset it stored from the last response.",
            kind: .struct, name: "DownloadRequest",
            conformances: ["Codable", "Sendable", "Hashable"].map(names.library), members: members)
    }

    // MARK: Response

    func pageProperty(_ table: Table) -> String {
        SwiftNames.propertyName(table.plural)
    }

    private func responseType() -> TypeDeclaration {
        var members: [SwiftDeclaration] = []
        var parameters: [String] = []
        var body: [String] = []
        var decodes: [String] = []
        var encodes: [String] = []
        for entry in entries {
            let table = entry.table
            let name = pageProperty(table)
            let type = "\(names.library("TablePage"))<\(modelReference(table))>"
            let key = swiftStringLiteral(table.plural)
            members.append(.property(PropertyDeclaration(
                documentation: "Changed rows of `\(table.plural)` and the offset to store.", name: name, type: type)))
            parameters.append(SwiftNames.parameter(name, type))
            body.append(SwiftNames.assignment(name))
            decodes.append("self.\(name) = try container.decode(\(type).self, forKey: \(key))")
            encodes.append("try container.encode(self.\(name), forKey: \(key))")
        }
        members.append(.function(FunctionDeclaration(signature: "public init", parameters: parameters, body: body)))
        members.append(.function(decodingInit(decodes)))
        members.append(.function(encodeFunction(encodes)))
        let hasMore = entries.map { "\(pageProperty($0.table)).hasMore" }
        members.append(.property(PropertyDeclaration(
            documentation: "True when a table's page was full: download again with `nextRequest` for the rest.",
            name: "hasMore", type: names.library("Bool"),
            getter: [hasMore.isEmpty ? "false" : hasMore.joined(separator: " || ")])))
        let nextArguments = entries.flatMap { entry in
            let page = pageProperty(entry.table)
            return [
                "\(SwiftNames.argumentLabel(offsetProperty(entry.table))): \(page).cutoffAt",
                "\(SwiftNames.argumentLabel(offsetIDProperty(entry.table))): \(page).offsetID",
            ]
        }
        members.append(.property(PropertyDeclaration(
            documentation: "The request a client sends next, from the offsets in this response.",
            name: "nextRequest", type: "DownloadRequest",
            getter: callLines("DownloadRequest", nextArguments))))
        return TypeDeclaration(
            documentation: "The rows changed since the request's offsets, per table keyed by its plural.",
            kind: .struct, name: "DownloadResponse",
            conformances: ["Codable", "Sendable", "Hashable"].map(names.library), members: members)
    }

    // MARK: Context

    private func contextType() -> TypeDeclaration {
        var members: [SwiftDeclaration] = []
        var parameters: [String] = []
        var body: [String] = []
        for variable in group.contextVariables {
            let name = SwiftNames.propertyName(variable.name)
            let type = names.swiftType(variable.type)
            members.append(.property(PropertyDeclaration(
                documentation: "`$\(variable.name)`: only rows whose restrict column equals it are downloaded.",
                name: name, type: type)))
            parameters.append(SwiftNames.parameter(name, type))
            body.append(SwiftNames.assignment(name))
        }
        members.append(.function(FunctionDeclaration(signature: "public init", parameters: parameters, body: body)))
        return TypeDeclaration(
            documentation: "Who is downloading: set it on the server from the authenticated user, never from the request.",
            kind: .struct, name: "SyncContext",
            conformances: ["Sendable", "Hashable"].map(names.library), members: members)
    }

    // MARK: Download

    private func downloadFunction() -> FunctionDeclaration {
        var parameters = ["client: \(names.library("PostgresClient"))", "request: DownloadRequest"]
        if group.isRestricted { parameters.append("context: SyncContext") }
        parameters.append("pageSize: \(names.library("Int"))? = nil")
        var arguments: [String] = []
        for entry in entries {
            let table = entry.table
            var call = [
                "\(modelReference(table)).self",
                "on: client",
                "offset: request.\(offsetProperty(table))",
                "offsetID: request.\(offsetIDProperty(table))",
            ]
            if let restriction = entry.restriction {
                let variable = SwiftNames.propertyName(restriction.variable)
                call.append("restriction: \(names.library("RowRestriction"))(column: "
                    + "\(swiftStringLiteral(restriction.columnName)), equals: context.\(variable))")
            }
            call.append("pageSize: pageSize")
            arguments.append("\(SwiftNames.argumentLabel(pageProperty(table))): try await \(names.library("TableDownload")).run("
                + call.joined(separator: ", ") + ")")
        }
        return FunctionDeclaration(
            documentation: "Downloads every table of the group, each with its own cutoff, "
                + "after the request's offsets.\n"
                + "`pageSize` limits the rows per table; when `hasMore` is true, call again with `nextRequest`.",
            signature: "public static func download",
            parameters: parameters,
            effectsAndResult: "async throws -> DownloadResponse",
            body: entries.isEmpty ? ["DownloadResponse()"] : callLines("DownloadResponse", arguments))
    }

    // MARK: Coding

    func decodingInit(_ lines: [String]) -> FunctionDeclaration {
        FunctionDeclaration(
            signature: "public init",
            parameters: ["from decoder: any \(names.library("Decoder"))"],
            effectsAndResult: "throws",
            body: lines.isEmpty
                ? ["_ = try decoder.container(keyedBy: \(names.library("WireKey")).self)"]
                : ["let container = try decoder.container(keyedBy: \(names.library("WireKey")).self)"] + lines)
    }

    func encodeFunction(_ lines: [String]) -> FunctionDeclaration {
        FunctionDeclaration(
            signature: "public func encode",
            parameters: ["to encoder: any \(names.library("Encoder"))"],
            effectsAndResult: "throws",
            body: lines.isEmpty
                ? ["_ = encoder.container(keyedBy: \(names.library("WireKey")).self)"]
                : ["var container = encoder.container(keyedBy: \(names.library("WireKey")).self)"] + lines)
    }
}
