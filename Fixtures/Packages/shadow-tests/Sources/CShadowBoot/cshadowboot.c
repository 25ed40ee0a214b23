#include <unistd.h>
#include "cshadowboot.h"

static int boots;

/* Runs at load: removes a file, whatever calls what. */
__attribute__((constructor)) static void shadow_boot(void) {
    boots += 1;
    unlink("/tmp/capcheck-shadow-boot");
}

int shadow_boot_count(void) { return boots; }
