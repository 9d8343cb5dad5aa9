import CarburetorRuntime
import Foundation

// Types generated from contacts.carb by the Carburetor build-tool plugin.
let insert = Contact.Insert(id: "c1", name: "Ada", phoneNumber: "555-0100", ownerId: "u1")
let change = Contact.Changeset(id: "c1", phoneNumber: .set(nil))
let request = PhoneSyncGroup.DownloadRequest()
let context = PhoneSyncGroup.SyncContext(userId: "u1")

let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
for json in [try encoder.encode(insert), try encoder.encode(change), try encoder.encode(request)] {
    print(String(decoding: json, as: UTF8.self))
}
print("context for \(context.userId), table \(Contact.syncedTable.name)")
