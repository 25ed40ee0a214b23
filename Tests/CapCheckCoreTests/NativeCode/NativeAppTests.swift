@testable import CapCheckCore
import XCTest

/// `capcheck check` on Fixtures/NativeApp: one dependency per native-code rule (inline asm, load-time code,
/// raw syscall, function-pointer table, system library target, a C target opening a socket).
final class NativeAppTests: XCTestCase {
    nonisolated(unsafe) private static var cached: AnalysisReport?
    private func report() throws -> AnalysisReport {
        if let report = Self.cached { return report }
        let report = try Fixtures.analyse("NativeApp")
        Self.cached = report
        return report
    }

    /// Found by an evasion sweep: C naming a Swift function by its mangled symbol in an init array runs it at load.
    func testACInitArrayEntryNamingASwiftFunctionRunsIt() throws {
        let path = try violation("c-load-time", "fs", "utimes").path
        XCTAssertEqual(path.map(\.symbol).suffix(3), ["$s8LoadTime9swiftHookyyF", "LoadTime.swiftHook()", "utimes"])
        XCTAssertEqual(path.dropLast().last?.via, EdgeKind.asmLabel.rawValue)
    }

    func testExactViolationSet() throws {
        XCTAssertEqual(try report().violationKeys, [
            "c-asm ffi capcheck_barrier_count",
            "c-asm ffi inline asm",
            "c-asm unsafe inline asm",
            "c-asm-function ffi capcheck_asm_function",
            "c-asm-function ffi inline asm",
            "c-asm-function ffi native code of target CAsmFunction",
            "c-asm-function unsafe inline asm",
            "c-asm-label env environ",
            "c-asm-label ffi capcheck_header_noop",
            "c-asm-label ffi capcheck_header_symver_probe",
            "c-asm-label ffi capcheck_label_probe",
            "c-asm-label ffi capcheck_quiet_open",
            "c-asm-label ffi capcheck_swift_only_probe",
            "c-asm-label ffi capcheck_symver_probe",
            "c-asm-label ffi capcheck_table_probe",
            "c-asm-label ffi inline asm",
            "c-asm-label ffi native code of target CAsmLabel",
            "c-asm-label fs chdir",
            "c-asm-label fs chmod",
            "c-asm-label fs mkdir",
            "c-asm-label fs open",
            "c-asm-label fs rmdir",
            "c-asm-label fs unlink",
            "c-asm-label unsafe inline asm",
            "c-autolink build program run by the unsafe flags of CAutolink",
            "c-autolink ffi native code of target CAutolink",
            "c-fnptr-table exec _IO_popen",
            "c-fnptr-table exec execv",
            "c-fnptr-table ffi capcheck_dispatch",
            "c-fnptr-table ffi capcheck_ops",
            "c-fnptr-table ffi capcheck_run_hooks",
            "c-fnptr-table ffi dlsym",
            "c-fnptr-table fs __open",
            "c-fnptr-table fs chroot",
            "c-fnptr-table fs open",
            "c-fnptr-table fs truncate",
            "c-header-context ffi capcheck_context_guard_loud",
            "c-header-context ffi capcheck_context_guard_quiet",
            "c-header-context ffi capcheck_context_hooks",
            "c-header-context ffi capcheck_context_hooks_labelled",
            "c-header-context ffi capcheck_context_make",
            "c-header-context ffi capcheck_context_pid",
            "c-header-context fs chmod",
            "c-header-context fs rmdir",
            "c-header-context fs syscall(SYS_mkdir)",
            "c-header-context fs unlink",
            "c-header-only ffi capcheck_header_unlink",
            "c-header-only ffi capcheck_inline_open",
            "c-header-only ffi native code of target CHeaderOnly",
            "c-header-only fs mkdir",
            "c-header-only fs open",
            "c-header-only fs unlink",
            "c-interpose env Swift.CommandLine.unsafeArgv",
            "c-interpose env __libc_stack_end",
            "c-interpose env __progname_full",
            "c-interpose env environ",
            "c-interpose env strptime",
            "c-interpose ffi capcheck_interpose_version",
            // cxx-objects' `std::ofstream` allocates: its `operator new` is c-interpose's replacement.
            "c-interpose ffi dlsym",
            "c-interpose ffi native code of target CInterpose",
            "c-interpose fs __nss_passwd_lookup2",
            "c-interpose fs chmod",
            "c-interpose fs creat",
            "c-interpose fs lchown",
            "c-interpose fs link",
            "c-interpose fs mkdir",
            "c-interpose fs mkfifo",
            "c-interpose fs rmdir",
            "c-interpose fs strptime",
            "c-interpose fs symlink",
            "c-interpose fs truncate",
            "c-interpose fs unlink",
            "c-interpose fs utimes",
            "c-load-time env environ",
            "c-load-time env getenv",
            "c-load-time env setenv",
            "c-load-time ffi inline asm",
            "c-load-time ffi native code of target CLoadTime",
            "c-load-time fs access",
            "c-load-time fs chmod",
            "c-load-time fs mkdir",
            "c-load-time fs rmdir",
            "c-load-time fs unlink",
            "c-load-time fs utimes",
            "c-load-time unsafe inline asm",
            "c-macro-triggers env getenv",
            "c-macro-triggers ffi capcheck_header_user_one",
            "c-macro-triggers ffi capcheck_header_user_two",
            "c-macro-triggers ffi capcheck_macro_asm",
            "c-macro-triggers ffi capcheck_macro_setting",
            "c-macro-triggers ffi capcheck_macro_syscall",
            "c-macro-triggers ffi inline asm",
            "c-macro-triggers ffi native code of target CMacroTriggers",
            "c-macro-triggers fs syscall(SYS_openat)",
            "c-macro-triggers unsafe Swift.String.init(cString:)",
            "c-macro-triggers unsafe inline asm",
            "c-pragma-alias env setenv",
            "c-pragma-alias env wordexp",
            "c-pragma-alias exec wordexp",
            "c-pragma-alias ffi native code of target CPragmaAlias",
            "c-pragma-alias fs access",
            "c-pragma-alias fs chdir",
            "c-pragma-alias fs getxattr",
            "c-pragma-alias fs mkfifo",
            "c-pragma-alias fs rmdir",
            "c-pragma-alias fs truncate",
            "c-pragma-alias fs unlink",
            "c-pragma-alias fs wordexp",
            "c-raw-syscall exec syscall(non-constant number)",
            "c-raw-syscall ffi capcheck_raw_open",
            "c-raw-syscall ffi capcheck_raw_pid",
            "c-raw-syscall ffi capcheck_raw_pointer",
            "c-raw-syscall fs syscall(SYS_openat)",
            "c-raw-syscall fs syscall(non-constant number)",
            "c-raw-syscall net syscall(non-constant number)",
            "c-socket ffi capcheck_open_socket",
            "c-socket net socket",
            "c-swift-name ffi capcheck_banner_address",
            "c-swift-name ffi capcheck_gauge_reading",
            "c-swift-name ffi capcheck_gauge_set_reading",
            "c-swift-name ffi capcheck_probe_thunk",
            "c-swift-name ffi native code of target CSwiftName",
            "c-swift-name fs Foundation.FileManager.copyItem(atPath:toPath:)",
            "c-swift-name fs Foundation.FileManager.createDirectory(atPath:withIntermediateDirectories:attributes:)",
            "c-swift-name fs Foundation.FileManager.createFile(atPath:contents:attributes:)",
            "c-swift-name fs Foundation.FileManager.removeItem(atPath:)",
            "c-swift-name fs mkfifo",
            "c-system-header ffi capcheck_system_header_open",
            "c-system-header ffi native code of target CSystemHeader",
            "c-system-header fs open",
            "cxx-objects env std::moneypunct_byname::moneypunct_byname",
            "cxx-objects ffi capcheck_cxx_perform",
            "cxx-objects ffi capcheck_templates",
            "cxx-objects ffi capcheck_tls_count",
            "cxx-objects ffi native code of target CCxxObjects",
            "cxx-objects fs access",
            "cxx-objects fs chdir",
            "cxx-objects fs chmod",
            "cxx-objects fs chown",
            "cxx-objects fs creat",
            "cxx-objects fs lchown",
            "cxx-objects fs link",
            "cxx-objects fs linkat",
            "cxx-objects fs mkdir",
            "cxx-objects fs mkdirat",
            "cxx-objects fs mkfifo",
            "cxx-objects fs mknod",
            "cxx-objects fs mknodat",
            "cxx-objects fs readlink",
            "cxx-objects fs rename",
            "cxx-objects fs rmdir",
            "cxx-objects fs std::basic_ofstream::basic_ofstream",
            "cxx-objects fs std::filesystem::remove",
            "cxx-objects fs std::moneypunct_byname::moneypunct_byname",
            "cxx-objects fs symlink",
            "cxx-objects fs symlinkat",
            "cxx-objects fs truncate",
            "cxx-objects fs unlink",
            "cxx-objects fs utime",
            "cxx-objects fs utimes",
            "system-zlib ffi system library target CZlib (links z)",
            "system-zlib ffi zlibVersion",
            // Reading the C string zlib returns is the stdlib's unsafe API (the catalog's @unsafe rule).
            "system-zlib unsafe Swift.String.init(cString:)",
        ])
    }

