# Runs `PYRITE ARGS INPUT` in WORKDIR (default: the current directory) and
# compares STREAM (stdout, the default, or stderr) plus the exit status with
# the EXPECTED file. The expected file holds the output; a last line
# "[exit N]" is added when the status is not 0, and @DIR@ stands for the
# absolute path of WORKDIR.
separate_arguments(arg_list UNIX_COMMAND "${ARGS}")
if(NOT WORKDIR)
  set(WORKDIR .)
endif()
execute_process(COMMAND ${PYRITE} ${arg_list} ${INPUT}
  WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(STREAM STREQUAL "stderr")
  set(got "${err}")
  set(other "${out}")
else()
  set(got "${out}")
  set(other "${err}")
endif()
if(NOT status EQUAL 0)
  string(APPEND got "[exit ${status}]\n")
endif()
file(READ ${EXPECTED} expected)
get_filename_component(absdir "${WORKDIR}" ABSOLUTE)
string(REPLACE "@DIR@" "${absdir}" expected "${expected}")
if(NOT got STREQUAL expected)
  message(FATAL_ERROR "${STREAM} differs from ${EXPECTED}\n--- got:\n${got}\n--- other stream:\n${other}\n--- expected:\n${expected}")
endif()
