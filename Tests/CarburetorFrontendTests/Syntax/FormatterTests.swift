import CarburetorTestSupport
import Testing
@testable import CarburetorChecker
@testable import CarburetorSchema
@testable import CarburetorSyntax

@Suite struct FormatterTests {
    static let messy = """
        // phone book app
        carburetor_sync_config! {
        tables {
            /// A person the user can call.
            phone_book(plural = "phone_books",) { #[id] id -> Text, name -> Text, // the name
                phone_number -> Text,



                note -> Nullable < Text >,
                /* block
                   comment */
                #[immutable]
                owner_id -> Text,
                #[default(sql = Text("mo\\"bile"))] kind -> Text,
                #[last_synced_at]
                updated_at -> Timestamptz // stamp
            }
            user {
                name -> Text,
                score -> Integer
            }
            empty {}
        }
        sync_groups { mobile { user, phone_book(restrict_to = $user_id, /* why */ restrict_to_column = owner_id) }
            /// Everything.
            admin { user
            }
        }
        } // end

        """

    static let expected = """
        // phone book app
        carburetor_sync_config! {
            tables {
                /// A person the user can call.
                phone_book(plural = "phone_books") {
                    #[id]
                    id -> Text,
                    name -> Text, // the name
                    phone_number -> Text,

                    note -> Nullable<Text>,
                    /* block
                   comment */
                    #[immutable]
                    owner_id -> Text,
                    #[default(sql = Text("mo\\"bile"))]
                    kind -> Text,
                    #[last_synced_at]
                    updated_at -> Timestamptz, // stamp
                }

                user {
                    name -> Text,
                    score -> Integer,
                }

                empty {}
            }

            sync_groups {
                mobile {
                    user,
                    phone_book(
                        restrict_to = $user_id, /* why */
                        restrict_to_column = owner_id,
                    ),
                }

                /// Everything.
                admin {
                    user,
                }
            }
        } // end

        """

    func format(_ text: String) -> String? {
        Formatter.format(SourceFile(name: "t.carb", text: text)).formatted
    }

    @Test func producesTheCanonicalLayout() {
        #expect(format(Self.messy) == Self.expected)
    }

    @Test func formattingFormattedTextChangesNothing() throws {
        for input in [Self.messy, Self.expected, Self.unwrapped, "", "// only a comment\n"] {
            let once = try #require(format(input))
            if let failure = Golden.idempotence(of: once, name: input.debugDescription, format) {
                Issue.record(Comment(rawValue: failure))
            }
        }
    }

    static let unwrapped = """
        tables { a { x -> Text } b(plural = "bees") { y -> Nullable<Jsonb> } }
        sync_groups { g { a(restrict_to = $v, restrict_to_column = x,), b } }
        """

    @Test func topLevelBlocksWithoutTheWrapper() {
        #expect(format(Self.unwrapped) == """
            tables {
                a {
                    x -> Text,
                }

                b(plural = "bees") {
                    y -> Nullable<Jsonb>,
                }
            }

            sync_groups {
                g {
                    a(restrict_to = $v, restrict_to_column = x),
                    b,
                }
            }

            """)
    }

    @Test func keepsEveryCommentAndTheTokenSequence() throws {
        for input in [Self.messy, Self.unwrapped] {
            let before = SourceFile(name: "before", text: input)
            let after = SourceFile(name: "after", text: try #require(format(input)))
            #expect(Self.significantTokens(before) == Self.significantTokens(after))
            #expect(Self.comments(before) == Self.comments(after))
        }
    }

    @Test func refusesFilesWithSyntaxErrors() {
        let result = Formatter.format(SourceFile(name: "bad.carb", text: "tables { a { x -> \"Text }"))
        #expect(result.formatted == nil)
        #expect(result.hasSyntaxErrors)
        #expect(result.diagnostics.contains { $0.severity == .error })
    }

    /// Tokens other than comments, with the optional trailing commas left out.
    static func significantTokens(_ file: SourceFile) -> [String] {
        var diagnostics = DiagnosticCollector()
        let tokens = Lexer.tokenize(file, keepComments: false, diagnostics: &diagnostics)
            .filter { $0.kind != .docComment && $0.kind != .comment }
        return tokens.enumerated().compactMap { index, token in
            if token.kind == .comma, index + 1 < tokens.count,
               [.rightBrace, .rightParen].contains(tokens[index + 1].kind) { return nil }
            return "\(token.kind):\(token.stringValue)"
        }
    }

    static func comments(_ file: SourceFile) -> [String] {
        var diagnostics = DiagnosticCollector()
        return Lexer.tokenize(file, keepComments: true, diagnostics: &diagnostics)
            .filter { $0.kind == .docComment || $0.kind == .comment }
            .map { file.text(in: $0.range) }
    }
}
