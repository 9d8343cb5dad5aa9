import CarburetorSchema
import CarburetorSyntax

/// "Did you mean …?": the nearest candidate to a misspelt name.
///
/// Matching ignores case, so `text` finds `Text` and `ID` finds `id`. Only a
/// candidate within a small edit distance (about a third of the word's
/// length, at most 3) is suggested, so unrelated names never are; failing
/// that, the shortest candidate the word begins (`restrict` → `restrict_to`).
enum Suggestions {
    /// The candidate nearest to `word`, or `nil` if none is close enough.
    /// `budget` bounds the total work over one run so that a file full of
    /// misspellings against thousands of tables still resolves in linear time.
    static func nearest(to word: String, among candidates: some Sequence<String>,
                        budget: inout SuggestionBudget) -> String? {
        let target = Array(word.lowercased().utf8)
        let limit = max(1, min(3, target.count / 3))
        var best: (candidate: String, distance: Int)?
        // A truncated name (`restrict` for `restrict_to`) suggests the
        // shortest candidate it begins, when nothing is near enough.
        var shortestExtension: String?
        for candidate in candidates {
            guard budget.spend() else { break }
            let other = Array(candidate.lowercased().utf8)
            if target.count >= 3, other.count > target.count, other.starts(with: target),
               shortestExtension.map({ other.count < $0.utf8.count }) ?? true {
                shortestExtension = candidate
            }
            if abs(other.count - target.count) > limit { continue }
            let bound = best.map { $0.distance - 1 } ?? limit
            guard bound >= 0 else { continue }
            if let distance = editDistance(target, other, limit: bound) {
                if candidate == word { continue }
                best = (candidate, distance)
                if distance == 0 { break }
            }
        }
        return best?.candidate ?? shortestExtension
    }

    /// The Levenshtein distance between `a` and `b`, or `nil` when it exceeds
    /// `limit`. Only a band of width `2 * limit + 1` is computed.
    static func editDistance(_ a: [UInt8], _ b: [UInt8], limit: Int) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count <= limit ? b.count : nil }
        if b.isEmpty { return a.count <= limit ? a.count : nil }
        let infinity = limit + 1
        var previous = [Int](repeating: infinity, count: b.count + 1)
        var current = [Int](repeating: infinity, count: b.count + 1)
        for j in 0...min(b.count, limit) { previous[j] = j }
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = min(b.count, i + limit)
            current[0] = i <= limit ? i : infinity
            if low > 1 { current[low - 1] = infinity }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    let deletion = previous[j] + 1
                    let insertion = current[j - 1] + 1
                    let value = min(substitution, deletion, insertion, infinity)
                    current[j] = value
                    rowMinimum = min(rowMinimum, value)
                }
            }
            if high < b.count { current[high + 1] = infinity }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        let distance = previous[b.count]
        return distance <= limit ? distance : nil
    }
}

/// Caps how many candidates all suggestion searches of one run may compare.
/// Suggestions are a courtesy: past the cap, errors are still reported, just
/// without "did you mean".
struct SuggestionBudget {
    private(set) var remaining: Int

    init(comparisons: Int = 200_000) {
        remaining = comparisons
    }

    mutating func spend() -> Bool {
        guard remaining > 0 else { return false }
        remaining -= 1
        return true
    }
}
