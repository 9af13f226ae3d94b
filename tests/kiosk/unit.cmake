# Unit tests of the kiosk's pure parts: the reducer, the translations and locale formats, the
# configuration file, the barcode-scanner keystroke detection and the printed ticket. No window, no server, no sleep.
# Included from tests/kiosk/CMakeLists.txt; one ctest entry per test file.
add_executable(kiosk_unit_tests
  ${CMAKE_CURRENT_SOURCE_DIR}/main.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_reducer.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_i18n.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_config.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_scan.cpp
  ${CMAKE_CURRENT_SOURCE_DIR}/test_ticket.cpp
)
target_link_libraries(kiosk_unit_tests PRIVATE kiosk_app doctest::doctest)
# The i18n test scans the kiosk sources for translation keys and reads assets/i18n.
target_compile_definitions(kiosk_unit_tests PRIVATE KIOSK_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
kiosk_warnings(kiosk_unit_tests)

foreach(unit reducer i18n config scan ticket)
  add_test(NAME kiosk.${unit} COMMAND kiosk_unit_tests --source-file=*test_${unit}.cpp)
  set_tests_properties(kiosk.${unit} PROPERTIES TIMEOUT 120)
endforeach()