    func testInlineAsmIsReportedAtTheAsmStatement() throws {
        let path = try violation("c-asm", "unsafe", "inline asm").path
        XCTAssertEqual(path.map(\.symbol), ["top-level code (main.swift)", "Asm.barrierCount(_:)", "capcheck_barrier_count", "inline asm"])
        XCTAssertTrue(path[3].file.hasSuffix("c-asm/Sources/CAsm/casm.c"))
        XCTAssertEqual(path[3].line, 4)
    }

    func testAFunctionWrittenInFileScopeAsmStandsForInlineAsm() throws {
        // capcheck_asm_function is declared in C and defined only by `__asm__("… capcheck_asm_function: …")`: no C body,
        // so the object file's symbol table is what says its code exists, and calling it runs asm.
        let path = try violation("c-asm-function", "unsafe", "inline asm").path
        XCTAssertEqual(path.map(\.symbol), ["top-level code (main.swift)", "AsmFunction.asmAnswer()", "capcheck_asm_function",
                                            "capcheck_asm_function", "inline asm"])
        XCTAssertEqual(path[3].package, "c-asm-function")
        // The asm is where its code is written: the source's file-scope `asm`, not the header that declares it.
        XCTAssertTrue(path[4].file.hasSuffix("CAsmFunction/asmfunction.c"), path[4].file)
    }

    func testAWeakReferenceCallsTheFunctionItNames() throws {
        // `static int capcheck_quiet_access(…) __attribute__((weakref("access")))`: no call names access.
        let path = try violation("c-pragma-alias", "fs", "access").path
        XCTAssertEqual(path.suffix(3).map(\.symbol), ["capcheck_weakref_probe", "capcheck_quiet_access", "access"])
        XCTAssertEqual(path.last?.via, EdgeKind.symbolAlias.rawValue)
    }

    func testAPackageHeaderThatCallsItselfASystemHeaderIsReadAllTheSame() throws {
        // quiet_system.h says `#pragma GCC system_header`: its constructor and its asm label were skipped with the C
        // library's headers. Its source also has load-time sections now, and its `#pragma weak` bindings (setenv,
        // unlink) are still read: a source parsed for its object file is preprocessed too.
        let constructor = try violation("c-pragma-alias", "fs", "truncate").path
        XCTAssertEqual(constructor.map(\.symbol), ["program start (load-time code of linked targets)", "capcheck_quiet_constructor", "truncate"])
        let label = try violation("c-pragma-alias", "fs", "mkfifo").path
        XCTAssertEqual(label.suffix(2).map(\.symbol), ["capcheck_quiet_fifo", "mkfifo"])
        XCTAssertEqual(label.last?.via, EdgeKind.asmLabel.rawValue)
    }

