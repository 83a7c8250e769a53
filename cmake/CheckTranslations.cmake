# ctest i18n/complete: every user-visible string of the sources has a Chinese translation.
# Rescans the sources into a copy of the .ts (as `ninja update_translations` would), so a string
# added without translating it fails here, not in front of a user.
# Inputs: LUPDATE (the tool), SOURCE_DIR, TS (i18n/nad-studio_zh_CN.ts), WORK (a scratch folder).
cmake_policy(SET CMP0007 NEW)
file(MAKE_DIRECTORY "${WORK}")
get_filename_component(name "${TS}" NAME)
configure_file("${TS}" "${WORK}/${name}" COPYONLY)
execute_process(
    COMMAND "${LUPDATE}" app/studio widgets presentation app/figures/ProjectFigures.cpp -ts "${WORK}/${name}"
            -no-obsolete -locations none
    WORKING_DIRECTORY "${SOURCE_DIR}"
    RESULT_VARIABLE status OUTPUT_QUIET ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "lupdate failed: ${errors}")
endif()
file(READ "${WORK}/${name}" content)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n\r\t]*<translation type=\"unfinished\"" missing "${content}")
list(LENGTH missing count)
if(count GREATER 0)
    string(REPLACE ";" "\n" listed "${missing}")
    message(FATAL_ERROR "${count} string(s) without a translation in ${name} (run `ninja update_translations` and "
                        "translate them):\n${listed}")
endif()
message(STATUS "${name}: every string translated")
