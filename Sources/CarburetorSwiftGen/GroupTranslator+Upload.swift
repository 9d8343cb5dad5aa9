import CarburetorSchema

/// A sync group's upload: `UploadRequest`, `UploadResponse` and `upload(…)`.
///
/// Request `{"<plural>": [<Model>.Upload, …], …}` (a table left out uploads
/// nothing); response `{"<plural>": [UploadResult, …], …, "server_clock": …}`
/// with one answer per uploaded row, in request order.
extension GroupTranslator {
    func uploadRequestType() -> TypeDeclaration {
        var members: [SwiftDeclaration] = []
        var parameters: [String] = []
        var body: [String] = []
        var decodes: [String] = []
        var encodes: [String] = []
        for entry in entries {
            let name = pageProperty(entry.table)
            let type = "[\(modelReference(entry.table)).Upload]"
            let key = swiftStringLiteral(entry.table.plural)
            members.append(.property(PropertyDeclaration(
                documentation: "Changed rows of `\(entry.table.plural)`.", name: name, type: type)))
            parameters.append(SwiftNames.parameter(name, type + " = []"))
            body.append(SwiftNames.assignment(name))
            decodes.append("self.\(name) = try container.decodeIfPresent(\(type).self, forKey: \(key)) ?? []")
            encodes.append("try container.encode(self.\(name), forKey: \(key))")
        }
        members.append(.function(FunctionDeclaration(signature: "public init", parameters: parameters, body: body)))
        members.append(.function(decodingInit(decodes)))
        members.append(.function(encodeFunction(encodes)))
        return TypeDeclaration(
            documentation: "What a device uploads: per table, keyed by its plural, the rows it changed with the clock "
                + "of each edited column.",
            kind: .struct, name: "UploadRequest",
            conformances: ["Codable", "Sendable", "Hashable"].map(names.library), members: members)
    }

    func uploadResponseType() -> TypeDeclaration {
        var members: [SwiftDeclaration] = []
        var parameters: [String] = []
        var body: [String] = []
        var decodes: [String] = []
        var encodes: [String] = []
        for entry in entries {
            let name = pageProperty(entry.table)
            let type = "[\(names.library("UploadResult"))<\(modelReference(entry.table)).Upload>]"
            let key = swiftStringLiteral(entry.table.plural)
            members.append(.property(PropertyDeclaration(
                documentation: "One answer per uploaded row of `\(entry.table.plural)`, in request order.",
                name: name, type: type)))
            parameters.append(SwiftNames.parameter(name, type))
            body.append(SwiftNames.assignment(name))
            decodes.append("self.\(name) = try container.decodeIfPresent(\(type).self, forKey: \(key)) ?? []")
            encodes.append("try container.encode(self.\(name), forKey: \(key))")
        }
        let clock = names.library("HLCTimestamp")
        members.append(.property(PropertyDeclaration(
            documentation: "The server's clock after the upload: a device's next clock reading must be later.",
            name: "serverClock", type: clock)))
        parameters.append("serverClock: \(clock)")
        body.append("self.serverClock = serverClock")
        decodes.append("self.serverClock = try container.decode(\(clock).self, forKey: \"server_clock\")")
        encodes.append("try container.encode(self.serverClock, forKey: \"server_clock\")")
        members.append(.function(FunctionDeclaration(signature: "public init", parameters: parameters, body: body)))
        members.append(.function(decodingInit(decodes)))
        members.append(.function(encodeFunction(encodes)))
        return TypeDeclaration(
            documentation: "The server's answer to an upload: per table, one result per uploaded row.",
            kind: .struct, name: "UploadResponse",
            conformances: ["Codable", "Sendable", "Hashable"].map(names.library), members: members)
    }

    func uploadFunction() -> FunctionDeclaration {
        var parameters = ["client: \(names.library("PostgresClient"))", "request: UploadRequest"]
        if group.isRestricted { parameters.append("context: SyncContext") }
        var lines: [String] = []
        var arguments: [String] = []
        for (index, entry) in entries.enumerated() {
            var call = "request.\(pageProperty(entry.table))"
            if let restriction = entry.restriction {
                let variable = SwiftNames.propertyName(restriction.variable)
                call += ", restriction: \(names.library("RowRestriction"))(column: "
                    + "\(swiftStringLiteral(restriction.columnName)), equals: context.\(variable))"
            }
            lines.append("let table\(index) = try await \(names.library("TableUpload")).run(\(call), in: &session)")
            arguments.append("\(SwiftNames.argumentLabel(pageProperty(entry.table))): table\(index)")
        }
        arguments.append("serverClock: session.serverClock")
        let body = ["try await \(names.library("GroupUpload")).run(on: client) { session in"]
            + (lines + ["return " + callLines("UploadResponse", arguments).joined(separator: "\n")])
                .flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 } }
            + ["}"]
        return FunctionDeclaration(
            documentation: "Applies a device's upload in one transaction, each column by its clock "
                + "(Last-Writer-Wins), and answers every row.\n"
                + (group.isRestricted
                    ? "Rows outside the context are neither changed nor revealed; set `context` from the "
                        + "authenticated user, never from the request."
                    : "The group restricts no table: every row of its tables may be uploaded."),
            signature: "public static func upload",
            parameters: parameters,
            effectsAndResult: "async throws -> UploadResponse",
            body: body)
    }
}
