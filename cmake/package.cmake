# What `cmake --install` adds for programs of others, and the .deb packages.
#
#   lib/cmake/stancegraph/   find_package(stancegraph CONFIG): stancegraph::<module>
#   lib/pkgconfig/stancegraph.pc
#
# `cpack -G DEB` (in the build directory) makes two Debian packages:
#   stancegraph        the program, its lexicons, man page and completions
#                      (component "runtime"; Depends from dpkg-shlibdeps)
#   libstancegraph-dev headers, static libraries, CMake and pkg-config files
#                      (component "dev"; Depends on the -dev packages)
include(CMakePackageConfigHelpers)

set(SG_CMAKE_PACKAGE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/stancegraph)
set(SG_INSTALL_LEXICON_DIR share/stancegraph/lexicons)
install(EXPORT stancegraphTargets NAMESPACE stancegraph:: DESTINATION ${SG_CMAKE_PACKAGE_DIR}
  COMPONENT dev)
configure_package_config_file(${CMAKE_CURRENT_LIST_DIR}/stancegraphConfig.cmake.in
  ${CMAKE_BINARY_DIR}/cmake/stancegraphConfig.cmake
  INSTALL_DESTINATION ${SG_CMAKE_PACKAGE_DIR}
  PATH_VARS SG_INSTALL_LEXICON_DIR)
# 0.x: a new minor version may change the API.
write_basic_package_version_file(${CMAKE_BINARY_DIR}/cmake/stancegraphConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_BINARY_DIR}/cmake/stancegraphConfig.cmake
  ${CMAKE_BINARY_DIR}/cmake/stancegraphConfigVersion.cmake
  DESTINATION ${SG_CMAKE_PACKAGE_DIR} COMPONENT dev)

# pkg-config: relocatable (paths from the .pc file's own directory).
file(RELATIVE_PATH SG_PC_PREFIX_FROM_PCDIR /${CMAKE_INSTALL_LIBDIR}/pkgconfig /)
string(REGEX REPLACE "/$" "" SG_PC_PREFIX_FROM_PCDIR "${SG_PC_PREFIX_FROM_PCDIR}")
set(SG_PC_REQUIRES "nlohmann_json absl_status absl_statusor absl_strings absl_str_format \
absl_time absl_flat_hash_map absl_flat_hash_set absl_span rocksdb gumbo pugixml re2 icu-uc icu-i18n")
configure_file(${CMAKE_CURRENT_LIST_DIR}/stancegraph.pc.in ${CMAKE_BINARY_DIR}/stancegraph.pc @ONLY)
install(FILES ${CMAKE_BINARY_DIR}/stancegraph.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig
  COMPONENT dev)

# Debian packages.
set(SG_PACKAGE_CONTACT "stancegraph maintainers" CACHE STRING
  "The Maintainer field of the .deb packages (\"Name <address>\")")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stancegraph)
set(CPACK_PACKAGE_VENDOR stancegraph)
set(CPACK_PACKAGE_CONTACT "${SG_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
  "turns news articles into stance claims and answers who agrees, who contradicts whom")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_COMPONENTS_ALL runtime dev)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_NAME stancegraph)
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SECTION text)
set(CPACK_DEBIAN_RUNTIME_DESCRIPTION
  "turns news articles into stance claims
 stancegraph reads news articles (text, HTML, RSS/Atom, JSON lines, GDELT),
 extracts who holds which position on what, with the sentence that says so,
 keeps the claims in an embedded RocksDB database and answers who agrees, who
 contradicts whom and who changed position; `stancegraph report` writes
 periodic contradiction reports.")
set(CPACK_DEBIAN_RUNTIME_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME libstancegraph-dev)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
set(CPACK_DEBIAN_DEV_DESCRIPTION
  "stancegraph embedded engine (development files)
 Headers, static libraries, CMake package (find_package(stancegraph)) and
 pkg-config file of the stancegraph engine, importers and queries.")
# The static libraries need the libraries they link, as development packages.
set(CPACK_DEBIAN_DEV_PACKAGE_DEPENDS
  "stancegraph (= ${PROJECT_VERSION}), librocksdb-dev, libboost-graph-dev, libabsl-dev, \
nlohmann-json3-dev, libicu-dev, libgumbo-dev, libpugixml-dev, libre2-dev, pkg-config")
include(CPack)
