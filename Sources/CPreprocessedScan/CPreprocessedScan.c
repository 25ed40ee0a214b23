#include "CPreprocessedScan.h"

#include <stdlib.h>
#include <string.h>

/* Grows an array of `size`-byte elements to hold `needed`; 0 when out of memory. */
static int grow(void **items, size_t *capacity, size_t needed, size_t size) {
    if (needed <= *capacity) return 1;
    size_t next = *capacity ? *capacity * 2 : 16;
    while (next < needed) next *= 2;
    void *moved = realloc(*items, next * size);
    if (!moved) return 0;
    *items = moved;
    *capacity = next;
    return 1;
}

typedef struct {
    uint8_t *data;
    size_t count, capacity;
} buffer;

static int append(buffer *b, const void *bytes, size_t count) {
    if (!grow((void **)&b->data, &b->capacity, b->count + count, 1)) return 0;
    memcpy(b->data + b->count, bytes, count);
    b->count += count;
    return 1;
}

static int append_number(buffer *b, long number) {
    char digits[24];
    int length = 0;
    unsigned long value = number < 0 ? 0 : (unsigned long)number;
    do { digits[length++] = (char)('0' + value % 10); value /= 10; } while (value && length < 23);
    for (int i = 0; i < length / 2; i++) { char t = digits[i]; digits[i] = digits[length - 1 - i]; digits[length - 1 - i] = t; }
    return append(b, digits, (size_t)length);
}

typedef struct {
    char *opener;
    int benign;
} block;

typedef struct {
    capcheck_pp_result *result;
    long file;          /* index into result->files, -1 before the first marker */
    int is_system;
    long line;
    block *blocks;
    size_t block_count, block_capacity;
    buffer since_boundary; /* the text since the last ; { } (at most 256 bytes) */
    /* The files entered and not yet left, with the blocks open when each was entered. */
    long *entered_files;
    size_t *entered_blocks;
    size_t entered_count, entered_capacity, entered_blocks_capacity;
    long attribute_parens; /* -2: none; -1: inside [[ ]]; else the paren depth that closes __attribute__(( )) */
    long parens;
    buffer normalized;
    int failed;
    const char *const *roots; /* the packages' folders, each ending in '/' */
    size_t root_count;
    long main_file;  /* the file of the first line marker: the source itself */
    size_t offset;   /* where the current line starts in the preprocessed text */
} scanner;

static const char *const keywords[] = {"asm", "__asm", "__asm__", "syscall", "dlsym", "dlvsym"};
static const char *const attributes[] = {"constructor", "destructor", "ifunc", "alias", "section", "weak", "weakref", "init_priority",
                                         "cleanup"};

static int is_identifier_start(uint8_t c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
}

static int is_identifier_byte(uint8_t c) { return is_identifier_start(c) || (c >= '0' && c <= '9'); }

static int equals(const uint8_t *word, size_t length, const char *name) {
    return strlen(name) == length && memcmp(word, name, length) == 0;
}

static void add_trigger(scanner *s, const char *word) {
    capcheck_pp_result *r = s->result;
    if (!grow((void **)&r->triggers, &r->trigger_capacity, r->trigger_count + 1, sizeof(capcheck_pp_trigger))) { s->failed = 1; return; }
    r->triggers[r->trigger_count++] = (capcheck_pp_trigger){s->file, s->line, word};
}

