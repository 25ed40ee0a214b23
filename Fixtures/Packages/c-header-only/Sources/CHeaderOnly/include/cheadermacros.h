#ifndef CHEADERMACROS_H
#define CHEADERMACROS_H

#include <sys/stat.h>

/* A function-like macro: wherever another package's C expands it, its body is this package's code (the argument is
   the caller's). */
#define CAPCHECK_HEADER_MKDIR(path) mkdir((path), 0700)

#endif