    func testAnAsmLabelOnAVariableReadsTheLabelledVariable() throws {
        // `extern capcheck_table_op capcheck_table_alias[] __asm__("capcheck_real_table")` inside a function: a call
        // through it runs what the real table holds; `extern char **… __asm__("environ")` reads the environment.
        let table = try violation("c-asm-label", "fs", "rmdir").path
        XCTAssertEqual(table.suffix(3).map(\.symbol), ["capcheck_table_alias", "capcheck_real_table", "rmdir"])
        XCTAssertEqual(table[table.count - 2].via, EdgeKind.asmLabel.rawValue)
        let environment = try violation("c-asm-label", "env", "environ").path
        XCTAssertEqual(environment.suffix(2).map(\.symbol), ["capcheck_quiet_environment", "environ"])
    }

    func testATableInACustomSectionIsReachedFromItsBounds() throws {
        // `for (hook = __start_capcheck_hooks; hook < __stop_capcheck_hooks; hook++)`: no code names the hook.
        let path = try violation("c-fnptr-table", "fs", "truncate").path
        XCTAssertEqual(path.suffix(4).map(\.symbol), ["__start_capcheck_hooks", "capcheck_first_hook", "capcheck_hook_truncate", "truncate"])
        XCTAssertEqual(path[path.count - 3].via, EdgeKind.symbolAlias.rawValue)
    }

