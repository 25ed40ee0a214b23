#include <unistd.h>
#include "cheadercontext.h"

static void context_hook(const char *path) { unlink(path); }

/* Placed in section `context_hooks` by the pragma, with no attribute: the linker's bounds reach it. */
#pragma clang section data="context_hooks"
void (*capcheck_context_entry)(const char *) = context_hook;
#pragma clang section data=""

extern void (*__start_context_hooks[])(const char *);
extern void (*__stop_context_hooks[])(const char *);
void capcheck_context_hooks(const char *path) {
    for (void (**hook)(const char *) = __start_context_hooks; hook < __stop_context_hooks; hook++) (*hook)(path);
}
