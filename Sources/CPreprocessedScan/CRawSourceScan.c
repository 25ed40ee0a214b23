#include "CPreprocessedScan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The raw-text half of the prefilter (CapCheckNativeCode/RecordPrefilter.swift): what a C-family file's own text
   shows before any preprocessing, read conservatively. Comments are skipped and literals are lexed (so a comment opener in a
   string hides nothing); line splices are undone first; anything this reading cannot follow (a line marker or
   `#line`, a trigraph, a digraph, a universal character name outside a literal) is reported as `unsafe`, and the
   caller then preprocesses the source as before. */

static const char *const trigger_words[] = {
    "asm", "__asm", "__asm__", "syscall", "dlsym", "dlvsym", "_Pragma", "__pragma", "redefine_extname",
    "constructor", "destructor", "ifunc", "alias", "section", "weak", "weakref", "init_priority", "cleanup",
};
/* The attribute words above, which are also spelt `__word__`. */
static const size_t first_attribute_word = 9;

/* Builtin macros whose value differs between two inclusions of the same lines. */
static const char *const dynamic_words[] = {
    "__COUNTER__", "__INCLUDE_LEVEL__", "__BASE_FILE__", "__TIMESTAMP__", "__DATE__", "__TIME__", "__FILE_NAME__",
};

static int raw_identifier_start(uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}

static int raw_identifier_byte(uint8_t c) { return raw_identifier_start(c) || (c >= '0' && c <= '9'); }

static int raw_equals(const uint8_t *word, size_t length, const char *name) {
    return strlen(name) == length && memcmp(word, name, length) == 0;
}

/* The trigger word `word` is, or NULL. */
static const char *trigger_word(const uint8_t *word, size_t length) {
    for (size_t i = 0; i < sizeof trigger_words / sizeof *trigger_words; i++) {
        if (raw_equals(word, length, trigger_words[i])) return trigger_words[i];
    }
    if (length > 4 && word[0] == '_' && word[1] == '_' && word[length - 1] == '_' && word[length - 2] == '_') {
        for (size_t i = first_attribute_word; i < sizeof trigger_words / sizeof *trigger_words; i++) {
            if (raw_equals(word + 2, length - 4, trigger_words[i])) return trigger_words[i];
        }
    }
    return NULL;
}

/* Whether `word` (one of `trigger_words`) is an attribute word. */
static int is_attribute_word(const char *word) {
    for (size_t i = first_attribute_word; i < sizeof trigger_words / sizeof *trigger_words; i++) {
        if (word == trigger_words[i]) return 1;
    }
    return 0;
}

/* Whether the token before `at` (past blanks and newlines; not past a comment) is `.` or `->`: the word there names a
   member (`v->section`, `pmeth->cleanup`), which no expansion makes an attribute's name. */
static int after_member_access(const uint8_t *text, size_t at) {
    size_t j = at;
    while (j > 0 && (text[j - 1] == ' ' || text[j - 1] == '\t' || text[j - 1] == '\n' || text[j - 1] == '\r' || text[j - 1] == '\f'
                     || text[j - 1] == '\v')) j--;
    if (j == 0) return 0;
    if (text[j - 1] == '.') return !(j >= 2 && (text[j - 2] == '.' || (text[j - 2] >= '0' && text[j - 2] <= '9')));
    return text[j - 1] == '>' && j >= 2 && text[j - 2] == '-';
}

/* Whether what follows `_Pragma` at `i` is `(` and a plain string literal with no trigger word in it (so the pragma
   binds no name: `_Pragma("GCC diagnostic push")`), then `)`. */
static int plain_pragma_operand(const uint8_t *text, size_t count, size_t i) {
    while (i < count && (text[i] == ' ' || text[i] == '\t')) i++;
    if (i >= count || text[i] != '(') return 0;
    i++;
    while (i < count && (text[i] == ' ' || text[i] == '\t')) i++;
    if (i + 1 < count && (text[i] == 'L' || text[i] == 'u' || text[i] == 'U') && text[i + 1] == '"') i++;
    else if (i + 2 < count && text[i] == 'u' && text[i + 1] == '8' && text[i + 2] == '"') i += 2;
    if (i >= count || text[i] != '"') return 0;
    i++;
    while (i < count && text[i] != '"') {
        if (text[i] == '\n') return 0;
        if (raw_identifier_start(text[i])) {
            size_t start = i;
            while (i < count && raw_identifier_byte(text[i])) i++;
            if (trigger_word(text + start, i - start)) return 0;
            continue;
        }
        if (text[i] == '\\') i++;
        i++;
    }
    if (i >= count) return 0;
    i++;
    while (i < count && (text[i] == ' ' || text[i] == '\t')) i++;
    return i < count && text[i] == ')';
}

static const char *dynamic_word(const uint8_t *word, size_t length) {
    for (size_t i = 0; i < sizeof dynamic_words / sizeof *dynamic_words; i++) {
        if (raw_equals(word, length, dynamic_words[i])) return dynamic_words[i];
    }
    return NULL;
}

/* Whether some trigger word (or dynamic builtin) starts (`at_end` 0) or ends (`at_end` 1) with `piece`: a token pasted
   from it could then be one. */
static int could_complete_trigger(const uint8_t *piece, size_t length, int at_end) {
    const char *const *lists[] = {trigger_words, dynamic_words};
    size_t counts[] = {sizeof trigger_words / sizeof *trigger_words, sizeof dynamic_words / sizeof *dynamic_words};
    for (size_t list = 0; list < 2; list++) {
        for (size_t i = 0; i < counts[list]; i++) {
            const char *word = lists[list][i];
            size_t n = strlen(word);
            if (length > n) continue;
            if (memcmp(at_end ? word + n - length : word, piece, length) == 0) return 1;
            /* `__word__` forms of attribute words */
            if (list == 0 && i >= first_attribute_word && length <= n + 4) {
                char spelt[40];
                if (n + 4 >= sizeof spelt) continue;
                spelt[0] = spelt[1] = '_';
                memcpy(spelt + 2, word, n);
                spelt[n + 2] = spelt[n + 3] = '_';
                if (memcmp(at_end ? spelt + n + 4 - length : spelt, piece, length) == 0) return 1;
            }
        }
    }
    return 0;
}

