#include <unistd.h>
#include "cfntable.h"

/* capcheck rule: the linker bounds a section named like a C identifier with __start_<name> and __stop_<name>; code
   walking from one to the other calls whatever was placed there, though no code names it. */
typedef int (*capcheck_hook)(const char *);
static int capcheck_hook_truncate(const char *path) { return truncate(path, 0); }
__attribute__((used, section("capcheck_hooks"))) static const capcheck_hook capcheck_first_hook = capcheck_hook_truncate;

extern const capcheck_hook __start_capcheck_hooks[], __stop_capcheck_hooks[];

int capcheck_run_hooks(const char *path) {
    int result = 0;
    for (const capcheck_hook *hook = __start_capcheck_hooks; hook < __stop_capcheck_hooks; hook++) result += (*hook)(path);
    return result;
}
