# NAD_SANITIZE: AddressSanitizer + UndefinedBehaviorSanitizer on every target of this build.
# The first finding aborts the program (no recovery), so a test that trips one fails.
# LibTorch, OpenCV and SQLite come from Debian uninstrumented; ASan still sees every heap block
# they hand us, and their own leaks are suppressed by name in tests/sanitizers/lsan.supp.
#
# NAD_FUZZ (clang only) adds libFuzzer's coverage instrumentation to the same flags; the fuzz
# targets link libFuzzer's main (tests/fuzz).
if(NOT NAD_SANITIZE)
    return()
endif()

if(NAD_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "NAD_FUZZ needs clang (libFuzzer): configure with -DCMAKE_CXX_COMPILER=clang++")
endif()

set(NAD_SANITIZER_FLAGS -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
if(NAD_FUZZ)
    list(APPEND NAD_SANITIZER_FLAGS -fsanitize=fuzzer-no-link)
endif()
add_compile_options(${NAD_SANITIZER_FLAGS} -g1)
add_link_options(-fsanitize=address,undefined)

# Environment for running the instrumented tests (ctest sets it per test; see tests/core).
set(NAD_SANITIZER_ENV
    "ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1"
    "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
    "LSAN_OPTIONS=suppressions=${CMAKE_SOURCE_DIR}/tests/sanitizers/lsan.supp:print_suppressions=0")
