#pragma once
// A full-size product image viewer: swipe (or drag past a third of the width) between images,
// double tap to zoom in/out around the finger, pinch to zoom (1x to 5x) around the fingers' centre,
// drag to pan while zoomed; page dots at the bottom. Images come from the ImagePipeline at the
// viewer's size; a placeholder shows while one loads. `ImageViewerState` is the caller's scratch.
// Thread rules: UI thread, inside a frame. No errors (a failed image shows a crossed frame).

#include <cstdint>
#include <string>
#include <vector>

#include "render/ui.hpp"

namespace render {

struct ImageViewerState {
    int index = 0;
    float zoom = 1.0f;
    ImVec2 pan;                  // offset of the image centre from the view centre, px
    float page_offset = 0.0f;    // horizontal slide while swiping / animating, px
    std::uint32_t drag_seq = 0;  // drag being followed
    ImVec2 drag_applied;
    bool pinching = false;
    float pinch_zoom0 = 1.0f;
    ImVec2 pinch_pan0, pinch_centre0;
};

// Returns true when the shown image changed this frame.
// `label` is what the registry (and speech) calls it ("Photos du produit").
bool image_viewer(Ui& ui, const char* id, ImVec2 size, const std::vector<std::string>& sources,
                  ImageViewerState& st, const char* label = "");

}  // namespace render
