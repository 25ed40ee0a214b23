import Crypto
import Foundation

let digest = SHA256.hash(data: Data("probe".utf8))
let key = P256.Signing.PrivateKey()
let signature = try key.signature(for: Data(digest))
let sealed = try AES.GCM.seal(Data("secret".utf8), using: SymmetricKey(size: .bits256))
print(signature.derRepresentation.count, sealed.combined?.count ?? 0)