/* Whether `piece` occurs inside some trigger word (or its `__word__` form, or a dynamic builtin): only such tokens can
   be pasted into one. With `keywords_only`, inside a trigger word that is no attribute word, or a dynamic builtin. */
static int is_fragment_of(const uint8_t *piece, size_t length, int keywords_only) {
    const char *const *lists[] = {trigger_words, dynamic_words};
    size_t counts[] = {keywords_only ? first_attribute_word : sizeof trigger_words / sizeof *trigger_words,
                       sizeof dynamic_words / sizeof *dynamic_words};
    for (size_t list = 0; list < 2; list++) {
        for (size_t i = 0; i < counts[list]; i++) {
            char spelt[40];
            size_t n = strlen(lists[list][i]);
            if (n + 4 >= sizeof spelt) continue;
            spelt[0] = spelt[1] = '_';
            memcpy(spelt + 2, lists[list][i], n);
            spelt[n + 2] = spelt[n + 3] = '_';
            spelt[n + 4] = 0;
            for (size_t at = 0; at + length <= n + 4; at++) {
                if (memcmp(spelt + at, piece, length) == 0) return 1;
            }
        }
    }
    return 0;
}

static int is_fragment(const uint8_t *piece, size_t length) { return is_fragment_of(piece, length, 0); }

static int append_fragment(char **list, size_t *count, size_t *capacity, const uint8_t *word, size_t length) {
    size_t needed = *count + length + 1;
    if (needed > *capacity) {
        size_t next = *capacity ? *capacity * 2 : 64;
        while (next < needed) next *= 2;
        char *moved = realloc(*list, next);
        if (!moved) return 0;
        *list = moved;
        *capacity = next;
    }
    memcpy(*list + *count, word, length);
    (*list)[needed - 1] = '\n';
    *count = needed;
    return 1;
}

/* The text with line splices (backslash, newline) removed, and the physical line of each byte. */
typedef struct {
    uint8_t *text;
    uint32_t *lines;
    uint32_t *offsets; /* each byte's offset in the original text */
    size_t count;
} spliced;

/* The length of the line ending at `i` (`\n`, `\r\n` or a lone `\r`, each a newline to clang), 0 when none is there. */
static size_t newline_at(const uint8_t *bytes, size_t count, size_t i) {
    if (i >= count) return 0;
    if (bytes[i] == '\n') return 1;
    if (bytes[i] == '\r') return i + 1 < count && bytes[i + 1] == '\n' ? 2 : 1;
    return 0;
}

/* The length of a line splice at `i`: a backslash, blanks (clang takes them with a warning), then a newline; 0 when
   none is there. */
static size_t splice_at(const uint8_t *bytes, size_t count, size_t i) {
    if (i >= count || bytes[i] != '\\') return 0;
    size_t next = i + 1;
    while (next < count && (bytes[next] == ' ' || bytes[next] == '\t' || bytes[next] == '\f' || bytes[next] == '\v')) next++;
    size_t newline = newline_at(bytes, count, next);
    return newline ? next - i + newline : 0;
}

static int splice(const uint8_t *bytes, size_t count, spliced *out) {
    out->text = malloc(count + 1);
    out->lines = malloc((count + 1) * sizeof(uint32_t));
    out->offsets = malloc((count + 1) * sizeof(uint32_t));
    if (!out->text || !out->lines || !out->offsets || count >= UINT32_MAX) {
        free(out->text); free(out->lines); free(out->offsets); return 0;
    }
    uint32_t line = 1;
    size_t n = 0;
    for (size_t i = 0; i < count; i++) {
        size_t spliced_length = splice_at(bytes, count, i);
        if (spliced_length) { i += spliced_length - 1; line++; continue; }
        size_t newline = newline_at(bytes, count, i);
        /* Every newline becomes `\n`. */
        out->text[n] = newline ? '\n' : bytes[i];
        out->lines[n] = line;
        out->offsets[n] = (uint32_t)i;
        n++;
        if (newline) { i += newline - 1; line++; }
    }
    out->text[n] = 0;
    out->lines[n] = line;
    out->offsets[n] = (uint32_t)count;
    out->count = n;
    return 1;
}

static void free_spliced(spliced *s) {
    free(s->text);
    free(s->lines);
    free(s->offsets);
}

/* The index after a string or character literal starting at `start` (a literal ends at its line's end at the latest). */
static size_t raw_quoted(const uint8_t *text, size_t count, size_t start) {
    uint8_t quote = text[start];
    size_t i = start + 1;
    while (i < count && text[i] != quote && text[i] != '\n') {
        if (text[i] == '\\') i++;
        i++;
    }
    return i < count && text[i] == quote ? i + 1 : i;
}

/* The index after a C++ raw string whose `"` is at `quote` (to the end of the text when it never ends). */
static size_t raw_raw_string(const uint8_t *text, size_t count, size_t quote) {
    size_t open = quote + 1;
    while (open < count && open - quote <= 17 && text[open] != '(') open++;
    if (open >= count || text[open] != '(') return quote + 1;
    size_t delimiter = open - quote - 1;
    for (size_t i = open + 1; i + delimiter + 2 <= count; i++) {
        if (text[i] == ')' && memcmp(text + i + 1, text + quote + 1, delimiter) == 0 && text[i + 1 + delimiter] == '"') {
            return i + delimiter + 2;
        }
    }
    return count;
}

