import CarburetorSchema

/// `--` comment lines in generated SQL. A `--` comment ends at a line feed or
/// a carriage return, so text from the config or a path inside one must hold
/// neither, or what follows would run as SQL; other line terminators are
/// flattened too, for the editors and viewers that break lines there.
public enum SQLComment {
    /// `-- text` on one line (`--` alone for an empty text).
    public static func line(_ text: String) -> String {
        text.isEmpty ? "--" : "-- " + LineTerminators.singleLine(text)
    }
}
