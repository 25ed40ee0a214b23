/* The target's only source; it does not include the public header. */
int capcheck_header_only_marker(void) { return 0; }
