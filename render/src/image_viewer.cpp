#include "render/image_viewer.hpp"

#include <algorithm>
#include <cmath>

#include "render/icons.hpp"
#include "render/images.hpp"

namespace render {
namespace {

constexpr float kMaxZoom = 5.0f, kDoubleTapZoom = 2.5f;

// Keeps a zoomed image covering the view (no empty band on a side that can be filled).
ImVec2 clamp_pan(ImVec2 pan, ImVec2 view, ImVec2 fitted, float zoom) {
    const float mx = std::max(0.0f, (fitted.x * zoom - view.x) * 0.5f);
    const float my = std::max(0.0f, (fitted.y * zoom - view.y) * 0.5f);
    return ImVec2(std::clamp(pan.x, -mx, mx), std::clamp(pan.y, -my, my));
}

void draw_image(Ui& ui, ImDrawList* dl, const ImRect& view, const std::string& src, float zoom,
                ImVec2 pan, ImVec2* fitted_out) {
    ImageHandle h;
    if (ui.images)
        h = ui.images->request(src, static_cast<int>(view.GetWidth()),
                               static_cast<int>(view.GetHeight()));
    const ImVec2 c(view.GetCenter().x + pan.x, view.GetCenter().y + pan.y);
    if (h.status != ImageStatus::Ready) {
        const float s = std::min(view.GetWidth(), view.GetHeight()) * 0.8f;
        const ImVec2 a(c.x - s * 0.5f, c.y - s * 0.5f), b(c.x + s * 0.5f, c.y + s * 0.5f);
        dl->AddRectFilled(a, b, ui.theme.placeholder, ui.mm(2.0f));
        draw_icon(dl, h.status == ImageStatus::Failed ? Icon::Close : Icon::Store, c, s * 0.2f,
                  mix(ui.theme.placeholder, ui.theme.text_muted, 0.4f));
        if (fitted_out) *fitted_out = ImVec2(s, s);
        return;
    }
    const float fit = std::min(view.GetWidth() / static_cast<float>(h.width),
                               view.GetHeight() / static_cast<float>(h.height));
    const ImVec2 fitted(h.width * fit, h.height * fit);
    const ImVec2 half(fitted.x * zoom * 0.5f, fitted.y * zoom * 0.5f);
    dl->AddImage(h.texture, ImVec2(c.x - half.x, c.y - half.y), ImVec2(c.x + half.x, c.y + half.y));
    if (fitted_out) *fitted_out = fitted;
}

}  // namespace

bool image_viewer(Ui& ui, const char* id, ImVec2 size, const std::vector<std::string>& sources,
                  ImageViewerState& st, const char* label) {
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    if (size.x <= 0) size.x = ImGui::GetContentRegionAvail().x;
    if (size.y <= 0) size.y = ImGui::GetContentRegionAvail().y;
    const ImRect view(pos, ImVec2(pos.x + size.x, pos.y + size.y));
    ImGui::ItemSize(size);
    ImGui::ItemAdd(view, ImGui::GetID(id));
    ui.add_element(id, label, view);
    const int n = static_cast<int>(sources.size());
    const int before = st.index;
    st.index = n == 0 ? 0 : std::clamp(st.index, 0, n - 1);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->PushClipRect(view.Min, view.Max, true);
    dl->AddRectFilled(view.Min, view.Max, ui.theme.surface);
    if (n == 0) {
        dl->PopClipRect();
        return false;
    }
    const ImVec2 vs = view.GetSize();
    ImVec2 fitted = vs;
    const ImGuiID gid = ImGui::GetID(id);
    const DragState& d = ui.drag();
    const bool blocked = ui.input_blocked();

    if (!blocked) {
        for (const Gesture& g : ui.gestures()) {
            if (g.type == GestureType::DoubleTap && view.Contains(g.pos)) {
                if (st.zoom > 1.01f) {
                    st.zoom = 1.0f;
                    st.pan = ImVec2();
                } else {
                    // Zoom around the tapped point: it stays under the finger.
                    const ImVec2 rel(g.pos.x - view.GetCenter().x, g.pos.y - view.GetCenter().y);
                    st.pan =
                        ImVec2(-rel.x * (kDoubleTapZoom - 1.0f), -rel.y * (kDoubleTapZoom - 1.0f));
                    st.zoom = kDoubleTapZoom;
                }
            } else if (g.type == GestureType::PinchStart && view.Contains(g.pos)) {
                st.pinching = true;
                st.pinch_zoom0 = st.zoom;
                st.pinch_pan0 = st.pan;
                st.pinch_centre0 = g.pos;
            } else if (g.type == GestureType::Pinch && st.pinching) {
                const float z = std::clamp(st.pinch_zoom0 * g.scale, 1.0f, kMaxZoom);
                const float k = z / st.pinch_zoom0;
                const ImVec2 c0(st.pinch_centre0.x - view.GetCenter().x,
                                st.pinch_centre0.y - view.GetCenter().y);
                const ImVec2 c1(g.pos.x - view.GetCenter().x, g.pos.y - view.GetCenter().y);
                st.pan = ImVec2(c1.x - (c0.x - st.pinch_pan0.x) * k,
                                c1.y - (c0.y - st.pinch_pan0.y) * k);
                st.zoom = z;
            } else if (g.type == GestureType::PinchEnd) {
                st.pinching = false;
                if (st.zoom < 1.02f) {
                    st.zoom = 1.0f;
                    st.pan = ImVec2();
                }
            } else if (g.type == GestureType::Swipe && d.owner == gid && st.zoom <= 1.01f) {
                if (g.direction < 0 && st.index + 1 < n) {
                    ++st.index;
                    st.page_offset += vs.x;
                } else if (g.direction > 0 && st.index > 0) {
                    --st.index;
                    st.page_offset -= vs.x;
                }
                st.drag_seq = 0;
            }
        }
        // Drags: claim those that start here (any direction when zoomed, horizontal otherwise).
        if (d.active && d.owner == 0 && view.Contains(d.start) &&
            (st.zoom > 1.01f || std::fabs(d.total.x) > std::fabs(d.total.y)))
            ui.claim_drag(gid);
    }
    if (d.owner == gid && !st.pinching) {
        if (st.drag_seq != d.seq && d.active) {
            st.drag_seq = d.seq;
            st.drag_applied = ImVec2();
        }
        if (st.drag_seq == d.seq) {
            const ImVec2 delta(d.total.x - st.drag_applied.x, d.total.y - st.drag_applied.y);
            st.drag_applied = d.total;
            if (st.zoom > 1.01f) {
                st.pan = ImVec2(st.pan.x + delta.x, st.pan.y + delta.y);
            } else {
                st.page_offset += delta.x;
            }
            if (d.released) {
                st.drag_seq = 0;
                // A slow drag past a third of the width also turns the page.
                if (st.zoom <= 1.01f && std::fabs(st.page_offset) > vs.x / 3.0f) {
                    if (st.page_offset < 0 && st.index + 1 < n) {
                        ++st.index;
                        st.page_offset += vs.x;
                    } else if (st.page_offset > 0 && st.index > 0) {
                        --st.index;
                        st.page_offset -= vs.x;
                    }
                }
            }
        }
    }
    const bool following = d.owner == gid && d.active;
    if (!following && st.page_offset != 0.0f) {
        // Settle towards the page with an exponential approach (~120 ms).
        st.page_offset *= static_cast<float>(std::exp(-ui.dt() / 0.06));
        if (std::fabs(st.page_offset) < 0.5f) st.page_offset = 0.0f;
        ui.request_frame();
    }
    if (st.index != before) {
        st.zoom = 1.0f;
        st.pan = ImVec2();
    }

    // Drawing: the current image and, while sliding, its neighbour.
    draw_image(ui, dl,
               ImRect(ImVec2(view.Min.x + st.page_offset, view.Min.y),
                      ImVec2(view.Max.x + st.page_offset, view.Max.y)),
               sources[static_cast<size_t>(st.index)], st.zoom, st.pan, &fitted);
    st.pan = clamp_pan(st.pan, vs, fitted, st.zoom);
    if (st.page_offset < 0 && st.index + 1 < n)
        draw_image(ui, dl,
                   ImRect(ImVec2(view.Min.x + st.page_offset + vs.x, view.Min.y),
                          ImVec2(view.Max.x + st.page_offset + vs.x, view.Max.y)),
                   sources[static_cast<size_t>(st.index + 1)], 1.0f, ImVec2(), nullptr);
    if (st.page_offset > 0 && st.index > 0)
        draw_image(ui, dl,
                   ImRect(ImVec2(view.Min.x + st.page_offset - vs.x, view.Min.y),
                          ImVec2(view.Max.x + st.page_offset - vs.x, view.Max.y)),
                   sources[static_cast<size_t>(st.index - 1)], 1.0f, ImVec2(), nullptr);

    // Page dots.
    if (n > 1) {
        const float r = ui.mm(1.1f), gap = ui.mm(3.5f);
        const float w = gap * static_cast<float>(n - 1);
        const ImVec2 c0(view.GetCenter().x - w * 0.5f, view.Max.y - ui.mm(5.0f));
        // A translucent pill keeps the dots readable over any picture.
        dl->AddRectFilled(ImVec2(c0.x - gap * 0.8f, c0.y - gap * 0.6f),
                          ImVec2(c0.x + w + gap * 0.8f, c0.y + gap * 0.6f),
                          IM_COL32(255, 255, 255, 200), gap * 0.6f);
        for (int i = 0; i < n; ++i)
            dl->AddCircleFilled(ImVec2(c0.x + gap * static_cast<float>(i), c0.y),
                                i == st.index ? r * 1.3f : r,
                                i == st.index ? ui.theme.primary : ui.theme.text_muted, 16);
    }
    dl->PopClipRect();
    return st.index != before;
}

}  // namespace render
