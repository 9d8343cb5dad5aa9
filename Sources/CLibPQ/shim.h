#ifndef CARBURETOR_CLIBPQ_SHIM_H
#define CARBURETOR_CLIBPQ_SHIM_H
// The libpq client API; pkg-config `libpq` supplies the include path.
#include <libpq-fe.h>
#endif
