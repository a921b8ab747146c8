# The .deb end to end (cmake -P, run by CTest as tst_package_deb):
#  1. cpack -G DEB in the build tree → refuge_<VERSION>_<arch>.deb, dependencies declared;
#  2. dpkg-deb -x into an empty temporary folder outside the source tree: the standard
#     layout is there, no build-tree pointer file, no source path in the executables;
#  3. the installed refuge-cli runs `run` on a copy of the installed Cambridge sample,
#     from a working folder outside the tree, with REFUGE_RESOURCE_DIR unset: exit 0 and
#     the coverage and fire figures of the sample (the same as the build tree's run:
#     52,529 of 101,355 residents within 800 m of a shelter, 99,500 within 300 s).
# Inputs: BUILD_DIR, SOURCE_DIR, VERSION, CPACK.
cmake_minimum_required(VERSION 3.21)

# Fails the test; the temporary folder goes too unless REFUGE_KEEP_TEST_DIR is set.
function(fail)
  string(JOIN "" message ${ARGN})
  if(work AND NOT DEFINED ENV{REFUGE_KEEP_TEST_DIR})
    file(REMOVE_RECURSE "${work}")
  endif()
  message(FATAL_ERROR "tst_package_deb: ${message}")
endfunction()

function(run_checked out)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT rc EQUAL 0)
    fail("`${ARGN}` exited ${rc}:\n${stdout}\n${stderr}")
  endif()
  set(${out} "${stdout}" PARENT_SCOPE)
endfunction()

# A fresh folder outside the source tree.
set(tmp "$ENV{TMPDIR}")
if(NOT tmp)
  set(tmp /tmp)
endif()
string(RANDOM LENGTH 10 suffix)
set(work "${tmp}/refuge-tst-package-${suffix}")
string(FIND "${work}" "${SOURCE_DIR}/" inside)
if(inside EQUAL 0)
  fail("the temporary folder ${work} is inside the source tree")
endif()
file(MAKE_DIRECTORY "${work}/deb" "${work}/root" "${work}/run")

# 1. The package.
run_checked(arch dpkg --print-architecture)
string(STRIP "${arch}" arch)
run_checked(ignored ${CPACK} -G DEB -B "${work}/deb" --config "${BUILD_DIR}/CPackConfig.cmake")
set(deb "${work}/deb/refuge_${VERSION}_${arch}.deb")
if(NOT EXISTS "${deb}")
  file(GLOB made "${work}/deb/*.deb")
  fail("no ${deb} (made: ${made})")
endif()
run_checked(depends dpkg-deb -f "${deb}" Depends)
foreach(needed libgdal libproj libgeos-c libqt6core6 libqt6gui6 libqt6widgets6 qt6-qpa-plugins)
  string(FIND "${depends}" "${needed}" at)
  if(at EQUAL -1)
    fail("Depends lacks ${needed}: ${depends}")
  endif()
endforeach()

# 2. Unpacked: the layout, and nothing that points back to the source tree.
run_checked(ignored dpkg-deb -x "${deb}" "${work}/root")
set(usr "${work}/root/usr")
foreach(file bin/refuge-cli bin/refuge share/refuge/resources/profiles/walk.json
    share/refuge/resources/standards/shanghai.json share/refuge/resources/icons/shelter.svg
    share/refuge/translations/refuge_zh_CN.qm share/refuge/maps/cambridge/cambridge.refuge
    share/refuge/maps/cambridge/cambridge.gpkg share/refuge/maps/shanghai/shanghai.refuge
    share/doc/refuge/copyright)
  if(NOT EXISTS "${usr}/${file}")
    fail("the package has no /usr/${file}")
  endif()
endforeach()
file(GLOB_RECURSE pointers "${work}/root/*refuge-resources.path")
if(pointers)
  fail("the package carries the build tree's pointer file: ${pointers}")
endif()
string(REGEX REPLACE "([][+.*()^$?|\\\\])" "\\\\\\1" source_regex "${SOURCE_DIR}")
foreach(exe refuge-cli refuge)
  file(STRINGS "${usr}/bin/${exe}" hits REGEX "${source_regex}")
  if(hits)
    list(GET hits 0 first)
    fail("/usr/bin/${exe} contains the source path: ${first}")
  endif()
endforeach()

# 3. The installed CLI on the installed sample.
file(COPY "${usr}/share/refuge/maps/cambridge" DESTINATION "${work}/run")
execute_process(COMMAND ${CMAKE_COMMAND} -E env --unset=REFUGE_RESOURCE_DIR
    "${usr}/bin/refuge-cli" run cambridge/cambridge.refuge --out out
  WORKING_DIRECTORY "${work}/run" RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
if(NOT rc EQUAL 0)
  fail("installed refuge-cli run exited ${rc}:\n${stdout}\n${stderr}")
endif()
foreach(expected "coverage: 52529 of 101355 people within 800 m of a shelter (51.8 %)"
    "fire-coverage: 99500 of 101355 people reached within 300 s (98.2 %)")
  string(FIND "${stdout}" "${expected}" at)
  if(at EQUAL -1)
    fail("the run did not print '${expected}':\n${stdout}\n${stderr}")
  endif()
endforeach()
foreach(file out/results.json out/coverage/coverage.gpkg out/report/report.pdf)
  if(NOT EXISTS "${work}/run/${file}")
    fail("the run wrote no ${file}")
  endif()
endforeach()
file(REMOVE_RECURSE "${work}")
message(STATUS "tst_package_deb: ${deb} installed and ran (Depends: ${depends})")
