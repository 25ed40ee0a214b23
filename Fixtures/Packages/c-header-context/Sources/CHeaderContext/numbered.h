/* The system call's number is whatever the including source named `context_nr`. */
static inline long capcheck_context_call(const char *path) { return syscall(context_nr, path, 0700); }
