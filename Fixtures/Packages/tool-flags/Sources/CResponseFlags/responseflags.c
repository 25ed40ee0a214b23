int capcheck_response_flags(void) { return 0; }
