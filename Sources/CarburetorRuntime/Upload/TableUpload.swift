import Foundation
import Logging
import PostgresNIO

/// Applies one table's uploaded rows as a per-column Last-Writer-Wins register,
/// set-based: whatever the batch size, one statement locks the rows the batch
/// names, one updates the winning columns, one inserts per shape of new row
/// (both return the rows as written, which the answers are made from), and
/// one reads the rows whose every uploaded column lost.
///
/// For each row, in order: validation (clocks match the set columns, only
/// uploadable columns, device nodes, the restrict value); duplicates of one id
/// merged column by column; then against the stored row, locked: another
/// tenant's row or an unknown id without every required column is `not_found`,
/// a changed `#[immutable]` column is `immutable_changed`, otherwise each set
/// column is written iff its clock is later than the stored one.
public enum TableUpload {
    public static func run<Upload: UploadableRow>(
        _ rows: [Upload],
        restriction: RowRestriction? = nil,
        in session: inout UploadSession
    ) async throws -> [UploadResult<Upload>] {
        guard !rows.isEmpty else { return [] }
        let table = Upload.uploadTable
        let synced = Upload.Row.syncedTable
        var results = [UploadResult<Upload>?](repeating: nil, count: rows.count)
        var batch = UploadBatch(table: table)
        for (index, row) in rows.enumerated() {
            switch UploadValidation.check(row, table: table, restriction: restriction,
                                          serverNow: session.serverNow) {
            case .failure(let rejection):
                results[index] = .rejected(id: row.id, code: rejection.code, message: rejection.message)
            case .success(let change):
                batch.add(change, index: index)
            }
        }

        var pending = batch.changes
        var accepted: [PendingChange] = []
        var written: [String: UploadStatements.WrittenRow] = [:]
        // A row inserted by a concurrent upload between our lock and our
        // insert goes round once more, now as an existing row.
        for _ in 0..<3 where !pending.isEmpty {
            let existing = try await UploadStatements.lockExisting(pending, table: table, restriction: restriction,
                                                                   session: session)
            var updates: [PendingChange] = []
            var inserts: [PendingChange] = []
            for change in pending {
                if let stored = existing[change.id] {
                    if !stored.visible {
                        // Word for word the answer for an id that does not exist.
                        let message = UploadValidation.notFoundMessage(
                            change.id, missing: change.missingRequiredColumns(table: table, restriction: restriction))
                        for index in change.indices {
                            results[index] = .rejected(id: change.id, code: .notFound, message: message)
                        }
                    } else if !stored.immutableDifferences.isEmpty {
                        let columns = stored.immutableDifferences.joined(separator: ", ")
                        for index in change.indices {
                            results[index] = .rejected(
                                id: change.id, code: .immutableChanged,
                                message: "row \"\(change.id)\" of \(table.name): \(columns) cannot change after "
                                    + "the row is created; create a new row instead")
                        }
                    } else {
                        let winners = change.winning(over: stored.clocks, table: table)
                        if !winners.clocks.isEmpty { updates.append(winners) }
                        accepted.append(change)
                    }
                } else if let missing = change.missingRequiredColumns(table: table, restriction: restriction) {
                    for index in change.indices {
                        results[index] = .rejected(
                            id: change.id, code: .notFound,
                            message: UploadValidation.notFoundMessage(change.id, missing: missing))
                    }
                } else {
                    inserts.append(change.asNewRow(table: table, restriction: restriction))
                }
            }
            let refusedUpdates = try await UploadStatements.apply(updates, session: session) { changes in
                let rows = try await UploadStatements.update(changes, table: table, synced: synced, session: session)
                written.merge(rows) { _, new in new }
                return []
            }
            for (change, message) in refusedUpdates {
                reject(change, message: message, in: &results)
                accepted.removeAll { $0.id == change.id }
            }
            var conflicted: [PendingChange] = []
            let refusedInserts = try await UploadStatements.apply(inserts, session: session) { changes in
                let inserted = try await UploadStatements.insert(changes, table: table, synced: synced,
                                                                 session: session)
                written.merge(inserted) { _, new in new }
                let lost = changes.filter { inserted[$0.id] == nil }
                conflicted += lost
                return lost.map(\.id)
            }
            for (change, message) in refusedInserts { reject(change, message: message, in: &results) }
            let refusedIDs = Set(refusedInserts.map(\.0.id))
            let conflictedIDs = Set(conflicted.map(\.id))
            accepted += inserts.filter { !refusedIDs.contains($0.id) && !conflictedIDs.contains($0.id) }
            pending = batch.changes.filter { conflictedIDs.contains($0.id) }
        }
        for change in pending {
            reject(change, message: "row \"\(change.id)\" of \(table.name) was created concurrently; upload again",
                   in: &results)
        }

        let unwritten = accepted.map(\.id).filter { written[$0] == nil }
        let stored = try await UploadStatements.readBack(ids: unwritten, synced: synced, session: session)
        for change in accepted {
            guard let row = written[change.id] ?? stored[change.id] else { continue }
            if row.stamp > session.latestStamp { session.latestStamp = row.stamp }
            let uploaded = change.uploadedColumns
            let clocks = row.clocks.filter { uploaded.contains($0.key) }
            let lostColumns = uploaded.filter { clocks[$0] != change.clocks[$0] }
            let lost = lostColumns.isEmpty ? nil : Upload(id: change.id, storedRow: try row.row(Upload.Row.self),
                                                          columns: lostColumns,
                                                          clocks: clocks.filter { lostColumns.contains($0.key) })
            for index in change.indices {
                results[index] = .accepted(id: change.id, lastSyncedAt: row.stamp, clocks: clocks, lost: lost)
            }
        }
        return results.enumerated().map { index, result in
            result ?? .rejected(id: rows[index].id, code: .databaseRefused,
                                message: "row \"\(rows[index].id)\" of \(table.name) was not applied; upload again")
        }
    }

    private static func reject<Upload>(_ change: PendingChange, message: String,
                                       in results: inout [UploadResult<Upload>?]) {
        for index in change.indices {
            results[index] = .rejected(id: change.id, code: .databaseRefused, message: message)
        }
    }
}
