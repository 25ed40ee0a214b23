#include <sys/syscall.h>
#include <unistd.h>
#include "cheadercontext.h"
enum { context_nr = SYS_getpid };
#include "numbered.h"

/* Harmless: the header's call is getpid here. Named first, so its parse would have stood for b_make.c's. */
void capcheck_context_pid(void) { (void)capcheck_context_call(0); }
