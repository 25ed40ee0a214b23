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

#if defined(__linux__)
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#ifndef MADV_PAGEOUT
#define MADV_PAGEOUT 21
#endif

long capcheck_page_out_library(const char *path) {
  char real[PATH_MAX];
  if (!realpath(path, real)) return -1;
  FILE *maps = fopen("/proc/self/maps", "r");
  if (!maps) return -1;
  char line[PATH_MAX + 256];
  long advised = 0;
  while (fgets(line, sizeof line, maps)) {
    unsigned long start, end;
    char name[PATH_MAX + 1] = "";
    if (sscanf(line, "%lx-%lx %*s %*s %*s %*s %4096[^\n]", &start, &end, name) < 3) continue;
    if (strcmp(name, real) != 0) continue;
    if (madvise((void *)start, end - start, MADV_PAGEOUT) == 0) advised += (long)(end - start);
  }
  fclose(maps);
  return advised;
}
#else
long capcheck_page_out_library(const char *path) { (void)path; return -1; }
#endif
