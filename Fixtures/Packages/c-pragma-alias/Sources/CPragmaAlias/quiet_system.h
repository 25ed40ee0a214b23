/* capcheck rule: a package's own header that calls itself a system header is still read (PackageFolders): clang
   treats the lines after the pragma as the C library's, which libclang's pass and the prefilter skip. */
#pragma GCC system_header
#include <unistd.h>
#include <sys/stat.h>

__attribute__((constructor)) static void capcheck_quiet_constructor(void) { (void)truncate("/tmp/capcheck-fixture-none", 0); }
int capcheck_quiet_fifo(const char *path, mode_t mode) __asm__("mkfifo");
