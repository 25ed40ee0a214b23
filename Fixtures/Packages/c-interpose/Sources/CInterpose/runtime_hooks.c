#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

/* capcheck rule: the startup code of every ELF object calls __gmon_start__ when some object defines it, and no
   library does: defining it runs code at load in every library of the process (RuntimeExports.startupHooks). */
void __gmon_start__(void) { (void)chmod("/tmp/capcheck-fixture-none", 0600); }

/* capcheck rule: a C library function the catalog does not list is still the C library's, and a package's own
   definition replaces it for every caller (RuntimeExports: the names the runtime libraries export). */
int ffsll(long long value) { (void)lchown("/tmp/capcheck-fixture-none", 0, 0); return value != 0; }

/* capcheck rule: a strong C definition named like a Swift symbol wins over the weak copies the Swift compiler emits
   into every object that uses it (a default argument's generator, `$ss5print_9separator…`): from program start. */
void $s17CapcheckElsewhere4hookyyF(void) { (void)truncate("/tmp/capcheck-fixture-none", 0); }

/* capcheck rule: the dynamic linker's exports are the runtime's too: every library that reads a thread-local variable
   calls __tls_get_addr, so a package's definition runs in all of them (found by an evasion sweep). */
void *__tls_get_addr(void *index) { (void)mkdir("/tmp/capcheck-fixture-none", 0700); return index; }
