# Generators for the front end. Output always goes to ${CMAKE_BINARY_DIR}/gen,
# never into the source tree.
find_program(RE2C re2c)
find_program(LEMON lemon)
if(NOT RE2C)
  message(FATAL_ERROR "re2c not found: apt-get install re2c (./dev does this)")
endif()
if(NOT LEMON)
  message(FATAL_ERROR "lemon not found: apt-get install lemon (./dev does this)")
endif()
get_filename_component(_lemon_dir ${LEMON} DIRECTORY)
find_file(LEMON_TEMPLATE lempar.c HINTS ${_lemon_dir}/../share/lemon ${_lemon_dir}
          NO_DEFAULT_PATH)
if(NOT LEMON_TEMPLATE)
  message(FATAL_ERROR "lemon's template lempar.c not found")
endif()

set(KAA_GEN_DIR ${CMAKE_BINARY_DIR}/gen)
file(MAKE_DIRECTORY ${KAA_GEN_DIR})

# kaa_add_lemon(<out-var> <grammar.y>): lemon exits 1 on any conflict, so a
# conflict fails the build.
function(kaa_add_lemon outvar grammar)
  get_filename_component(name ${grammar} NAME_WE)
  set(c ${KAA_GEN_DIR}/${name}.c)
  set(h ${KAA_GEN_DIR}/${name}.h)
  add_custom_command(
    OUTPUT ${c} ${h}
    COMMAND ${LEMON} -q -s -d${KAA_GEN_DIR} -T${LEMON_TEMPLATE} ${grammar}
    DEPENDS ${grammar} ${LEMON_TEMPLATE}
    COMMENT "lemon ${name}.y"
    VERBATIM)
  set_source_files_properties(${c} PROPERTIES COMPILE_OPTIONS
    "-Wno-unused-variable;-Wno-unused-but-set-variable;-Wno-unused-parameter;-Wno-implicit-fallthrough")
  set(${outvar} ${c} ${h} PARENT_SCOPE)
endfunction()

# kaa_add_re2c(<out-var> <lexer.re>)
function(kaa_add_re2c outvar source)
  get_filename_component(name ${source} NAME_WE)
  set(c ${KAA_GEN_DIR}/${name}_gen.c)
  add_custom_command(
    OUTPUT ${c}
    COMMAND ${RE2C} -W --no-generation-date --no-version -o ${c} ${source}
    DEPENDS ${source}
    COMMENT "re2c ${name}.re"
    VERBATIM)
  set_source_files_properties(${c} PROPERTIES COMPILE_OPTIONS
    "-Wno-unused-label;-Wno-implicit-fallthrough")
  set(${outvar} ${c} PARENT_SCOPE)
endfunction()
