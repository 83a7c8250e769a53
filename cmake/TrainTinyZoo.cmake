# ctest fixture (app/fixture_tiny_zoo): trains the tiny zoo model the CLI suites share, once per
# test run, into a fresh folder. Run as: cmake -DNAD=<nad> -DZOO=<folder> -P TrainTinyZoo.cmake
# The arguments match tests/app/TinyZoo.h (tinyZooTrainArguments).
file(REMOVE_RECURSE "${ZOO}")
execute_process(
    COMMAND "${NAD}" zoo train --arch vgg --width 4 --epochs 1 --batch 256 --zoo "${ZOO}"
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "training the tiny zoo model failed (${result})")
endif()
if(NOT EXISTS "${ZOO}/vgg-w4-s1.json")
    message(FATAL_ERROR "the tiny zoo model is missing from '${ZOO}' after training")
endif()
