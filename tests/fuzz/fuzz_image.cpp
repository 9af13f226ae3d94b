// Fuzz target: render::decode_image, the decoder of product images downloaded from the API's
// image URLs (JPEG through libjpeg-turbo, PNG and the rest through stb_image, then the resize),
// with the two sizes the kiosk asks for (a grid tile, and a 240 px high logo). Properties: never
// crashes; a decoded image holds width x height RGBA pixels within the box asked for, and within
// the source; a refusal says why.
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "render/images.hpp"

namespace {

void decode(const std::uint8_t* data, std::size_t size, int max_w, int max_h) {
    // A pixel cap far below the default (40 M) keeps each input fast; the cap is a parameter.
    render::DecodedImage img = render::decode_image(data, size, max_w, max_h, 4'000'000);
    if (!img.ok) {
        FUZZ_CHECK(!img.error.empty() && img.rgba.empty(), "a refusal without a reason");
        return;
    }
    FUZZ_CHECK(img.width > 0 && img.height > 0, "an empty image");
    FUZZ_CHECK(img.rgba.size() ==
                   static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4,
               "the pixel buffer does not match the size");
    FUZZ_CHECK((max_w == 0 || img.width <= max_w) && (max_h == 0 || img.height <= max_h),
               "larger than the box");
    FUZZ_CHECK(img.width <= img.source_width && img.height <= img.source_height,
               "larger than the source");
    FUZZ_CHECK(static_cast<std::int64_t>(img.source_width) * img.source_height <= 4'000'000,
               "over the pixel cap");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    decode(data, size, 300, 300);
    decode(data, size, 0, 240);
    return 0;
}
