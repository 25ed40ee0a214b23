import CLibClang

/// The subset of libclang's C API (`clang-c/Index.h`) that capcheck uses, declared here and bound at run
/// time with `dlsym`. Nothing outside `NativeCode/` sees these types.
typealias CXCursor = capcheck_cx_cursor
typealias CXString = capcheck_cx_string
typealias CXSourceLocation = capcheck_cx_source_location
typealias CXSourceRange = capcheck_cx_source_range
typealias CXUnsavedFile = capcheck_cx_unsaved_file

/// Cursor kinds (`enum CXCursorKind`) the scanner looks at.
enum CXCursorKindValue {
    static let unexposedDecl: Int32 = 1
    static let structDecl: Int32 = 2
    static let unionDecl: Int32 = 3
    static let classDecl: Int32 = 4
    static let functionDecl: Int32 = 8
    static let varDecl: Int32 = 9
    static let objcInterfaceDecl: Int32 = 11
    static let objcCategoryDecl: Int32 = 12
    static let objcInstanceMethodDecl: Int32 = 16
    static let objcClassMethodDecl: Int32 = 17
    static let objcImplementationDecl: Int32 = 18
    static let objcCategoryImplDecl: Int32 = 19
    static let cxxMethod: Int32 = 21
    static let namespace: Int32 = 22
    static let linkageSpec: Int32 = 23
    static let constructor: Int32 = 24
    static let destructor: Int32 = 25
    static let conversionFunction: Int32 = 26
    static let functionTemplate: Int32 = 30
    static let classTemplate: Int32 = 31
    static let classTemplatePartialSpecialization: Int32 = 32
    static let declRefExpr: Int32 = 101
    static let memberRefExpr: Int32 = 102
    static let callExpr: Int32 = 103
    static let gccAsmStmt: Int32 = 215
    static let msAsmStmt: Int32 = 229
    static let firstAttr: Int32 = 400
    static let lastAttrBound: Int32 = 499

    /// Declarations with a body: functions, methods, constructors, destructors, templates.
    static let functionLike: Set<Int32> = [functionDecl, objcInstanceMethodDecl, objcClassMethodDecl, cxxMethod, constructor,
                                           destructor, conversionFunction, functionTemplate]
    /// Declarations whose children may hold functions: namespaces, classes, `extern "C"` blocks, ObjC containers.
    static let containers: Set<Int32> = [unexposedDecl, structDecl, unionDecl, classDecl, namespace, linkageSpec, classTemplate,
                                         classTemplatePartialSpecialization, objcInterfaceDecl, objcCategoryDecl,
                                         objcImplementationDecl, objcCategoryImplDecl]
}

/// Function pointers into a loaded libclang.
struct LibClangAPI: @unchecked Sendable {
    /// `CXCursorVisitor`: returns `CXChildVisit_Break` (0), `_Continue` (1) or `_Recurse` (2).
    typealias Visitor = @convention(c) (CXCursor, CXCursor, UnsafeMutableRawPointer?) -> UInt32

    let library: NativeLibrary
    let getClangVersion: @convention(c) () -> CXString
    let getCString: @convention(c) (CXString) -> UnsafePointer<CChar>?
    let disposeString: @convention(c) (CXString) -> Void
    let createIndex: @convention(c) (Int32, Int32) -> UnsafeMutableRawPointer?
    let disposeIndex: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let parseTranslationUnit2: @convention(c) (UnsafeMutableRawPointer?, UnsafePointer<CChar>?, UnsafePointer<UnsafePointer<CChar>?>?,
                                               Int32, UnsafeMutablePointer<CXUnsavedFile>?, UInt32, UInt32,
                                               UnsafeMutablePointer<UnsafeMutableRawPointer?>?) -> Int32
    let disposeTranslationUnit: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let getNumDiagnostics: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    let getDiagnostic: @convention(c) (UnsafeMutableRawPointer?, UInt32) -> UnsafeMutableRawPointer?
    let getDiagnosticSeverity: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    let formatDiagnostic: @convention(c) (UnsafeMutableRawPointer?, UInt32) -> CXString
    let disposeDiagnostic: @convention(c) (UnsafeMutableRawPointer?) -> Void
    let getTranslationUnitCursor: @convention(c) (UnsafeMutableRawPointer?) -> CXCursor
    let visitChildren: @convention(c) (CXCursor, Visitor, UnsafeMutableRawPointer?) -> UInt32
    let getCursorKind: @convention(c) (CXCursor) -> Int32
    let getCursorUSR: @convention(c) (CXCursor) -> CXString
    let getCursorSpelling: @convention(c) (CXCursor) -> CXString
    let getCursorLocation: @convention(c) (CXCursor) -> CXSourceLocation
    let getCursorExtent: @convention(c) (CXCursor) -> CXSourceRange
    let getCursorReferenced: @convention(c) (CXCursor) -> CXCursor
    let getCursorLanguage: @convention(c) (CXCursor) -> UInt32
    let cursorIsNull: @convention(c) (CXCursor) -> Int32
    let isCursorDefinition: @convention(c) (CXCursor) -> UInt32
    let getRangeStart: @convention(c) (CXSourceRange) -> CXSourceLocation
    let getSpellingLocation: @convention(c) (CXSourceLocation, UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                             UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?) -> Void
    let getExpansionLocation: @convention(c) (CXSourceLocation, UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
                                              UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?, UnsafeMutablePointer<UInt32>?) -> Void
    let locationIsInSystemHeader: @convention(c) (CXSourceLocation) -> Int32
    let getFileName: @convention(c) (UnsafeMutableRawPointer?) -> CXString
    let cursorGetNumArguments: @convention(c) (CXCursor) -> Int32
    let cursorGetArgument: @convention(c) (CXCursor, UInt32) -> CXCursor
    let cursorEvaluate: @convention(c) (CXCursor) -> UnsafeMutableRawPointer?
    let evalResultGetKind: @convention(c) (UnsafeMutableRawPointer?) -> UInt32
    let evalResultGetAsLongLong: @convention(c) (UnsafeMutableRawPointer?) -> Int64
    let evalResultDispose: @convention(c) (UnsafeMutableRawPointer?) -> Void

