# nad_qt_test(<name> LIBS <targets...>): a Qt Test suite run headless by ctest, with its own
# settings and data folders so tests never touch the developer's.
find_package(Qt6 REQUIRED COMPONENTS Test)
include(NadTestTiers)
function(nad_qt_test name)
    cmake_parse_arguments(ARG "" "" "LIBS;DEFINES" ${ARGN})
    add_executable(${name} ${name}.cpp)
    set_target_properties(${name} PROPERTIES AUTOMOC ON)
    target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_LIBS})
    target_compile_definitions(${name} PRIVATE
        NAD_FASHION_MNIST_DIR="/usr/share/datasets/fashion-mnist" ${ARG_DEFINES})
    get_filename_component(area ${CMAKE_CURRENT_SOURCE_DIR} NAME)
    add_test(NAME ${area}/${name} COMMAND ${name})
    set(home ${CMAKE_CURRENT_BINARY_DIR}/${name}-home)
    set_tests_properties(${area}/${name} PROPERTIES ENVIRONMENT
        "QT_QPA_PLATFORM=offscreen;XDG_CONFIG_HOME=${home}/config;XDG_DATA_HOME=${home}/data;LC_ALL=C.UTF-8;QTEST_FUNCTION_TIMEOUT=1800000")
    nad_test_defaults(${area}/${name})
endfunction()
