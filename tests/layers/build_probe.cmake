# Builds TARGET in BUILD_DIR and checks the outcome (tests/layers/CMakeLists.txt):
# EXPECT=fail: the build must fail with SYMBOL undefined (the upward call), nothing else;
# EXPECT=pass: the build must succeed.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${TARGET}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE out)
if(EXPECT STREQUAL "fail")
  if(rc EQUAL 0)
    message(FATAL_ERROR "${TARGET} linked although it calls up a layer:\n${out}")
  endif()
  if(NOT out MATCHES "(undefined reference to|unresolved external symbol)[^\n]*${SYMBOL}")
    message(FATAL_ERROR "${TARGET} failed, but not on the upward call to ${SYMBOL}:\n${out}")
  endif()
  message(STATUS "${TARGET}: the call up a layer (${SYMBOL}) does not link, as it must not")
else()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${TARGET} did not build:\n${out}")
  endif()
  message(STATUS "${TARGET}: the call down a layer links")
endif()
