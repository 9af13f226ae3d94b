#include "render/icons.hpp"

#include <cmath>

namespace render {
namespace {
constexpr float kPi = 3.14159265358979f;
}  // namespace

const char* icon_name(Icon icon) {
    switch (icon) {
        case Icon::None:
            return "none";
        case Icon::Home:
            return "home";
        case Icon::Back:
            return "back";
        case Icon::Cart:
            return "cart";
        case Icon::Search:
            return "search";
        case Icon::Store:
            return "store";
        case Icon::Delivery:
            return "delivery";
        case Icon::Language:
            return "language";
        case Icon::Accessibility:
            return "accessibility";
        case Icon::Close:
            return "close";
        case Icon::Check:
            return "check";
        case Icon::Lock:
            return "lock";
        case Icon::Plus:
            return "plus";
        case Icon::Minus:
            return "minus";
        case Icon::ChevronRight:
            return "chevron-right";
        case Icon::Backspace:
            return "backspace";
        case Icon::Shift:
            return "shift";
        case Icon::Enter:
            return "enter";
    }
    return "?";
}

void draw_icon(ImDrawList* dl, Icon icon, ImVec2 c, float size, ImU32 col) {
    const float s = size * 0.5f;                    // half box
    const float t = std::max(1.5f, size * 0.085f);  // stroke
    // Point in the icon's unit space [-1, 1] x [-1, 1].
    const auto P = [&](float x, float y) { return ImVec2(c.x + x * s, c.y + y * s); };
    const auto line = [&](float x0, float y0, float x1, float y1) {
        dl->AddLine(P(x0, y0), P(x1, y1), col, t);
    };
    switch (icon) {
        case Icon::None:
            return;
        case Icon::Home: {
            const ImVec2 roof[] = {P(-0.85f, -0.05f), P(0.0f, -0.8f), P(0.85f, -0.05f)};
            dl->AddPolyline(roof, 3, col, ImDrawFlags_None, t);
            const ImVec2 body[] = {P(-0.62f, -0.22f), P(-0.62f, 0.78f), P(0.62f, 0.78f),
                                   P(0.62f, -0.22f)};
            dl->AddPolyline(body, 4, col, ImDrawFlags_None, t);
            dl->AddRectFilled(P(-0.16f, 0.3f), P(0.16f, 0.78f), col);
            return;
        }
        case Icon::Back: {
            line(-0.75f, 0.0f, 0.8f, 0.0f);
            const ImVec2 head[] = {P(-0.1f, -0.65f), P(-0.75f, 0.0f), P(-0.1f, 0.65f)};
            dl->AddPolyline(head, 3, col, ImDrawFlags_None, t);
            return;
        }
        case Icon::Cart: {
            const ImVec2 basket[] = {P(-0.95f, -0.7f), P(-0.65f, -0.7f), P(-0.4f, 0.35f),
                                     P(0.6f, 0.35f),   P(0.85f, -0.4f),  P(-0.55f, -0.4f)};
            dl->AddPolyline(basket, 6, col, ImDrawFlags_None, t);
            dl->AddCircleFilled(P(-0.3f, 0.68f), size * 0.08f, col, 12);
            dl->AddCircleFilled(P(0.5f, 0.68f), size * 0.08f, col, 12);
            return;
        }
        case Icon::Search: {
            dl->AddCircle(P(-0.15f, -0.15f), s * 0.55f, col, 32, t);
            line(0.25f, 0.25f, 0.8f, 0.8f);
            return;
        }
        case Icon::Store: {
            // Awning with scallops, then the shop front with a door.
            dl->AddRect(P(-0.85f, -0.8f), P(0.85f, -0.35f), col, 0.0f, 0, t);
            for (int i = 0; i < 4; ++i) {
                const float x = -0.85f + 0.425f * static_cast<float>(i) + 0.2125f;
                dl->PathArcTo(P(x, -0.35f), s * 0.2125f, 0.0f, kPi, 10);
                dl->PathStroke(col, ImDrawFlags_None, t);
            }
            const ImVec2 front[] = {P(-0.7f, -0.1f), P(-0.7f, 0.8f), P(0.7f, 0.8f), P(0.7f, -0.1f)};
            dl->AddPolyline(front, 4, col, ImDrawFlags_None, t);
            dl->AddRect(P(-0.15f, 0.25f), P(0.25f, 0.8f), col, 0.0f, 0, t);
            return;
        }
        case Icon::Delivery: {
            dl->AddRect(P(-0.95f, -0.55f), P(0.25f, 0.4f), col, 0.0f, 0, t);
            const ImVec2 cab[] = {P(0.25f, -0.25f), P(0.65f, -0.25f), P(0.92f, 0.08f),
                                  P(0.92f, 0.4f), P(0.25f, 0.4f)};
            dl->AddPolyline(cab, 5, col, ImDrawFlags_None, t);
            dl->AddCircleFilled(P(-0.55f, 0.58f), size * 0.11f, col, 16);
            dl->AddCircleFilled(P(0.55f, 0.58f), size * 0.11f, col, 16);
            return;
        }
        case Icon::Language: {
            dl->AddCircle(c, s * 0.85f, col, 40, t);
            line(-0.85f, 0.0f, 0.85f, 0.0f);
            line(-0.72f, -0.42f, 0.72f, -0.42f);
            line(-0.72f, 0.42f, 0.72f, 0.42f);
            // Meridian: an ellipse drawn as a path.
            for (int i = 0; i <= 24; ++i) {
                const float a = -kPi * 0.5f + kPi * static_cast<float>(i) / 24.0f;
                dl->PathLineTo(P(0.38f * std::cos(a), 0.85f * std::sin(a)));
            }
            dl->PathStroke(col, ImDrawFlags_None, t);
            for (int i = 0; i <= 24; ++i) {
                const float a = kPi * 0.5f + kPi * static_cast<float>(i) / 24.0f;
                dl->PathLineTo(P(0.38f * std::cos(a), 0.85f * std::sin(a)));
            }
            dl->PathStroke(col, ImDrawFlags_None, t);
            return;
        }
        case Icon::Accessibility: {
            dl->AddCircle(c, s * 0.92f, col, 40, t * 0.8f);
            dl->AddCircleFilled(P(0.0f, -0.5f), size * 0.09f, col, 16);
            line(-0.55f, -0.22f, 0.55f, -0.22f);
            line(0.0f, -0.22f, 0.0f, 0.2f);
            line(0.0f, 0.2f, -0.32f, 0.65f);
            line(0.0f, 0.2f, 0.32f, 0.65f);
            return;
        }
        case Icon::Lock: {
            // A padlock: the shackle as an arch over a filled body with a keyhole.
            dl->PathArcTo(P(0.0f, -0.3f), s * 0.4f, kPi, 2.0f * kPi, 16);
            dl->PathStroke(col, ImDrawFlags_None, t);
            line(-0.4f, -0.3f, -0.4f, -0.05f);
            line(0.4f, -0.3f, 0.4f, -0.05f);
            dl->AddRectFilled(P(-0.65f, -0.05f), P(0.65f, 0.8f), col, s * 0.08f);
            return;
        }
        case Icon::Close:
            line(-0.6f, -0.6f, 0.6f, 0.6f);
            line(-0.6f, 0.6f, 0.6f, -0.6f);
            return;
        case Icon::Check: {
            const ImVec2 p[] = {P(-0.7f, 0.0f), P(-0.2f, 0.5f), P(0.75f, -0.5f)};
            dl->AddPolyline(p, 3, col, ImDrawFlags_None, t * 1.2f);
            return;
        }
        case Icon::Plus:
            line(-0.65f, 0.0f, 0.65f, 0.0f);
            line(0.0f, -0.65f, 0.0f, 0.65f);
            return;
        case Icon::Minus:
            line(-0.65f, 0.0f, 0.65f, 0.0f);
            return;
        case Icon::ChevronRight: {
            const ImVec2 p[] = {P(-0.25f, -0.6f), P(0.35f, 0.0f), P(-0.25f, 0.6f)};
            dl->AddPolyline(p, 3, col, ImDrawFlags_None, t);
            return;
        }
        case Icon::Backspace: {
            const ImVec2 p[] = {P(-0.95f, 0.0f), P(-0.45f, -0.6f), P(0.9f, -0.6f), P(0.9f, 0.6f),
                                P(-0.45f, 0.6f)};
            dl->AddPolyline(p, 5, col, ImDrawFlags_Closed, t);
            line(-0.05f, -0.25f, 0.45f, 0.25f);
            line(-0.05f, 0.25f, 0.45f, -0.25f);
            return;
        }
        case Icon::Shift: {
            const ImVec2 p[] = {P(0.0f, -0.8f),  P(0.8f, 0.05f),   P(0.35f, 0.05f),
                                P(0.35f, 0.75f), P(-0.35f, 0.75f), P(-0.35f, 0.05f),
                                P(-0.8f, 0.05f)};
            dl->AddPolyline(p, 7, col, ImDrawFlags_Closed, t);
            return;
        }
        case Icon::Enter: {
            const ImVec2 p[] = {P(0.75f, -0.7f), P(0.75f, 0.2f), P(-0.7f, 0.2f)};
            dl->AddPolyline(p, 3, col, ImDrawFlags_None, t);
            const ImVec2 h[] = {P(-0.3f, -0.2f), P(-0.75f, 0.2f), P(-0.3f, 0.6f)};
            dl->AddPolyline(h, 3, col, ImDrawFlags_None, t);
            return;
        }
    }
}

}  // namespace render
