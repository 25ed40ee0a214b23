#ifndef CAPCHECK_CXX_OBJECTS_H
#define CAPCHECK_CXX_OBJECTS_H
#ifdef __cplusplus
extern "C" {
#endif
int capcheck_cxx_perform(int kind);
int capcheck_tls_count(void);
int capcheck_templates(void);
#ifdef __cplusplus
}
#endif
#endif
