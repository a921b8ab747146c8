# Install rules and the Debian package (CPack). The standard layout, relative to the
# prefix: bin/refuge, bin/refuge-cli; share/refuge/resources (profiles, standards,
# icons, templates), share/refuge/translations (*.qm, also embedded in refuge;
# installed by app/desktop), share/refuge/maps (the sample
# projects); share/doc/refuge. The executables find their resources as
# ../share/refuge/resources at run time (core/util/Resources.cpp): nothing of the source
# tree is compiled in, and the build tree's pointer files (refuge-resources.path) are
# never installed. `cpack -G DEB` in the build folder makes refuge_<version>_amd64.deb;
# tests/package checks it.
include(GNUInstallDirs)
set(REFUGE_INSTALL_DATADIR ${CMAKE_INSTALL_DATADIR}/refuge)

install(TARGETS refuge-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
# Shared core layers (REFUGE_SHARED_CORE, a developer build) go to lib/refuge, found
# through the programs' run path; the package is made from the static default build.
if(REFUGE_SHARED_CORE)
  include(${PROJECT_SOURCE_DIR}/core/Layers.cmake)
  foreach(layer ${REFUGE_LAYERS})
    install(TARGETS refuge_${layer} LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}/refuge)
  endforeach()
  set_property(TARGET refuge-cli APPEND PROPERTY INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}/refuge")
  if(TARGET refuge)
    set_property(TARGET refuge APPEND PROPERTY INSTALL_RPATH "$ORIGIN/../${CMAKE_INSTALL_LIBDIR}/refuge")
  endif()
endif()
if(TARGET refuge)
  install(TARGETS refuge RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()

install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/ DESTINATION ${REFUGE_INSTALL_DATADIR}/resources
  PATTERN "translations" EXCLUDE)
# The samples: projects and their data only (no results of earlier runs, no build scripts).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/maps/ DESTINATION ${REFUGE_INSTALL_DATADIR}/maps
  FILES_MATCHING PATTERN "*.refuge" PATTERN "*.gpkg" PATTERN "*.osm" PATTERN "*.mbtiles" PATTERN "*.geojson"
  PATTERN "*.xlsx" PATTERN "SOURCES.md"
  PATTERN "results" EXCLUDE PATTERN "osm" EXCLUDE)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/packaging/copyright
  DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/refuge)
# Debian wants the changelog and the manual pages gzipped (-9, without a time stamp).
if(UNIX AND NOT APPLE)
  set(REFUGE_GZ_DIR ${PROJECT_BINARY_DIR}/packaging)
  set(REFUGE_MAN_PAGES refuge-cli.1)
  if(TARGET refuge)
    list(APPEND REFUGE_MAN_PAGES refuge.1)
  endif()
  foreach(file changelog ${REFUGE_MAN_PAGES})
    set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/packaging/${file})
    file(MAKE_DIRECTORY ${REFUGE_GZ_DIR})
    execute_process(COMMAND gzip -9 -n -c ${PROJECT_SOURCE_DIR}/packaging/${file}
      OUTPUT_FILE ${REFUGE_GZ_DIR}/${file}.gz COMMAND_ERROR_IS_FATAL ANY)
  endforeach()
  install(FILES ${REFUGE_GZ_DIR}/changelog.gz DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/refuge)
  list(TRANSFORM REFUGE_MAN_PAGES APPEND .gz)
  list(TRANSFORM REFUGE_MAN_PAGES PREPEND ${REFUGE_GZ_DIR}/)
  install(FILES ${REFUGE_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endif()
if(UNIX AND NOT APPLE AND TARGET refuge)
  install(FILES ${PROJECT_SOURCE_DIR}/packaging/refuge.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
endif()

# Windows: Qt's DLLs and plugins next to the executables (windeployqt, from the Qt the
# build found). The other DLLs (GDAL, PROJ, GEOS, CBC...) are installed by vcpkg's
# toolchain (X_VCPKG_APPLOCAL_DEPS_INSTALL, set by the windows-msvc preset). Untested:
# nothing here can build for Windows (README).
if(WIN32)
  if(TARGET Qt6::qmake)
    get_target_property(REFUGE_QMAKE Qt6::qmake IMPORTED_LOCATION)
    get_filename_component(REFUGE_QT_BIN "${REFUGE_QMAKE}" DIRECTORY)
  endif()
  find_program(REFUGE_WINDEPLOYQT windeployqt HINTS "${REFUGE_QT_BIN}")
  if(NOT REFUGE_WINDEPLOYQT)
    message(WARNING "windeployqt not found: the install step will not copy Qt's DLLs")
  endif()
  set(REFUGE_DEPLOYED refuge-cli.exe)
  if(TARGET refuge)
    list(APPEND REFUGE_DEPLOYED refuge.exe)
  endif()
  foreach(exe ${REFUGE_DEPLOYED})
    if(REFUGE_WINDEPLOYQT)
      install(CODE "execute_process(COMMAND \"${REFUGE_WINDEPLOYQT}\" --no-compiler-runtime --no-translations
        \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${exe}\" COMMAND_ERROR_IS_FATAL ANY)")
    endif()
  endforeach()
endif()

# The Debian package: refuge_<version>_<arch>.deb, its shared-library dependencies found
# by dpkg-shlibdeps, plus what the libraries load at run time (Qt's platform plugins).
set(CPACK_PACKAGE_NAME refuge)
set(CPACK_PACKAGE_VENDOR "Refuge project")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "desktop GIS for emergency planners")
set(CPACK_PACKAGE_DESCRIPTION "Hazards, shelters, fire stations and communities on one map, with\n network-based coverage, shelter capacity, fire response and standards checks.\n Includes the desktop application (refuge), the command line (refuge-cli)\n and two sample projects (Cambridge, MA and Shanghai).")
set(REFUGE_PACKAGE_MAINTAINER "Refuge project <refuge@example.org>" CACHE STRING
  "Maintainer field of the .deb (a placeholder until the project has a contact address)")
set(CPACK_PACKAGE_CONTACT "${REFUGE_PACKAGE_MAINTAINER}")
set(CPACK_STRIP_FILES ON)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "fonts-noto-cjk, qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
