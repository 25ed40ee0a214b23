/* capcheck rule: raw syscall(...) with a constant number is classified by the system call it makes. */
#ifndef CAPCHECK_CRAWSYSCALL_H
#define CAPCHECK_CRAWSYSCALL_H

long capcheck_raw_open(const char *path);
long capcheck_raw_pid(void);
long capcheck_raw_pointer(void);

#endif
