int capcheck_system_header_marker(void) { return 1; }
