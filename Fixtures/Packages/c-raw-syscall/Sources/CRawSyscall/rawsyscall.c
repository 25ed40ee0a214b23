#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "crawsyscall.h"

/* openat by number: no call to open/openat appears anywhere. */
long capcheck_raw_open(const char *path) { return syscall(SYS_openat, AT_FDCWD, path, O_RDONLY); }

/* getpid needs no capability. */
long capcheck_raw_pid(void) { return syscall(SYS_getpid); }

/* syscall's address taken: a call through the pointer may make any system call (here getpid, but the number could
   be anything). */
long capcheck_raw_pointer(void) {
    long (*raw)(long, ...) = syscall;
    return raw(SYS_getpid);
}
