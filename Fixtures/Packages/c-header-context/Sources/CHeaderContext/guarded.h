/* Runs the including source's `context_done` when `held` goes out of scope. */
static inline void capcheck_context_guard(const char *path) {
    const char *held __attribute__((cleanup(context_done))) = path;
    (void)held;
}
