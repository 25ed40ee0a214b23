// The source of the prebuilt static library in VendorBinary.artifactbundle: the test compiles it with the
// toolchain's clang (capcheck never sees this file: a binary target ships machine code only).
#include <sys/socket.h>

int vendor_open_socket(void) { return socket(AF_INET, SOCK_STREAM, 0); }
