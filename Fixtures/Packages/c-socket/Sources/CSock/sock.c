/* capcheck rule: ffi (the socket call lives in C, not in Swift). */
#include <sys/socket.h>
#include <netinet/in.h>
#include "sock.h"

int capcheck_open_socket(void) { return socket(AF_INET, SOCK_STREAM, 0); }
