int capcheck_response_flags(void);
