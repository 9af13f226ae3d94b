// Product documents compressed with a trained dictionary (DocCodec): exact round trips, frames
// refused when cut short, damaged, of another dictionary or too large; and in the replica: what a
// sync stores reads back as the server's document, a damaged document or dictionary costs that
// document (never a crash) and the next sync rebuilds a replica whose dictionary is damaged.
#include "client_fixture.hpp"
#include "index_check.hpp"
#include "central_api/demo/mutate.hpp"
#include "catalog_client/doc_codec.hpp"
#include "catalog_client/replica.hpp"
#include "catalog_client/search.hpp"

#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

using namespace catalog_client;

namespace {
// Documents alike as one retailer's are, each with words of its own.
std::vector<std::string> documents(int n, int seed) {
    const char* colours[] = {"Écru", "Bleu marine", "Rouge brique", "Vert sapin", "Noir"};
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) {
        const int k = i * 7 + seed;
        std::string doc = R"({"id":"P)" + std::to_string(100000 + k) + R"(","name":{"fr":"Pull en maille n°)" + std::to_string(k) +
                          R"(","en":"Knit jumper no. )" + std::to_string(k) + R"("},"brand":"Maison Demo","variants":[)";
        for (int v = 0; v < 5; ++v)
            doc += std::string(v ? "," : "") + R"({"sku":"F-PULL-)" + std::to_string(k) + "-" + std::to_string(v) +
                   R"(","ean":"376004)" + std::to_string(1000000 + k * 5 + v) + R"(","options":{"color":")" + colours[(k + v) % 5] +
                   R"("},"price":{"online":{"amount":)" + std::to_string(1999 + k % 300) + R"(,"currency":"EUR"}}})";
        doc += R"(],"description":{"fr":"Un classique revisité qui se porte en ville comme le week-end.","en":"A revisited classic."}})";
        out.push_back(doc);
    }
    return out;
}
std::vector<std::string_view> views(const std::vector<std::string>& docs) { return {docs.begin(), docs.end()}; }
}  // namespace

TEST_CASE("a document round-trips exactly, with and without a dictionary, and a dictionary makes it smaller") {
    const auto docs = documents(400, 1);
    DocCodec trained = DocCodec::trained(views(docs));
    REQUIRE_FALSE(trained.dictionary().empty());
    DocCodec plain;
    CHECK(plain.dictionary().empty());
    std::size_t json = 0, with_dictionary = 0, without = 0;
    for (const auto& doc : documents(50, 5000)) {  // documents the dictionary never saw
        const std::string a = trained.compress(doc), b = plain.compress(doc);
        CHECK(DocCodec::is_frame(a));
        CHECK(trained.decompress(a) == doc);
        CHECK(trained.read(a) == doc);
        CHECK(plain.decompress(b) == doc);
        json += doc.size();
        with_dictionary += a.size();
        without += b.size();
    }
    CHECK(with_dictionary * 3 < without);  // what the dictionary is for
    CHECK(without < json);
    // Empty text and bytes of any value come back as they went.
    std::string any;
    for (int c = 0; c < 256; ++c) any += static_cast<char>(c);
    CHECK(trained.decompress(trained.compress("")) == std::string());
    CHECK(trained.decompress(trained.compress(any)) == any);
    // The dictionary kept and loaded again reads what the first one wrote.
    DocCodec again = DocCodec::with_dictionary(trained.dictionary());
    CHECK(again.decompress(trained.compress(docs[3])) == docs[3]);
}

TEST_CASE("too few documents to train on: no dictionary, plain frames that still round-trip") {
    const auto docs = documents(5, 1);
    DocCodec codec = DocCodec::trained(views(docs));
    CHECK(codec.dictionary().empty());
    CHECK(codec.decompress(codec.compress(docs[0])) == docs[0]);
    CHECK(DocCodec::trained({}).dictionary().empty());
}

TEST_CASE("a frame cut short, damaged, of another dictionary or too large is refused") {
    const auto docs = documents(400, 1);
    DocCodec codec = DocCodec::trained(views(docs));
    const std::string frame = codec.compress(docs[10]);
    for (std::size_t n = 0; n < frame.size(); ++n) CHECK_FALSE(codec.decompress(frame.substr(0, n)));
    CHECK_FALSE(codec.decompress(frame + "x"));  // trailing bytes
    // Any one byte changed past the header: the checksum (or the decoder) notices.
    int refused = 0;
    for (std::size_t i = 6; i < frame.size(); ++i) {
        std::string damaged = frame;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x5A);
        auto back = codec.decompress(damaged);
        refused += !back;
        CHECK((!back || *back == docs[10]) == true);
    }
    CHECK(refused > 0);
    // A dictionary trained on other documents, or none: another dictionary id.
    DocCodec other = DocCodec::trained(views(documents(400, 777777)));
    REQUIRE_FALSE(other.dictionary().empty());
    CHECK_FALSE(other.decompress(frame));
    CHECK_FALSE(DocCodec().decompress(frame));
    CHECK_FALSE(codec.decompress(DocCodec().compress(docs[10])));
    // Content larger than a document may be.
    const std::string huge(DocCodec::kMaxDocumentBytes + 1, 'a');
    CHECK_FALSE(codec.decompress(codec.compress(huge)));
    CHECK_FALSE(codec.read(huge));
    // Not a dictionary.
    CHECK_THROWS_AS(DocCodec::with_dictionary("not a dictionary"), std::runtime_error);
}

