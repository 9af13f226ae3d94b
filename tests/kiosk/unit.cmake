# Unit tests of the kiosk's pure parts: the reducer, the translations and locale formats, the
# configuration file and the printed ticket. No window, no server, no sleep. The binary links
# kiosk_core and kiosk_config only: no SDL, GL or curl (checked below after the build).
# Included from tests/kiosk/CMakeLists.txt; one ctest entry per test file.
add_executable(kiosk_unit_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/main.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_reducer_session.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_reducer_browse.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_reducer_staff.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_reducer_product.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_reducer_checkout.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_reducer_usage.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_i18n.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_config.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_ticket.cpp
)
target_link_libraries(kiosk_unit_tests PRIVATE kiosk_core kiosk_config doctest::doctest)
# The i18n test scans the kiosk sources for translation keys and reads assets/i18n.
target_compile_definitions(kiosk_unit_tests PRIVATE KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
kiosk_warnings(kiosk_unit_tests)

foreach(unit reducer i18n config ticket)
  add_test(NAME kiosk.${unit} COMMAND kiosk_unit_tests --source-file=*test_${unit}*.cpp)
  set_tests_properties(kiosk.${unit} PROPERTIES TIMEOUT 120)
endforeach()
# The pure core stays pure: the unit test binary needs no SDL, GL, curl or SQLite library, and
# no reducer or screen source includes a JSON parser (the compiler's dependency files say).
set(kiosk_objects ${PROJECT_BINARY_DIR}/kiosk/CMakeFiles)
add_test(NAME kiosk.core_is_pure COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:kiosk_unit_tests>
         "-DDEPFILE_GLOBS=${kiosk_objects}/kiosk_core.dir/reduce*.o.d\;${kiosk_objects}/kiosk_ui.dir/screens/*.o.d"
         -P ${CMAKE_CURRENT_SOURCE_DIR}/check_pure.cmake)

# The scanner's keystroke detection works on render's key events: its own small binary.
add_executable(kiosk_ui_unit_tests ${CMAKE_CURRENT_SOURCE_DIR}/main.cpp ${CMAKE_CURRENT_SOURCE_DIR}/test_scan.cpp)
target_link_libraries(kiosk_ui_unit_tests PRIVATE kiosk_ui doctest::doctest)
kiosk_warnings(kiosk_ui_unit_tests)
add_test(NAME kiosk.scan COMMAND kiosk_ui_unit_tests)
set_tests_properties(kiosk.scan PROPERTIES TIMEOUT 120)
