// One descriptor per semantic code: a title and a complete `.carb` file that
// triggers exactly that code and no other error (a test checks this).

extension DiagnosticCatalogue {
    static let semanticDescriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(code: .unknownTableArgument, severity: .error, title: "unknown table argument", example: """
            tables {
                user(plurals = "users") { name -> Text }
            }
            """),
        DiagnosticDescriptor(code: .duplicateArgument, severity: .error, title: "argument given twice", example: """
            tables {
                person(plural = "people", plural = "persons") { name -> Text }
            }
            """),
        DiagnosticDescriptor(code: .pluralNotString, severity: .error, title: "plural is not a string", example: """
            tables {
                person(plural = people) { name -> Text }
            }
            """),
        DiagnosticDescriptor(code: .pluralNotIdentifier, severity: .error, title: "plural is not a valid identifier", example: """
            tables {
                person(plural = "the people") { name -> Text }
            }
            """),
        DiagnosticDescriptor(code: .duplicateTable, severity: .error, title: "table declared twice", example: """
            tables {
                user { name -> Text }
                user { email -> Text }
            }
            """),
        DiagnosticDescriptor(code: .duplicatePlural, severity: .error, title: "two tables with the same plural", example: """
            tables {
                user { name -> Text }
                account(plural = "users") { email -> Text }
            }
            """),
        DiagnosticDescriptor(code: .swiftNameClash, severity: .error, title: "two names give the same Swift name", example: """
            tables {
                user_a { name -> Text }
                userA { name -> Text }
            }
            """),
        DiagnosticDescriptor(code: .nameTooLong, severity: .error, title: "name longer than 63 bytes", example: """
            tables {
                user {
                    a_column_name_that_goes_on_and_on_well_past_what_postgres_allows -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .duplicateColumn, severity: .error, title: "column declared twice", example: """
            tables {
                user {
                    name -> Text,
                    name -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .unknownType, severity: .error, title: "unknown type", example: """
            tables {
                user { name -> Txt }
            }
            """),
        DiagnosticDescriptor(code: .nestedNullable, severity: .error, title: "nested Nullable", example: """
            tables {
                user { nickname -> Nullable<Nullable<Text>> }
            }
            """),
        DiagnosticDescriptor(code: .unexpectedTypeArgument, severity: .error, title: "type argument on a type other than Nullable", example: """
            tables {
                user { nickname -> Option<Text> }
            }
            """),
        DiagnosticDescriptor(code: .nullableWithoutArgument, severity: .error, title: "Nullable without a type", example: """
            tables {
                user { nickname -> Nullable }
            }
            """),
        DiagnosticDescriptor(code: .unknownAttribute, severity: .error, title: "unknown attribute", example: """
            tables {
                user {
                    #[imutable]
                    owner_id -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .unexpectedAttributeArgument, severity: .error, title: "arguments on an attribute that takes none", example: """
            tables {
                user {
                    #[immutable(true)]
                    owner_id -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .conflictingSpecialAttributes, severity: .error, title: "two special roles on one column", example: """
            tables {
                user {
                    #[id]
                    #[is_deleted]
                    key -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .duplicateSpecialAttribute, severity: .error, title: "special attribute on two columns", example: """
            tables {
                user {
                    #[id]
                    key -> Text,
                    #[id]
                    other_key -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .wrongSpecialColumnType, severity: .error, title: "special column of the wrong type", example: """
            tables {
                user {
                    #[id]
                    key -> Integer,
                }
            }
            """),
        DiagnosticDescriptor(code: .immutableSpecialColumn, severity: .error, title: "#[immutable] on the sync stamp or soft-delete column", example: """
            tables {
                user {
                    #[immutable]
                    #[last_synced_at]
                    updated_at -> Timestamptz,
                }
            }
            """),
        DiagnosticDescriptor(code: .duplicateDefault, severity: .error, title: "#[default] given twice", example: """
            tables {
                user {
                    #[default(sql = Number(0))]
                    #[default(sql = Number(1))]
                    score -> Integer,
                }
            }
            """),
        DiagnosticDescriptor(code: .defaultOnSpecialColumn, severity: .error, title: "#[default] on a special column", example: """
            tables {
                user {
                    #[default(sql = Now)]
                    last_synced_at -> Timestamptz,
                }
            }
            """),
        DiagnosticDescriptor(code: .defaultTypeMismatch, severity: .error, title: "default does not fit the column type", example: """
            tables {
                user {
                    #[default(sql = Now)]
                    name -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .invalidAttributeArgument, severity: .error, title: "malformed attribute argument", example: """
            tables {
                user {
                    #[default(swift = Now)]
                    name -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .unknownSQLDefault, severity: .error, title: "unknown SQL default", example: """
            tables {
                user {
                    #[default(sql = Today)]
                    joined_on -> Date,
                }
            }
            """),
        DiagnosticDescriptor(code: .duplicateGroup, severity: .error, title: "sync group declared twice", example: """
            tables {
                user { name -> Text }
            }
            sync_groups {
                mobile { user }
                mobile { user }
            }
            """),
        DiagnosticDescriptor(code: .duplicateGroupEntry, severity: .error, title: "table listed twice in a group", example: """
            tables {
                user { name -> Text }
            }
            sync_groups {
                mobile { user, user }
            }
            """),
        DiagnosticDescriptor(code: .unknownGroupTable, severity: .error, title: "group entry names an unknown table", example: """
            tables {
                user { name -> Text }
            }
            sync_groups {
                mobile { usr }
            }
            """),
        DiagnosticDescriptor(code: .unknownEntryArgument, severity: .error, title: "unknown group entry argument", example: """
            tables {
                note { title -> Text }
            }
            sync_groups {
                mobile { note(plural = "notes") }
            }
            """),
        DiagnosticDescriptor(code: .unpairedRestriction, severity: .error, title: "restrict_to without restrict_to_column (or the reverse)", example: """
            tables {
                note { title -> Text }
            }
            sync_groups {
                mobile { note(restrict_to = $user_id) }
            }
            """),
        DiagnosticDescriptor(code: .restrictToNotVariable, severity: .error, title: "restrict_to without $", example: """
            tables {
                note {
                    #[immutable]
                    owner_id -> Text,
                }
            }
            sync_groups {
                mobile { note(restrict_to = user_id, restrict_to_column = owner_id) }
            }
            """),
        DiagnosticDescriptor(code: .restrictColumnNotName, severity: .error, title: "$ on restrict_to_column", example: """
            tables {
                note {
                    #[immutable]
                    owner_id -> Text,
                }
            }
            sync_groups {
                mobile { note(restrict_to = $user_id, restrict_to_column = $owner_id) }
            }
            """),
        DiagnosticDescriptor(code: .unknownRestrictColumn, severity: .error, title: "restrict column does not exist", example: """
            tables {
                note {
                    #[immutable]
                    owner_id -> Text,
                }
            }
            sync_groups {
                mobile { note(restrict_to = $user_id, restrict_to_column = ower_id) }
            }
            """),
        DiagnosticDescriptor(code: .mutableRestrictColumn, severity: .error, title: "restrict column is mutable", example: """
            tables {
                note { owner_id -> Text }
            }
            sync_groups {
                mobile { note(restrict_to = $user_id, restrict_to_column = owner_id) }
            }
            """),
        DiagnosticDescriptor(code: .clientOnlyRestrictColumn, severity: .error, title: "restrict column is client-only", example: """
            tables {
                note {
                    #[dirty_flag]
                    dirty -> Nullable<Text>,
                }
            }
            sync_groups {
                mobile { note(restrict_to = $flag, restrict_to_column = dirty) }
            }
            """),
        DiagnosticDescriptor(code: .conflictingVariableTypes, severity: .error, title: "one $variable bound to two types", example: """
            tables {
                note {
                    #[immutable]
                    owner_id -> Text,
                }
                score {
                    #[immutable]
                    owner_number -> BigInt,
                }
            }
            sync_groups {
                mobile {
                    note(restrict_to = $owner, restrict_to_column = owner_id),
                    score(restrict_to = $owner, restrict_to_column = owner_number),
                }
            }
            """),
        DiagnosticDescriptor(code: .implausibleDefaultPlural, severity: .warning, title: "default plural looks wrong", example: """
            tables {
                category { name -> Text }
            }
            """),
        DiagnosticDescriptor(code: .emptyGroup, severity: .warning, title: "empty sync group", example: """
            tables {
                user { name -> Text }
            }
            sync_groups {
                mobile {}
            }
            """),
        DiagnosticDescriptor(code: .serialType, severity: .warning, title: "Serial type", example: """
            tables {
                user { rank -> Serial }
            }
            """),
        DiagnosticDescriptor(code: .rustDefaultIgnored, severity: .warning, title: "Rust default ignored", example: """
            tables {
                user {
                    #[default(rust = "String::new()")]
                    name -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .repeatedAttribute, severity: .warning, title: "attribute given twice on one column", example: """
            tables {
                user {
                    #[immutable]
                    #[immutable]
                    owner_id -> Text,
                }
            }
            """),
        DiagnosticDescriptor(code: .synthesizedColumn, severity: .note, title: "column added by the compiler", example: """
            tables {
                user { name -> Text }
            }
            """),
    ]
}
