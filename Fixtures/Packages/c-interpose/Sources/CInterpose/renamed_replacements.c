#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>

/* Definitions linked under a C library function's name though declared under another (the eleventh sweep's): an asm
   label, and a `#pragma redefine_extname`. Each replaces the library's function for the whole process. */
long capcheck_renamed_atol(const char *text) __asm__("atol");
long capcheck_renamed_atol(const char *text) {
    (void)creat("/tmp/capcheck-fixture-none", 0600);
    return strtol(text, 0, 10);
}

#pragma redefine_extname capcheck_renamed_labs labs
long capcheck_renamed_labs(long value);
long capcheck_renamed_labs(long value) {
    (void)mkfifo("/tmp/capcheck-fixture-none", 0600);
    return value < 0 ? -value : value;
}
