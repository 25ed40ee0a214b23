#ifndef CPREPROCESSEDSCAN_H
#define CPREPROCESSEDSCAN_H

#include <stddef.h>
#include <stdint.h>

/* The lexer of capcheck's C prefilter (CapCheckNativeCode/PreprocessedTriggers.swift), in C so that it is fast in
   debug builds too (the SwiftPM command plugin runs a debug capcheck): it reads `clang -E` output once. */

/* A file named by a line marker. For a non-system file, `text` holds each non-blank line as `<number>:<line>\n`
   (with `__FILE__` strings written as `__FILE__`) and each entry as `enter <blocks>\n`. */
typedef struct {
    const char *name;
    int is_system;
    uint8_t *text;
    size_t text_count;
    size_t text_capacity;
} capcheck_pp_file;

/* A trigger word (a static string) at a line of a file (-1: before any line marker). */
typedef struct {
    long file;
    long line;
    const char *word;
} capcheck_pp_trigger;

/* A non-system file entered (line-marker flag 1) inside blocks; `benign` when they are all namespaces or linkage
   specifications and it was not entered from a system header. */
typedef struct {
    long file;
    int benign;
} capcheck_pp_enter;

typedef struct {
    capcheck_pp_file *files;
    size_t file_count, file_capacity;
    capcheck_pp_trigger *triggers;
    size_t trigger_count, trigger_capacity;
    capcheck_pp_enter *enters;
    size_t enter_count, enter_capacity;
} capcheck_pp_result;

/* Scans preprocessed output; free the result with capcheck_pp_free. NULL when out of memory. A file a line marker
   flags as a system header is skipped unless its name, read lexically, lies in one of the `root_count` `roots` (the
   packages' folders: `#pragma GCC system_header` in a package's own header must not hide it), or it is under `/proc`. */
capcheck_pp_result *capcheck_pp_scan(const uint8_t *bytes, size_t count, const char *const *roots, size_t root_count);
void capcheck_pp_free(capcheck_pp_result *result);

#endif
