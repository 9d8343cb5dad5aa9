// Lexical (E00xx) and syntax (E01xx) diagnostic codes.
//
// The lexer and the parser report only what the grammar itself forbids; the
// resolver reports everything that needs meaning (unknown types, attributes,
// arguments and so on). Codes are stable: never renumber, never reuse.

extension DiagnosticCode {
    // MARK: Lexical

    /// A `"` without its closing `"` on the same line.
    public static let unterminatedString = DiagnosticCode("E0001")
    /// A `/*` without its matching `*/` (comments nest).
    public static let unterminatedBlockComment = DiagnosticCode("E0002")
    /// A character that starts no token, such as `@`, `;` or a non-ASCII letter in a name.
    public static let unexpectedCharacter = DiagnosticCode("E0003")
    /// A backslash escape the language does not know, such as `\q`.
    public static let invalidEscape = DiagnosticCode("E0004")
    /// A malformed `\u{…}` escape, or one naming no Unicode scalar.
    public static let invalidUnicodeEscape = DiagnosticCode("E0005")

    // MARK: Syntax

    /// A required token or construct is missing: "expected X, found Y".
    public static let expectedToken = DiagnosticCode("E0100")
    /// Two columns, group entries or arguments without a `,` between them.
    public static let missingComma = DiagnosticCode("E0101")
    /// A column name not followed by `->`.
    public static let missingArrow = DiagnosticCode("E0102")
    /// A `{`, `(`, `<`, `#[` whose closing `}`, `)`, `>`, `]` is missing.
    public static let unclosedDelimiter = DiagnosticCode("E0103")
    /// `tables` or `sync_groups` given more than once.
    public static let duplicateBlock = DiagnosticCode("E0104")
    /// A top-level block other than `tables` and `sync_groups`.
    public static let unknownBlock = DiagnosticCode("E0105")
    /// A type nested deeper than the parser follows.
    public static let nestingTooDeep = DiagnosticCode("E0106")
    /// A `///` doc comment with no table, column or group after it.
    public static let danglingDocComment = DiagnosticCode("E0107")
    /// A token that has no place where it stands and should be removed.
    public static let unexpectedToken = DiagnosticCode("E0108")
}

extension DiagnosticCatalogue {
    static let syntaxDescriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            code: .unterminatedString, severity: .error,
            title: "unterminated string literal",
            example: """
            tables {
                user {
                    #[default(swift = "Date())]
                    created_at -> Timestamptz,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .unterminatedBlockComment, severity: .error,
            title: "unterminated block comment",
            example: """
            tables {
                user {
                    name -> Text,
                }
            }
            /* comments nest: /* this inner one is closed */ but the outer one is not

            """),
        DiagnosticDescriptor(
            code: .unexpectedCharacter, severity: .error,
            title: "unexpected character",
            example: """
            tables {
                user {
                    name -> Text;
                }
            }

            """),
        DiagnosticDescriptor(
            code: .invalidEscape, severity: .error,
            title: "unknown escape sequence in a string",
            example: """
            tables {
                user {
                    #[default(sql = Text("C:\\Users"))]
                    home -> Text,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .invalidUnicodeEscape, severity: .error,
            title: "invalid unicode escape in a string",
            example: """
            tables {
                user {
                    #[default(sql = Text("\\u{D800}"))]
                    symbol -> Text,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .expectedToken, severity: .error,
            title: "expected a token or construct that is missing",
            example: """
            tables {
                user {
                    name -> ,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .missingComma, severity: .error,
            title: "missing ',' between columns, group entries or arguments",
            example: """
            tables {
                user {
                    name -> Text
                    email -> Text,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .missingArrow, severity: .error,
            title: "missing '->' between a column name and its type",
            example: """
            tables {
                user {
                    name Text,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .unclosedDelimiter, severity: .error,
            title: "missing closing '}', ')', '>' or ']'",
            example: """
            tables {
                user {
                    name -> Nullable<Text,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .duplicateBlock, severity: .error,
            title: "top-level block given twice",
            example: """
            tables {
                user {
                    name -> Text,
                }
            }
            tables {
                message {
                    body -> Text,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .unknownBlock, severity: .error,
            title: "unknown top-level block",
            example: """
            table {
                user {
                    name -> Text,
                }
            }

            """),
        DiagnosticDescriptor(
            code: .nestingTooDeep, severity: .error,
            title: "type nested too deeply",
            example: """
            tables {
                user {
                    name -> \(String(repeating: "Nullable<", count: 40))Text\(String(repeating: ">", count: 40)),
                }
            }

            """),
        DiagnosticDescriptor(
            code: .danglingDocComment, severity: .error,
            title: "doc comment that documents nothing",
            example: """
            tables {
                user {
                    name -> Text,
                    /// The user's email address.
                }
            }

            """),
        DiagnosticDescriptor(
            code: .unexpectedToken, severity: .error,
            title: "unexpected token",
            example: """
            tables {
                user {
                    name -> Text,
                },
                message {
                    body -> Text,
                }
            }

            """),
    ]
}
