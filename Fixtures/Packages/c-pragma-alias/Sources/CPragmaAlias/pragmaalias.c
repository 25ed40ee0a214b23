#include <stdlib.h>
#include <unistd.h>
#include "cpragmaalias.h"
#include "quiet_system.h"

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

// A weak reference under another name: calling capcheck_quiet_access calls libc's access, though no call names it.
static int capcheck_quiet_access(const char *, int) __attribute__((weakref("access")));
int capcheck_weakref_probe(void) { return capcheck_quiet_access("/tmp/capcheck-fixture-none", 0); }

// Names the C library catalog lists besides the usual ones: extended attributes and shell-style word expansion.
#include <sys/xattr.h>
#include <wordexp.h>
long capcheck_catalogued(void) {
    char value[8];
    wordexp_t words;
    long size = getxattr("/tmp/capcheck-fixture-none", "user.none", value, sizeof value);
    if (wordexp("capcheck", &words, WRDE_NOCMD) == 0) wordfree(&words);
    return size;
}

// Declared in quiet_system.h, a header marked `#pragma GCC system_header`: its asm label is read all the same.
int capcheck_quiet_system_probe(void) { return capcheck_quiet_fifo("/tmp/capcheck-fixture-none", 0600); }
