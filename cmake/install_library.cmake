# sg_install_library(<target> <name>): installs a module library as
# stancegraph::<name> (lib/libstancegraph_<name>.a) with the module's public
# headers (include/stancegraph/<module>/), in the export set the package
# config (cmake/package.cmake) writes. Development files only: component
# "dev" (the libstancegraph-dev package).
function(sg_install_library target name)
  set_target_properties(${target} PROPERTIES EXPORT_NAME ${name} OUTPUT_NAME stancegraph_${name})
  # Programs that link the libraries compile as C++20 too.
  target_compile_features(${target} PUBLIC cxx_std_20)
  install(TARGETS ${target} EXPORT stancegraphTargets
    ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
    LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev
    INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
  install(DIRECTORY ${CMAKE_CURRENT_SOURCE_DIR}/include/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
    COMPONENT dev FILES_MATCHING PATTERN "*.h")
endfunction()
