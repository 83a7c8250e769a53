# Generates nad/Version.h with the project version, so core, CLI and GUI report one number.
set(NAD_GENERATED_DIR ${CMAKE_BINARY_DIR}/generated)
configure_file(${CMAKE_SOURCE_DIR}/cmake/Version.h.in ${NAD_GENERATED_DIR}/nad/Version.h @ONLY)
