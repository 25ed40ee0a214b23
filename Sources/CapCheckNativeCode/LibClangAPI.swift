import CapCheckSupport
import CapCheckModel
import CapCheckIndexStore
import CapCheckPackageGraph
import CapCheckCatalog
import CapCheckGraph
import CLibClang

/// The subset of libclang's C API (`clang-c/Index.h`) that capcheck uses, declared here and bound at run
/// time with `dlsym`. Nothing outside `CapCheckNativeCode/` sees these types.
package typealias CXCursor = capcheck_cx_cursor
package typealias CXString = capcheck_cx_string
package typealias CXSourceLocation = capcheck_cx_source_location
package typealias CXSourceRange = capcheck_cx_source_range
package typealias CXUnsavedFile = capcheck_cx_unsaved_file

/// Cursor kinds (`enum CXCursorKind`) the scanner looks at.
package enum CXCursorKindValue {
    package static let unexposedDecl: Int32 = 1
    package static let structDecl: Int32 = 2
    package static let unionDecl: Int32 = 3
    package static let classDecl: Int32 = 4
    package static let functionDecl: Int32 = 8
    package static let varDecl: Int32 = 9
    package static let objcInterfaceDecl: Int32 = 11
    package static let objcCategoryDecl: Int32 = 12
    package static let objcInstanceMethodDecl: Int32 = 16
    package static let objcClassMethodDecl: Int32 = 17
    package static let objcImplementationDecl: Int32 = 18
    package static let objcCategoryImplDecl: Int32 = 19
    package static let cxxMethod: Int32 = 21
    package static let namespace: Int32 = 22
    package static let linkageSpec: Int32 = 23
    package static let constructor: Int32 = 24
    package static let destructor: Int32 = 25
    package static let conversionFunction: Int32 = 26
    package static let functionTemplate: Int32 = 30
    package static let classTemplate: Int32 = 31
    package static let classTemplatePartialSpecialization: Int32 = 32
    package static let typeRef: Int32 = 43
    package static let templateRef: Int32 = 45
    package static let declRefExpr: Int32 = 101
    package static let memberRefExpr: Int32 = 102
    package static let callExpr: Int32 = 103
    package static let gccAsmStmt: Int32 = 215
    package static let msAsmStmt: Int32 = 229
    package static let firstAttr: Int32 = 400
    package static let asmLabelAttr: Int32 = 407
    package static let lastAttrBound: Int32 = 499

    /// Declarations with a body: functions, methods, constructors, destructors, templates.
    package static let functionLike: Set<Int32> = [functionDecl, objcInstanceMethodDecl, objcClassMethodDecl, cxxMethod, constructor,
                                           destructor, conversionFunction, functionTemplate]
    /// Declarations whose children may hold functions: namespaces, classes, `extern "C"` blocks, ObjC containers.
    package static let containers: Set<Int32> = [unexposedDecl, structDecl, unionDecl, classDecl, namespace, linkageSpec, classTemplate,
                                         classTemplatePartialSpecialization, objcInterfaceDecl, objcCategoryDecl,
                                         objcImplementationDecl, objcCategoryImplDecl]
}