TEST_CASE("text that is not a frame is a document of the former layout, read as it is") {
    DocCodec codec;
    CHECK(codec.read(R"({"id":"P1"})") == std::string(R"({"id":"P1"})"));
    CHECK_FALSE(DocCodec::is_frame(R"({"id":"P1"})"));
}

TEST_CASE("a synced replica stores compressed documents that read back as the server's") {
    testing::ClientFixture f;
    REQUIRE(f.replica.sync(f.api, 64).ok());
    Db local(f.replica.db_path(), Db::Mode::ReadOnly);
    DocCodec codec = document_codec(local);
    CHECK(codec.dictionary().size() > 1000);  // trained on the first page
    auto server = f.h.open_db();
    std::size_t stored = 0, sent = 0, compared = 0;
    for (auto st = local.prepare("SELECT id, doc FROM products"); st.step();) {
        const std::string_view blob = st.blob_view(1);
        CHECK(DocCodec::is_frame(blob));
        auto text = codec.read(blob);
        REQUIRE(text);
        auto theirs = server->prepare("SELECT doc FROM products WHERE id = ?");
        theirs.bind(1, st.text(0));
        REQUIRE(theirs.step());
        CHECK(json::parse(*text) == json::parse(theirs.text_view(0)));
        stored += blob.size();
        sent += text->size();
        ++compared;
    }
    CHECK(compared == 300);
    CHECK(stored * 4 < sent);
    // After a delta (new documents compressed with the same dictionary) every product reads.
    REQUIRE(f.replica.sync(f.api).ok());
    Replica::Reader reader(f.replica);
    CHECK(reader.product("P0000010"));
}

TEST_CASE("a damaged document costs that product only; a damaged dictionary is rebuilt by the next sync") {
    testing::ClientFixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    {
        Db db(f.replica.db_path(), Db::Mode::ReadWrite);
        db.exec("UPDATE products SET doc = substr(doc, 1, length(doc) - 3) WHERE id = 'P0000010'");
    }
    {
        Replica::Reader reader(f.replica);
        CHECK_FALSE(reader.product("P0000010"));
        CHECK(reader.product("P0000011"));
        Search search(reader);
        SearchQuery all;
        all.limit = 10;
        CHECK(search.run(all).hits.size() == 10);  // search reads no document
    }
    {
        Db db(f.replica.db_path(), Db::Mode::ReadWrite);
        db.exec("UPDATE dictionary SET bytes = x'00112233'");
    }
    {
        Replica::Reader reader(f.replica);
        CHECK_THROWS_AS(reader.product("P0000011"), DbError);  // the replica is damaged: said, not guessed
    }
    auto rebuilt = f.replica.sync(f.api);
    REQUIRE(rebuilt.ok());
    CHECK(rebuilt.value().full);
    Replica::Reader reader(f.replica);
    CHECK(reader.product("P0000010"));
    CHECK(reader.product("P0000011"));
}

TEST_CASE("damaged index words: a product leaves the index by its document's words; with its document damaged too, the replica is rebuilt") {
    testing::ClientFixture f;
    REQUIRE(f.replica.sync(f.api).ok());
    std::map<std::int64_t, std::string> intact;  // every product's words, before the damage
    {
        Db db(f.replica.db_path(), Db::Mode::ReadWrite);
        for (auto st = db.prepare("SELECT rowid, words FROM products"); st.step();) intact[st.integer(0)] = std::string(st.blob_view(1));
        db.exec("UPDATE products SET words = x'00'");
    }
    // Texts change, products go: each old row is taken out with the words of its document.
    auto mutated = central_api::mutate_catalog(f.h.db_path(), 20, 41, [&] { return f.h.now(); });
    REQUIRE(mutated.text_changes + mutated.deletions > 0);
    auto delta = f.replica.sync(f.api);
    REQUIRE(delta.ok());
    CHECK_FALSE(delta.value().full);
    {
        // The products the delta did not rewrite get their words back: the index must then hold
        // exactly every product's words (the rewritten ones' old entries are gone).
        Db db(f.replica.db_path(), Db::Mode::ReadWrite);
        auto put = db.prepare("UPDATE products SET words = ? WHERE rowid = ? AND words = x'00'");
        for (const auto& [row, words] : intact) put.bind_blob(1, words).bind(2, row).run();
        CHECK(testing::index_differs_from_words(db) == "");
        CHECK_FALSE(db.meta("damaged"));
    }
    {
        Db db(f.replica.db_path(), Db::Mode::ReadWrite);
        db.exec("UPDATE products SET words = x'00', doc = x'00'");
    }
    // Neither can be read: what to remove from the index is unknown, so the sync builds the
    // replica again rather than leave entries behind.
    central_api::mutate_catalog(f.h.db_path(), 20, 42, [&] { return f.h.now(); });
    auto rebuilt = f.replica.sync(f.api);
    REQUIRE(rebuilt.ok());
    CHECK(rebuilt.value().full);
    Db db(f.replica.db_path(), Db::Mode::ReadOnly);
    CHECK(testing::index_differs_from_words(db) == "");
    CHECK_FALSE(db.meta("damaged"));
}
