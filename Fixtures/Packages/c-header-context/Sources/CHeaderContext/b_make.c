#include <sys/syscall.h>
#include <unistd.h>
#include "cheadercontext.h"
enum { context_nr = SYS_mkdir };
#include "numbered.h"

/* The same header lines: mkdir here. */
void capcheck_context_make(const char *path) { (void)capcheck_context_call(path); }
