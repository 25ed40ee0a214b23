#ifndef CHEADERONLY_H
#define CHEADERONLY_H

#include <fcntl.h>

/* A plain call, no construct the prefilter looks for: only a parse of the header shows it. */
static inline int capcheck_inline_open(const char *path) { return open(path, O_RDONLY); }

/* Linked to libc's unlink(2). */
int capcheck_header_unlink(const char *path) __asm__("unlink");

int capcheck_header_only_marker(void);

#endif
