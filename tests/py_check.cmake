# Runs one Python test program: `PYRITE FLAGS NAME.py` in WORKDIR (so
# tracebacks say File "NAME.py"), with a timeout, and compares
#   stdout              with WORKDIR/NAME.out,
#   stderr + "[exit N]" with WORKDIR/NAME.err when that file exists (the
#                       "[exit N]" line only when the status N is not 0),
#   otherwise stderr must be empty and the status 0.
# Expected files come from CPython 3.11 (tests/py/regen.py). CPython names
# the script by its absolute path in tracebacks, so expected files say @DIR@
# for the program's folder; it is replaced by WORKDIR's real path here.
# Parameters: PYRITE, FLAGS (space-separated), WORKDIR, NAME, optional
# TIMEOUT (seconds, default 50) and OUTDIR (where got/expected copies are
# written for the diff; default: the current directory).
if(NOT PYRITE OR NOT WORKDIR OR NOT NAME)
  message(FATAL_ERROR "py_check.cmake needs -DPYRITE=... -DWORKDIR=... -DNAME=...")
endif()
if(NOT TIMEOUT)
  set(TIMEOUT 50)
endif()
if(NOT OUTDIR)
  set(OUTDIR .)
endif()
separate_arguments(flag_list UNIX_COMMAND "${FLAGS}")
execute_process(COMMAND ${PYRITE} ${flag_list} ${NAME}.py
  WORKING_DIRECTORY ${WORKDIR}
  TIMEOUT ${TIMEOUT}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)

if(NOT status MATCHES "^-?[0-9]+$")
  message("--- stdout:\n${out}\n--- stderr:\n${err}")
  message(FATAL_ERROR "${NAME}.py (flags: ${FLAGS}): ${status}")
endif()

# What stderr must be: NAME.err, or nothing with status 0.
set(got_err "${err}")
if(NOT status EQUAL 0)
  if(NOT got_err STREQUAL "" AND NOT got_err MATCHES "\n$")
    string(APPEND got_err "\n")
  endif()
  string(APPEND got_err "[exit ${status}]\n")
endif()
if(EXISTS ${WORKDIR}/${NAME}.err)
  file(READ ${WORKDIR}/${NAME}.err expected_err)
else()
  set(expected_err "")
endif()
file(READ ${WORKDIR}/${NAME}.out expected_out)
get_filename_component(realdir "${WORKDIR}" REALPATH)
string(REPLACE "@DIR@" "${realdir}" expected_out "${expected_out}")
string(REPLACE "@DIR@" "${realdir}" expected_err "${expected_err}")

find_program(DIFF_PROGRAM diff)
set(failures "")
# Appends a diff of got vs expected for STREAM to `failures`.
function(report stream got expected)
  set(text "")
  if(DIFF_PROGRAM)
    file(MAKE_DIRECTORY ${OUTDIR})
    set(g "${OUTDIR}/${NAME}.${stream}.got")
    set(e "${OUTDIR}/${NAME}.${stream}.expected")
    file(WRITE ${g} "${got}")
    file(WRITE ${e} "${expected}")
    execute_process(COMMAND ${DIFF_PROGRAM} -u --label expected --label got ${e} ${g}
      OUTPUT_VARIABLE text)
    string(LENGTH "${text}" len)
    if(len GREATER 20000)
      string(SUBSTRING "${text}" 0 20000 text)
      string(APPEND text "\n... (diff truncated)\n")
    endif()
  else()
    set(text "--- got:\n${got}\n--- expected:\n${expected}\n")
  endif()
  set(failures "${failures}\n=== ${stream} differs (- expected, + got):\n${text}" PARENT_SCOPE)
endfunction()

if(NOT out STREQUAL expected_out)
  report(stdout "${out}" "${expected_out}")
endif()
if(NOT got_err STREQUAL expected_err)
  report(stderr "${got_err}" "${expected_err}")
endif()
if(NOT failures STREQUAL "")
  # message() without a mode prints verbatim; FATAL_ERROR would reflow the diff.
  message("${WORKDIR}/${NAME}.py (flags: ${FLAGS}, exit status ${status}):${failures}")
  message(FATAL_ERROR "${NAME}.py: output differs from CPython's (diff above)")
endif()
