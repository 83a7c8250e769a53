# Fails when any of FILES (a ;-list of executables or shared libraries) links Qt.
#  - No Qt library may be a direct dependency (ELF NEEDED entries): the engine itself never
#    links Qt.
#  - No Qt 6 library (the Qt NAD Studio's GUI uses) may appear among all loaded libraries.
#  - Debian's libtorch_cpu.so 1.13 itself depends on libopencv_highgui, which loads Qt 5; that
#    comes with the distribution's LibTorch, not from our code, and is reported, not failed.
string(REPLACE "\"" "" FILES "${FILES}")
list(LENGTH FILES n)
if(n EQUAL 0)
    message(FATAL_ERROR "no files given")
endif()
foreach(file IN LISTS FILES)
    execute_process(COMMAND readelf -d ${file} OUTPUT_VARIABLE dynamic RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "readelf failed on ${file}")
    endif()
    if(dynamic MATCHES "NEEDED[^\n]*(libQt[0-9A-Za-z]*)")
        message(FATAL_ERROR "${file} links Qt directly (${CMAKE_MATCH_1}); core must stay Qt-free")
    endif()
    execute_process(COMMAND ldd ${file} OUTPUT_VARIABLE deps RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "ldd failed on ${file}")
    endif()
    if(deps MATCHES "libQt6[0-9A-Za-z]*")
        message(FATAL_ERROR "${file} loads ${CMAKE_MATCH_0}; core must stay Qt-free")
    endif()
    if(deps MATCHES "libQt5")
        message(STATUS "${file}: no Qt linked; Qt 5 is loaded only through Debian's libtorch_cpu -> libopencv_highgui")
    else()
        message(STATUS "${file}: no Qt at all")
    endif()
endforeach()
