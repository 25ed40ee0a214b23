// calltrace: an LD_PRELOAD shim for RealWorld/Dynamic that logs a backtrace for every read or change of the
// environment and every program start (strace cannot unwind the parent of a vfork-style spawn). `getenv`, `secure_getenv`, `setenv`, `unsetenv`, `putenv` and `clearenv` are interposed; every
// other read of `environ` (Foundation's ProcessInfo.environment iterates it, and glibc's internal readers
// bypass `getenv`) is caught by moving the `environ` array to a page with no access: the fault is logged, the
// page opened, one instruction single-stepped (x86-64 trap flag), and the page closed again.
//
// Log (CALLTRACE_LOG, one file per process: <path>.<pid>): "E <kind> <variable, program or -> <tid>" then one
// "F <absolute address>" per frame, then a blank line; at exit a line "MAPS" and /proc/self/maps, so that the
// oracle can turn addresses into module offsets. Built and used only by RealWorld/Dynamic/run.sh.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <execinfo.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

extern char **environ;

static int log_fd = -1;
static char **guarded;          // the page-aligned copy of the environ array that faults on access
static size_t guarded_bytes;
static atomic_flag stepping = ATOMIC_FLAG_INIT;  // one thread single-steps through an opened page at a time
static __thread int inside;      // set while an interposed function runs (its own reads are not logged twice)

static void write_all(const char *text, size_t length) {
    while (length > 0 && log_fd >= 0) {
        ssize_t n = write(log_fd, text, length);
        if (n <= 0) return;
        text += n; length -= (size_t)n;
    }
}

static void put_hex(char *buffer, size_t *at, unsigned long value) {
    char digits[17]; int n = 0;
    do { digits[n++] = "0123456789abcdef"[value & 15]; value >>= 4; } while (value && n < 16);
    buffer[(*at)++] = '0'; buffer[(*at)++] = 'x';
    while (n > 0) buffer[(*at)++] = digits[--n];
}

// Writes one event with the current thread's stack; `pc` (if nonzero) is the faulting instruction.
static void log_event(const char *kind, const char *name, void *pc) {
    void *frames[128];
    int count = backtrace(frames, 128);
    char line[4096]; size_t at = 0;
    const char *parts[] = { "E ", kind, " ", (name && *name) ? name : "-", " " };
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        size_t n = strnlen(parts[i], 1024);
        if (at + n > sizeof line - 64) n = sizeof line - 64 - at;
        memcpy(line + at, parts[i], n); at += n;
    }
    put_hex(line, &at, (unsigned long)syscall(SYS_gettid));
    line[at++] = '\n';
    if (pc) { memcpy(line + at, "F ", 2); at += 2; put_hex(line, &at, (unsigned long)pc + 1); line[at++] = '\n'; }
    write_all(line, at);
    for (int i = 0; i < count; i++) {
        at = 0; memcpy(line, "F ", 2); at = 2;
        put_hex(line, &at, (unsigned long)frames[i]);
        line[at++] = '\n';
        write_all(line, at);
    }
    write_all("\n", 1);
}

// Copies the current environ array onto a fresh page-aligned block and closes it.
static void guard_environ(void) {
    if (!environ) return;
    size_t count = 0;
    while (environ[count]) count++;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t bytes = ((count + 1) * sizeof(char *) + page - 1) / page * page;
    char **block = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) return;
    memcpy(block, environ, (count + 1) * sizeof(char *));
    char **old = guarded; size_t old_bytes = guarded_bytes;
    guarded = block; guarded_bytes = bytes;
    environ = block;
    mprotect(block, bytes, PROT_NONE);
    if (old) munmap(old, old_bytes);
}

static void open_guard(void) { if (guarded) mprotect(guarded, guarded_bytes, PROT_READ | PROT_WRITE); }
static void close_guard(void) { if (guarded) mprotect(guarded, guarded_bytes, PROT_NONE); }

static void on_segv(int signal, siginfo_t *info, void *context) {
    char *address = info->si_addr;
    if (!guarded || address < (char *)guarded || address >= (char *)guarded + guarded_bytes) {
        // Not ours: fall back to the default action (a real crash).
        struct sigaction fallback = { .sa_handler = SIG_DFL };
        sigaction(signal, &fallback, NULL);
        return;
    }
    while (atomic_flag_test_and_set(&stepping)) sched_yield();
    ucontext_t *uc = context;
    if (!inside) log_event("environ", NULL, (void *)uc->uc_mcontext.gregs[REG_RIP]);
    open_guard();
    uc->uc_mcontext.gregs[REG_EFL] |= 0x100;  // trap after the faulting instruction
}

static void on_trap(int signal, siginfo_t *info, void *context) {
    (void)signal; (void)info;
    ucontext_t *uc = context;
    uc->uc_mcontext.gregs[REG_EFL] &= ~0x100;
    close_guard();
    atomic_flag_clear(&stepping);
}

