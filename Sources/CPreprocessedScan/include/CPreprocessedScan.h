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
    /* How many returns to the main file (`capcheck_pp_return`) came before the last line scanned in this file. */
    size_t returns_before;
} capcheck_pp_file;

/* A line marker returning to the main file (flag 2): the main file's line it names (the one after the `#include`),
   whether the text stands there at file scope between statements (no brace, parenthesis or attribute open, nothing
   since the last `;`, `{` or `}`), and the marker's byte offset in the preprocessed text. */
typedef struct {
    long line;
    int clean;
    size_t offset;
} capcheck_pp_return;

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
    long blocks; /* how many blocks it was entered inside (benign ones included) */
} capcheck_pp_enter;

typedef struct {
    capcheck_pp_file *files;
    size_t file_count, file_capacity;
    capcheck_pp_trigger *triggers;
    size_t trigger_count, trigger_capacity;
    capcheck_pp_enter *enters;
    size_t enter_count, enter_capacity;
    capcheck_pp_return *returns;
    size_t return_count, return_capacity;
    /* The source itself entered again (it includes itself): its lines then mean more than one thing. */
    int main_reentered;
    /* A line marker without flags naming another file than the current one: a `#line N "name"` directive, after which
       lines are named as another file's (the source's own code then passes for a header's). */
    int renamed;
} capcheck_pp_result;

/* Scans preprocessed output; free the result with capcheck_pp_free. NULL when out of memory. A file a line marker
   flags as a system header is skipped unless its name, read lexically, lies in one of the `root_count` `roots` (the
   packages' folders: `#pragma GCC system_header` in a package's own header must not hide it), or it is under `/proc`. */
capcheck_pp_result *capcheck_pp_scan(const uint8_t *bytes, size_t count, const char *const *roots, size_t root_count);
void capcheck_pp_free(capcheck_pp_result *result);

/* What a C-family file's raw text shows (CRawSourceScan.c), each as the first line it is on (0: nowhere):
   `trigger`, a trigger word (`asm`, `syscall`, an attribute word, `_Pragma`, …) in code or in a `#pragma` line (never in
   a `#define`'s body, which is read where the index records it expanded, nor in `#if` lines); `unsafe`, what the
   reading cannot follow (a line marker or `#line`, a trigraph, a digraph, a universal character name or a non-ASCII
   identifier); `dynamic`, a builtin whose value differs between inclusions (`__COUNTER__`, `__INCLUDE_LEVEL__`, …);
   `included` lists each include directive as `<+ or -><line> <base name>\n` (`-` when it stands inside braces, or
   after a brace inside a conditional group of unknown branch; `*` for a computed include's name), `defined` each
   `#define` as `=<offset of the name> <name>\n`, and `sensitive` the line ranges whose meaning libclang's facts depend
   on (conditional and `#pragma` directives, asm statements, attribute lists, `_Pragma`, trigger words) as
   `s<first line> <last line>\n`. `cplusplus` (1: C++, 0: C, -1: not known) decides the branches of conditionals
   that test `__cplusplus` alone: the code of a branch not taken is not read. */
typedef struct {
    long trigger_line;
    const char *trigger_what;
    long unsafe_line;
    const char *unsafe_what;
    long dynamic_line;
    const char *dynamic_what;
    char *included;
    size_t included_count, included_capacity;
    char *defined;
    size_t defined_count, defined_capacity;
    char *sensitive;
    size_t sensitive_count, sensitive_capacity;
} capcheck_raw_facts;

/* Reads a file's raw text into `out` (free its names with capcheck_raw_free); 0 when out of memory. */
int capcheck_raw_scan(const uint8_t *bytes, size_t count, int cplusplus, capcheck_raw_facts *out);
void capcheck_raw_free(capcheck_raw_facts *facts);

/* What the body of the `#define` of `name` at byte `offset` of a file holds: `found` is 0 when the text there does not
   start with `name`; `trigger` a trigger word outside the parameters; `dynamic` a dynamic builtin; `paste` a `##` whose
   result could be a trigger word (no piece at its start or end that no trigger word has there); `braces` a `{` or `}`;
   `unsafe` a digraph, trigraph or universal character name. 0 when out of memory. */
typedef struct {
    int found, trigger, dynamic, paste, braces, unsafe;
    int unbalanced; /* more `(` than `)` or fewer: an expansion may take tokens from after its invocation */
    /* the body's words outside the parameters that occur inside a trigger word, one per line */
    char *fragments;
    size_t fragments_count, fragments_capacity;
} capcheck_raw_define_facts;

int capcheck_raw_define(const uint8_t *bytes, size_t count, size_t offset, const char *name, capcheck_raw_define_facts *out);
void capcheck_raw_define_free(capcheck_raw_define_facts *facts);

/* The invocation of a macro at byte `at` of a file: its name and, when a `(` follows, its argument list. `fragments` lists
   the words in it that occur inside a trigger word, one per line; `end` is the byte after it; `unknown` when it cannot
   be read (no name there, an unclosed list, a directive inside it). */
typedef struct {
    size_t end;
    int unknown;
    char *fragments;
    size_t fragments_count, fragments_capacity;
} capcheck_raw_site_facts;

int capcheck_raw_site(const uint8_t *bytes, size_t count, size_t at, capcheck_raw_site_facts *out);
void capcheck_raw_site_free(capcheck_raw_site_facts *facts);

/* Where a file's raw text can be cut after its physical line `line`: the byte offset just past that line's newline,
   with the number of conditional groups (`#if`, `#ifdef`, `#ifndef`) open there in `open_conditionals`; -1 when the
   line does not end in plain text (inside a comment, continued by a splice, or past the end), or the text holds what
   this reading does not follow (a trigraph, a digraph directive, a raw string, a digit separator), or a `#line`
   directive or line marker anywhere (the preprocessor's markers then name other lines than the physical ones). */
long capcheck_raw_cut(const uint8_t *bytes, size_t count, long line, long *open_conditionals);

/* Whether a trigger word (its `__word__` form, or a dynamic builtin) is a concatenation of the newline-separated words. */
int capcheck_raw_formable(const char *fragments, size_t count);

#endif
