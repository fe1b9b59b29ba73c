// OpenBLAS's CBLAS interface (Debian: libopenblas-dev; pkg-config adds its include path).
#include <cblas.h>