static int is_raw_prefix(const uint8_t *word, size_t length) {
    return raw_equals(word, length, "R") || raw_equals(word, length, "LR") || raw_equals(word, length, "uR")
        || raw_equals(word, length, "UR") || raw_equals(word, length, "u8R");
}

/* The index after a preprocessing number starting at `i`; `separator` is set when it holds a `'` (a digit separator in
   C++14 and C23, the start of a character literal before them: which, the raw reading does not know). */
static size_t raw_number(const uint8_t *text, size_t count, size_t i, int *separator) {
    i++;
    while (i < count) {
        uint8_t n = text[i];
        if (raw_identifier_byte(n) || n == '.') i++;
        else if (n == '\'' && i + 1 < count && raw_identifier_byte(text[i + 1])) { *separator = 1; i += 2; }
        else if ((n == '+' || n == '-') && strchr("eEpP", text[i - 1])) i++;
        else break;
    }
    return i;
}

/* The index after the end of a block comment whose text starts at `i` (the text's end when it never ends; a NUL byte
   ends nothing). */
static size_t comment_end(const uint8_t *text, size_t count, size_t i) {
    for (; i + 1 < count; i++) {
        if (text[i] == '*' && text[i + 1] == '/') return i + 2;
    }
    return count;
}

/* Skips blanks and comments from `i` on the current line; the index of the next token (or of the newline). */
static size_t skip_blanks(const uint8_t *text, size_t count, size_t i) {
    while (i < count) {
        uint8_t c = text[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { i++; continue; }
        if (c == '/' && i + 1 < count && text[i + 1] == '*') {
            i = comment_end(text, count, i + 2);
            continue;
        }
        if (c == '/' && i + 1 < count && text[i + 1] == '/') {
            while (i < count && text[i] != '\n') i++;
            return i;
        }
        return i;
    }
    return i;
}

static void set_line(long *slot, const char **what_slot, long line, const char *what) {
    if (*slot == 0) {
        *slot = line;
        if (what_slot) *what_slot = what;
    }
}

/* Appends `<prefix> <number> <name>\n` to the list (`included` or `defined`). */
static int append_entry(char **list, size_t *count, size_t *capacity, char prefix, unsigned long number, const uint8_t *name, size_t length) {
    char digits[24];
    int written = snprintf(digits, sizeof digits, "%c%lu ", prefix, number);
    if (written < 0) return 0;
    size_t needed = *count + (size_t)written + length + 1;
    if (needed > *capacity) {
        size_t next = *capacity ? *capacity * 2 : 256;
        while (next < needed) next *= 2;
        char *moved = realloc(*list, next);
        if (!moved) return 0;
        *list = moved;
        *capacity = next;
    }
    memcpy(*list + *count, digits, (size_t)written);
    memcpy(*list + *count + written, name, length);
    (*list)[needed - 1] = '\n';
    *count = needed;
    return 1;
}

/* An include directive's operand from `i`: records its file's base name (`*` for a computed include) with its line and
   whether it stands at file scope; the index after a header name (`i` itself for a computed include), or 0 when out
   of memory. */
static size_t include_name(capcheck_raw_facts *out, const uint8_t *text, size_t count, size_t i, long line, int at_file_scope) {
    char prefix = at_file_scope ? '+' : '-';
    i = skip_blanks(text, count, i);
    if (i < count && (text[i] == '"' || text[i] == '<')) {
        uint8_t close = text[i] == '"' ? '"' : '>';
        size_t start = i + 1, end = start;
        while (end < count && text[end] != close && text[end] != '\n') end++;
        size_t base = end;
        while (base > start && text[base - 1] != '/') base--;
        if (!append_entry(&out->included, &out->included_count, &out->included_capacity, prefix, (unsigned long)line, text + base, end - base)) return 0;
        return end < count && text[end] == close ? end + 1 : end;
    }
    return append_entry(&out->included, &out->included_count, &out->included_capacity, prefix, (unsigned long)line, (const uint8_t *)"*", 1) ? i : 0;
}

/* The index after the parenthesized list that follows `from` (past blanks, newlines, comments and words such as
   `volatile`); `from` itself when no `(` follows. */
static size_t paren_extent(const uint8_t *text, size_t n, size_t from) {
    size_t j = from;
    for (;;) {
        j = skip_blanks(text, n, j);
        if (j < n && text[j] == '\n') { j++; continue; }
        if (j < n && raw_identifier_start(text[j])) { while (j < n && raw_identifier_byte(text[j])) j++; continue; }
        break;
    }
    if (j >= n || text[j] != '(') return from;
    long depth = 0;
    while (j < n) {
        uint8_t c = text[j];
        if (c == '/' && j + 1 < n && (text[j + 1] == '*' || text[j + 1] == '/')) {
            if (text[j + 1] == '/') { while (j < n && text[j] != '\n') j++; }
            else j = comment_end(text, n, j + 2);
            continue;
        }
        if (c == '"' || c == '\'') { j = raw_quoted(text, n, j); continue; }
        if (c == '(') depth++;
        if (c == ')' && --depth == 0) return j + 1;
        j++;
    }
    return n;
}

/* The value of a conditional's test of `__cplusplus` (`#ifdef __cplusplus`, `#if defined(__cplusplus)`,
   `#if !defined __cplusplus`, `#if __cplusplus`, …) from `i` to the line's end: 1 or 0, or -1 when it tests anything
   else or the language is not known. `kind` is 0 for `#if`, 1 for `#ifdef`, 2 for `#ifndef`. */
static int cplusplus_test(const uint8_t *text, size_t n, size_t i, int kind, int cplusplus) {
    if (cplusplus < 0) return -1;
    int negate = kind == 2;
    i = skip_blanks(text, n, i);
    if (kind == 0 && i < n && text[i] == '!') { negate = !negate; i = skip_blanks(text, n, i + 1); }
    int parens = 0;
    if (kind == 0 && i + 7 <= n && memcmp(text + i, "defined", 7) == 0 && (i + 7 == n || !raw_identifier_byte(text[i + 7]))) {
        i = skip_blanks(text, n, i + 7);
        if (i < n && text[i] == '(') { parens = 1; i = skip_blanks(text, n, i + 1); }
    }
    if (!(i + 11 <= n && memcmp(text + i, "__cplusplus", 11) == 0 && (i + 11 == n || !raw_identifier_byte(text[i + 11])))) return -1;
    i = skip_blanks(text, n, i + 11);
    if (parens) {
        if (i >= n || text[i] != ')') return -1;
        i = skip_blanks(text, n, i + 1);
    }
    if (i < n && text[i] != '\n') return -1;
    return negate ? !cplusplus : cplusplus;
}

/* Adds the line range `first`…`last` to the file's sensitive lines; 0 when out of memory. */
static int add_sensitive(capcheck_raw_facts *out, long first, long last) {
    char end[24];
    int written = snprintf(end, sizeof end, "%ld", last);
    return written > 0 && append_entry(&out->sensitive, &out->sensitive_count, &out->sensitive_capacity, 's', (unsigned long)first,
                                       (const uint8_t *)end, (size_t)written);
}

/* The conditional groups a scan is inside: whether each one's branch is known (from `cplusplus_test`), whether the
   current branch is taken, and whether one was; for a group of unknown branch, the brace depths possible where it
   started and at the end of each branch so far, and whether it has an `#else`. */
typedef struct {
    int known, active, taken;
    long start_low, start_high, end_low, end_high;
    int ended, has_else;
} raw_group;

int capcheck_raw_scan(const uint8_t *bytes, size_t count, int cplusplus, capcheck_raw_facts *out) {
    memset(out, 0, sizeof *out);
    /* Trigraphs (`??/` is a line splice under `-trigraphs`) are looked for before anything else. */
    for (size_t i = 0; i + 2 < count; i++) {
        if (bytes[i] == '?' && bytes[i + 1] == '?' && strchr("=/'()!<>-", bytes[i + 2]) && bytes[i + 2]) {
            long line = 1;
            for (size_t j = 0; j < i; j++) line += bytes[j] == '\n';
            set_line(&out->unsafe_line, &out->unsafe_what, line, "a trigraph");
            break;
        }
    }
    spliced s;
    if (!splice(bytes, count, &s)) return 0;
    const uint8_t *text = s.text;
    size_t n = s.count, i = 0;
    /* The brace depths possible here: each branch of a conditional of unknown branch may be the one compiled. */
    long low = 0, high = 0;
    /* directive: 1 code-like (#pragma), 2 skipped, 3 #if */
    int line_start = 1, directive = 0;
    int ok = 1;
    raw_group groups[256];
    size_t depth = 0;
    long unknown = 0, skipped = 0, directive_line = 0; /* groups of unknown branch; known groups in an untaken branch */
    while (i < n && ok) {
        uint8_t c = text[i];
        long line = s.lines[i];
        if (c == '\n') {
            if ((directive == 1 || directive == 3) && !skipped) ok = add_sensitive(out, directive_line, line);
            line_start = 1;
            directive = 0;
            i++;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { i++; continue; }
        if (c == '/' && i + 1 < n && (text[i + 1] == '*' || text[i + 1] == '/')) {
            if (text[i + 1] == '/') { while (i < n && text[i] != '\n') i++; continue; }
            i = comment_end(text, n, i + 2);
            continue;
        }
        if (directive == 2) {
            /* A skipped directive's literals are still lexed: a comment opener in one starts no comment. */
            i = c == '"' || c == '\'' ? raw_quoted(text, n, i) : i + 1;
            continue;
        }
        int hash = c == '#' || (c == '%' && i + 1 < n && text[i + 1] == ':');
        if (hash && line_start) {
            if (c == '%') set_line(&out->unsafe_line, &out->unsafe_what, line, "a digraph");
            line_start = 0;
            i = skip_blanks(text, n, i + (c == '#' ? 1 : 2));
            size_t start = i;
            while (i < n && raw_identifier_byte(text[i])) i++;
            const uint8_t *name = text + start;
            size_t length = i - start;
            directive_line = line;
            if (length == 0) { directive = (i < n && text[i] != '\n') ? 2 : 0; continue; }
            int opens = raw_equals(name, length, "if") || raw_equals(name, length, "ifdef") || raw_equals(name, length, "ifndef");
            int continues = raw_equals(name, length, "elif") || raw_equals(name, length, "elifdef") || raw_equals(name, length, "elifndef");
            if (opens) {
                raw_group group = {0, 0, 0, low, high, 0, 0, 0, 0};
                if (skipped) {
                    group.known = 1;
                    group.taken = 1;
                } else {
                    int value = cplusplus_test(text, n, i, raw_equals(name, length, "if") ? 0 : raw_equals(name, length, "ifdef") ? 1 : 2, cplusplus);
                    if (value >= 0) { group.known = 1; group.active = group.taken = value; }
                }
                if (depth == sizeof groups / sizeof *groups) {
                    set_line(&out->unsafe_line, &out->unsafe_what, line, "conditionals nested too deep");
                } else {
                    groups[depth++] = group;
                    if (!group.known) unknown++;
                    else if (!group.active) skipped++;
                }
                directive = 3;
                continue;
            }
            if (depth > 0 && (continues || raw_equals(name, length, "else"))) {
                raw_group *group = &groups[depth - 1];
                if (!group->known || (continues && !group->taken && !skipped)) {
                    /* A branch of unknown outcome ends: its depths join the group's; the next starts where the group did. */
                    if (!group->known || group->active) {
                        group->end_low = group->ended ? (low < group->end_low ? low : group->end_low) : low;
                        group->end_high = group->ended ? (high > group->end_high ? high : group->end_high) : high;
                        group->ended = 1;
                    }
                    low = group->start_low;
                    high = group->start_high;
                    if (!continues) group->has_else = 1;
                }
                if (group->known) {
                    int was_skipped = !group->active;
                    if (group->taken) group->active = 0;
                    else if (continues) { group->known = 0; unknown++; }
                    else group->active = group->taken = 1;
                    if (was_skipped && (group->active || !group->known)) skipped--;
                    if (!was_skipped && group->known && !group->active) skipped++;
                }
                directive = continues ? 3 : 2;
                continue;
            }
            if (raw_equals(name, length, "endif")) {
                if (depth > 0) {
                    raw_group group = groups[--depth];
                    if (!group.known) {
                        unknown--;
                        /* Any branch may have been compiled, or none (without an `#else`). */
                        long end_low = group.ended && group.end_low < low ? group.end_low : low;
                        long end_high = group.ended && group.end_high > high ? group.end_high : high;
                        if (!group.has_else) {
                            if (group.start_low < end_low) end_low = group.start_low;
                            if (group.start_high > end_high) end_high = group.start_high;
                        }
                        low = end_low;
                        high = end_high;
                    } else if (!group.active) {
                        skipped--;
                    }
                }
                directive = 2;
                continue;
            }
            if (skipped) { directive = 2; continue; }
            if (name[0] >= '0' && name[0] <= '9') { set_line(&out->unsafe_line, &out->unsafe_what, line, "a line marker"); directive = 2; continue; }
            if (raw_equals(name, length, "include") || raw_equals(name, length, "include_next") || raw_equals(name, length, "import")) {
                size_t after = include_name(out, text, n, i, line, high == 0);
                ok = after != 0;
                i = after;
                directive = 2;
            } else if (raw_equals(name, length, "pragma")) {
                directive = 1;
            } else if (raw_equals(name, length, "define")) {
                /* The defined name's offset in the original text, for the definitions of macros whose USR names no
                   file (those of system headers). */
                size_t at = skip_blanks(text, n, i), end = at;
                while (end < n && raw_identifier_byte(text[end])) end++;
                if (end > at) ok = append_entry(&out->defined, &out->defined_count, &out->defined_capacity, '=', s.offsets[at], text + at, end - at);
                if (raw_equals(text + at, end - at, "__cplusplus")) set_line(&out->unsafe_line, &out->unsafe_what, line, "a definition of __cplusplus");
                i = end;
                directive = 2;
            } else if (raw_equals(name, length, "undef")) {
                size_t at = skip_blanks(text, n, i), end = at;
                while (end < n && raw_identifier_byte(text[end])) end++;
                if (raw_equals(text + at, end - at, "__cplusplus")) set_line(&out->unsafe_line, &out->unsafe_what, line, "an #undef of __cplusplus");
                i = end;
                directive = 2;
            } else if (raw_equals(name, length, "embed")) {
                /* `#embed`'s `prefix(…)`, `suffix(…)` and `if_empty(…)` put their tokens into the code. */
                set_line(&out->unsafe_line, &out->unsafe_what, line, "an #embed directive");
                directive = 2;
            } else if (raw_equals(name, length, "line")) {
                set_line(&out->unsafe_line, &out->unsafe_what, line, "a #line directive");
                directive = 2;
            } else {
                /* define, undef, else, error, warning, ident, embed, … : a macro's body is read where the index
                   records it expanded. */
                directive = 2;
            }
            continue;
        }
        line_start = 0;
        if (skipped && directive == 0) {
            /* Code of a branch not taken (its condition is known): only its literals are lexed. */
            i = c == '"' || c == '\'' ? raw_quoted(text, n, i) : i + 1;
            continue;
        }
        if (raw_identifier_start(c)) {
            size_t end = i + 1;
            while (end < n && raw_identifier_byte(text[end])) end++;
            size_t length = end - i;
            if (end < n && text[end] == '"' && is_raw_prefix(text + i, length)) {
                /* Raw strings exist in C++11 and GNU C, not in strict C: which, the raw reading does not know. */
                set_line(&out->unsafe_line, &out->unsafe_what, line, "a raw string literal");
                i = raw_raw_string(text, n, end);
                continue;
            }
            if (end < n && (text[end] == '"' || text[end] == '\'')
                && (raw_equals(text + i, length, "L") || raw_equals(text + i, length, "u") || raw_equals(text + i, length, "U")
                    || raw_equals(text + i, length, "u8"))) {
                i = raw_quoted(text, n, end);
                continue;
            }
            for (size_t b = i; b < end; b++) {
                if (text[b] >= 0x80) { set_line(&out->unsafe_line, &out->unsafe_what, line, "a non-ASCII identifier"); break; }
            }
            const char *dynamic = dynamic_word(text + i, length);
            if (dynamic) set_line(&out->dynamic_line, &out->dynamic_what, line, dynamic);
            if (directive != 3) {
                const char *word = trigger_word(text + i, length);
                if (word && raw_equals(text + i, length, "_Pragma") && plain_pragma_operand(text, n, end)) word = NULL;
                if (word && directive == 0 && is_attribute_word(word) && after_member_access(text, i)) word = NULL;
                if (word) set_line(&out->trigger_line, &out->trigger_what, line, word);
                /* The lines whose meaning libclang's facts depend on: an asm statement or label, an attribute list, a
                   `_Pragma`, a trigger word. */
                int list = raw_equals(text + i, length, "asm") || raw_equals(text + i, length, "__asm") || raw_equals(text + i, length, "__asm__")
                    || raw_equals(text + i, length, "__attribute__") || raw_equals(text + i, length, "__attribute")
                    || raw_equals(text + i, length, "__declspec") || raw_equals(text + i, length, "_Pragma");
                if (list || trigger_word(text + i, length)) {
                    size_t last = list ? paren_extent(text, n, end) : end;
                    ok = add_sensitive(out, line, (long)s.lines[last > 0 ? last - 1 : 0]);
                }
            }
            i = end;
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && text[i + 1] >= '0' && text[i + 1] <= '9')) {
            int separator = 0;
            i = raw_number(text, n, i, &separator);
            if (separator) set_line(&out->unsafe_line, &out->unsafe_what, line, "a digit separator");
            continue;
        }
        if (c == '"' || c == '\'') { i = raw_quoted(text, n, i); continue; }
        if (c == '\\' && i + 1 < n && (text[i + 1] == 'u' || text[i + 1] == 'U')) {
            set_line(&out->unsafe_line, &out->unsafe_what, line, "a universal character name");
        }
        if ((c == '<' && i + 1 < n && (text[i + 1] == '%' || text[i + 1] == ':')) || (c == '%' && i + 1 < n && (text[i + 1] == '>' || text[i + 1] == ':'))
            || (c == ':' && i + 1 < n && text[i + 1] == '>')) {
            set_line(&out->unsafe_line, &out->unsafe_what, line, "a digraph");
        }
        if (directive == 0 && c == '{') { low++; high++; }
        if (directive == 0 && c == '}') {
            if (low > 0) low--;
            if (high > 0) high--;
        }
        if (directive == 0 && c == '[' && i + 1 < n && text[i + 1] == '[') {
            size_t close = i + 2;
            while (close + 1 < n && !(text[close] == ']' && text[close + 1] == ']')) close++;
            ok = add_sensitive(out, line, (long)s.lines[close < n ? close : n - 1]);
        }
        i++;
    }
    free_spliced(&s);
    if (!ok) { capcheck_raw_free(out); return 0; }
    return 1;
}

void capcheck_raw_free(capcheck_raw_facts *facts) {
    free(facts->included);
    free(facts->defined);
    free(facts->sensitive);
    facts->included = NULL;
    facts->defined = NULL;
    facts->sensitive = NULL;
}

int capcheck_raw_define(const uint8_t *bytes, size_t count, size_t offset, const char *name, capcheck_raw_define_facts *out) {
    memset(out, 0, sizeof *out);
    size_t name_length = strlen(name);
    if (offset + name_length > count || memcmp(bytes + offset, name, name_length) != 0) return 1;
    if (offset + name_length < count && raw_identifier_byte(bytes[offset + name_length])) return 1;
    /* The definition runs to the end of its logical line. */
    size_t end = offset;
    while (end < count && !newline_at(bytes, count, end)) {
        size_t spliced_length = splice_at(bytes, count, end);
        end += spliced_length ? spliced_length : 1;
    }
    spliced s;
    if (!splice(bytes + offset, end - offset, &s)) return 0;
    const uint8_t *text = s.text;
    size_t n = s.count, i = name_length;
    out->found = 1;
    /* The parameters of a function-like macro (a `(` right after the name). */
    const uint8_t *params[64];
    size_t param_lengths[64], param_count = 0;
    int variadic = 0;
    if (i < n && text[i] == '(') {
        i++;
        while (i < n && text[i] != ')') {
            if (raw_identifier_start(text[i])) {
                size_t start = i;
                while (i < n && raw_identifier_byte(text[i])) i++;
                if (param_count < 64) { params[param_count] = text + start; param_lengths[param_count++] = i - start; }
                else out->unsafe = 1;
            } else {
                if (text[i] == '.') variadic = 1;
                i++;
            }
        }
        i++;
    }
    /* The body's tokens: a paste joins the token before it and the one after it. */
    size_t previous_start = 0, previous_length = 0;
    int previous_is_word = 0, previous_is_param = 0, pasting = 0;
    long parens = 0;
    /* The current chain of pasted tokens: whether its first piece fixes a prefix no trigger word has. */
    int chain = 0, chain_safe_prefix = 0;
    while (i < n) {
        /* Blanks and comments (a line comment ends the body: it is one logical line). */
        i = skip_blanks(text, n, i);
        if (i >= n || text[i] == '\n') break;
        uint8_t c = text[i];
        int is_paste = (c == '#' && i + 1 < n && text[i + 1] == '#') || (c == '%' && i + 3 < n && memcmp(text + i, "%:%:", 4) == 0);
        if (is_paste) {
            if (!chain) {
                chain = 1;
                /* The chain's first piece: a word that is no parameter and no trigger's beginning fixes the result's
                   start; a number makes the result a number. */
                chain_safe_prefix = previous_length > 0 && !previous_is_param
                    && (!previous_is_word || !could_complete_trigger(text + previous_start, previous_length, 0));
            }
            pasting = 1;
            i += c == '#' ? 2 : 4;
            continue;
        }
        size_t start = i;
        int is_word = 0, is_param = 0;
        if (raw_identifier_start(c)) {
            while (i < n && raw_identifier_byte(text[i])) i++;
            is_word = 1;
            size_t length = i - start;
            if (i < n && text[i] == '"' && is_raw_prefix(text + start, length)) { i = raw_raw_string(text, n, i); is_word = 0; out->unsafe = 1; }
            else if (i < n && (text[i] == '"' || text[i] == '\'') && (raw_equals(text + start, length, "L") || raw_equals(text + start, length, "u")
                       || raw_equals(text + start, length, "U") || raw_equals(text + start, length, "u8"))) {
                i = raw_quoted(text, n, i);
                is_word = 0;
            } else {
                for (size_t p = 0; p < param_count; p++) {
                    if (param_lengths[p] == length && memcmp(params[p], text + start, length) == 0) is_param = 1;
                }
                if (variadic && (raw_equals(text + start, length, "__VA_ARGS__") || raw_equals(text + start, length, "__VA_OPT__"))) is_param = 1;
                /* A member's name (after `.` or `->`, not pasted to the left) starts no attribute's name, whatever is pasted
                   after it: only a keyword could be made of it. */
                int member = !pasting && after_member_access(text, start);
                if (!is_param && is_fragment_of(text + start, length, member)
                    && !append_fragment(&out->fragments, &out->fragments_count, &out->fragments_capacity, text + start, length)) {
                    out->unsafe = 1;
                }
                if (!is_param) {
                    const char *word = trigger_word(text + start, length);
                    if (word && member && is_attribute_word(word)) word = NULL;
                    if (word && !(raw_equals(text + start, length, "_Pragma") && plain_pragma_operand(text, n, i))) out->trigger = 1;
                    if (dynamic_word(text + start, length)) out->dynamic = 1;
                }
                for (size_t b = start; b < i; b++) if (text[b] >= 0x80) out->unsafe = 1;
            }
        } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && text[i + 1] >= '0' && text[i + 1] <= '9')) {
            int separator = 0;
            i = raw_number(text, n, i, &separator);
            if (separator) out->unsafe = 1;
        } else if (c == '"' || c == '\'') {
            i = raw_quoted(text, n, i);
        } else {
            if (c == '{' || c == '}') out->braces = 1;
            if (c == '(') parens++;
            if (c == ')') parens--;
            if (c == '\\' && i + 1 < n && (text[i + 1] == 'u' || text[i + 1] == 'U')) out->unsafe = 1;
            if ((c == '<' && i + 1 < n && (text[i + 1] == '%' || text[i + 1] == ':')) || (c == '%' && i + 1 < n && (text[i + 1] == '>' || text[i + 1] == ':'))
                || (c == ':' && i + 1 < n && text[i + 1] == '>') || (c == '?' && i + 2 < n && text[i + 1] == '?')) out->unsafe = 1;
            i++;
        }
        size_t length = i - start;
        if (pasting) {
            pasting = 0;
        } else if (chain) {
            /* The chain ended at the previous token: safe when its first piece fixes the start, or its last piece (a
               word that is no parameter, or a number) fixes an end no trigger word has. */
            int safe_suffix = previous_length > 0 && !previous_is_param
                && (!previous_is_word || !could_complete_trigger(text + previous_start, previous_length, 1));
            if (!chain_safe_prefix && !safe_suffix) out->paste = 1;
            chain = 0;
        }
        previous_start = start;
        previous_length = length;
        previous_is_word = is_word;
        previous_is_param = is_param;
    }
    if (parens != 0) out->unbalanced = 1;
    if (chain || pasting) {
        int safe_suffix = !pasting && previous_length > 0 && !previous_is_param
            && (!previous_is_word || !could_complete_trigger(text + previous_start, previous_length, 1));
        if (!chain_safe_prefix && !safe_suffix) out->paste = 1;
    }
    free_spliced(&s);
    return 1;
}

