#ifndef CAPCHECK_CLIBCLANG_H
#define CAPCHECK_CLIBCLANG_H

/// The structs of libclang's stable C API (`clang-c/Index.h`, `clang-c/CXString.h`) that its functions take
/// and return by value, which Swift cannot spell itself. The layouts are libclang's ABI, unchanged since
/// LLVM 3.x. The functions are bound at run time with dlsym in
/// `Sources/CapCheckCore/NativeCode/LibClangAPI.swift`; this target links nothing and includes no system header.

/// `CXString`.
typedef struct {
  const void *data;
  unsigned private_flags;
} capcheck_cx_string;

/// `CXCursor` (`kind` is `enum CXCursorKind`).
typedef struct {
  int kind;
  int xdata;
  const void *data[3];
} capcheck_cx_cursor;

/// `CXSourceLocation`.
typedef struct {
  const void *ptr_data[2];
  unsigned int_data;
} capcheck_cx_source_location;

/// `CXSourceRange`.
typedef struct {
  const void *ptr_data[2];
  unsigned begin_int_data;
  unsigned end_int_data;
} capcheck_cx_source_range;

/// `struct CXUnsavedFile`.
typedef struct {
  const char *filename;
  const char *contents;
  unsigned long length;
} capcheck_cx_unsaved_file;

#endif
