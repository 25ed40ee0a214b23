#include "gauge.h"
#include <sys/stat.h>

// Swift code named by its mangled symbol (`$` is legal in a C identifier): a plain declaration, and asm labels on a
// protocol witness thunk and on a global's addressor (which runs the global's initial value). No Swift code calls
// any of the three.
extern void $s9SwiftName20capcheckHiddenFolderyyF(void);
extern void capcheck_probe_thunk(void) __asm__("$s9SwiftName13CapcheckThingVAA0C5ProbeA2aDP5probeyyFTW");
extern long *capcheck_banner_address(void) __asm__("$s9SwiftName14capcheckBannerSivau");
// The allocating initializer (`…fC`) of a Swift struct, whose declaration's USR ends in `fc`.
extern void $s9SwiftName12CapcheckGateVACycfC(void);

int capcheck_gauge_reading(struct CapcheckGauge gauge) { return gauge.level; }
void capcheck_gauge_set_reading(struct CapcheckGauge *gauge, int value) {
    mkfifo("/tmp/capcheck-fixture-none", 0600);
    $s9SwiftName20capcheckHiddenFolderyyF();
    capcheck_probe_thunk();
    $s9SwiftName12CapcheckGateVACycfC();
    gauge->level = value + (int)*capcheck_banner_address();
}