__attribute__((constructor)) static void calltrace_start(void) {
    const char *path = getenv("CALLTRACE_LOG");
    if (!path) return;
    char name[4096];
    snprintf(name, sizeof name, "%s.%d", path, (int)getpid());
    log_fd = open(name, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    void *warm[2]; backtrace(warm, 2);  // loads the unwinder now, not inside a signal handler
    struct sigaction segv = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO | SA_NODEFER };
    struct sigaction trap = { .sa_sigaction = on_trap, .sa_flags = SA_SIGINFO };
    sigaction(SIGSEGV, &segv, NULL);
    sigaction(SIGTRAP, &trap, NULL);
    guard_environ();
}

__attribute__((destructor)) static void calltrace_stop(void) {
    if (log_fd < 0) return;
    open_guard();
    int maps = open("/proc/self/maps", O_RDONLY);
    char buffer[65536]; ssize_t n;
    // After "MAPS", /proc/self/maps as it is (start-end perms offset dev inode path): the oracle parses it.
    write_all("MAPS\n", 5);
    while (maps >= 0 && (n = read(maps, buffer, sizeof buffer)) > 0) write_all(buffer, (size_t)n);
    if (maps >= 0) close(maps);
    close(log_fd);
    log_fd = -1;
}

typedef char *(*getenv_fn)(const char *);
typedef int (*setenv_fn)(const char *, const char *, int);
typedef int (*unsetenv_fn)(const char *);
typedef int (*putenv_fn)(char *);
typedef int (*clearenv_fn)(void);
typedef int (*execve_fn)(const char *, char *const[], char *const[]);
typedef int (*execv_fn)(const char *, char *const[]);
typedef int (*spawn_fn)(pid_t *, const char *, const void *, const void *, char *const[], char *const[]);
#define REAL(name, type) static type real_##name; if (!real_##name) real_##name = (type)dlsym(RTLD_NEXT, #name)

char *getenv(const char *name) {
    REAL(getenv, getenv_fn);
    if (!inside) log_event("getenv", name, NULL);
    inside++; char *value = real_getenv(name); inside--;
    return value;
}

char *secure_getenv(const char *name) {
    REAL(secure_getenv, getenv_fn);
    if (!inside) log_event("getenv", name, NULL);
    inside++; char *value = real_secure_getenv(name); inside--;
    return value;
}

// A change replaces glibc's array (a new allocation, unguarded): open the guard, change, guard the new array.
static int changed(int result) { guard_environ(); inside--; return result; }

int setenv(const char *name, const char *value, int overwrite) {
    REAL(setenv, setenv_fn);
    if (!inside) log_event("setenv", name, NULL);
    inside++; open_guard();
    return changed(real_setenv(name, value, overwrite));
}

int unsetenv(const char *name) {
    REAL(unsetenv, unsetenv_fn);
    if (!inside) log_event("setenv", name, NULL);
    inside++; open_guard();
    return changed(real_unsetenv(name));
}

int putenv(char *assignment) {
    REAL(putenv, putenv_fn);
    char name[256]; size_t n = strcspn(assignment, "="); if (n > 255) n = 255;
    memcpy(name, assignment, n); name[n] = 0;
    if (!inside) log_event("setenv", name, NULL);
    inside++; open_guard();
    return changed(real_putenv(assignment));
}

int clearenv(void) {
    REAL(clearenv, clearenv_fn);
    if (!inside) log_event("setenv", NULL, NULL);
    inside++; open_guard();
    return changed(real_clearenv());
}

// Starting a program is logged as "exec" (with the program), and hands the kernel the environment array: the page is
// opened for the call (the kernel cannot take the fault), and the environment it passes on is part of the start.
#define OPENED(program, call) do { \
    if (!inside) log_event("exec", program, NULL); \
    open_guard(); inside++; int result = (call); inside--; close_guard(); return result; } while (0)

int execve(const char *path, char *const argv[], char *const envp[]) {
    REAL(execve, execve_fn);
    OPENED(path, real_execve(path, argv, envp));
}

int execv(const char *path, char *const argv[]) {
    REAL(execv, execv_fn);
    OPENED(path, real_execv(path, argv));
}

int execvp(const char *file, char *const argv[]) {
    REAL(execvp, execv_fn);
    OPENED(file, real_execvp(file, argv));
}

int execvpe(const char *file, char *const argv[], char *const envp[]) {
    REAL(execvpe, execve_fn);
    OPENED(file, real_execvpe(file, argv, envp));
}

int posix_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attributes,
                char *const argv[], char *const envp[]) {
    REAL(posix_spawn, spawn_fn);
    OPENED(path, real_posix_spawn(pid, path, actions, attributes, argv, envp));
}

int posix_spawnp(pid_t *pid, const char *file, const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *attributes,
                 char *const argv[], char *const envp[]) {
    REAL(posix_spawnp, spawn_fn);
    OPENED(file, real_posix_spawnp(pid, file, actions, attributes, argv, envp));
}
