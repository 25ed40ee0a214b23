#include <sys/stat.h>
#include "cheadercontext.h"

static void context_labelled_hook(const char *path) { chmod(path, 0700); }
static void (*context_labelled_entry)(const char *) __attribute__((section("context_labelled"), used)) = context_labelled_hook;

/* The section's bounds under other names, by asm labels (the twenty-fifth sweep's walk went unseen). */
extern void (*first_context_hook[])(const char *) __asm__("__start_context_labelled");
extern void (*last_context_hook[])(const char *) __asm__("__stop_context_labelled");
void capcheck_context_hooks_labelled(const char *path) {
    for (void (**hook)(const char *) = first_context_hook; hook < last_context_hook; hook++) (*hook)(path);
}
