#define _GNU_SOURCE
#include <dlfcn.h>
#include <stddef.h>
#include "interpose.h"

/* The C library's and the dynamic linker's other names for the program's arguments and environment, and its private
   lookup that hands out the user database's functions (found by an evasion sweep: each read the environment or
   /etc/passwd with only `ffi` reported). */
#include <time.h>
/* The seventh sweep's: a CoreFoundation function C may call (weak: the fixture links no Foundation), a toolchain Swift
   function named by its mangled symbol (`CommandLine.unsafeArgv`'s getter), and `strptime`, which loads the time zone. */
extern char **_CFEnviron(void) __attribute__((weak));
extern char **$ss11CommandLineO10unsafeArgvSpySpys4Int8VGSgGvgZ(void);
extern char *__progname_full;
extern void *__libc_stack_end;
int __nss_passwd_lookup2(void **ni, const char *fct_name, const char *fct2_name, void **fctp);

int capcheck_runtime_names(void) {
    int found = __progname_full != NULL;       /* argv[0], beside the environment strings */
    found += __libc_stack_end != NULL;          /* argc, argv, then envp */
    found += dlsym(RTLD_DEFAULT, "environ") != NULL;  /* a variable looked up by name */
    void *ni = NULL, *function = NULL;
    found += __nss_passwd_lookup2(&ni, "getpwnam_r", NULL, &function) == 0;
    struct tm tm;
    found += strptime("1", "%s", &tm) != NULL;
    found += $ss11CommandLineO10unsafeArgvSpySpys4Int8VGSgGvgZ() != NULL;
    if (_CFEnviron) found += _CFEnviron() != NULL;
    return found;
}
