int capcheck_unbuilt_marker(void);
