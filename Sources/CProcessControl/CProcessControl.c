#include "CProcessControl.h"

#if defined(__linux__)
#include <sys/prctl.h>

int capcheck_become_child_subreaper(void) {
  return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
}
#else
#include <errno.h>

int capcheck_become_child_subreaper(void) {
  errno = ENOSYS;
  return -1;
}
#endif

#if defined(__GLIBC__)
#include <malloc.h>

void capcheck_return_free_memory(void) {
  malloc_trim(0);
}
#else
void capcheck_return_free_memory(void) {}
#endif
