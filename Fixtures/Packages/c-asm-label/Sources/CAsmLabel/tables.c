#include <stdlib.h>
#include <unistd.h>

/* capcheck rule: an asm label on a variable declaration makes a read of it a read of the labelled variable: here a
   table of functions another file defines, and the C library's environment (`environ`). */
typedef int (*capcheck_table_op)(const char *);
int (*capcheck_real_table[])(const char *) = { rmdir };

int capcheck_table_probe(void) {
    extern capcheck_table_op capcheck_table_alias[] __asm__("capcheck_real_table");
    extern char **capcheck_quiet_environment __asm__("environ");
    return capcheck_table_alias[0]("/tmp/capcheck-fixture-none") + (capcheck_quiet_environment != 0);
}
