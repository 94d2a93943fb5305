# The bytecode cache of imported modules (docs/bytecode_cache.md): runs
# tests/bytecode_cache/main.py, which imports stdlib and local modules, with
# an empty cache, a warm one and the cache off, and checks the outputs are
# the same; that the cache is read (a changed source whose mtime and size
# are put back still runs the cached code) and invalidated (a new mtime,
# same size, runs the new source).
#   -DPYRITE=binary -DSRCDIR=tests/bytecode_cache -DWORKDIR=scratch folder
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
file(COPY ${SRCDIR}/ DESTINATION ${WORKDIR}/src)
set(src ${WORKDIR}/src)

function(run_main xdg flags outvar)
  execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=PYTHONDONTWRITEBYTECODE XDG_CACHE_HOME=${xdg}
                          ${PYRITE} -X jit=off ${flags} main.py
    WORKING_DIRECTORY ${src} OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE status)
  set(${outvar} "${out}--- stderr\n${err}[exit ${status}]\n" PARENT_SCOPE)
endfunction()

function(expect_same what got expected)
  if(NOT got STREQUAL expected)
    message(FATAL_ERROR "${what} differs\n--- got:\n${got}\n--- expected:\n${expected}")
  endif()
endfunction()

run_main(${WORKDIR}/xdg "" cold)
foreach(needed "version one" "ZeroDivisionError" "1 // (i - 2)" "[exit 1]")
  string(FIND "${cold}" "${needed}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the first run's output lacks '${needed}':\n${cold}")
  endif()
endforeach()
foreach(name enum re.__init__ _compiler functools collections.__init__ cache_consts inner cache_pkg.__init__
             cache_version)
  file(GLOB found ${WORKDIR}/xdg/pyrite/*-${name}.pyrc)
  if(NOT found)
    message(FATAL_ERROR "no cache file for ${name} in ${WORKDIR}/xdg/pyrite")
  endif()
endforeach()

run_main(${WORKDIR}/xdg "" warm)
expect_same("the warm cache's output" "${warm}" "${cold}")

# Off, and -B: the same output, and nothing written.
run_main(${WORKDIR}/xdg_off "-X;bytecode-cache=off" off)
expect_same("-X bytecode-cache=off's output" "${off}" "${cold}")
run_main(${WORKDIR}/xdg_b "-B" nowrite)
expect_same("-B's output" "${nowrite}" "${cold}")
if(EXISTS ${WORKDIR}/xdg_off/pyrite OR EXISTS ${WORKDIR}/xdg_b/pyrite)
  message(FATAL_ERROR "a cache was written with the cache off or -B")
endif()

# A new source of the same size whose mtime is put back: the cache is used.
execute_process(COMMAND touch -r ${src}/cache_version.py ${WORKDIR}/stamp)
file(WRITE ${src}/cache_version.py "VERSION = \"version two\"\n")
execute_process(COMMAND touch -r ${WORKDIR}/stamp ${src}/cache_version.py)
run_main(${WORKDIR}/xdg "" stale)
expect_same("the output with the source's stamp put back" "${stale}" "${cold}")

# A new mtime: the new source runs, and is cached in turn.
execute_process(COMMAND touch -d "2001-02-03 04:05:06" ${src}/cache_version.py)
string(REPLACE "version one" "version two" expected_two "${cold}")
run_main(${WORKDIR}/xdg "" fresh)
expect_same("the output after the source changed" "${fresh}" "${expected_two}")
run_main(${WORKDIR}/xdg "" fresh_warm)
expect_same("the warm output after the source changed" "${fresh_warm}" "${expected_two}")
