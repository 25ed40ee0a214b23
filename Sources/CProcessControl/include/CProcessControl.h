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

#endif
