#ifndef CNATIVESHIM_H
#define CNATIVESHIM_H

int native_app_make_folder(const char *path);

#endif
