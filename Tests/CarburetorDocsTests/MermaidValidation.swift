/// A structural check of the Mermaid flowcharts the docs emit: every edge
/// joins defined nodes, brackets balance, labels are quoted and hold nothing
/// that ends a label or a statement early.
enum MermaidValidation {
    static func problems(in body: String) -> [String] {
        var problems: [String] = []
        let lines = body.split(separator: "\n").map { $0.trimming(" ") }
        guard let first = lines.first, first.hasPrefix("flowchart ") else {
            return ["does not start with a flowchart declaration"]
        }
        let direction = first.dropFirst("flowchart ".count)
        if !["LR", "RL", "TB", "TD", "BT"].contains(direction) { problems.append("unknown direction \(direction)") }
        var defined: Set<String> = []
        var edges: [(String, String)] = []
        for line in lines.dropFirst() {
            if !bracketsBalance(line) { problems.append("unbalanced brackets: \(line)") }
            for label in quotedLabels(line) where label.contains(where: { "\"`;#<>{}[]|".contains($0) }) {
                problems.append("label with a character that breaks Mermaid: \(label)")
            }
            if let arrow = line.range(of: "-->") {
                let from = line[..<arrow.lowerBound].trimming(" ")
                var rest = line[arrow.upperBound...].trimming(" ")
                if rest.hasPrefix("|") {
                    guard let close = rest.dropFirst().firstIndex(of: "|") else {
                        problems.append("unterminated edge label: \(line)")
                        continue
                    }
                    rest = rest[rest.index(after: close)...].trimming(" ")
                }
                edges.append((from, rest))
            } else {
                let id = String(line.prefix { $0.isLetter || $0.isNumber || $0 == "_" })
                guard !id.isEmpty, line.count > id.count else {
                    problems.append("not a node definition: \(line)")
                    continue
                }
                if defined.contains(id) { problems.append("node \(id) defined twice") }
                defined.insert(id)
            }
        }
        for (from, to) in edges {
            for id in [from, to] where !defined.contains(id) {
                problems.append("edge uses undefined node \(id)")
            }
        }
        return problems
    }

    static func bracketsBalance(_ line: String) -> Bool {
        var stack: [Character] = []
        var inQuotes = false
        let pairs: [Character: Character] = [")": "(", "]": "[", "}": "{"]
        for character in line {
            if character == "\"" { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if "([{".contains(character) { stack.append(character) }
            if let opening = pairs[character] {
                guard stack.popLast() == opening else { return false }
            }
        }
        return stack.isEmpty && !inQuotes
    }

    static func quotedLabels(_ line: String) -> [String] {
        let parts = line.split(separator: "\"", omittingEmptySubsequences: false)
        return stride(from: 1, to: parts.count, by: 2).map { String(parts[$0]) }
    }
}

extension StringProtocol {
    func trimming(_ set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice = slice.dropFirst() }
        while let last = slice.last, set.contains(last) { slice = slice.dropLast() }
        return String(slice)
    }
}
