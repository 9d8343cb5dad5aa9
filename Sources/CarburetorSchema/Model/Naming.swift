/// Name conversions shared by the checker (which reports clashes) and the
/// backends (which generate the names), so both always agree.
public enum Naming {
    /// `phone_book` → `PhoneBook`, `userA` → `UserA`, `user_a` → `UserA`.
    /// Underscores separate words; letters after them are upper-cased; the
    /// rest of each word is kept as written.
    public static func upperCamelCase(_ name: String) -> String {
        let words = name.split(separator: "_", omittingEmptySubsequences: true)
        let joined = words.map { word in word.prefix(1).uppercased() + word.dropFirst() }.joined()
        return joined.isEmpty ? "_" : joined
    }

    /// `phone_number` → `phoneNumber`, `ID` → `iD`: the first letter lower-cased.
    public static func lowerCamelCase(_ name: String) -> String {
        let upper = upperCamelCase(name)
        guard upper != "_" else { return "_" }
        return upper.prefix(1).lowercased() + upper.dropFirst()
    }
}
