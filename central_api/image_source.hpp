#pragma once
// Where the server's product pictures come from. The server knows nothing of how a picture is
// made: `GET /v1/images/{product}/{kind}/{rrggbb}/{view}.jpg?w=N` checks the path and `w`,
// answers ETag/304 and caches the bytes (image_lru.hpp); the picture itself comes from the
// ImageSource in ServerOptions. Without one, every image request is `404 not_found`.
// The central-api program plugs in the demo retailer's drawn pictures (demo/drawn_images.hpp).

#include <cstdint>
#include <string>
#include <string_view>

namespace central_api {

// One picture as the URL asks for it (already validated by the server).
struct ImageQuery {
    std::string product;                // "P0000001"
    std::string kind;                   // [a-z_]{1,20}: what the product is ("tshirt", "tyre"...)
    std::uint8_t r = 0, g = 0, b = 0;   // the variant's colour
    int view = 0;                       // 0 = front, 1 = back or side, 2 = detail
    int width = 800;                    // 64..1600 pixels; pictures are square
};

// Implementations are called from every HTTP worker thread at once: they must be thread-safe.
class ImageSource {
public:
    virtual ~ImageSource() = default;
    // Whether this source has pictures of `kind`; the server answers 404 for any other kind.
    virtual bool has_kind(std::string_view kind) const = 0;
    // The picture as JPEG bytes (called only for a kind the source has).
    virtual std::string jpeg(const ImageQuery& query) const = 0;
};

}  // namespace central_api
