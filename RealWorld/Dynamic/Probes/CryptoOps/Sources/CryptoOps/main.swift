import Crypto
import Foundation

let message = Data("capcheck".utf8)
print(SHA256.hash(data: message))
let key = SymmetricKey(size: .bits256)
let sealed = try AES.GCM.seal(message, using: key)
print(try AES.GCM.open(sealed, using: key) == message)
let signer = P256.Signing.PrivateKey()
print(signer.publicKey.isValidSignature(try signer.signature(for: message), for: message))
