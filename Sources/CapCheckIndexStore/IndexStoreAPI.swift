import CapCheckSupport
import CapCheckModel

/// The subset of `indexstore.h` (the toolchain's libIndexStore C API) that capcheck uses,
/// declared here and bound at run time with `dlsym`. Nothing outside `CapCheckIndexStore/` sees these types.

package typealias IndexStoreHandle = UnsafeMutableRawPointer
package typealias IndexStoreError = UnsafeMutableRawPointer

import CIndexStore

/// `indexstore_string_ref_t`: a pointer and a length, not NUL-terminated.
package typealias IndexStoreStringRef = capcheck_indexstore_string_ref_t

extension IndexStoreStringRef {
    package var string: String {
        guard let data, length > 0 else { return "" }
        return data.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }

    /// The string, shared with every equal one `strings` has made.
    package func interned(in strings: StringInterner) -> String {
        guard let data, length > 0 else { return "" }
        return strings.intern(UnsafeRawBufferPointer(start: data, count: length))
    }
}

/// Function pointers into a loaded libIndexStore.
package struct IndexStoreAPI: @unchecked Sendable {  // C function pointers bound once by dlsym
    package typealias Applier = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?) -> Bool
    package typealias StringApplier = @convention(c) (UnsafeMutableRawPointer?, IndexStoreStringRef) -> Bool

    package let library: NativeLibrary
    package let errorGetDescription: @convention(c) (IndexStoreError?) -> UnsafePointer<CChar>?
    package let errorDispose: @convention(c) (IndexStoreError?) -> Void
    package let storeCreate: @convention(c) (UnsafePointer<CChar>, UnsafeMutablePointer<IndexStoreError?>?) -> IndexStoreHandle?
    package let storeDispose: @convention(c) (IndexStoreHandle?) -> Void
    package let storeUnitsApply: @convention(c) (IndexStoreHandle?, UInt32, UnsafeMutableRawPointer?, StringApplier) -> Bool

    package let unitReaderCreate: @convention(c) (IndexStoreHandle?, UnsafePointer<CChar>, UnsafeMutablePointer<IndexStoreError?>?) -> UnsafeMutableRawPointer?
    package let unitReaderDispose: @convention(c) (UnsafeMutableRawPointer?) -> Void
    package let unitGetModificationTime: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<Int64>, UnsafeMutablePointer<Int64>) -> Void
    package let unitIsSystem: @convention(c) (UnsafeMutableRawPointer?) -> Bool
    package let unitGetMainFile: @convention(c) (UnsafeMutableRawPointer?) -> IndexStoreStringRef
    package let unitGetModuleName: @convention(c) (UnsafeMutableRawPointer?) -> IndexStoreStringRef
    package let unitGetOutputFile: @convention(c) (UnsafeMutableRawPointer?) -> IndexStoreStringRef
    package let unitDependenciesApply: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Applier) -> Bool
    package let dependencyGetKind: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    package let dependencyIsSystem: @convention(c) (UnsafeMutableRawPointer?) -> Bool
    package let dependencyGetFilePath: @convention(c) (UnsafeMutableRawPointer?) -> IndexStoreStringRef
    package let dependencyGetName: @convention(c) (UnsafeMutableRawPointer?) -> IndexStoreStringRef

    package let recordReaderCreate: @convention(c) (IndexStoreHandle?, UnsafePointer<CChar>, UnsafeMutablePointer<IndexStoreError?>?) -> UnsafeMutableRawPointer?
    package let recordReaderDispose: @convention(c) (UnsafeMutableRawPointer?) -> Void
    package let recordOccurrencesApply: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Applier) -> Bool

    package let occurrenceGetSymbol: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?
    package let occurrenceGetRoles: @convention(c) (UnsafeMutableRawPointer?) -> UInt64
    package let occurrenceGetLineCol: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<UInt32>, UnsafeMutablePointer<UInt32>) -> Void
    package let occurrenceRelationsApply: @convention(c) (UnsafeMutableRawPointer?, UnsafeMutableRawPointer?, Applier) -> Bool
    package let relationGetRoles: @convention(c) (UnsafeMutableRawPointer?) -> UInt64
    package let relationGetSymbol: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer?

    package let symbolGetLanguage: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    package let symbolGetKind: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    package let symbolGetSubkind: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    package let symbolGetProperties: @convention(c) (UnsafeMutableRawPointer?) -> UInt64
    package let symbolGetName: @convention(c) (UnsafeMutableRawPointer?) -> IndexStoreStringRef
    package let symbolGetUSR: @convention(c) (UnsafeMutableRawPointer?) -> IndexStoreStringRef

    package init(library: NativeLibrary) throws {
        self.library = library
        errorGetDescription = try library.function("indexstore_error_get_description")
        errorDispose = try library.function("indexstore_error_dispose")
        storeCreate = try library.function("indexstore_store_create")
        storeDispose = try library.function("indexstore_store_dispose")
        storeUnitsApply = try library.function("indexstore_store_units_apply_f")
        unitReaderCreate = try library.function("indexstore_unit_reader_create")
        unitReaderDispose = try library.function("indexstore_unit_reader_dispose")
        unitGetModificationTime = try library.function("indexstore_unit_reader_get_modification_time")
        unitIsSystem = try library.function("indexstore_unit_reader_is_system_unit")
        unitGetMainFile = try library.function("indexstore_unit_reader_get_main_file")
        unitGetModuleName = try library.function("indexstore_unit_reader_get_module_name")
        unitGetOutputFile = try library.function("indexstore_unit_reader_get_output_file")
        unitDependenciesApply = try library.function("indexstore_unit_reader_dependencies_apply_f")
        dependencyGetKind = try library.function("indexstore_unit_dependency_get_kind")
        dependencyIsSystem = try library.function("indexstore_unit_dependency_is_system")
        dependencyGetFilePath = try library.function("indexstore_unit_dependency_get_filepath")
        dependencyGetName = try library.function("indexstore_unit_dependency_get_name")
        recordReaderCreate = try library.function("indexstore_record_reader_create")
        recordReaderDispose = try library.function("indexstore_record_reader_dispose")
        recordOccurrencesApply = try library.function("indexstore_record_reader_occurrences_apply_f")
        occurrenceGetSymbol = try library.function("indexstore_occurrence_get_symbol")
        occurrenceGetRoles = try library.function("indexstore_occurrence_get_roles")
        occurrenceGetLineCol = try library.function("indexstore_occurrence_get_line_col")
        occurrenceRelationsApply = try library.function("indexstore_occurrence_relations_apply_f")
        relationGetRoles = try library.function("indexstore_symbol_relation_get_roles")
        relationGetSymbol = try library.function("indexstore_symbol_relation_get_symbol")
        symbolGetLanguage = try library.function("indexstore_symbol_get_language")
        symbolGetKind = try library.function("indexstore_symbol_get_kind")
        symbolGetSubkind = try library.function("indexstore_symbol_get_subkind")
        symbolGetProperties = try library.function("indexstore_symbol_get_properties")
        symbolGetName = try library.function("indexstore_symbol_get_name")
        symbolGetUSR = try library.function("indexstore_symbol_get_usr")
    }

    /// Turns an `indexstore_error_t` into a message and frees it.
    package func consume(_ error: IndexStoreError?) -> String {
        guard let error else { return "unknown error" }
        defer { errorDispose(error) }
        return errorGetDescription(error).map { String(cString: $0) } ?? "unknown error"
    }
}
