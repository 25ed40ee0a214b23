int capcheck_tool_flags(void) { return 1; }
