// The structured model of the Swift the generator emits. The translator
// (`SchemaTranslator`) builds these values from a `Schema`; `SwiftRenderer`
// walks them with a `CodePrinter`. Statements inside function bodies are kept
// as lines: they are short and built from escaped names.

/// A Swift source file.
struct SwiftFile {
    var headerComment: [String]
    var imports: [String]
    var declarations: [SwiftDeclaration]
}

indirect enum SwiftDeclaration {
    case type(TypeDeclaration)
    case `extension`(ExtensionDeclaration)
    case property(PropertyDeclaration)
    case function(FunctionDeclaration)
    case `typealias`(TypealiasDeclaration)
}

struct TypeDeclaration {
    enum Kind: String { case `struct`, `enum` }
    var documentation: String?
    var kind: Kind
    var name: String
    var conformances: [String] = []
    var members: [SwiftDeclaration] = []
}

struct ExtensionDeclaration {
    var extendedType: String
    var conformances: [String] = []
    var members: [SwiftDeclaration] = []
}

struct PropertyDeclaration {
    var documentation: String?
    var isStatic = false
    var isMutable = true
    var name: String
    var type: String
    /// `= value` for stored properties.
    var initialValue: String?
    /// Getter body lines for computed properties.
    var getter: [String]?
}

struct FunctionDeclaration {
    var documentation: String?
    /// Everything before the body, e.g. `public init(id: String)` or
    /// `public static func download(…) async throws -> Response`.
    var signature: String
    /// Parameters printed one per line when the list is long.
    var parameters: [String] = []
    /// Text after the parameter list (`async throws -> T`).
    var effectsAndResult = ""
    var body: [String]
}

struct TypealiasDeclaration {
    var isPrivate = true
    var name: String
    var target: String
}