static int is_blank(uint8_t c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

/* Whether `text[from..<to]` holds nothing but blanks and `__extension__` (which may open any declaration). */
static int only_blanks(const uint8_t *text, size_t from, size_t to) {
    static const char extension[] = "__extension__";
    size_t i = from;
    while (i < to) {
        if (is_blank(text[i]) || text[i] == '\n') { i++; continue; }
        size_t length = sizeof extension - 1;
        if (i + length <= to && memcmp(text + i, extension, length) == 0 && (i + length == to || !is_identifier_byte(text[i + length]))) {
            i += length;
            continue;
        }
        return 0;
    }
    return 1;
}

/* Whether the scanner is at file scope (inside no block but namespaces and linkage specifications, no parenthesis) at
   the start of a declaration: nothing but blanks (and `__extension__`) since the last `;`, `{` or `}` (the kept text,
   then the line's text from `boundary` to `at`). */
static int at_file_scope_statement(const scanner *s, const uint8_t *text, size_t boundary, size_t at) {
    if (s->parens) return 0;
    for (size_t b = 0; b < s->block_count; b++) {
        if (!s->blocks[b].benign) return 0;
    }
    return only_blanks(s->since_boundary.data, 0, s->since_boundary.count) && only_blanks(text, boundary, at);
}

/* `at_file_scope`: whether the word starts a declaration at file scope, where `asm` is a file-scope `asm` statement
   (machine code or symbol directives of every object that includes the file), not a label or a function's asm. */
static void identifier(scanner *s, const uint8_t *word, size_t length, int at_file_scope) {
    for (size_t i = 0; i < sizeof keywords / sizeof *keywords; i++) {
        if (equals(word, length, keywords[i])) {
            add_trigger(s, keywords[i]);
            if (at_file_scope && strstr(keywords[i], "asm")) add_trigger(s, "file-scope asm");
            return;
        }
    }
    if (equals(word, length, "__attribute__") || equals(word, length, "__attribute") || equals(word, length, "__declspec")) {
        s->attribute_parens = s->parens;
        return;
    }
    if (s->attribute_parens == -2) return;
    if (length > 4 && word[0] == '_' && word[1] == '_' && word[length - 1] == '_' && word[length - 2] == '_') {
        word += 2;
        length -= 4;
    }
    for (size_t i = 0; i < sizeof attributes / sizeof *attributes; i++) {
        if (equals(word, length, attributes[i])) { add_trigger(s, attributes[i]); return; }
    }
}

/* The index after a string or character literal (or the line's end, where a literal always ends). */
static size_t quoted(const uint8_t *text, size_t count, size_t start, uint8_t quote) {
    size_t i = start + 1;
    while (i < count && text[i] != quote) {
        if (text[i] == '\\') i++;
        i++;
    }
    return i + 1 < count ? i + 1 : count;
}

/* The index after a C++ raw string R"delim(...)delim"; one spanning lines ends the line. */
static size_t raw_string(const uint8_t *text, size_t count, size_t quote) {
    size_t open = quote + 1;
    while (open < count && text[open] != '(') open++;
    if (open >= count) return quote + 1;
    size_t delimiter = open - quote - 1;
    for (size_t i = open + 1; i + delimiter + 2 <= count; i++) {
        if (text[i] == ')' && memcmp(text + i + 1, text + quote + 1, delimiter) == 0 && text[i + 1 + delimiter] == '"') {
            return i + delimiter + 2;
        }
    }
    return count;
}

static void keep_since_boundary(scanner *s, const uint8_t *text, size_t from, size_t to) {
    size_t room = s->since_boundary.count < 256 ? 256 - s->since_boundary.count : 0;
    size_t length = to > from ? to - from : 0;
    if (length > room) length = room;
    if (length && !append(&s->since_boundary, text + from, length)) s->failed = 1;
}

/* The opener of a block, with runs of blanks as one space, as a new string. */
static char *opener_text(const buffer *b) {
    char *text = malloc(b->count + 1);
    if (!text) return NULL;
    size_t length = 0;
    int blank = 1;
    for (size_t i = 0; i < b->count; i++) {
        uint8_t c = b->data[i];
        if (c == ' ' || c == '\t') {
            if (!blank) text[length++] = ' ';
            blank = 1;
        } else {
            text[length++] = (char)c;
            blank = 0;
        }
    }
    while (length && text[length - 1] == ' ') length--;
    text[length] = 0;
    return text;
}

static int starts_with(const char *text, const char *prefix) { return strncmp(text, prefix, strlen(prefix)) == 0; }

/* `#pragma weak …` and `#pragma redefine_extname …` (also what `_Pragma("…")` becomes): they bind one name to another
   symbol, as `alias` and asm labels do. Recorded as the triggers "pragma weak" and "pragma redefine_extname". */
static void pragma(scanner *s, const uint8_t *text, size_t count) {
    size_t i = 0;
    while (i < count && (text[i] == ' ' || text[i] == '\t')) i++;
    if (i >= count || text[i] != '#') return;
    i++;
    while (i < count && (text[i] == ' ' || text[i] == '\t')) i++;
    size_t start = i;
    while (i < count && is_identifier_byte(text[i])) i++;
    if (!equals(text + start, i - start, "pragma")) return;
    while (i < count && (text[i] == ' ' || text[i] == '\t')) i++;
    start = i;
    while (i < count && is_identifier_byte(text[i])) i++;
    if (equals(text + start, i - start, "weak")) add_trigger(s, "pragma weak");
    else if (equals(text + start, i - start, "redefine_extname")) add_trigger(s, "pragma redefine_extname");
    else if (equals(text + start, i - start, "clang")) {
        /* `#pragma clang attribute push(…)` gives its attributes to the declarations after it, the including source's too. */
        while (i < count && (text[i] == ' ' || text[i] == '\t')) i++;
        start = i;
        while (i < count && is_identifier_byte(text[i])) i++;
        if (equals(text + start, i - start, "attribute")) add_trigger(s, "pragma clang attribute");
    }
}

/* Lexes one line of a non-system file into s->normalized. */
static void lex(scanner *s, const uint8_t *text, size_t count) {
    const capcheck_pp_file *file = s->file >= 0 ? &s->result->files[s->file] : NULL;
    size_t spelling = file ? strlen(file->name) : 0;
    size_t i = 0, copied = 0, boundary = 0;
    while (i < count) {
        uint8_t c = text[i];
        if (is_identifier_start(c)) {
            size_t end = i + 1;
            while (end < count && is_identifier_byte(text[end])) end++;
            size_t length = end - i;
            if (end < count && text[end] == '"' &&
                (equals(text + i, length, "R") || equals(text + i, length, "LR") || equals(text + i, length, "uR") ||
                 equals(text + i, length, "UR") || equals(text + i, length, "u8R"))) {
                i = raw_string(text, count, end);
                continue;
            }
            if (length <= 17) identifier(s, text + i, length, at_file_scope_statement(s, text, boundary, i));
            i = end;
        } else if ((c >= '0' && c <= '9') || (c == '.' && i + 1 < count && text[i + 1] >= '0' && text[i + 1] <= '9')) {
            i++;
            while (i < count) {
                uint8_t n = text[i];
                if (is_identifier_byte(n) || n == '.') i++;
                else if (n == '\'' && i + 1 < count && is_identifier_byte(text[i + 1])) i += 2;
                else if ((n == '+' || n == '-') && strchr("eEpP", text[i - 1])) i++;
                else break;
            }
        } else if (c == '"' || c == '\'') {
            size_t end = quoted(text, count, i, c);
            if (c == '"' && file && end - i == spelling + 2 && memcmp(text + i + 1, file->name, spelling) == 0) {
                if (!append(&s->normalized, text + copied, i - copied) || !append(&s->normalized, "__FILE__", 8)) s->failed = 1;
                copied = end;
            }
            i = end;
        } else {
            switch (c) {
            case '{': {
                keep_since_boundary(s, text, boundary, i);
                char *opener = opener_text(&s->since_boundary);
                if (!opener || !grow((void **)&s->blocks, &s->block_capacity, s->block_count + 1, sizeof(block))) {
                    free(opener);
                    s->failed = 1;
                    break;
                }
                int benign = starts_with(opener, "namespace") || starts_with(opener, "inline namespace") || starts_with(opener, "extern \"");
                s->blocks[s->block_count++] = (block){opener, benign};
                s->since_boundary.count = 0;
                boundary = i + 1;
                break;
            }
            case '}':
                if (s->block_count) free(s->blocks[--s->block_count].opener);
                /* fall through */
            case ';':
                s->since_boundary.count = 0;
                boundary = i + 1;
                break;
            case '(':
                s->parens++;
                break;
            case ')':
                if (s->parens) s->parens--;
                if (s->attribute_parens >= 0 && s->parens <= s->attribute_parens) s->attribute_parens = -2;
                break;
            case '[':
                if (i + 1 < count && text[i + 1] == '[' && s->attribute_parens == -2) s->attribute_parens = -1;
                break;
            case ']':
                if (i + 1 < count && text[i + 1] == ']' && s->attribute_parens == -1) s->attribute_parens = -2;
                break;
            default:
                break;
            }
            i++;
        }
    }
    keep_since_boundary(s, text, boundary, count);
    if (s->since_boundary.count < 256 && !append(&s->since_boundary, " ", 1)) s->failed = 1;
    if (!append(&s->normalized, text + copied, count - copied)) s->failed = 1;
}

static long file_index(scanner *s, const char *name, size_t length) {
    capcheck_pp_result *r = s->result;
    for (size_t i = r->file_count; i > 0; i--) {
        const char *known = r->files[i - 1].name;
        if (strlen(known) == length && memcmp(known, name, length) == 0) return (long)(i - 1);
    }
    if (!grow((void **)&r->files, &r->file_capacity, r->file_count + 1, sizeof(capcheck_pp_file))) return -1;
    char *copy = malloc(length + 1);
    if (!copy) return -1;
    memcpy(copy, name, length);
    copy[length] = 0;
    r->files[r->file_count] = (capcheck_pp_file){copy, 0, NULL, 0, 0, r->return_count};
    return (long)r->file_count++;
}

/* Whether `name` lies in a package's folder, read with `.`, `..` and repeated `/` resolved lexically (as
   `PackageFolders` reads it): a header spelt `/usr/../<package>/h.h` is the package's. A path through `/proc`
   (`/proc/self/cwd/../<package>/h.h`) is never a system header, whatever it resolves to (the eighteenth sweep's: its
   `#pragma GCC system_header` hid an asm label). */
static int is_package_file(const scanner *s, const char *name, size_t length) {
    if (length >= 6 && memcmp(name, "/proc/", 6) == 0) return 1;
    char path[4096];
    size_t out = 0, i = 0;
    while (i < length) {
        while (i < length && name[i] == '/') i++;
        size_t start = i;
        while (i < length && name[i] != '/') i++;
        size_t part = i - start;
        if (part == 0 || (part == 1 && name[start] == '.')) continue;
        if (part == 2 && name[start] == '.' && name[start + 1] == '.') {
            while (out > 0 && path[out - 1] != '/') out--;
            if (out > 0) out--;
            continue;
        }
        if (out + 1 + part >= sizeof path) return 0;
        path[out++] = '/';
        memcpy(path + out, name + start, part);
        out += part;
    }
    path[out++] = '/';  /* so that a folder's own path matches its root */
    for (size_t r = 0; r < s->root_count; r++) {
        size_t root_length = strlen(s->roots[r]);
        if (out >= root_length && memcmp(path, s->roots[r], root_length) == 0) return 1;
    }
    return 0;
}

/* `# <line> "<file>" <flags>`: 1 when the line is a marker (and applies it). */
static int line_marker(scanner *s, const uint8_t *text, size_t count) {
    if (count < 3 || text[0] != '#' || text[1] != ' ' || text[2] < '0' || text[2] > '9') return 0;
    size_t i = 2;
    long number = 0;
    while (i < count && text[i] >= '0' && text[i] <= '9') number = number * 10 + (text[i++] - '0');
    while (i < count && text[i] != '"') i++;
    if (i >= count) return 0;
    char name[4096];
    size_t length = 0;
    i++;
    while (i < count && text[i] != '"') {
        if (text[i] == '\\' && i + 1 < count) i++;
        if (length < sizeof name) name[length++] = (char)text[i];
        i++;
    }
    if (i >= count) return 0;
    int enter = 0, leave = 0, system = 0;
    for (i++; i < count; i++) {
        if (text[i] == ' ') continue;
        if (text[i] == '1' && (i + 1 == count || text[i + 1] == ' ')) enter = 1;
        if (text[i] == '2' && (i + 1 == count || text[i + 1] == ' ')) leave = 1;
        if (text[i] == '3' && (i + 1 == count || text[i + 1] == ' ')) system = 1;
    }
    /* Whether the scan stands between statements: no parenthesis open, nothing since the last `;`, `{` or `}`. */
    int between = s->parens == 0 && only_blanks(s->since_boundary.data, 0, s->since_boundary.count);
    if (leave && s->entered_count > 0) {
        /* A header left with a statement or block of its own still open (or having closed one of its includer's)
           continues into the code after its `#include`: what it defines depends on that code, so it is read with
           every source that includes it, and its lines say so. */
        s->entered_count--;
        long left = s->entered_files[s->entered_count];
        if (left >= 0 && !s->result->files[left].is_system && (!between || s->block_count != s->entered_blocks[s->entered_count])) {
            capcheck_pp_result *r = s->result;
            buffer *left_text = &(buffer){r->files[left].text, r->files[left].text_count, r->files[left].text_capacity};
            int ok = append(left_text, "left open\n", 10);
            r->files[left].text = left_text->data;
            r->files[left].text_count = left_text->count;
            r->files[left].text_capacity = left_text->capacity;
            if (!ok || !grow((void **)&r->enters, &r->enter_capacity, r->enter_count + 1, sizeof(capcheck_pp_enter))) { s->failed = 1; return 1; }
            r->enters[r->enter_count++] = (capcheck_pp_enter){left, 0, 1};
        }
    }
    if (system && is_package_file(s, name, length)) system = 0;  /* a package's own header */
    int was_system = s->is_system;
    long file = file_index(s, name, length);
    if (file < 0) { s->failed = 1; return 1; }
    if (s->main_file < 0) s->main_file = file;
    else if (enter && file == s->main_file) s->result->main_reentered = 1;
    if (!enter && !leave && s->file >= 0 && file != s->file) s->result->renamed = 1;
    if (leave && file == s->main_file) {
        capcheck_pp_result *r = s->result;
        if (!grow((void **)&r->returns, &r->return_capacity, r->return_count + 1, sizeof(capcheck_pp_return))) { s->failed = 1; return 1; }
        int clean = between && s->block_count == 0 && s->attribute_parens == -2;
        r->returns[r->return_count++] = (capcheck_pp_return){number, clean, s->offset};
    }
    s->result->files[file].returns_before = s->result->return_count;
    s->file = file;
    s->line = number;
    s->is_system = system;
    s->result->files[file].is_system = system;
    if (enter) {
        if (!grow((void **)&s->entered_files, &s->entered_capacity, s->entered_count + 1, sizeof(long))
            || !grow((void **)&s->entered_blocks, &s->entered_blocks_capacity, s->entered_count + 1, sizeof(size_t))) {
            s->failed = 1;
            return 1;
        }
        s->entered_files[s->entered_count] = file;
        s->entered_blocks[s->entered_count++] = s->block_count;
    }
    if (enter && !system) {
        capcheck_pp_result *r = s->result;
        /* A header entered in the middle of a statement is part of it. */
        int benign = !was_system && between;
        buffer *text_out = &(buffer){r->files[file].text, r->files[file].text_count, r->files[file].text_capacity};
        int ok = append(text_out, between ? "enter" : "enter mid-statement", between ? 5 : 19);
        for (size_t b = 0; b < s->block_count; b++) {
            benign = benign && s->blocks[b].benign;
            ok = ok && append(text_out, " { ", 3) && append(text_out, s->blocks[b].opener, strlen(s->blocks[b].opener));
        }
        ok = ok && append(text_out, "\n", 1);
        r->files[file].text = text_out->data;
        r->files[file].text_count = text_out->count;
        r->files[file].text_capacity = text_out->capacity;
        if (!ok || !grow((void **)&r->enters, &r->enter_capacity, r->enter_count + 1, sizeof(capcheck_pp_enter))) { s->failed = 1; return 1; }
        r->enters[r->enter_count++] = (capcheck_pp_enter){file, benign, between ? (long)s->block_count : (long)s->block_count + 1};
    }
    return 1;
}

capcheck_pp_result *capcheck_pp_scan(const uint8_t *bytes, size_t count, const char *const *roots, size_t root_count) {
    scanner s = {0};
    s.roots = roots;
    s.root_count = root_count;
    s.result = calloc(1, sizeof(capcheck_pp_result));
    if (!s.result) return NULL;
    s.file = -1;
    s.main_file = -1;
    s.attribute_parens = -2;
    size_t start = 0;
    while (start < count && !s.failed) {
        const uint8_t *newline = memchr(bytes + start, '\n', count - start);
        size_t end = newline ? (size_t)(newline - bytes) : count;
        const uint8_t *text = bytes + start;
        size_t length = end - start;
        s.offset = start;
        if (!line_marker(&s, text, length)) {
            if (s.file >= 0) s.result->files[s.file].returns_before = s.result->return_count;
            if (!s.is_system) {
                s.normalized.count = 0;
                pragma(&s, text, length);
                /* A directive the preprocessor kept (`#pragma`, `#ident`) is no part of a statement. */
                size_t first = 0;
                while (first < length && is_blank(text[first])) first++;
                size_t kept = s.since_boundary.count;
                lex(&s, text, length);
                if (first < length && text[first] == '#') s.since_boundary.count = kept;
                int blank = 1;
                for (size_t i = 0; i < s.normalized.count && blank; i++) blank = s.normalized.data[i] == ' ' || s.normalized.data[i] == '\t';
                if (!blank && s.file >= 0) {
                    capcheck_pp_file *file = &s.result->files[s.file];
                    buffer out = {file->text, file->text_count, file->text_capacity};
                    int ok = append_number(&out, s.line) && append(&out, ":", 1) && append(&out, s.normalized.data, s.normalized.count)
                        && append(&out, "\n", 1);
                    file->text = out.data;
                    file->text_count = out.count;
                    file->text_capacity = out.capacity;
                    if (!ok) s.failed = 1;
                }
            }
            s.line++;
        }
        start = end + 1;
    }
    for (size_t b = 0; b < s.block_count; b++) free(s.blocks[b].opener);
    free(s.blocks);
    free(s.entered_files);
    free(s.entered_blocks);
    free(s.since_boundary.data);
    free(s.normalized.data);
    if (s.failed) {
        capcheck_pp_free(s.result);
        return NULL;
    }
    return s.result;
}

void capcheck_pp_free(capcheck_pp_result *result) {
    if (!result) return;
    for (size_t i = 0; i < result->file_count; i++) {
        free((void *)result->files[i].name);
        free(result->files[i].text);
    }
    free(result->files);
    free(result->triggers);
    free(result->enters);
    free(result->returns);
    free(result);
}
