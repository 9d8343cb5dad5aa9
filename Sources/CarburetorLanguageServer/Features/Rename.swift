import Foundation
import CarburetorChecker
import CarburetorSchema
import CarburetorSyntax

/// Renames a table, column, group or `$variable` everywhere in the file.
/// A renamed table or column also gets `#[renamed_from(old)]` (unless it has
/// one already, or the client turned it off), so that the next migration
/// renames it in the database instead of dropping it and adding a new one.
enum Rename {
    static func prepare(in analysis: DocumentAnalysis, at position: Position) throws -> PrepareRenameResult? {
        guard let occurrence = analysis.occurrence(at: analysis.lines.offset(of: position)),
              Navigation.isNavigable(occurrence.symbol) else {
            throw RPCError(code: RPCErrorCode.requestFailed,
                           message: "only a table, column, sync group or $variable can be renamed")
        }
        return PrepareRenameResult(range: analysis.lines.range(of: occurrence.range),
                                   placeholder: analysis.file.text(in: occurrence.range))
    }

    static func edit(in analysis: DocumentAnalysis, uri: String, at position: Position, to newName: String,
                     addRenamedFrom: Bool) throws -> WorkspaceEdit {
        guard let occurrence = analysis.occurrence(at: analysis.lines.offset(of: position)),
              Navigation.isNavigable(occurrence.symbol) else {
            throw RPCError(code: RPCErrorCode.requestFailed,
                           message: "only a table, column, sync group or $variable can be renamed")
        }
        var name = newName.trimmingCharacters(in: .whitespaces)
        if case .variable = occurrence.symbol {
            if name.hasPrefix("$") { name.removeFirst() }
            name = "$" + name
            guard isIdentifier(String(name.dropFirst())) else { throw invalid(newName) }
        } else {
            guard isIdentifier(name) else { throw invalid(newName) }
        }
        var edits: [TextEdit] = []
        for use in analysis.occurrences(of: occurrence.symbol) {
            // One edit per name, the attribute included, so no two edits share a position.
            let prefix = addRenamedFrom && use.isDeclaration ? renamedFromPrefix(for: use, in: analysis) : ""
            edits.append(TextEdit(range: analysis.lines.range(of: use.range), newText: prefix + name))
        }
        return WorkspaceEdit(changes: [uri: edits])
    }

    private static func invalid(_ name: String) -> RPCError {
        RPCError(code: RPCErrorCode.invalidParams,
                 message: "'\(name)' is not a valid name: use letters, digits and '_', not starting with a digit")
    }

    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.isASCII,
              first.properties.isAlphabetic || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0)) }
    }

    /// `#[renamed_from(old)]` on its own line above a declaration that has
    /// none (or before it, when the name does not start its line).
    private static func renamedFromPrefix(for declaration: Occurrence, in analysis: DocumentAnalysis) -> String {
        let attributes: [AttributeSyntax]
        switch declaration.symbol {
        case .table:
            guard let table = analysis.tableSyntaxes.first(where: { $0.name.range == declaration.range }) else { return "" }
            attributes = table.attributes
        case .column:
            guard let column = analysis.tableSyntaxes.lazy.flatMap(\.columns)
                .first(where: { $0.name.range == declaration.range }) else { return "" }
            attributes = column.attributes
        default:
            return ""
        }
        guard !attributes.contains(where: { $0.name.text == "renamed_from" }) else { return "" }
        let file = analysis.file
        let attribute = "#[renamed_from(\(file.text(in: declaration.range)))]"
        let lineStart = file.lineStarts[file.lineIndex(of: declaration.range.start)]
        let before = file.utf8[lineStart..<declaration.range.start]
        guard before.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }) else { return attribute + " " }
        return attribute + "\n" + String(decoding: before, as: UTF8.self)
    }
}
