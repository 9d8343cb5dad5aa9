import CarburetorRuntime
import Foundation

// Types generated from contacts.carb by the Carburetor build-tool plugin.
let insert = Contact.Insert(id: "c1", name: "Ada", phoneNumber: "555-0100", ownerId: "u1")
let change = Contact.Changeset(id: "c1", phoneNumber: .set(nil))
let request = PhoneSyncGroup.DownloadRequest()
let context = PhoneSyncGroup.SyncContext(userId: "u1")

let encoder = JSONEncoder()
encoder.outputFormatting = .sortedKeys
let lines = [try encoder.encode(insert), try encoder.encode(change), try encoder.encode(request)]
    .map { String(decoding: $0, as: UTF8.self) }
lines.forEach { print($0) }
print("context for \(context.userId), table \(Contact.syncedTable.name)")

// Exit non-zero when the generated wire format is not the documented one.
let expected = [
    #"{"id":"c1","is_deleted":false,"name":"Ada","owner_id":"u1","phone_number":"555-0100"}"#,
    #"{"id":"c1","phone_number":null}"#,
    #"{"contact_offset":null,"contact_offset_id":null}"#,
]
guard lines == expected else {
    print("unexpected generated wire format")
    exit(1)
}
