#include <sys/stat.h>
#include "autolink.h"

/* capcheck rule: SwiftPM hands the linker every entry of every object's .swift1_autolink_entries section, unread, so
   a C array placed there passes the linker any flag without unsafeFlags: here `-init`, which runs
   capcheck_autolink_boot when the program loads (AutolinkEntries; found by an evasion sweep). */
__attribute__((section(".swift1_autolink_entries"), used))
static const char capcheck_autolink_entries[] = "-Wl,-init=capcheck_autolink_boot";

void capcheck_autolink_boot(void) { (void)mkdir("/tmp/capcheck-fixture-none", 0700); }

int capcheck_autolink_version(void) { return 1; }