void capcheck_raw_define_free(capcheck_raw_define_facts *facts) {
    free(facts->fragments);
    facts->fragments = NULL;
}

/* Whether some trigger word (its `__word__` form, or a dynamic builtin) is a concatenation of the newline-separated
   fragments: what pasting tokens of only these spellings could make. */
int capcheck_raw_formable(const char *fragments, size_t count) {
    const char *const *lists[] = {trigger_words, dynamic_words};
    size_t counts[] = {sizeof trigger_words / sizeof *trigger_words, sizeof dynamic_words / sizeof *dynamic_words};
    for (size_t list = 0; list < 2; list++) {
        for (size_t i = 0; i < counts[list]; i++) {
            for (int spelling = 0; spelling < 2; spelling++) {
                char word[40];
                size_t n = strlen(lists[list][i]);
                if (n + 4 >= sizeof word) continue;
                if (spelling == 0) {
                    memcpy(word, lists[list][i], n);
                } else {
                    word[0] = word[1] = '_';
                    memcpy(word + 2, lists[list][i], n);
                    word[n + 2] = word[n + 3] = '_';
                    n += 4;
                }
                /* reachable[k]: the first k characters are a concatenation of fragments. */
                char reachable[41] = {1};
                for (size_t k = 0; k < n; k++) {
                    if (!reachable[k]) continue;
                    size_t start = 0;
                    while (start < count) {
                        size_t end = start;
                        while (end < count && fragments[end] != '\n') end++;
                        size_t length = end - start;
                        if (length > 0 && k + length <= n && memcmp(word + k, fragments + start, length) == 0) reachable[k + length] = 1;
                        start = end + 1;
                    }
                }
                if (reachable[n]) return 1;
            }
        }
    }
    return 0;
}

