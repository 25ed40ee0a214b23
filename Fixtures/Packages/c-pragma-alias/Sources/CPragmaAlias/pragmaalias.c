#include <stdlib.h>
#include <unistd.h>
#include "cpragmaalias.h"

// What the aliases stand for: no call names these two.
void capcheck_pragma_target(void) { unlink("/tmp/capcheck-pragma-weak"); }
#pragma weak capcheck_pragma_weak_alias = capcheck_pragma_target

void capcheck_pragma_macro_target(void) { setenv("CAPCHECK_PRAGMA", "1", 1); }
CAPCHECK_WEAK_ALIAS(capcheck_pragma_macro_alias, capcheck_pragma_macro_target)

// A cleanup function runs when the variable goes out of scope; no call names it.
static void capcheck_cleanup_hook(int *unused) { (void)unused; chdir("/tmp"); }
int capcheck_scoped(void) {
    int value __attribute__((cleanup(capcheck_cleanup_hook))) = 1;
    return value;
}
