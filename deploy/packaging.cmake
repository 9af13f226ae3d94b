# Debian packages, built by CPack from a configured build tree (deploy/package.sh does it all):
#   cmake --preset release && cmake --build --preset release && (cd build/release && cpack -G DEB)
#   endless-aisle-kiosk        kiosk, kioskctl, assets, /etc/endless-aisle/kiosk.toml (a conffile),
#                              the systemd units; postinst makes the endless-aisle system user and
#                              /var/lib/endless-aisle, /var/cache/endless-aisle
#   endless-aisle-central-api  the reference commerce API and its unit; user endless-aisle-api
# Depends: the shared libraries' packages (dpkg-shlibdeps), plus what is loaded at run time and
# so invisible to it (cage, fonts, espeak-ng's voices, Mesa's drivers).
include(GNUInstallDirs)

set(KIOSK_DEB_DIR ${PROJECT_SOURCE_DIR}/deploy/debian)
set(KIOSK_UNIT_DIR /lib/systemd/system)

install(TARGETS kiosk kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT kiosk)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/endless-aisle/assets COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/kiosk.example.toml DESTINATION /etc/endless-aisle RENAME kiosk.toml
        PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/endless-aisle-kiosk.service
              ${PROJECT_SOURCE_DIR}/deploy/systemd/endless-aisle-kiosk-cooldown.service
        DESTINATION ${KIOSK_UNIT_DIR} COMPONENT kiosk)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/README.md ${PROJECT_SOURCE_DIR}/deploy/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/endless-aisle-kiosk COMPONENT kiosk)

install(TARGETS central-api RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR} COMPONENT central_api)
install(FILES ${PROJECT_SOURCE_DIR}/deploy/systemd/endless-aisle-central-api.service
        DESTINATION ${KIOSK_UNIT_DIR} COMPONENT central_api)
install(FILES ${PROJECT_SOURCE_DIR}/central_api/README.md ${PROJECT_SOURCE_DIR}/deploy/debian/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/endless-aisle-central-api COMPONENT central_api)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME endless-aisle)
set(CPACK_PACKAGE_VENDOR "Endless-aisle kiosk project")
set(CPACK_PACKAGE_CONTACT "Endless-aisle kiosk team <kiosk@maison-lumiere.example>")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL kiosk central_api)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE 1 CACHE STRING "Debian revision of the packages (an upgrade needs a higher one)")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION misc)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_ENABLE_COMPONENT_DEPENDS OFF)

set(CPACK_DEBIAN_KIOSK_PACKAGE_NAME endless-aisle-kiosk)
set(CPACK_COMPONENT_KIOSK_DESCRIPTION
    "Endless-aisle kiosk for a store's touchscreen\n The retailer's whole catalogue, the stock of every store and warehouse, and orders\n for delivery or store pickup, on a fullscreen touchscreen terminal run by systemd in cage.")
set(CPACK_DEBIAN_KIOSK_PACKAGE_DEPENDS "cage, fonts-noto-core, espeak-ng-data, libgl1-mesa-dri, passwd")
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_EXTRA
    ${KIOSK_DEB_DIR}/kiosk/conffiles ${KIOSK_DEB_DIR}/kiosk/postinst ${KIOSK_DEB_DIR}/kiosk/prerm ${KIOSK_DEB_DIR}/kiosk/postrm)
set(CPACK_DEBIAN_KIOSK_PACKAGE_CONTROL_STRICT_PERMISSION ON)

set(CPACK_DEBIAN_CENTRAL_API_PACKAGE_NAME endless-aisle-central-api)
set(CPACK_COMPONENT_CENTRAL_API_DESCRIPTION
    "Endless-aisle reference commerce API with a demo retailer\n The kiosk commerce API over SQLite, with a generated demo retailer: for demonstrations,\n tests and a fleet's test bench.")
set(CPACK_DEBIAN_CENTRAL_API_PACKAGE_DEPENDS "passwd")
set(CPACK_DEBIAN_CENTRAL_API_PACKAGE_CONTROL_EXTRA
    ${KIOSK_DEB_DIR}/central-api/postinst ${KIOSK_DEB_DIR}/central-api/prerm ${KIOSK_DEB_DIR}/central-api/postrm)
set(CPACK_DEBIAN_CENTRAL_API_PACKAGE_CONTROL_STRICT_PERMISSION ON)

include(CPack)