static int site_within(const uint8_t *bytes, size_t count, size_t at, size_t limit, capcheck_raw_site_facts *out);

int capcheck_raw_site(const uint8_t *bytes, size_t count, size_t at, capcheck_raw_site_facts *out) {
    /* Read within 1 KiB of its start first, then within 64 KiB (a longer invocation is `unknown`). */
    if (!site_within(bytes, count, at, 1024, out)) return 0;
    if (!out->unknown || count - at <= 1024) return 1;
    capcheck_raw_site_free(out);
    return site_within(bytes, count, at, 65536, out);
}

static int site_within(const uint8_t *bytes, size_t count, size_t at, size_t limit, capcheck_raw_site_facts *out) {
    memset(out, 0, sizeof *out);
    if (at >= count) { out->unknown = 1; return 1; }
    size_t i = at;
    size_t window = count - i < limit ? count - i : limit;
    spliced s;
    if (!splice(bytes + i, window, &s)) return 0;
    const uint8_t *text = s.text;
    size_t n = s.count, k = 0;
    int ok = 1;
    /* The name, then an argument list if one follows (across lines and comments). */
    while (k < n && raw_identifier_byte(text[k])) k++;
    if (k == 0) out->unknown = 1;
    else if (is_fragment(text, k)) ok = append_fragment(&out->fragments, &out->fragments_count, &out->fragments_capacity, text, k);
    size_t after = k;
    while (after < n) {
        size_t next = skip_blanks(text, n, after);
        if (next < n && text[next] == '\n') { after = next + 1; continue; }
        after = next;
        break;
    }
    size_t end = k;
    if (after < n && text[after] == '(') {
        long depth = 0;
        size_t j = after;
        while (j < n && ok) {
            uint8_t c = text[j];
            if (c == '/' && j + 1 < n && (text[j + 1] == '*' || text[j + 1] == '/')) {
                if (text[j + 1] == '/') { while (j < n && text[j] != '\n') j++; }
                else j = comment_end(text, n, j + 2);
                continue;
            }
            if (c == '"' || c == '\'') {
                /* After a word or digit: an encoding or raw-string prefix, or a digit separator, which the raw reading
                   does not tell apart. */
                if (j > 0 && raw_identifier_byte(text[j - 1])) out->unknown = 1;
                j = raw_quoted(text, n, j);
                continue;
            }
            if (raw_identifier_start(c)) {
                size_t start = j;
                while (j < n && raw_identifier_byte(text[j])) j++;
                if (is_fragment(text + start, j - start)) ok = append_fragment(&out->fragments, &out->fragments_count, &out->fragments_capacity, text + start, j - start);
                continue;
            }
            if (c == '#') {
                /* A directive inside an argument list: what it means is not followed. */
                size_t b = j;
                while (b > 0 && (text[b - 1] == ' ' || text[b - 1] == '\t')) b--;
                if (b == 0 || text[b - 1] == '\n') out->unknown = 1;
            }
            if (c == '(') depth++;
            if (c == ')' && --depth == 0) { j++; break; }
            j++;
        }
        if (depth != 0) out->unknown = 1;
        end = j;
    } else if (after >= n && window < count - i) {
        out->unknown = 1;
    }
    /* Where the invocation ends, in the original text. */
    out->end = i + (end < n ? s.offsets[end] : window);
    free_spliced(&s);
    if (!ok) { capcheck_raw_site_free(out); return 0; }
    return 1;
}

