// OpenBLAS's CBLAS interface, serial build (Debian: libopenblas-serial-dev; Package.swift
// adds its include and library folders).
#include <cblas.h>
