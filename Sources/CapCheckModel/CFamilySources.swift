/// The file extensions of the C-family sources a compiler indexes and libclang parses: not headers, not assembly.
package enum CFamilySources {
    package static let extensions: Set<String> = ["c", "cc", "cpp", "cxx", "c++", "m", "mm"]
}
