int capcheck_tool_flags(void);
