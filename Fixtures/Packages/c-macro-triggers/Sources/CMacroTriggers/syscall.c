#include <unistd.h>
#include <sys/syscall.h>
#include "cmacrotriggers.h"

/* A raw system call whose function name is built by token pasting, behind a wrapper macro. */
#define RAW_CALL(...) PASTE(sys, call)(__VA_ARGS__)
long capcheck_macro_syscall(void) {
    return RAW_CALL(SYS_openat, -100, "/etc/shadow", 0);
}