void capcheck_raw_site_free(capcheck_raw_site_facts *facts) {
    free(facts->fragments);
    facts->fragments = NULL;
}

long capcheck_raw_cut(const uint8_t *bytes, size_t count, long line, long *open_conditionals) {
    *open_conditionals = 0;
    if (line < 1) return -1;
    spliced s;
    if (!splice(bytes, count, &s)) return -1;
    const uint8_t *text = s.text;
    size_t n = s.count, i = 0;
    long open = 0, result = -1, open_at_cut = 0;
    int line_start = 1, cut_missed = 0, renumbered = 0, stopped = 0;
    /* Read to the end: a `#line` anywhere renumbers the lines the preprocessor's markers name. */
    while (i < n) {
        uint8_t c = text[i];
        if (result < 0 && s.lines[i] > line) { cut_missed = 1; break; }  /* the line ended inside a comment or a splice */
        if (c == '\n') {
            if (result < 0 && s.lines[i] == line) {
                size_t at = s.offsets[i], newline = newline_at(bytes, count, at);
                result = (long)(at + (newline ? newline : 1));
                open_at_cut = open;
            }
            line_start = 1;
            i++;
            continue;
        }
        if (c == '?' && i + 2 < n && text[i + 1] == '?') { stopped = 1; break; }  /* a trigraph, maybe a splice */
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') { i++; continue; }
        if (c == '/' && i + 1 < n && (text[i + 1] == '*' || text[i + 1] == '/')) {
            if (text[i + 1] == '/') { while (i < n && text[i] != '\n') i++; continue; }
            i = comment_end(text, n, i + 2);
            continue;
        }
        if (line_start && c == '%' && i + 1 < n && text[i + 1] == ':') { stopped = 1; break; }
        if (line_start && c == '#') {
            line_start = 0;
            i = skip_blanks(text, n, i + 1);
            size_t start = i;
            while (i < n && raw_identifier_byte(text[i])) i++;
            const uint8_t *name = text + start;
            size_t length = i - start;
            if (raw_equals(name, length, "if") || raw_equals(name, length, "ifdef") || raw_equals(name, length, "ifndef")) open++;
            else if (raw_equals(name, length, "endif") && open > 0) open--;
            /* `#line` and line markers renumber the lines the preprocessor's markers name: the cut's line would not be
               the physical one. */
            else if (raw_equals(name, length, "line") || (length > 0 && name[0] >= '0' && name[0] <= '9')) { renumbered = 1; break; }
            continue;
        }
        line_start = 0;
        if (raw_identifier_start(c)) {
            size_t end = i + 1;
            while (end < n && raw_identifier_byte(text[end])) end++;
            if (end < n && text[end] == '"' && is_raw_prefix(text + i, end - i)) { stopped = 1; break; }  /* a raw string */
            i = end;
            continue;
        }
        if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < n && text[i + 1] >= '0' && text[i + 1] <= '9')) {
            int separator = 0;
            i = raw_number(text, n, i, &separator);
            if (separator) { stopped = 1; break; }  /* a digit separator or a character literal: which, this reading does not know */
            continue;
        }
        if (c == '"' || c == '\'') { i = raw_quoted(text, n, i); continue; }
        i++;
    }
    free_spliced(&s);
    if (cut_missed || renumbered || stopped || result < 0) return -1;
    *open_conditionals = open_at_cut;
    return result;
}