    func testAnInitFunctionTakingEnvpReadsTheEnvironment() throws {
        // glibc calls init functions with (argc, argv, envp): a constructor with a third parameter reads the block.
        let path = try violation("c-load-time", "env", "environ").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "capcheck_read_block", "environ"])
    }

    func testADefinitionOfACLibraryFunctionReplacesItForEveryCaller() throws {
        // c-interpose defines rand(): every caller in the process runs it, so it hangs below the program start.
        let path = try violation("c-interpose", "fs", "unlink").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "rand", "unlink"])
        XCTAssertEqual(path[1].via, EdgeKind.interposition.rawValue)
        // A startup hook no library defines (`__gmon_start__`, called by every object's `_init`), and a C library
        // function the catalog does not list (`ffsll`, one the C library exports): both replace for the whole process.
        for (sink, symbol) in [("chmod", "__gmon_start__"), ("lchown", "ffsll")] {
            let hooked = try violation("c-interpose", "fs", sink).path
            XCTAssertEqual(hooked.map(\.symbol), ["program start (load-time code of linked targets)", symbol, sink])
            XCTAssertEqual(hooked[1].via, EdgeKind.interposition.rawValue)
        }
        // And its C++ definition of a function the C++ runtime library exports (`std::__throw_bad_alloc()`), by its
        // mangled name (found by an evasion sweep, with `std::locale::id::_M_id() const`).
        let mangled = try violation("c-interpose", "fs", "symlink").path
        XCTAssertEqual(mangled.map(\.symbol), ["program start (load-time code of linked targets)", "__throw_bad_alloc", "symlink"])
        XCTAssertEqual(mangled[1].via, EdgeKind.interposition.rawValue)
        // So does its global operator new, for every `new` in the process.
        let allocation = try violation("c-interpose", "fs", "rmdir").path
        XCTAssertEqual(allocation.first?.symbol, "program start (load-time code of linked targets)")
        XCTAssertEqual(allocation[1].via, EdgeKind.interposition.rawValue)
    }

    /// Found by an evasion sweep: the dynamic linker's exports are replaced like the C library's (`__tls_get_addr`, called
    /// by every library that reads a thread-local variable), and the C library's other names for the arguments and the
    /// environment, a variable looked up by `dlsym` and glibc's private user-database lookup are sinks.
    func testRuntimeNamesNoCatalogFunctionSpells() throws {
        let linker = try violation("c-interpose", "fs", "mkdir").path
        XCTAssertEqual(linker.map(\.symbol), ["program start (load-time code of linked targets)", "__tls_get_addr", "mkdir"])
        XCTAssertEqual(linker[1].via, EdgeKind.interposition.rawValue)
        for (capability, sink) in [("env", "__progname_full"), ("env", "__libc_stack_end"), ("env", "environ"), ("fs", "__nss_passwd_lookup2")] {
            XCTAssertEqual(try violation("c-interpose", capability, sink).path.suffix(2).map(\.symbol), ["capcheck_runtime_names", sink], sink)
        }
    }

    func testCxxVirtualCallsReachOverridesAndStaticObjectsTheirDestructors() throws {
        // task->perform() on a Task* runs ProbeTask::perform; `static Janitor janitor;` runs ~Janitor at exit.
        let virtual = try violation("cxx-objects", "fs", "access").path
        XCTAssertEqual(virtual.suffix(3).map(\.symbol), ["perform", "perform", "access"])
        XCTAssertEqual(virtual[virtual.count - 2].via, EdgeKind.witness.rawValue)
        let destructor = try violation("cxx-objects", "fs", "rmdir").path
        XCTAssertEqual(destructor.map(\.symbol), ["program start (load-time code of linked targets)", "janitor", "Janitor", "~Janitor", "rmdir"])
        XCTAssertEqual(destructor[3].via, EdgeKind.deinitializer.rawValue)
    }

    func testWritingAPropertyImportedFromCReachesItsSetter() throws {
        // `gauge.reading = value`: the index records the getter (`swift_name("getter:…")`), not the C setter.
        let path = try violation("c-swift-name", "fs", "mkfifo").path
        XCTAssertEqual(path.suffix(3).map(\.symbol), ["SwiftName.setReading(_:)", "capcheck_gauge_set_reading", "mkfifo"])
        XCTAssertEqual(path[path.count - 2].via, EdgeKind.importedSetter.rawValue)
    }

    /// The twenty-sixth sweep's: C naming Swift code by its mangled symbol without an asm label (a plain declaration,
    /// which the libclang pass does not keep), and through asm labels on a protocol witness thunk (whose symbol begins
    /// with the conforming type's, not the witness's) and on a global's addressor (which runs its initial value).
    func testCNamingSwiftCodeByAnyMangledSymbolReachesIt() throws {
        let plain = try violation("c-swift-name", "fs", "Foundation.FileManager.removeItem(atPath:)").path
        XCTAssertEqual(plain.suffix(3).map(\.symbol), ["$s9SwiftName20capcheckHiddenFolderyyF", "SwiftName.capcheckHiddenFolder()",
                                                       "FoundationEssentials.FileManager.removeItem(atPath:)"])
        XCTAssertEqual(plain[plain.count - 2].via, EdgeKind.mangledSwiftName.rawValue)
        let thunk = try violation("c-swift-name", "fs", "Foundation.FileManager.createDirectory(atPath:withIntermediateDirectories:attributes:)").path
        XCTAssertEqual(thunk.suffix(3).map(\.symbol).prefix(2), ["capcheck_probe_thunk", "SwiftName.CapcheckThing.probe()"])
        let global = try violation("c-swift-name", "fs", "Foundation.FileManager.createFile(atPath:contents:attributes:)").path
        XCTAssertEqual(global.suffix(3).map(\.symbol).prefix(2), ["capcheck_banner_address", "SwiftName.capcheckBanner"])
        // The twenty-seventh sweep's: an allocating initializer's symbol (`…fC`) names the initializer (`…fc`).
        let initializer = try violation("c-swift-name", "fs", "Foundation.FileManager.copyItem(atPath:toPath:)").path
        XCTAssertEqual(initializer.suffix(3).map(\.symbol).prefix(2), ["$s9SwiftName12CapcheckGateVACycfC", "SwiftName.CapcheckGate.init()"])
    }

    /// The twenty-sixth sweep's: a `thread_local` whose initializer runs on the first use of another thread-local of its
    /// file (`__tls_init`), in a source with no trigger word and no init array: its thread-local sections make it parse.
    func testAThreadLocalsDynamicInitializerIsReadAsLoadTimeCode() throws {
        let path = try violation("cxx-objects", "fs", "symlink").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "capcheck_tls_prepared", "prepare_tls", "symlink"])
    }

    /// The twenty-sixth sweep's: explicit specialisations run where their template is used: a function's and a class
    /// template member's defined in another file (the linker keeps their strong symbols), a class's picked by template
    /// code, and a standard library template's (`std::less<int>`), which the toolchain's `std::set` calls.
    func testExplicitSpecialisationsRunWhereTheirTemplateIsReached() throws {
        let kind = EdgeKind.specialization.rawValue
        let function = try violation("cxx-objects", "fs", "chdir").path
        XCTAssertEqual(function.suffix(3).map(\.symbol), ["capcheck_tweak", "capcheck_tweak", "chdir"])
        XCTAssertEqual(function[function.count - 2].via, kind)
        let member = try violation("cxx-objects", "fs", "rename").path
        XCTAssertEqual(member.suffix(3).map(\.symbol), ["get", "get", "rename"])
        XCTAssertEqual(member[member.count - 2].via, kind)
        let picked = try violation("cxx-objects", "fs", "creat").path
        XCTAssertEqual(picked.suffix(4).map(\.symbol), ["capcheck_run", "go", "go", "creat"])
        let standard = try violation("cxx-objects", "fs", "mknod").path
        XCTAssertEqual(standard.map(\.symbol), ["program start (load-time code of linked targets)", "operator()", "mknod"])
        XCTAssertEqual(standard[1].via, kind)
        // The twenty-seventh sweep's: members specialised alone whose USR spells a library type (`CapcheckBox<std::string>`)
        // or the argument in the signature (`put(long)`), and a standard library member (`std::default_delete<…>`).
        for (sink, symbol) in [("readlink", "get"), ("linkat", "put")] {
            let path = try violation("cxx-objects", "fs", sink).path
            XCTAssertEqual(path.suffix(3).map(\.symbol), [symbol, symbol, sink])
            XCTAssertEqual(path[path.count - 2].via, kind)
        }
        let deleter = try violation("cxx-objects", "fs", "mknodat").path
        XCTAssertEqual(deleter.map(\.symbol), ["program start (load-time code of linked targets)", "operator()", "mknodat"])
    }

    /// The twenty-sixth sweep's: a variable template's instance is initialised at load though only a function nothing
    /// calls reads it.
    func testAVariableTemplatesInitializerRunsAtLoad() throws {
        let path = try violation("cxx-objects", "fs", "utimes").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "capcheck_stamp", "capcheck_touch", "utimes"])
        XCTAssertEqual(path[1].via, EdgeKind.loadTime.rawValue)
        // The twenty-seventh sweep's: a variable template of an aggregate (its initializer names only the class), and a
        // global whose type `auto` deduces from one: both build it at load, running its default member initializer.
        let aggregate = try violation("cxx-objects", "fs", "symlinkat").path
        XCTAssertEqual(aggregate.prefix(3).map(\.symbol), ["program start (load-time code of linked targets)", "capcheck_agg_instance", "CapcheckAgg"])
        let deduced = try violation("cxx-objects", "fs", "mkdirat").path
        XCTAssertEqual(deduced.prefix(3).map(\.symbol), ["program start (load-time code of linked targets)", "capcheck_config", "CapcheckConfig"])
    }

    /// The eighteenth sweep's: an init-array entry written in asm jumped into C code that no C code calls (the name
    /// split across two string literals, which clang's printing joins).
    func testCodeFileScopeAsmJumpsToIsReached() throws {
        let path = try violation("c-asm-label", "fs", "chmod").path
        XCTAssertEqual(path.suffix(4).map(\.symbol), ["capcheck_asm_boot", "file-scope asm and object calls of trampoline.c",
                                                      "capcheck_asm_payload", "chmod"])
    }

    /// The eighteenth sweep's: an asm label declared only for Swift (`#if defined(__swift__)`), which the public
    /// headers' parse sees as Swift's importer does.
    func testAnAsmLabelOnlySwiftSeesIsFollowed() throws {
        let path = try violation("c-asm-label", "fs", "unlink").path
        XCTAssertEqual(path.suffix(3).map(\.symbol), ["capcheck_swift_only_probe", "capcheck_swift_only_remove", "unlink"])
    }

    func testACallFileScopeAsmRenamesIsWhatTheObjectCalls() throws {
        // `__asm__(".symver capcheck_versioned_tidy, mkdir@GLIBC_2.2.5")`: the C code calls a name no library defines.
        let path = try violation("c-asm-label", "fs", "mkdir").path
        XCTAssertEqual(path.suffix(4).map(\.symbol), ["AsmLabel.AsmLabel.versioned()", "capcheck_symver_probe",
                                                      "file-scope asm and object calls of symver.c", "mkdir"])
        XCTAssertEqual(path[path.count - 2].via, EdgeKind.objectCall.rawValue)
        // The asm itself is inline asm of the package (`unsafe`).
        let asm = try violation("c-asm-label", "unsafe", "inline asm").path
        XCTAssertEqual(asm.last?.symbol, "inline asm")
        XCTAssertTrue(["file-scope asm and object calls of symver.c", "capcheck_asm_boot"].contains(asm[asm.count - 2].symbol))
    }

    /// The same `.symver` in a header two sources include: the one that calls the renamed name is parsed itself (a parse
    /// of the other would have stood in for it, and its object's `chdir` went unseen; found by the benchmark's
    /// comparison of the runs with and without the prefilter).
    func testFileScopeAsmInAHeaderIsReadWithEverySourceThatIncludesIt() throws {
        let path = try violation("c-asm-label", "fs", "chdir").path
        XCTAssertEqual(path.suffix(3).map(\.symbol), ["capcheck_header_symver_probe", "file-scope asm and object calls of header_second.c", "chdir"])
    }

    /// The same header lines meaning other code in each including source (a `syscall` numbered by the source's enum, a
    /// `cleanup` naming its own static function): each such source is parsed itself. And a hook placed in a section by
    /// `#pragma clang section`, read from the object file (the twenty-fourth sweep's three, each made a folder).
    func testHeadersThatDependOnTheIncludingSourceAndPragmaSectionsAreRead() throws {
        // The header's inline function is one node for both sources (its USR is the header's), which holds both calls.
        XCTAssertEqual(try violation("c-header-context", "fs", "syscall(SYS_mkdir)").path.suffix(2).map(\.symbol),
                       ["capcheck_context_call", "syscall(SYS_mkdir)"])
        XCTAssertEqual(try violation("c-header-context", "fs", "rmdir").path.suffix(3).map(\.symbol),
                       ["capcheck_context_guard", "context_done", "rmdir"])
        XCTAssertEqual(try violation("c-header-context", "fs", "unlink").path.suffix(4).map(\.symbol),
                       ["__start_context_hooks", "capcheck_context_entry", "context_hook", "unlink"])
        // The bounds named through asm labels (the twenty-fifth sweep's).
        XCTAssertEqual(try violation("c-header-context", "fs", "chmod").path.suffix(5).map(\.symbol),
                       ["first_context_hook", "__start_context_labelled", "context_labelled_entry", "context_labelled_hook", "chmod"])
    }

    func testADefinitionNamedLikeASwiftSymbolReplacesItFromProgramStart() throws {
        let path = try violation("c-interpose", "fs", "truncate").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "$s17CapcheckElsewhere4hookyyF", "truncate"])
        XCTAssertEqual(path[1].via, EdgeKind.interposition.rawValue)
    }

    func testAnInlineFunctionTwoPackagesDefineRunsEithersCopy() throws {
        // cxx-objects calls its own `capcheck_shared_helper`; the linker may keep c-interpose's copy.
        let path = try violation("c-interpose", "fs", "utimes").path
        XCTAssertEqual(path.suffix(4).map(\.symbol), ["capcheck_cxx_perform", "capcheck_shared_helper", "capcheck_shared_helper", "utimes"])
        XCTAssertEqual(path[path.count - 2].via, EdgeKind.sharedSymbol.rawValue)
        XCTAssertEqual(path[path.count - 2].package, "c-interpose")
    }

    func testCxxMembersNoCallNamesAreReachedFromTheirType() throws {
        // `auto [first, second] = Pair{}` calls `Pair::get<0>()`; `a = b` on a `Wrapper` calls `Logged::operator=`.
        let binding = try violation("cxx-objects", "fs", "mkfifo").path
        XCTAssertEqual(binding.suffix(3).map(\.symbol), ["Pair", "get", "mkfifo"])
        XCTAssertEqual(binding[binding.count - 2].via, EdgeKind.cxxMember.rawValue)
        let assignment = try violation("cxx-objects", "fs", "lchown").path
        XCTAssertEqual(assignment.suffix(2).map(\.symbol), ["operator=", "lchown"])
        XCTAssertEqual(assignment[assignment.count - 2].via, EdgeKind.cxxMember.rawValue)
        // The twenty-first sweep's: `auto [third, fourth] = capcheck_free::Duo{}` calls a `get<N>` outside the class.
        let free = try violation("cxx-objects", "fs", "utime").path
        XCTAssertEqual(free.suffix(3).map(\.symbol), ["Duo", "get", "utime"])
        XCTAssertEqual(free[free.count - 2].via, EdgeKind.cxxAssociated.rawValue)
    }

    func testTheCxxStandardLibrarysFileAPIsAreFileSinks() throws {
        // `std::ofstream out(path)` and `std::filesystem::remove(path)` call no C function the index names.
        let stream = try violation("cxx-objects", "fs", "std::basic_ofstream::basic_ofstream").path
        XCTAssertEqual(stream.suffix(2).map(\.symbol), ["capcheck_cxx_perform", "basic_ofstream"])
        let removal = try violation("cxx-objects", "fs", "std::filesystem::remove").path
        XCTAssertEqual(removal.suffix(2).map(\.symbol), ["capcheck_cxx_perform", "remove"])
    }

    func testAnImplicitConstructorRunsDefaultMemberInitializersAtLoad() throws {
        // `struct Settings { int status = sweepMarker(); }; Settings settings;`: no call expression anywhere.
        let path = try violation("cxx-objects", "fs", "unlink").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "settings", "Settings", "status", "sweepMarker", "unlink"])
    }

    func testCxxGlobalsWhoseInitializersCallCodeRunItAtLoad() throws {
        // No destructor, no call from Swift: each initializer runs before main (libclang calls these variables C).
        let expected: [(sink: String, path: [String])] = [
            ("chown", ["program start (load-time code of linked targets)", "opener", "Opener", "chown"]),
            ("link", ["program start (load-time code of linked targets)", "linked", "makeLink", "link"]),
            ("truncate", ["program start (load-time code of linked targets)", "truncator", "Truncator", "truncate"]),
            ("chmod", ["program start (load-time code of linked targets)", "changer", "Changer", "chmod"]),
            // `[[gnu::constructor]]`: the attribute's name follows its scope.
            ("mkdir", ["program start (load-time code of linked targets)", "early", "mkdir"]),
        ]
        for (sink, symbols) in expected {
            let path = try violation("cxx-objects", "fs", sink).path
            XCTAssertEqual(path.map(\.symbol), symbols, sink)
            XCTAssertEqual(path[1].via, EdgeKind.loadTime.rawValue, sink)
        }
    }

    func testConstructorRunsFromProgramStartAndReadsTheEnvironment() throws {
        let path = try violation("c-load-time", "env", "getenv").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "capcheck_read_setting", "getenv"])
        XCTAssertEqual(path[0].package, "nativeapp")
        XCTAssertEqual(path[1].via, EdgeKind.loadTime.rawValue)
        XCTAssertEqual(path[2].line, 10)
    }

    func testEveryLoadTimeMechanismIsAnEntryPoint() throws {
        // destructor → unlink, .init_array entry → chmod, ifunc resolver → access, weak → setenv, alias → mkdir, an
        // .init_array entry made by file-scope asm (only the object's relocation names it) → rmdir.
        let entries = try ["unlink", "chmod", "access", "setenv", "mkdir", "rmdir"].map { sink in
            try XCTUnwrap(report().violations.first { $0.package == "c-load-time" && $0.sink == sink }?.path[1].symbol, sink)
        }
        // The .init_array entry's path starts at the function its relocation names (the loader calls it directly).
        XCTAssertEqual(entries, ["capcheck_cleanup", "capcheck_late_init", "capcheck_resolve_fast", "capcheck_weak_hook", "capcheck_alias",
                                 "capcheck_asm_init"])
        let alias = try violation("c-load-time", "fs", "mkdir").path
        XCTAssertEqual(alias[2].symbol, "capcheck_alias_target")
        XCTAssertEqual(alias[2].via, EdgeKind.symbolAlias.rawValue)
    }

    func testAnInitArrayEntryNoSymbolNamesIsInlineAsmRunAtLoad() throws {
        let path = try violation("c-load-time", "unsafe", "inline asm").path
        XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", "code run at load that no function names",
                                            "inline asm"])
        XCTAssertTrue(path[1].file.hasSuffix("c-load-time/Sources/CLoadTime/asminit.c"))
        // The object's relocations name the functions behind the entries; the `nop` in `.init` is code no function holds.
        let object = Fixtures.scratchPath("NativeApp").appendingPathComponent("debug/CLoadTime.build/asminit.c.o").path
        let entries = try XCTUnwrap(LoadTimeSections.entries(inObjectAt: object))
        XCTAssertEqual(entries.names, ["capcheck_asm_init"])
        XCTAssertEqual(entries.unnamed, 1)
        XCTAssertTrue(entries.initCode)
    }

    func testAnAsmLabelLinksTheDeclarationToTheLabelledFunction() throws {
        // `int capcheck_quiet_open(const char *, int) __asm__("open")`: no call names open, the linker binds it.
        let path = try violation("c-asm-label", "fs", "open").path
        XCTAssertEqual(path.map(\.symbol), ["top-level code (main.swift)", "AsmLabel.AsmLabel.quietOpen(_:)", "capcheck_quiet_open", "open"])
        XCTAssertEqual(path[3].via, EdgeKind.asmLabel.rawValue)
    }

    func testPragmasThatBindANameToAnotherSymbolAreFollowed() throws {
        // `#pragma weak alias = target`: calling the alias runs the target, which no call names.
        let weak = try violation("c-pragma-alias", "fs", "unlink").path
        XCTAssertEqual(weak.map(\.symbol), ["top-level code (main.swift)", "capcheck_pragma_weak_alias", "capcheck_pragma_target", "unlink"])
        XCTAssertEqual(weak[2].via, EdgeKind.symbolAlias.rawValue)
        // The same pragma made by `_Pragma` in a macro: only the preprocessed text shows it.
        let macro = try violation("c-pragma-alias", "env", "setenv").path
        XCTAssertEqual(macro.map(\.symbol), ["top-level code (main.swift)", "capcheck_pragma_macro_alias", "capcheck_pragma_macro_target", "setenv"])
        // A variable's `cleanup` function runs at the end of its scope.
        let cleanup = try violation("c-pragma-alias", "fs", "chdir").path
        XCTAssertEqual(cleanup.map(\.symbol), ["top-level code (main.swift)", "capcheck_scoped", "capcheck_cleanup_hook", "chdir"])
        // `#pragma redefine_extname`: a call of the declared name links to libc's rmdir.
        let renamed = try violation("c-pragma-alias", "fs", "rmdir").path
        XCTAssertEqual(renamed.last?.via, EdgeKind.asmLabel.rawValue)
        XCTAssertEqual(renamed[1].symbol, "capcheck_quiet_rmdir")
    }

    /// The eleventh sweep's: a definition linked under a C library function's name though declared under another (an asm
    /// label, `#pragma redefine_extname`, `extern "C"` inside a C++ namespace) replaces it for the whole process.
    func testADefinitionLinkedUnderALibraryNameReplacesIt() throws {
        for (sink, replacement) in [("creat", "capcheck_renamed_atol"), ("mkfifo", "capcheck_renamed_labs"), ("link", "atoi")] {
            let path = try violation("c-interpose", "fs", sink).path
            XCTAssertEqual(path.map(\.symbol), ["program start (load-time code of linked targets)", replacement, sink], sink)
            XCTAssertEqual(path[1].via, EdgeKind.interposition.rawValue, sink)
        }
    }

    /// The tenth sweep's: a module map marked `[system]` keeps its header out of the index, and Swift's call of the
    /// header's `static inline` function names it by the plain USR `c:@F@name`, not the file's: that call reaches the
    /// body the libclang parse of the public headers found.
    func testAStaticFunctionOfASystemModulesHeaderIsReachedFromSwift() throws {
        let path = try violation("c-system-header", "fs", "open").path
        XCTAssertEqual(path.map(\.symbol).suffix(3), ["capcheck_system_header_open", "capcheck_system_header_open", "open"])
        XCTAssertTrue(path.last!.file.hasSuffix("c-system-header/Sources/CSystemHeader/include/csystemheader.h"), path.last!.file)
    }

    func testPublicHeadersNoSourceIncludesAreParsed() throws {
        // The inline function and the asm label are in a public header that Swift imports and no C source includes.
        let open = try violation("c-header-only", "fs", "open").path
        XCTAssertEqual(open.map(\.symbol).suffix(2), ["capcheck_inline_open", "open"])
        XCTAssertTrue(open.last!.file.hasSuffix("c-header-only/Sources/CHeaderOnly/include/cheaderonly.h"))
        XCTAssertEqual(open.last!.line, 7)
        let unlink = try violation("c-header-only", "fs", "unlink").path
        XCTAssertEqual(unlink.last?.via, EdgeKind.asmLabel.rawValue)
    }

    func testRawSyscallIsClassifiedByItsNumber() throws {
        let path = try violation("c-raw-syscall", "fs", "syscall(SYS_openat)").path
        XCTAssertTrue(path.last!.file.hasSuffix("c-raw-syscall/Sources/CRawSyscall/rawsyscall.c"))
        XCTAssertEqual(path.last!.line, 8)
        // syscall(SYS_getpid) needs nothing: net and exec come only from capcheck_raw_pointer, which takes syscall's
        // address (a call through the pointer may make any system call).
        XCTAssertEqual(Set(try report().summary(of: "c-raw-syscall")?.reached ?? []), ["exec", "ffi", "fs", "net"])
        let pointer = try violation("c-raw-syscall", "net", "syscall(non-constant number)").path
        XCTAssertEqual(pointer.dropLast().last?.symbol, "capcheck_raw_pointer")
        XCTAssertEqual(pointer.last?.line, 16)
    }

    func testFunctionPointerTableReachesItsHandlersOnly() throws {
        let path = try violation("c-fnptr-table", "fs", "open").path
        XCTAssertEqual(path.map(\.symbol), ["top-level code (main.swift)", "FnTable.dispatch(_:_:)", "capcheck_dispatch",
                                            "capcheck_handlers", "capcheck_do_open", "open"])
        let summary = try XCTUnwrap(report().summary(of: "c-fnptr-table"))
        XCTAssertEqual(summary.reached, ["exec", "ffi", "fs"])
        // The env handler's address is taken only in capcheck_env_handler, which the root never calls.
        XCTAssertEqual(summary.latent, ["env", "unsafe"])
        XCTAssertEqual(summary.latentPaths["env"]?.map(\.symbol).suffix(2), ["capcheck_do_env", "getenv"])
    }

    /// Found by an evasion sweep: linker flags a C array places in the autolink section (SwiftPM hands them to the linker
    /// unread: `-init` runs a function at load), and a library a C target's own module map links, are listed.
    func testLinkerFlagsFromAnObjectAndLibrariesFromAModuleMapAreUnanalyzed() throws {
        let entries = try report().unanalyzed.filter { $0.package == "c-autolink" }
        XCTAssertEqual(entries.map(\.kind), [.linkedLibrary, .unsafeFlags])
        XCTAssertTrue(entries[0].reason.contains("module map include/module.modulemap links the library m"), entries[0].reason)
        XCTAssertTrue(entries[1].reason.contains("passes the linker `-Wl,-init=capcheck_autolink_boot`"), entries[1].reason)
        XCTAssertEqual(entries[1].file.map { ($0 as NSString).lastPathComponent }, "autolink.c")
        // The compiler's own entries (`-lswiftCore`, a system library's `-lz`) are not the package's.
        XCTAssertFalse(try report().unanalyzed.contains { $0.kind == .unsafeFlags && $0.package != "c-autolink" && $0.package != "c-pragma-alias" })
    }

    /// Found by the seventh sweep: C calling a CoreFoundation function the catalog does not classify is listed as not
    /// analysed, and C naming a toolchain Swift function by its mangled symbol is that function.
    func testCCallsOfToolchainFunctionsAreClassifiedOrUnanalysed() throws {
        let entries = try report().unanalyzed.filter { $0.kind == .unclassifiedFunction }
        XCTAssertEqual(entries.map { "\($0.package) \($0.reference ?? "")" }, ["c-interpose _CFEnviron"])
        XCTAssertEqual(try violation("c-interpose", "env", "Swift.CommandLine.unsafeArgv").path.suffix(2).map(\.symbol),
                       ["capcheck_runtime_names", "$ss11CommandLineO10unsafeArgvSpySpys4Int8VGSgGvgZ"])
    }

    func testSystemLibraryTargetIsFFIAndUnanalyzed() throws {
        let path = try violation("system-zlib", "ffi", "system library target CZlib (links z)").path
        XCTAssertEqual(path.map(\.symbol), ["top-level code (main.swift)", "Compress.zlibVersionString()", "module CZlib",
                                            "system library target CZlib (links z)"])
        XCTAssertEqual(path[2].via, EdgeKind.moduleImport.rawValue)
        XCTAssertEqual(path[2].line, 2)
        // Every C source parsed cleanly: the only unanalysed code is the system library (and c-pragma-alias's settings).
        let unanalyzed = try report().unanalyzed.filter { $0.package != "c-pragma-alias" && $0.package != "c-autolink" && $0.kind != .unclassifiedFunction }
        XCTAssertEqual(unanalyzed.map(\.package), ["system-zlib"])
        XCTAssertTrue(unanalyzed[0].reason.hasPrefix("system library target CZlib (links z):"))
    }

    func testLinkedLibrariesAndUnsafeFlagsAreReportedUnanalysed() throws {
        // What a linked library does, or an unsafe flag (`-Xlinker --defsym=open=mine`, `-Xlinker -init=f`), no record shows.
        let entries = try report().unanalyzed.filter { $0.package == "c-pragma-alias" }
        XCTAssertEqual(entries.map(\.kind), [.unsafeFlags, .linkedLibrary])
        XCTAssertEqual(entries.map(\.target), ["CPragmaAlias", "CPragmaAlias"])
        XCTAssertTrue(entries[0].reason.contains("gives the c compiler unsafe flags `-DCAPCHECK_FIXTURE_FLAG=1`"), entries[0].reason)
        XCTAssertTrue(entries[1].reason.contains("links the library m from the system"), entries[1].reason)
    }

    func testGrantingWhatEachPackageReachesPasses() throws {
        let report = try Fixtures.analyse("NativeApp", policy: """
            { "version": 1, "packages": {
                "c-asm": { "allow": ["ffi", "unsafe"] }, "c-asm-function": { "allow": ["ffi", "unsafe"] }, "c-interpose": { "allow": ["ffi", "fs", "env"] }, "cxx-objects": { "allow": ["ffi", "fs", "env"] }, "c-fnptr-table": { "allow": ["ffi", "fs", "exec"] },
                "c-load-time": { "allow": ["ffi", "fs", "env", "unsafe"] }, "c-raw-syscall": { "allow": ["ffi", "fs", "net", "exec"] },
                "c-socket": { "allow": ["ffi", "net"] }, "system-zlib": { "allow": ["ffi", "unsafe"] },
                "c-asm-label": { "allow": ["ffi", "fs", "env", "unsafe"] }, "c-header-only": { "allow": ["ffi", "fs"] }, "c-system-header": { "allow": ["ffi", "fs"] }, "c-macro-triggers": { "allow": ["ffi", "unsafe", "fs", "env"] },
                "c-pragma-alias": { "allow": ["ffi", "fs", "env", "exec"] }, "c-swift-name": { "allow": ["ffi", "fs"] },
                "c-autolink": { "allow": ["ffi", "build"] }, "c-header-context": { "allow": ["ffi", "fs"] } } }
            """)
        XCTAssertEqual(report.violationKeys, [])
    }

    private func violation(_ package: String, _ capability: String, _ sink: String) throws -> Violation {
        try XCTUnwrap(report().violations.first { $0.package == package && $0.capability == capability && $0.sink == sink },
                      "\(package) \(capability) \(sink)")
    }
}

