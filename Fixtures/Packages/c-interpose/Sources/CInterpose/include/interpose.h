int capcheck_interpose_version(void);
