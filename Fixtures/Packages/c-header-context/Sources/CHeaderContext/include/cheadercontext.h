void capcheck_context_pid(void);
void capcheck_context_make(const char *path);
void capcheck_context_guard_quiet(void);
void capcheck_context_guard_loud(const char *path);
void capcheck_context_hooks(const char *path);
void capcheck_context_hooks_labelled(const char *path);
