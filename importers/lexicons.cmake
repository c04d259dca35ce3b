# The shipped lexicon directory, share/stancegraph/lexicons, laid out in the
# build tree as it is installed: the JSON lexicons, wordnet.bin (WordNet 3.0
# compiled by tools/wordnet_compile.cc) and WORDNET-LICENSE. A program finds
# it at <its own directory>/../share/stancegraph/lexicons, so every program
# one level below the build directory (cli/, tests/, bench/, examples/,
# fuzz/) and an installed bin/stancegraph all find theirs.
set(SG_LEXICON_BUILD_DIR ${CMAKE_BINARY_DIR}/share/stancegraph/lexicons)
set(SG_WORDNET_DIR /usr/share/wordnet CACHE PATH
  "WordNet 3.0 dictionary directory (index.*, data.*, *.exc; Debian package wordnet-base)")
set(SG_WORDNET_LICENSE /usr/share/doc/wordnet-base/copyright CACHE FILEPATH
  "The WordNet licence, shipped beside the table as WORDNET-LICENSE")
if(NOT EXISTS ${SG_WORDNET_DIR}/index.verb)
  message(FATAL_ERROR
    "WordNet 3.0 not found: ${SG_WORDNET_DIR}/index.verb is missing. Install the Debian "
    "package wordnet-base (apt-get install wordnet-base, or run scripts/setup.sh), or point "
    "-DSG_WORDNET_DIR at a WordNet 3.0 dict directory.")
endif()
if(NOT EXISTS ${SG_WORDNET_LICENSE})
  message(FATAL_ERROR
    "The WordNet licence ${SG_WORDNET_LICENSE} is missing (Debian package wordnet-base); "
    "point -DSG_WORDNET_LICENSE at the licence file of your WordNet 3.0.")
endif()
file(MAKE_DIRECTORY ${SG_LEXICON_BUILD_DIR})

# A host program run by the build, never by the library.
add_executable(wordnet_compile ${CMAKE_CURRENT_SOURCE_DIR}/tools/wordnet_compile.cc)
target_include_directories(wordnet_compile PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/src)
target_link_libraries(wordnet_compile PRIVATE sg_warnings)

set(SG_WORDNET_INPUTS)
foreach(pos noun verb adj adv)
  list(APPEND SG_WORDNET_INPUTS ${SG_WORDNET_DIR}/index.${pos} ${SG_WORDNET_DIR}/${pos}.exc)
endforeach()
foreach(pos noun verb adj)
  list(APPEND SG_WORDNET_INPUTS ${SG_WORDNET_DIR}/data.${pos})
endforeach()
add_custom_command(
  OUTPUT ${SG_LEXICON_BUILD_DIR}/wordnet.bin
  COMMAND wordnet_compile ${SG_WORDNET_DIR} ${SG_LEXICON_BUILD_DIR}/wordnet.bin
  DEPENDS wordnet_compile ${SG_WORDNET_INPUTS}
  COMMENT "Compiling WordNet 3.0 into share/stancegraph/lexicons/wordnet.bin"
  VERBATIM)
add_custom_command(
  OUTPUT ${SG_LEXICON_BUILD_DIR}/WORDNET-LICENSE
  COMMAND ${CMAKE_COMMAND} -E copy ${SG_WORDNET_LICENSE} ${SG_LEXICON_BUILD_DIR}/WORDNET-LICENSE
  DEPENDS ${SG_WORDNET_LICENSE}
  VERBATIM)

# The JSON lexicons: each copied again when it changes; the glob re-runs at
# build time, so a new file is picked up and a deleted one's copy removed.
file(GLOB SG_LEXICON_SOURCES CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/lexicons/*.json)
set(SG_LEXICON_OUTPUTS ${SG_LEXICON_BUILD_DIR}/wordnet.bin ${SG_LEXICON_BUILD_DIR}/WORDNET-LICENSE)
set(SG_LEXICON_NAMES)
foreach(src ${SG_LEXICON_SOURCES})
  get_filename_component(name ${src} NAME)
  list(APPEND SG_LEXICON_NAMES ${name})
  add_custom_command(
    OUTPUT ${SG_LEXICON_BUILD_DIR}/${name}
    COMMAND ${CMAKE_COMMAND} -E copy ${src} ${SG_LEXICON_BUILD_DIR}/${name}
    DEPENDS ${src}
    VERBATIM)
  list(APPEND SG_LEXICON_OUTPUTS ${SG_LEXICON_BUILD_DIR}/${name})
endforeach()
file(GLOB SG_LEXICON_COPIES ${SG_LEXICON_BUILD_DIR}/*.json)
foreach(copy ${SG_LEXICON_COPIES})
  get_filename_component(name ${copy} NAME)
  if(NOT name IN_LIST SG_LEXICON_NAMES)
    file(REMOVE ${copy})
  endif()
endforeach()
add_custom_target(sg_lexicons ALL DEPENDS ${SG_LEXICON_OUTPUTS})

# Installed as laid out here: bin/stancegraph finds ../share/stancegraph/lexicons.
install(DIRECTORY ${SG_LEXICON_BUILD_DIR}/ DESTINATION share/stancegraph/lexicons
  COMPONENT runtime FILES_MATCHING PATTERN "*.json" PATTERN "wordnet.bin" PATTERN "WORDNET-LICENSE")
