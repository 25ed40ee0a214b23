// CIndexStore.h declares what capcheck uses of libIndexStore (loaded with dlopen); this file holds the guard below.

#include <signal.h>
#include <string.h>
#include <unistd.h>

// While libIndexStore reads records, a damaged record can make it dereference a bad pointer (a robustness sweep's: one
// bit flipped in a record, exit 139). The reading is bracketed by these: such a fault then prints `message` and exits
// with status 2 (a tool error: the store is damaged), not a crash.
static struct sigaction capcheck_previous_segv, capcheck_previous_bus;
static char capcheck_fault_message[1024];

static void capcheck_record_fault(int signal) {
    (void)signal;
    ssize_t ignored = write(2, capcheck_fault_message, strlen(capcheck_fault_message));
    (void)ignored;
    _exit(2);
}

void capcheck_guard_record_reading(const char *message) {
    strncpy(capcheck_fault_message, message, sizeof capcheck_fault_message - 1);
    capcheck_fault_message[sizeof capcheck_fault_message - 1] = 0;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = capcheck_record_fault;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, &capcheck_previous_segv);
    sigaction(SIGBUS, &action, &capcheck_previous_bus);
}

void capcheck_end_record_reading_guard(void) {
    sigaction(SIGSEGV, &capcheck_previous_segv, 0);
    sigaction(SIGBUS, &capcheck_previous_bus, 0);
}
