#define _GNU_SOURCE 1
#include <dlfcn.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cfntable.h"

static int capcheck_do_open(const char *path) { return open(path, O_RDONLY); }
static int capcheck_do_run(const char *program) {
    char *const argv[] = { (char *)program, NULL };
    return execv(program, argv);
}
static int capcheck_do_env(const char *name) { return getenv(name) != NULL; }

struct capcheck_handler {
    const char *name;
    int (*run)(const char *);
};

/* The table takes the addresses of two handlers; capcheck_do_env is not in it. */
static const struct capcheck_handler capcheck_handlers[] = {
    { "open", capcheck_do_open },
    { "run", capcheck_do_run },
};

int capcheck_dispatch(const char *command, const char *argument) {
    for (unsigned i = 0; i < sizeof capcheck_handlers / sizeof capcheck_handlers[0]; i++) {
        if (strcmp(capcheck_handlers[i].name, command) == 0) return capcheck_handlers[i].run(argument);
    }
    /* capcheck rule: a function looked up by a literal name is as good as called (no call names chroot). */
    int (*change_root)(const char *) = (int (*)(const char *))dlsym(RTLD_DEFAULT, "chroot");
    if (change_root && strcmp(command, "jail") == 0) return change_root(argument);
    return -1;
}

/* Takes the address of the env handler; nothing reached from the root calls it. */
void *capcheck_env_handler(void) { return (void *)capcheck_do_env; }