/// The libclang pass gives the same facts with the toolchain's libclang and with the system's (Debian's
/// `libclang-dev`, which `.ci/run` installs): either may be the one a machine has.
final class NativeLibClangVariantsTests: XCTestCase {
    func testToolchainAndSystemLibClangFindTheSameNativeCode() throws {
        guard let system = LibClangLocator.systemLibraries().first else {
            throw XCTSkip("no system libclang installed (apt-get install libclang-dev)")
        }
        try Fixtures.build("NativeApp")
        let toolchain = try Toolchain.locate()
        let graph = try PackageGraphLoader(toolchain: toolchain, packagePath: Fixtures.packagePath("NativeApp"),
                                           scratchPath: Fixtures.scratchPath("NativeApp")).load()
        func facts(_ library: String) throws -> [String: String] {
            var analyzer = NativeCodeAnalyzer(packageGraph: graph, ownership: SourceOwnership(graph: graph),
                                              scratchPath: Fixtures.scratchPath("NativeApp"), includeTests: false,
                                              locateLibClang: { library })
            // Every source parsed by each libclang (the prefilter needs a clang beside it, which a system one may lack).
            analyzer.usesPrefilter = false
            let findings = try analyzer.analyse()
            XCTAssertEqual(findings.unanalyzed, [], library)
            return findings.definitions.mapValues { owned in
                let definition = owned.definition
                let syscalls = definition.syscalls.map { "\($0.site.line):\($0.number.map(String.init) ?? "?")" }
                return "asm \(definition.inlineAsm.map(\.line)) syscalls \(syscalls) load \(definition.loadTime.map(\.rawValue).sorted()) "
                    + "refs \(definition.references.map(\.name).sorted()) alias \(definition.aliasOf)"
            }
        }
        let fromToolchain = try facts(toolchain.libraryDirectory.appendingPathComponent("libclang.so").path)
        XCTAssertEqual(fromToolchain, try facts(system))
        XCTAssertEqual(fromToolchain["c-load-time|c:loadtime.c@F@capcheck_read_setting"],
                       "asm [] syscalls [] load [\"__attribute__((constructor))\"] refs [\"getenv\", \"setting\"] alias []")
        XCTAssertEqual(fromToolchain["c-asm|c:@F@capcheck_barrier_count"], "asm [4] syscalls [] load [] refs [] alias []")
    }
}
