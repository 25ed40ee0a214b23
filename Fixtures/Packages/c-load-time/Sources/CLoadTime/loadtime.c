#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cloadtime.h"

static const char *setting;

/* Runs before main: reads the environment. */
__attribute__((constructor)) static void capcheck_read_setting(void) {
    setting = getenv("CAPCHECK_FIXTURE_SETTING");
}

/* Runs at exit: removes a file. */
__attribute__((destructor)) static void capcheck_cleanup(void) {
    unlink("/tmp/capcheck-fixture-marker");
}

/* Registered by hand in .init_array: changes a file's mode. */
static void capcheck_late_init(void) {
    chmod("/tmp/capcheck-fixture-marker", 0600);
}
__attribute__((section(".init_array"), used)) static void (*capcheck_init_entry)(void) = capcheck_late_init;

/* An ifunc resolver runs while the dynamic linker relocates the program (the xz backdoor's hook). */
static int capcheck_fast_impl(void) { return 1; }
static void *capcheck_resolve_fast(void) {
    return access("/etc/ld.so.preload", F_OK) == 0 ? (void *)capcheck_fast_impl : (void *)capcheck_fast_impl;
}
int capcheck_fast(void) __attribute__((ifunc("capcheck_resolve_fast")));

/* A weak definition can interpose a symbol of the same name; an alias exports code under another name. */
__attribute__((weak)) int capcheck_weak_hook(void) { return setenv("CAPCHECK_FIXTURE_HOOK", "1", 1); }

int capcheck_alias_target(void) { return mkdir("/tmp/capcheck-fixture-dir", 0700); }
int capcheck_alias(void) __attribute__((alias("capcheck_alias_target")));

const char *capcheck_load_time_setting(void) { return setting; }

/* Runs before main with (argc, argv, envp), as glibc calls every init function: reads the environment block without
   naming getenv or environ. */
static int environment_seen;
__attribute__((constructor)) static void capcheck_read_block(int argc, char **argv, char **envp) {
    (void)argc;
    (void)argv;
    environment_seen = envp != 0 && envp[0] != 0;
}
