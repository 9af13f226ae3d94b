#include "catalog_client/doc_codec.hpp"

#include <zdict.h>
#include <zstd.h>

#include <algorithm>
#include <stdexcept>

namespace catalog_client {

namespace {
// Level 1: with a dictionary it stores a document in ~380 bytes where level 3 takes ~340, at
// half the time (a full sync compresses every document of the catalogue).
constexpr int kLevel = 1;
// Training reads at most this much of the samples (a page of 1 000 documents is ~4 MB).
constexpr std::size_t kTrainingBytes = 8u << 20;
// Fewer samples than this, or less text, and there is nothing worth a dictionary.
constexpr std::size_t kMinSamples = 16, kMinTrainingBytes = 32u << 10;
}  // namespace

struct DocCodec::State {
    std::string dictionary;
    unsigned dictionary_id = 0;  // as the frames record it; 0: none
    ZSTD_CCtx* cctx = nullptr;
    ZSTD_DCtx* dctx = nullptr;
    ZSTD_CDict* cdict = nullptr;
    ZSTD_DDict* ddict = nullptr;
    State() : cctx(ZSTD_createCCtx()), dctx(ZSTD_createDCtx()) {
        if (!cctx || !dctx) throw std::runtime_error("zstd: out of memory");
        // Every frame says its size and carries a checksum of its content (4 bytes): a damaged
        // document is refused rather than read as another product.
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_compressionLevel, kLevel);
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_checksumFlag, 1);
        ZSTD_CCtx_setParameter(cctx, ZSTD_c_contentSizeFlag, 1);
    }
    ~State() {
        ZSTD_freeCDict(cdict);
        ZSTD_freeDDict(ddict);
        ZSTD_freeCCtx(cctx);
        ZSTD_freeDCtx(dctx);
    }
    State(const State&) = delete;
    State& operator=(const State&) = delete;
};

DocCodec::DocCodec() : state_(std::make_unique<State>()) {}
DocCodec::~DocCodec() = default;
DocCodec::DocCodec(DocCodec&&) noexcept = default;
DocCodec& DocCodec::operator=(DocCodec&&) noexcept = default;

DocCodec DocCodec::with_dictionary(std::string dictionary) {
    DocCodec codec;
    if (dictionary.empty()) return codec;
    State& s = *codec.state_;
    s.dictionary_id = ZDICT_getDictID(dictionary.data(), dictionary.size());
    if (s.dictionary_id == 0) throw std::runtime_error("the replica's document dictionary is not a zstd dictionary");
    s.cdict = ZSTD_createCDict(dictionary.data(), dictionary.size(), kLevel);
    s.ddict = ZSTD_createDDict(dictionary.data(), dictionary.size());
    if (!s.cdict || !s.ddict || ZSTD_isError(ZSTD_CCtx_refCDict(s.cctx, s.cdict)))
        throw std::runtime_error("the replica's document dictionary cannot be loaded");
    s.dictionary = std::move(dictionary);
    return codec;
}

DocCodec DocCodec::trained(const std::vector<std::string_view>& samples) {
    std::string joined;
    std::vector<std::size_t> sizes;
    for (auto sample : samples) {
        if (sample.empty()) continue;
        if (joined.size() + sample.size() > kTrainingBytes) break;
        joined.append(sample);
        sizes.push_back(sample.size());
    }
    if (sizes.size() < kMinSamples || joined.size() < kMinTrainingBytes) return DocCodec();
    // A dictionary much larger than a tenth of the samples only repeats them.
    std::string dictionary(std::min(kDictionaryBytes, joined.size() / 10), '\0');
    const std::size_t made = ZDICT_trainFromBuffer(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                                   static_cast<unsigned>(sizes.size()));
    if (ZDICT_isError(made)) return DocCodec();  // samples too alike or too few: plain frames
    dictionary.resize(made);
    return with_dictionary(std::move(dictionary));
}

const std::string& DocCodec::dictionary() const { return state_->dictionary; }

std::string DocCodec::compress(std::string_view text) {
    State& s = *state_;
    std::string out(ZSTD_compressBound(text.size()), '\0');
    const std::size_t n = ZSTD_compress2(s.cctx, out.data(), out.size(), text.data(), text.size());
    if (ZSTD_isError(n)) throw std::runtime_error(std::string("zstd: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::optional<std::string> DocCodec::decompress(std::string_view stored) {
    State& s = *state_;
    if (!is_frame(stored)) return std::nullopt;
    // Exactly one whole frame, of this dictionary, that says how large its content is.
    if (ZSTD_findFrameCompressedSize(stored.data(), stored.size()) != stored.size()) return std::nullopt;
    if (ZSTD_getDictID_fromFrame(stored.data(), stored.size()) != s.dictionary_id) return std::nullopt;
    const unsigned long long size = ZSTD_getFrameContentSize(stored.data(), stored.size());
    if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > kMaxDocumentBytes) return std::nullopt;
    std::string out(static_cast<std::size_t>(size), '\0');
    const std::size_t n = s.ddict ? ZSTD_decompress_usingDDict(s.dctx, out.data(), out.size(), stored.data(), stored.size(), s.ddict)
                                  : ZSTD_decompressDCtx(s.dctx, out.data(), out.size(), stored.data(), stored.size());
    if (ZSTD_isError(n) || n != out.size()) return std::nullopt;
    return out;
}

std::optional<std::string> DocCodec::read(std::string_view stored) {
    if (is_frame(stored)) return decompress(stored);
    if (stored.size() > kMaxDocumentBytes) return std::nullopt;
    return std::string(stored);
}

bool DocCodec::is_frame(std::string_view stored) {
    return stored.size() >= 4 && static_cast<unsigned char>(stored[0]) == 0x28 && static_cast<unsigned char>(stored[1]) == 0xB5 &&
           static_cast<unsigned char>(stored[2]) == 0x2F && static_cast<unsigned char>(stored[3]) == 0xFD;
}

}  // namespace catalog_client
