#ifndef CAPCHECK_CPROCESSCONTROL_H
#define CAPCHECK_CPROCESSCONTROL_H

/// Makes the calling process the child subreaper of its descendants (Linux `prctl(PR_SET_CHILD_SUBREAPER, 1)`):
/// a descendant whose parent dies is re-parented to it instead of to init, so that it can still find and stop it.
/// Returns 0, or -1 with errno set (always -1 on other systems). Here because `prctl` is variadic, which Swift
/// cannot call.
int capcheck_become_child_subreaper(void);

/// Gives the pages the C allocator holds free back to the system (glibc's `malloc_trim(0)`, declared in
/// `<malloc.h>`, which the Glibc module does not export); does nothing on other systems.
void capcheck_return_free_memory(void);

/// Asks the system to reclaim the resident pages of every mapping of the shared library at `path` (Linux's
/// `madvise(MADV_PAGEOUT)`: clean pages are dropped and read again from the file if touched, so it is safe whatever
/// runs next). Returns the bytes advised, or -1 where the system cannot (another system, a kernel before 5.4).
long capcheck_page_out_library(const char *path);

#endif
