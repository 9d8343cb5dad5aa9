/// Prints the declaration model as Swift source.
struct SwiftRenderer {
    func render(_ file: SwiftFile) -> String {
        var printer = CodePrinter()
        for line in file.headerComment { printer.print("// " + line) }
        printer.print()
        for module in file.imports { printer.print("import " + module) }
        for declaration in file.declarations {
            printer.print()
            render(declaration, into: &printer)
        }
        return printer.text
    }

    private func render(_ declaration: SwiftDeclaration, into printer: inout CodePrinter) {
        switch declaration {
        case .type(let type):
            printer.documentation(type.documentation)
            printer.block("public \(type.kind.rawValue) \(type.name)\(conformanceClause(type.conformances))") { printer in
                renderMembers(type.members, into: &printer)
            }
        case .extension(let ext):
            printer.block("extension \(ext.extendedType)\(conformanceClause(ext.conformances))") { printer in
                renderMembers(ext.members, into: &printer)
            }
        case .property(let property):
            printer.documentation(property.documentation)
            let keyword = property.getter != nil || property.isMutable ? "var" : "let"
            let head = "public \(property.isStatic ? "static " : "")\(keyword) \(property.name): \(property.type)"
            if let getter = property.getter {
                printer.block(head) { printer in
                    for line in getter { printer.print(line) }
                }
            } else if let value = property.initialValue {
                printer.print("\(head) = \(value)")
            } else {
                printer.print(head)
            }
        case .function(let function):
            printer.documentation(function.documentation)
            let effects = function.effectsAndResult.isEmpty ? "" : " " + function.effectsAndResult
            let oneLine = "\(function.signature)(\(function.parameters.joined(separator: ", ")))\(effects)"
            if oneLine.count <= 110 {
                printer.print(oneLine + " {")
            } else {
                printer.print(function.signature + "(")
                printer.indent { printer in
                    for (index, parameter) in function.parameters.enumerated() {
                        printer.print(parameter + (index == function.parameters.count - 1 ? "" : ","))
                    }
                }
                printer.print(")\(effects) {")
            }
            printer.indent { printer in
                for line in function.body { printer.print(line) }
            }
            printer.print("}")
        case .typealias(let alias):
            printer.print("\(alias.isPrivate ? "private" : "public") typealias \(alias.name) = \(alias.target)")
        }
    }

    /// Members separated by blank lines, except runs of stored properties.
    private func renderMembers(_ members: [SwiftDeclaration], into printer: inout CodePrinter) {
        var previousWasStoredProperty = false
        for (index, member) in members.enumerated() {
            let isStoredProperty: Bool
            if case .property(let property) = member, property.getter == nil {
                isStoredProperty = true
            } else {
                isStoredProperty = false
            }
            if index > 0, !(isStoredProperty && previousWasStoredProperty) {
                printer.print()
            }
            render(member, into: &printer)
            previousWasStoredProperty = isStoredProperty
        }
    }

    private func conformanceClause(_ conformances: [String]) -> String {
        conformances.isEmpty ? "" : ": " + conformances.joined(separator: ", ")
    }
}
