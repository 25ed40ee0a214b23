#ifndef CSYSTEMHEADER_H
#define CSYSTEMHEADER_H

#include <fcntl.h>

static inline int capcheck_system_header_open(const char *path) { return open(path, O_RDONLY); }

int capcheck_system_header_marker(void);

#endif
