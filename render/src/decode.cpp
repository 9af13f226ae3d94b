// Image decoding for the pipeline's workers: JPEG through libjpeg-turbo with DCT scaling (a
// 4000 px photo shown 300 px wide is decoded at 1/8 size, far cheaper than decoding it whole),
// PNG (and anything else stb_image knows) through stb_image; then an exact resize to the size
// shown with stb_image_resize.
#include <cstddef>
#include <cstdio>  // jpeglib.h needs FILE and size_t first

#include <jpeglib.h>
#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cmath>
#include <csetjmp>
#include <fstream>

#include "render/images.hpp"

namespace render {
namespace {

struct JpegError {
    jpeg_error_mgr mgr;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

[[noreturn]] void jpeg_fail(j_common_ptr cinfo) {
    auto* err = reinterpret_cast<JpegError*>(cinfo->err);
    (*cinfo->err->format_message)(cinfo, err->message);
    std::longjmp(err->jump, 1);
}

// Warnings are not printed; a corrupt or truncated stream (libjpeg fills the rest with grey and
// carries on) is remembered, and the decode fails rather than show a broken picture.
void jpeg_quiet(j_common_ptr cinfo, int level) {
    if (level < 0) cinfo->err->num_warnings++;
}

bool is_jpeg(const std::uint8_t* b, std::size_t n) {
    return n > 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;
}

// Fits (w, h) inside (max_w, max_h), never larger than the source.
void fit(int w, int h, int max_w, int max_h, int* fw, int* fh) {
    double s = 1.0;
    if (max_w > 0) s = std::min(s, static_cast<double>(max_w) / w);
    if (max_h > 0) s = std::min(s, static_cast<double>(max_h) / h);
    *fw = std::max(1, static_cast<int>(std::lround(w * s)));
    *fh = std::max(1, static_cast<int>(std::lround(h * s)));
}

// Decodes a JPEG at the smallest DCT scale (n/8) still at least as large as the fitted size.
// Only plain C data lives between setjmp and a possible longjmp; `pixels` is declared before.
bool decode_jpeg(const std::uint8_t* bytes, std::size_t size, int max_w, int max_h,
                 std::int64_t max_pixels, std::vector<std::uint8_t>& pixels, int* w, int* h,
                 int* src_w, int* src_h, std::string& error) {
    jpeg_decompress_struct cinfo;
    JpegError err;
    cinfo.err = jpeg_std_error(&err.mgr);
    err.mgr.error_exit = jpeg_fail;
    err.mgr.emit_message = jpeg_quiet;
    err.message[0] = 0;
    if (setjmp(err.jump)) {
        jpeg_destroy_decompress(&cinfo);
        error = std::string("JPEG decode failed: ") + err.message;
        return false;
    }
    jpeg_create_decompress(&cinfo);
    jpeg_mem_src(&cinfo, bytes, static_cast<unsigned long>(size));
    jpeg_read_header(&cinfo, TRUE);
    *src_w = static_cast<int>(cinfo.image_width);
    *src_h = static_cast<int>(cinfo.image_height);
    if (static_cast<std::int64_t>(*src_w) * *src_h > max_pixels || *src_w <= 0 || *src_h <= 0) {
        jpeg_destroy_decompress(&cinfo);
        error = "image too large (" + std::to_string(*src_w) + "x" + std::to_string(*src_h) + ")";
        return false;
    }
    int fw = 0, fh = 0;
    fit(*src_w, *src_h, max_w, max_h, &fw, &fh);
    unsigned num = 8;
    for (unsigned n = 1; n <= 8; ++n) {
        if ((static_cast<long>(*src_w) * n + 7) / 8 >= fw &&
            (static_cast<long>(*src_h) * n + 7) / 8 >= fh) {
            num = n;
            break;
        }
    }
    cinfo.scale_num = num;
    cinfo.scale_denom = 8;
    cinfo.out_color_space = JCS_EXT_RGBA;
    cinfo.dct_method = JDCT_ISLOW;
    jpeg_start_decompress(&cinfo);
    *w = static_cast<int>(cinfo.output_width);
    *h = static_cast<int>(cinfo.output_height);
    pixels.resize(static_cast<std::size_t>(*w) * static_cast<std::size_t>(*h) * 4);
    while (cinfo.output_scanline < cinfo.output_height) {
        JSAMPROW row = pixels.data() + static_cast<std::size_t>(cinfo.output_scanline) * *w * 4;
        jpeg_read_scanlines(&cinfo, &row, 1);
    }
    jpeg_finish_decompress(&cinfo);
    const long warnings = err.mgr.num_warnings;
    jpeg_destroy_decompress(&cinfo);
    if (warnings > 0) {
        error = "JPEG data is corrupt or truncated";
        return false;
    }
    return true;
}

}  // namespace

bool load_file(const std::string& path, std::vector<std::uint8_t>& bytes, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open " + path;
        return false;
    }
    in.seekg(0, std::ios::end);
    const std::streamoff n = in.tellg();
    if (n <= 0 || n > (256 << 20)) {
        error = "empty or oversized file " + path;
        return false;
    }
    in.seekg(0);
    bytes.resize(static_cast<size_t>(n));
    in.read(reinterpret_cast<char*>(bytes.data()), n);
    if (!in) {
        error = "short read " + path;
        return false;
    }
    return true;
}

DecodedImage decode_image(const std::uint8_t* bytes, std::size_t size, int max_w, int max_h,
                          std::int64_t max_pixels) {
    DecodedImage out;
    if (!bytes || size == 0 || size > static_cast<std::size_t>(INT32_MAX)) {
        out.error = "no data";
        return out;
    }
    std::vector<std::uint8_t> px;
    int w = 0, h = 0;
    if (is_jpeg(bytes, size)) {
        if (!decode_jpeg(bytes, size, max_w, max_h, max_pixels, px, &w, &h, &out.source_width,
                         &out.source_height, out.error))
            return out;
    } else {
        const int len = static_cast<int>(size);
        int comp = 0;
        if (!stbi_info_from_memory(bytes, len, &w, &h, &comp)) {
            out.error = std::string("not a JPEG or PNG image: ") + stbi_failure_reason();
            return out;
        }
        if (w <= 0 || h <= 0 || static_cast<std::int64_t>(w) * h > max_pixels) {
            out.error = "image too large (" + std::to_string(w) + "x" + std::to_string(h) + ")";
            return out;
        }
        stbi_uc* data = stbi_load_from_memory(bytes, len, &w, &h, &comp, 4);
        if (!data) {
            out.error = std::string("decode failed: ") + stbi_failure_reason();
            return out;
        }
        px.assign(data, data + static_cast<size_t>(w) * h * 4);
        stbi_image_free(data);
        out.source_width = w;
        out.source_height = h;
    }
    // Exact size: fit the source size (not the DCT-scaled one) into the box.
    int fw = 0, fh = 0;
    fit(out.source_width, out.source_height, max_w, max_h, &fw, &fh);
    fw = std::min(fw, w);
    fh = std::min(fh, h);
    if (fw != w || fh != h) {
        out.rgba.resize(static_cast<size_t>(fw) * fh * 4);
        if (!stbir_resize_uint8(px.data(), w, h, 0, out.rgba.data(), fw, fh, 0, 4)) {
            out.rgba.clear();
            out.error = "resize failed";
            return out;
        }
        out.width = fw;
        out.height = fh;
    } else {
        out.rgba = std::move(px);
        out.width = w;
        out.height = h;
    }
    out.ok = true;
    return out;
}

}  // namespace render
