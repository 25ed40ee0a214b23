#include <gnu/libc-version.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include "cnarrow.h"

/* A constant variable name, read in C. */
const char *narrow_c_home(void) { return getenv("NARROW_C_HOME"); }

/* A variable name from the caller, read in C: followed through the parameter to the Swift call. */
const char *narrow_c_lookup(const char *name) { return getenv(name); }

/* A name picked from a table at run time: not a literal, so unknown. */
const char *narrow_c_indirect(int which) {
    static const char *names[] = { "NARROW_C_A", "NARROW_C_B" };
    return getenv(names[which & 1]);
}

/* Connects to a constant address: the value is 10.0.0.7:8080, built from constants in this function. */
int narrow_c_connect(void) {
    struct sockaddr_in addr;
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons(8080);
    inet_pton(AF_INET, "10.0.0.7", &addr.sin_addr);
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return -1;
    int result = connect(fd, (struct sockaddr *)&addr, sizeof addr);
    close(fd);
    return result;
}

/* A raw system call with a constant path: the path is the argument after the number. */
long narrow_c_raw_open(void) { return syscall(SYS_openat, AT_FDCWD, "/etc/narrow-c.conf", O_RDONLY); }

/* Two assignments of the environment in one function (the nineteenth sweep's: only the first was read). Each names the
   variable before its `=`: NARROW_C_SET is inside env:NARROW_C_*, NARROW_OUTSIDE is not. */
int narrow_c_set_both(void) {
    putenv("NARROW_C_SET=1");
    return putenv("NARROW_OUTSIDE=1");
}

/* A call of a function no package's C code defines (here the C library's) with a package function named `…_name`
   beside it that returns a constant inside the grant: the call is not that function (the twenty-third sweep's, where a
   Swift `@_cdecl` defined the name). */
const char *decoy_gnu_get_libc_version(void) { return "/etc/narrow-c.conf"; }
int narrow_c_open_version(void) { return open(gnu_get_libc_version(), O_RDONLY); }
