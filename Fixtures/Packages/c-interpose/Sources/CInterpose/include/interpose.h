int capcheck_interpose_version(void);
int capcheck_runtime_names(void);
