#pragma once
// render-gallery: shows every widget of the render layer, one page at a time, in landscape or
// portrait. Interactive by default; `--headless --out DIR` writes one PNG per page and
// orientation. Program-local types; nothing here is part of the render library.

#include <string>
#include <vector>

#include "render/grid.hpp"
#include "render/image_viewer.hpp"
#include "render/keyboard.hpp"
#include "render/overlay.hpp"
#include "render/scroll.hpp"
#include "render/ui.hpp"

namespace gallery {

enum class Page {
    Widgets,
    Tiles,
    Grid,
    KeyboardAzerty,
    KeyboardQwerty,
    KeyboardNumeric,
    Codes,
    Modal,
    Viewer,
    Count
};
const char* page_name(Page p);

// Everything the pages keep between frames (the gallery's "screen scratch").
struct GalleryScratch {
    Page page = Page::Widgets;
    int selected_size = 2;
    int taps = 0;
    render::ScrollState widgets_scroll;
    render::ScrollState tiles_scroll;
    render::GridState grid;
    render::KeyboardState keyboard;
    std::string typed;
    bool modal_open = true;
    render::Toasts toasts;
    bool toast_pushed = false;
    render::ImageViewerState viewer;
    std::vector<std::string> images;  // demo picture files
};

// Writes a few demo pictures (PNG and JPEG) into `dir`; returns their paths.
std::vector<std::string> make_demo_images(const std::string& dir);

// Draws the whole gallery screen (top bar + current page).
void draw(render::Ui& ui, GalleryScratch& s);

// Pages (pages.cpp / pages_more.cpp).
void page_widgets(render::Ui& ui, GalleryScratch& s);
void page_tiles(render::Ui& ui, GalleryScratch& s);
void page_grid(render::Ui& ui, GalleryScratch& s);
void page_keyboard(render::Ui& ui, GalleryScratch& s, render::KeyboardLayout layout);
void page_codes(render::Ui& ui, GalleryScratch& s);
void page_modal(render::Ui& ui, GalleryScratch& s);
void page_viewer(render::Ui& ui, GalleryScratch& s);

}  // namespace gallery