/// Function pointers into a loaded libclang.
package struct LibClangAPI: @unchecked Sendable {  // C function pointers bound once by dlsym
    /// `CXCursorVisitor`: returns `CXChildVisit_Break` (0), `_Continue` (1) or `_Recurse` (2).
    package typealias Visitor = @convention(c) (CXCursor, CXCursor, UnsafeMutableRawPointer?) -> UInt32

    package let library: NativeLibrary
    package let getClangVersion: @convention(c) () -> CXString
    package let getCString: @convention(c) (CXString) -> UnsafePointer<CChar>?
    package let disposeString: @convention(c) (CXString) -> Void
    package let createIndex: @convention(c) (Int32, Int32) -> UnsafeMutableRawPointer?
    package let disposeIndex: @convention(c) (UnsafeMutableRawPointer?) -> Void
    package let parseTranslationUnit2: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafePointer<UnsafePointer<CChar>?>?,
                                               Int32, UnsafeMutablePointer<CXUnsavedFile>?, UInt32, UInt32,
                                               UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> Int32
    package let disposeTranslationUnit: @convention(c) (UnsafeMutableRawPointer?) -> Void
    package let getNumDiagnostics: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    package let getDiagnostic: @convention(c) (UnsafeMutableRawPointer?, UInt32) -> UnsafeMutableRawPointer?
    package let getDiagnosticSeverity: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    package let formatDiagnostic: @convention(c) (UnsafeMutableRawPointer?, UInt32) -> CXString
    package let disposeDiagnostic: @convention(c) (UnsafeMutableRawPointer?) -> Void
    package let getTranslationUnitCursor: @convention(c) (UnsafeMutableRawPointer?) -> CXCursor
    package let visitChildren: @convention(c) (CXCursor, Visitor, UnsafeMutableRawPointer?) -> UInt32
    package let getCursorKind: @convention(c) (CXCursor) -> Int32
    package let getCursorUSR: @convention(c) (CXCursor) -> CXString
    package let getCursorSpelling: @convention(c) (CXCursor) -> CXString
    /// The symbol name a definition gets in the object file (`clang_Cursor_getMangling`).
    package let cursorGetMangling: @convention(c) (CXCursor) -> CXString
    package let getCursorLocation: @convention(c) (CXCursor) -> CXSourceLocation
    package let getCursorExtent: @convention(c) (CXCursor) -> CXSourceRange
    package let getCursorReferenced: @convention(c) (CXCursor) -> CXCursor
    package let getCursorLanguage: @convention(c) (CXCursor) -> UInt32
    package let cursorIsNull: @convention(c) (CXCursor) -> Int32
    package let isCursorDefinition: @convention(c) (CXCursor) -> UInt32
    package let getRangeStart: @convention(c) (CXSourceRange) -> CXSourceLocation
    package let getSpellingLocation: @convention(c) (CXSourceLocation, UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                             UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?) -> Void
    package let getExpansionLocation: @convention(c) (CXSourceLocation, UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                              UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?) -> Void
    package let locationIsInSystemHeader: @convention(c) (CXSourceLocation) -> Int32
    package let getFileName: @convention(c) (UnsafeMutableRawPointer?) -> CXString
    /// `CXInclusionVisitor`: each file a translation unit read, with its inclusion stack.
    package typealias InclusionVisitor = @convention(c) (UnsafeMutableRawPointer?, UnsafeMutablePointer<CXSourceLocation>?, UInt32,
                                                         UnsafeMutableRawPointer?) -> Void
    package let getInclusions: @convention(c) (UnsafeMutableRawPointer?, InclusionVisitor, UnsafeMutableRawPointer?) -> Void
    package let cursorGetNumArguments: @convention(c) (CXCursor) -> Int32
    package let cursorGetArgument: @convention(c) (CXCursor, UInt32) -> CXCursor
    package let cursorEvaluate: @convention(c) (CXCursor) -> UnsafeMutableRawPointer?
    package let evalResultGetKind: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    package let evalResultGetAsLongLong: @convention(c) (UnsafeMutableRawPointer?) -> Int64
    package let evalResultGetAsStr: @convention(c) (UnsafeMutableRawPointer?) -> UnsafePointer<CChar>?
    package let evalResultDispose: @convention(c) (UnsafeMutableRawPointer?) -> Void
    /// `clang_getCursorPrettyPrinted` (libclang 7 and later; nil before).
    package let getCursorPrettyPrinted: (@convention(c) (CXCursor, UnsafeMutableRawPointer?) -> CXString)?

    package init(library: NativeLibrary) throws {
        self.library = library
        getClangVersion = try library.function("clang_getClangVersion")
        getCString = try library.function("clang_getCString")
        disposeString = try library.function("clang_disposeString")
        createIndex = try library.function("clang_createIndex")
        disposeIndex = try library.function("clang_disposeIndex")
        parseTranslationUnit2 = try library.function("clang_parseTranslationUnit2")
        disposeTranslationUnit = try library.function("clang_disposeTranslationUnit")
        getNumDiagnostics = try library.function("clang_getNumDiagnostics")
        getDiagnostic = try library.function("clang_getDiagnostic")
        getDiagnosticSeverity = try library.function("clang_getDiagnosticSeverity")
        formatDiagnostic = try library.function("clang_formatDiagnostic")
        disposeDiagnostic = try library.function("clang_disposeDiagnostic")
        getTranslationUnitCursor = try library.function("clang_getTranslationUnitCursor")
        visitChildren = try library.function("clang_visitChildren")
        getCursorKind = try library.function("clang_getCursorKind")
        getCursorUSR = try library.function("clang_getCursorUSR")
        getCursorSpelling = try library.function("clang_getCursorSpelling")
        cursorGetMangling = try library.function("clang_Cursor_getMangling")
        getCursorLocation = try library.function("clang_getCursorLocation")
        getCursorExtent = try library.function("clang_getCursorExtent")
        getCursorReferenced = try library.function("clang_getCursorReferenced")
        getCursorLanguage = try library.function("clang_getCursorLanguage")
        cursorIsNull = try library.function("clang_Cursor_isNull")
        isCursorDefinition = try library.function("clang_isCursorDefinition")
        getRangeStart = try library.function("clang_getRangeStart")
        getSpellingLocation = try library.function("clang_getSpellingLocation")
        getInclusions = try library.function("clang_getInclusions")
        getExpansionLocation = try library.function("clang_getExpansionLocation")
        locationIsInSystemHeader = try library.function("clang_Location_isInSystemHeader")
        getFileName = try library.function("clang_getFileName")
        cursorGetNumArguments = try library.function("clang_Cursor_getNumArguments")
        cursorGetArgument = try library.function("clang_Cursor_getArgument")
        cursorEvaluate = try library.function("clang_Cursor_Evaluate")
        evalResultGetKind = try library.function("clang_EvalResult_getKind")
        evalResultGetAsLongLong = try library.function("clang_EvalResult_getAsLongLong")
        evalResultGetAsStr = try library.function("clang_EvalResult_getAsStr")
        evalResultDispose = try library.function("clang_EvalResult_dispose")
        getCursorPrettyPrinted = try? library.function("clang_getCursorPrettyPrinted")
    }

    /// Turns a `CXString` into a Swift string and frees it.
    /// The files a translation unit read (the source and every file it included), standardized.
    package func includedFiles(_ unit: UnsafeMutableRawPointer) -> Set<String> {
        final class Found {
            let api: LibClangAPI
            var files = Set<String>()
            init(api: LibClangAPI) { self.api = api }
        }
        let found = Found(api: self)
        withExtendedLifetime(found) {
            getInclusions(unit, { file, _, _, context in
                let found = Unmanaged<Found>.fromOpaque(context!).takeUnretainedValue()
                found.files.insert(PathText.standardized(found.api.consume(found.api.getFileName(file))))
            }, Unmanaged.passUnretained(found).toOpaque())
        }
        return found.files
    }

    package func consume(_ string: CXString) -> String {
        defer { disposeString(string) }
        return getCString(string).map { String(cString: $0) } ?? ""
    }

    /// The libclang version, e.g. `clang version 21.0.0`.
    package var version: String { consume(getClangVersion()) }

    package func usr(_ cursor: CXCursor) -> String { consume(getCursorUSR(cursor)) }
    package func spelling(_ cursor: CXCursor) -> String { consume(getCursorSpelling(cursor)) }

    /// Where a cursor is: the expansion location (the place in the file that was compiled, also for code
    /// written inside a macro), as an absolute file path, 1-based line and column, and 0-based byte offset.
    package func place(_ location: CXSourceLocation, spelling: Bool = false) -> (file: String, line: Int, column: Int, offset: Int)? {
        var file: UnsafeMutableRawPointer?
        var line: UInt32 = 0, column: UInt32 = 0, offset: UInt32 = 0
        if spelling {
            getSpellingLocation(location, &file, &line, &column, &offset)
        } else {
            getExpansionLocation(location, &file, &line, &column, &offset)
        }
        guard let file else { return nil }
        return (consume(getFileName(file)), Int(line), Int(column), Int(offset))
    }

    /// The integer value of a constant expression, if libclang can evaluate it.
    package func evaluateInteger(_ cursor: CXCursor) -> Int64? {
        guard let result = cursorEvaluate(cursor) else { return nil }
        defer { evalResultDispose(result) }
        return evalResultGetKind(result) == 1 /* CXEval_Int */ ? evalResultGetAsLongLong(result) : nil
    }

    /// The text of a string literal expression, if libclang can evaluate it.
    package func evaluateString(_ cursor: CXCursor) -> String? {
        guard let result = cursorEvaluate(cursor) else { return nil }
        defer { evalResultDispose(result) }
        guard evalResultGetKind(result) == 4 /* CXEval_StrLiteral */, let text = evalResultGetAsStr(result) else { return nil }
        return String(cString: text)
    }

    /// Visits the direct children of `cursor` (or all descendants when `body` returns `.recurse`).
    package func visit(_ cursor: CXCursor, _ body: (CXCursor) -> ChildVisit) {
        withoutActuallyEscaping(body) { body in
            var box = VisitorBox(body: body)
            withUnsafeMutablePointer(to: &box) { pointer in
                _ = visitChildren(cursor, { child, _, data in
                    data!.assumingMemoryBound(to: VisitorBox.self).pointee.body(child).rawValue
                }, UnsafeMutableRawPointer(pointer))
            }
        }
    }

    package enum ChildVisit: UInt32 {
        case stop = 0, next = 1, recurse = 2
    }

    private struct VisitorBox {
        package let body: (CXCursor) -> ChildVisit
    }
}
