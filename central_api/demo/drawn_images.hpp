#pragma once
// The demo retailer's pictures as the server's image source: each image kind of a product
// document is an archetype of product_image.hpp ("tshirt", "sneaker", "tyre"...), drawn in the
// variant's colour with the product's own small variations (seeded by its id), JPEG quality 85.
// Stateless and thread-safe. The central-api program and the test harness give it to the server.

#include "central_api/image_source.hpp"

#include <memory>

namespace central_api {

class DrawnImages final : public ImageSource {
public:
    bool has_kind(std::string_view kind) const override;
    std::string jpeg(const ImageQuery& query) const override;
};

// A shared instance, ready for ServerOptions::image_source.
std::shared_ptr<const ImageSource> drawn_images();

}  // namespace central_api