    init(library: NativeLibrary) throws {
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
        getCursorLocation = try library.function("clang_getCursorLocation")
        getCursorExtent = try library.function("clang_getCursorExtent")
        getCursorReferenced = try library.function("clang_getCursorReferenced")
        getCursorLanguage = try library.function("clang_getCursorLanguage")
        cursorIsNull = try library.function("clang_Cursor_isNull")
        isCursorDefinition = try library.function("clang_isCursorDefinition")
        getRangeStart = try library.function("clang_getRangeStart")
        getSpellingLocation = try library.function("clang_getSpellingLocation")
        getExpansionLocation = try library.function("clang_getExpansionLocation")
        locationIsInSystemHeader = try library.function("clang_Location_isInSystemHeader")
        getFileName = try library.function("clang_getFileName")
        cursorGetNumArguments = try library.function("clang_Cursor_getNumArguments")
        cursorGetArgument = try library.function("clang_Cursor_getArgument")
        cursorEvaluate = try library.function("clang_Cursor_Evaluate")
        evalResultGetKind = try library.function("clang_EvalResult_getKind")
        evalResultGetAsLongLong = try library.function("clang_EvalResult_getAsLongLong")
        evalResultDispose = try library.function("clang_EvalResult_dispose")
    }

    /// Turns a `CXString` into a Swift string and frees it.
    func consume(_ string: CXString) -> String {
        defer { disposeString(string) }
        return getCString(string).map { String(cString: $0) } ?? ""
    }

    /// The libclang version, e.g. `clang version 21.0.0`.
    var version: String { consume(getClangVersion()) }

    func usr(_ cursor: CXCursor) -> String { consume(getCursorUSR(cursor)) }
    func spelling(_ cursor: CXCursor) -> String { consume(getCursorSpelling(cursor)) }

    /// Where a cursor is: the expansion location (the place in the file that was compiled, also for code
    /// written inside a macro), as an absolute file path, 1-based line and column, and 0-based byte offset.
    func place(_ location: CXSourceLocation, spelling: Bool = false) -> (file: String, line: Int, column: Int, offset: Int)? {
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
    func evaluateInteger(_ cursor: CXCursor) -> Int64? {
        guard let result = cursorEvaluate(cursor) else { return nil }
        defer { evalResultDispose(result) }
        return evalResultGetKind(result) == 1 /* CXEval_Int */ ? evalResultGetAsLongLong(result) : nil
    }

    /// Visits the direct children of `cursor` (or all descendants when `body` returns `.recurse`).
    func visit(_ cursor: CXCursor, _ body: (CXCursor) -> ChildVisit) {
        withoutActuallyEscaping(body) { body in
            var box = VisitorBox(body: body)
            withUnsafeMutablePointer(to: &box) { pointer in
                _ = visitChildren(cursor, { child, _, data in
                    data!.assumingMemoryBound(to: VisitorBox.self).pointee.body(child).rawValue
                }, UnsafeMutableRawPointer(pointer))
            }
        }
    }

    enum ChildVisit: UInt32 {
        case stop = 0, next = 1, recurse = 2
    }

    private struct VisitorBox {
        let body: (CXCursor) -> ChildVisit
    }
}
