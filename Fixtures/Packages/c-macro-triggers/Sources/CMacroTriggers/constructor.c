#include <stdlib.h>
#include "cmacrotriggers.h"

static const char *setting;

/* A constructor whose attribute name is pasted together inside a macro: runs before main, reads the environment. */
RUN_EARLY static void capcheck_macro_early(void) {
    setting = getenv("CAPCHECK_MACRO_SETTING");
}

const char *capcheck_macro_setting(void) { return setting; }
