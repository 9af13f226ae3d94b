#include "central_api/demo/drawn_images.hpp"

#include "central_api/demo/product_image.hpp"
#include "central_api/util.hpp"

namespace central_api {

bool DrawnImages::has_kind(std::string_view kind) const {
    Archetype archetype;
    return parse_archetype(kind, archetype);
}

std::string DrawnImages::jpeg(const ImageQuery& query) const {
    ImageRequest request;
    if (!parse_archetype(query.kind, request.archetype)) return {};
    request.colour = {query.r, query.g, query.b};
    request.view = query.view;
    request.width = query.width;
    request.height = query.width;
    request.seed = hash64(query.product);
    return render_product_jpeg(request, 85);
}

std::shared_ptr<const ImageSource> drawn_images() {
    static const auto instance = std::make_shared<const DrawnImages>();
    return instance;
}

}  // namespace central_api
