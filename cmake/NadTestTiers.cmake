# Test tiers as ctest labels, so everyday work runs the quick ones:
#   unit         fast suites of one unit each (ctest -L unit: a few minutes warm)
#   e2e          suites that train a model or learn paths end to end (CLI, studio, imports)
#   reliability  kill safety, the bad-input catalogue, sanitizer canaries
#   packaging    the Debian package's install test
# Every suite is `unit` unless its folder names another tier with nad_test_tier().
#
# NAD_TESTS_REQUIRE_DEPENDENCIES (CI turns it on through packaging/build.sh): a suite that
# skips because something packaging/install-deps.sh installs is missing (Fashion-MNIST,
# python3-torch, SciPy) fails instead of passing quietly.
option(NAD_TESTS_REQUIRE_DEPENDENCIES "Make a test that skips for a missing dependency fail" OFF)

# Called by the functions that add suites: the default tier and the skip rule.
function(nad_test_defaults test)
    set_property(TEST ${test} PROPERTY LABELS unit)
    # CI runs two suites at once on two cores. OpenMP threads that spin while they wait (libgomp's
    # default) then steal each other's cores: measured here, the kill-safety suite's
    # uninterrupted studio run took 58 s beside tst_cli instead of 7 s alone, and its kill plans,
    # timed on that pace, landed in the wrong phase when the other suite ended. Waiting
    # passively, the same run took 9.5 s beside tst_cli (and tst_cli 110 s instead of 192 s);
    # alone, a learning step costs 10-25 % more. The variable reaches every child process.
    set_property(TEST ${test} APPEND PROPERTY ENVIRONMENT "OMP_WAIT_POLICY=PASSIVE")
    if(NAD_TESTS_REQUIRE_DEPENDENCIES)
        set_property(TEST ${test} PROPERTY FAIL_REGULAR_EXPRESSION "not installed")
    endif()
endfunction()

# nad_test_tier(<tier> <test>...): moves tests (defined in the calling folder) to a tier.
function(nad_test_tier tier)
    foreach(test IN LISTS ARGN)
        set_property(TEST ${test} PROPERTY LABELS ${tier})
    endforeach()
endfunction()
