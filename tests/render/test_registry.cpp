// Element registry queries and the tap-target audit.
#include <doctest/doctest.h>

#include "render/registry.hpp"

using namespace render;

namespace {
Element el(const char* id, float x, float y, float w, float h, int layer = 0) {
    Element e;
    e.id = id;
    e.rect = e.visible = Rect{x, y, w, h};
    e.layer = layer;
    return e;
}
}  // namespace

TEST_CASE("find and prefix queries see this frame's elements only") {
    ElementRegistry r;
    r.add(el("home.search", 0, 0, 100, 60));
    r.add(el("home.cart", 200, 0, 60, 60));
    r.add(el("product.size.M", 0, 100, 60, 60));
    REQUIRE(r.find("home.cart") != nullptr);
    CHECK(r.find("home.cart")->rect.cx() == doctest::Approx(230));
    CHECK(r.with_prefix("home.").size() == 2);
    CHECK(r.find("nope") == nullptr);
    r.begin_frame();
    CHECK(r.find("home.cart") == nullptr);
    CHECK(r.all().empty());
}

TEST_CASE("scrolled-away elements are not visible") {
    ElementRegistry r;
    Element e = el("list.1", 0, 0, 100, 60);
    e.visible = Rect{0, 0, 0, 0};
    r.add(e);
    r.add(el("list.2", 0, 60, 100, 60));
    CHECK(r.visible().size() == 1);
}

TEST_CASE("the audit lists small targets, overlaps and duplicate ids") {
    ElementRegistry r;
    r.add(el("ok", 0, 0, 48, 48));
    r.add(el("tiny", 100, 0, 30, 48));
    r.add(el("a", 200, 0, 60, 60));
    r.add(el("b", 240, 20, 60, 60));  // overlaps a
    r.add(el("c", 260, 0, 60, 60));   // touches a's edge: fine... but overlaps b
    r.add(el("dup", 400, 0, 60, 60));
    r.add(el("dup", 500, 0, 60, 60));
    const auto issues = r.audit(48.0f);
    int small = 0, overlaps = 0, dups = 0;
    for (const auto& i : issues) {
        small += i.kind == AuditIssue::Kind::TooSmall;
        overlaps += i.kind == AuditIssue::Kind::Overlap;
        dups += i.kind == AuditIssue::Kind::DuplicateId;
    }
    CHECK(small == 1);
    CHECK(overlaps == 2);  // a/b and b/c
    CHECK(dups == 1);
    for (const auto& i : issues)
        if (i.kind == AuditIssue::Kind::TooSmall) CHECK(i.id == "tiny");
}

TEST_CASE("a modal layer hides the screen below from the audit") {
    ElementRegistry r;
    r.add(el("screen.button", 0, 0, 20, 20, 0));  // small, but covered by the modal
    r.add(el("modal.ok", 0, 0, 100, 60, 1));
    r.add(el("modal.cancel", 0, 100, 100, 60, 1));
    CHECK(r.top_layer() == 1);
    CHECK(r.audit(48.0f).empty());
}

TEST_CASE("non-interactive and disabled elements are not audited") {
    ElementRegistry r;
    Element label = el("price", 0, 0, 10, 10);
    label.interactive = false;
    r.add(label);
    Element off = el("sold-out", 0, 0, 10, 10);
    off.enabled = false;
    r.add(off);
    CHECK(r.audit(48.0f).empty());
}
