# Runs PYRITE ARGS INPUT and compares stdout+exit status with EXPECTED.
# The expected file holds the output; a last line "[exit N]" is added when
# the status is not 0.
separate_arguments(arg_list UNIX_COMMAND "${ARGS}")
execute_process(COMMAND ${PYRITE} ${arg_list} ${INPUT}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  string(APPEND out "[exit ${status}]\n")
endif()
file(READ ${EXPECTED} expected)
if(NOT out STREQUAL expected)
  file(WRITE ${INPUT}.actual "${out}")
  message(FATAL_ERROR "output differs from ${EXPECTED}\n--- got:\n${out}\n--- stderr:\n${err}\n--- expected:\n${expected}")
endif()
