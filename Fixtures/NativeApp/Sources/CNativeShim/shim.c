#include "cnativeshim.h"
#include "cheadermacros.h"

/* The root's code; the mkdir is c-header-only's, written in its macro. */
int native_app_make_folder(const char *path) { return CAPCHECK_HEADER_MKDIR(path); }
