# Install layout and the Debian package of nad and nad-studio (CPack DEB).
#   cmake --build build && cd build && cpack -G DEB   ->  nad-studio_<version>_amd64.deb
# The package installs the two programs, the desktop entry, the AppStream metainfo, the icon
# (SVG and PNGs rendered from it at build time) and the man pages. The translations are
# embedded in nad-studio (app/studio/CMakeLists.txt), so there is nothing else to install.
# packaging/test-deb.sh builds, installs, checks and removes the package (ctest:
# packaging/deb_install, as root only).
include(GNUInstallDirs)

set(NAD_APP_ID io.github.nadstudio.NadStudio)
set(NAD_ICON_SVG ${CMAKE_SOURCE_DIR}/resources/icons/nad-studio.svg)
set(NAD_ICON_SIZES 16 32 48 64 128 256)

if(NOT NAD_BUILD_GUI)
    return()  # the package is the two Qt programs
endif()

# PNG icons for the hicolor theme, rendered from the SVG with QtSvg (already a dependency),
# so they always match the window icon.
find_package(Qt6 REQUIRED COMPONENTS Gui Svg)
add_executable(nad-render-icon ${CMAKE_SOURCE_DIR}/packaging/render-icon.cpp)
target_link_libraries(nad-render-icon PRIVATE Qt6::Gui Qt6::Svg)
set(nad_icon_root ${CMAKE_BINARY_DIR}/icons/hicolor)
set(nad_icon_pngs)
foreach(size IN LISTS NAD_ICON_SIZES)
    list(APPEND nad_icon_pngs ${nad_icon_root}/${size}x${size}/apps/nad-studio.png)
endforeach()
add_custom_command(OUTPUT ${nad_icon_pngs}
    COMMAND nad-render-icon ${NAD_ICON_SVG} ${nad_icon_root} ${NAD_ICON_SIZES}
    DEPENDS nad-render-icon ${NAD_ICON_SVG}
    COMMENT "Rendering the application icon to PNG"
    VERBATIM)
add_custom_target(nad-icons ALL DEPENDS ${nad_icon_pngs})
add_dependencies(nad-studio nad-icons)

# Man pages, the version in their footer taken from the project, gzipped (-n: no time
# stamp, so the package is reproducible).
find_program(NAD_GZIP gzip REQUIRED)
set(nad_man_pages)
foreach(page nad nad-studio)
    file(READ ${CMAKE_SOURCE_DIR}/packaging/${page}.1 nad_man_text)
    string(REGEX REPLACE "\"NAD Studio [0-9][0-9.]*\"" "\"NAD Studio ${PROJECT_VERSION}\""
           nad_man_text "${nad_man_text}")
    file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/man/${page}.1 CONTENT "${nad_man_text}" @ONLY)
    add_custom_command(OUTPUT ${CMAKE_BINARY_DIR}/man/${page}.1.gz
        COMMAND sh -c "\"$1\" -9nc \"$2\" > \"$3\"" sh
                ${NAD_GZIP} ${CMAKE_BINARY_DIR}/man/${page}.1 ${CMAKE_BINARY_DIR}/man/${page}.1.gz
        DEPENDS ${CMAKE_BINARY_DIR}/man/${page}.1
        VERBATIM)
    list(APPEND nad_man_pages ${CMAKE_BINARY_DIR}/man/${page}.1.gz)
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS
             ${CMAKE_SOURCE_DIR}/packaging/nad.1 ${CMAKE_SOURCE_DIR}/packaging/nad-studio.1)
add_custom_target(nad-man ALL DEPENDS ${nad_man_pages})
add_dependencies(nad nad-man)

install(FILES ${CMAKE_SOURCE_DIR}/resources/nad-studio.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/resources/${NAD_APP_ID}.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${NAD_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size IN LISTS NAD_ICON_SIZES)
    install(FILES ${nad_icon_root}/${size}x${size}/apps/nad-studio.png
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()
install(FILES ${nad_man_pages} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/nad-studio)
# The demo's four zoo models as the README measured them (ReferenceZoo.h).
install(DIRECTORY ${CMAKE_SOURCE_DIR}/data/zoo/ DESTINATION ${CMAKE_INSTALL_DATADIR}/nad-studio/zoo
        FILES_MATCHING PATTERN "*.pt" PATTERN "*.json")

if(NAD_BUILD_TESTS)
    # Builds the package, installs it with apt-get, runs the installed programs, validates
    # the desktop entry, metainfo and man page, and removes it again. Needs root and
    # apt-get (CI); elsewhere the script exits 77 and ctest reports the test as skipped.
    add_test(NAME packaging/deb_install
             COMMAND bash ${CMAKE_SOURCE_DIR}/packaging/test-deb.sh ${CMAKE_BINARY_DIR})
    set_tests_properties(packaging/deb_install PROPERTIES
        LABELS "packaging"
        SKIP_RETURN_CODE 77
        TIMEOUT 300)
endif()

# The Debian package.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME nad-studio)
set(CPACK_PACKAGE_VENDOR "NAD Studio")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "concept feature paths of CNNs (Architecture Disentanglement)")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # nad-studio_<version>_amd64.deb
set(NAD_PACKAGE_MAINTAINER "NAD Studio maintainers <maintainers@users.noreply.r-seed-f87d355e.example>"
    CACHE STRING "Maintainer field of the Debian package")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${NAD_PACKAGE_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The synopsis is CPACK_PACKAGE_DESCRIPTION_SUMMARY; this is the extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
"NAD Studio takes a pre-trained convolutional network apart into concept
feature paths: for each concept (a class label), the channels of every block
of the network that carry it, after Architecture Disentanglement for Deep
Neural Networks (Hu et al., ICCV 2021). It measures path precision, unit
usage, path similarity with clustered heat maps, and activation maps of
composite images, and exports every figure of the paper.
.
This package contains the desktop application nad-studio and its headless
twin nad, which share one engine (LibTorch, CPU) and one project file format.")
# Library dependencies from dpkg-shlibdeps (dpkg-dev), plus what is loaded at run time:
# optimized BLAS for LibTorch (Debian's libtorch falls back to reference BLAS otherwise) and
# the figures' default font.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libopenblas0-openmp, fonts-dejavu-core")
# The demo's data set and Qt's own translations (dialog buttons in Chinese).
# A CJK font so the Simplified Chinese interface shows its characters.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist, qt6-translations-l10n, fonts-wqy-microhei | fonts-noto-cjk")
include(CPack)
