#include "model.hpp"

#include "json_bounded.hpp"

#include <charconv>
#include <cstdio>
#include <deque>
#include <memory>
#include <type_traits>

namespace catalog_client {

namespace {

constexpr std::size_t kMaxText = 20000;   // descriptions
constexpr std::size_t kMaxShort = 500;    // names, ids, codes

std::string_view string_of(const json& v) { return v.get_ref<const std::string&>(); }

// Reads fields and remembers the first problem with its JSON path.
template <class J>
class ReaderT {
public:
    bool ok() const { return error_.empty(); }
    Error error() const { return Error{ErrorKind::Parse, 0, {}, error_, 0, {}}; }
    void fail(const std::string& path, const char* what) {
        if (error_.empty()) error_ = (path.empty() ? std::string("document") : path) + ": " + what;
    }

    const J* member(const J& obj, std::string_view key, const std::string& path, bool required) {
        if (!obj.is_object()) {
            fail(path, "not an object");
            return nullptr;
        }
        auto it = obj.find(key);
        if (it == obj.end() || it->is_null()) {
            if (required) fail(join(path, key), "missing");
            return nullptr;
        }
        return &*it;
    }
    std::string str(const J& obj, std::string_view key, const std::string& path, bool required = true,
                    std::size_t max = kMaxShort) {
        const J* v = member(obj, key, path, required);
        if (!v) return {};
        return clean(*v, join(path, key), max);
    }
    std::string clean(const J& v, const std::string& path, std::size_t max) {
        if (!v.is_string()) {
            fail(path, "not a string");
            return {};
        }
        std::string_view s = string_of(v);
        if (s.size() > max) {
            fail(path, "too long");
            return {};
        }
        std::string out;
        out.reserve(s.size());
        for (unsigned char c : s)
            if (c >= 0x20 && c != 0x7f) out.push_back(static_cast<char>(c));
            else if (c == '\n' || c == '\t') out.push_back(' ');
        return out;
    }
    std::int64_t integer(const J& obj, std::string_view key, const std::string& path, bool required,
                         std::int64_t min, std::int64_t max) {
        const J* v = member(obj, key, path, required);
        if (!v) return 0;
        if (!v->is_number_integer()) {
            fail(join(path, key), "not an integer");
            return 0;
        }
        if (v->is_number_unsigned() && v->template get<std::uint64_t>() > static_cast<std::uint64_t>(max)) {
            fail(join(path, key), "out of range");
            return 0;
        }
        auto n = v->template get<std::int64_t>();
        if (n < min || n > max) {
            fail(join(path, key), "out of range");
            return 0;
        }
        return n;
    }
    double number(const J& obj, std::string_view key, const std::string& path, bool required) {
        const J* v = member(obj, key, path, required);
        if (!v) return 0;
        if (!v->is_number()) {
            fail(join(path, key), "not a number");
            return 0;
        }
        return v->template get<double>();
    }
    bool boolean(const J& obj, std::string_view key, const std::string& path, bool required) {
        const J* v = member(obj, key, path, required);
        if (!v) return false;
        if (!v->is_boolean()) {
            fail(join(path, key), "not a boolean");
            return false;
        }
        return v->template get<bool>();
    }
    Money money(const J& obj, std::string_view key, const std::string& path, bool required = true) {
        const J* v = member(obj, key, path, required);
        if (!v) return {};
        std::string p = join(path, key);
        Money m;
        m.amount = integer(*v, "amount", p, true, -1'000'000'000'00LL, 1'000'000'000'00LL);
        m.currency = str(*v, "currency", p, true, 8);
        return m;
    }
    LocalizedText text(const J& obj, std::string_view key, const std::string& path, bool required = true,
                       std::size_t max = kMaxShort) {
        LocalizedText t;
        const J* v = member(obj, key, path, required);
        if (!v) return t;
        std::string p = join(path, key);
        if (!v->is_object()) {
            fail(p, "not a localised text object");
            return t;
        }
        for (auto it = v->begin(); it != v->end(); ++it) {
            std::string lang(it.key());
            if (lang.size() > 16) continue;  // not a language tag: ignored
            t.by_lang[lang] = clean(it.value(), p + "." + lang, max);
        }
        if (required && t.by_lang.empty()) fail(p, "empty");
        return t;
    }
    const J* array(const J& obj, std::string_view key, const std::string& path, bool required,
                      std::size_t max_items = 100000) {
        const J* v = member(obj, key, path, required);
        if (!v) return nullptr;
        if (!v->is_array()) {
            fail(join(path, key), "not an array");
            return nullptr;
        }
        if (v->size() > max_items) {
            fail(join(path, key), "too many items");
            return nullptr;
        }
        return v;
    }
    std::vector<std::string> strings(const J& obj, std::string_view key, const std::string& path,
                                     bool required, std::size_t max_items = 1000) {
        std::vector<std::string> out;
        const J* a = array(obj, key, path, required, max_items);
        if (!a) return out;
        for (std::size_t i = 0; i < a->size(); ++i) out.push_back(clean((*a)[i], index(join(path, key), i), kMaxShort));
        return out;
    }
    static std::string join(const std::string& path, std::string_view key) {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }
    static std::string index(const std::string& path, std::size_t i) {
        return path + "[" + std::to_string(i) + "]";
    }

private:
    std::string error_;
};

using Reader = ReaderT<json>;

template <class T, class R>
Result<T> finish(R& r, T value) {
    if (!r.ok()) return r.error();
    return value;
}

template <class J>
Image read_image(ReaderT<J>& r, const J& doc, const std::string& path) {
    Image img;
    img.url = r.str(doc, "url", path, true, 2048);
    img.width = static_cast<int>(r.integer(doc, "width", path, false, 0, 100000));
    img.height = static_cast<int>(r.integer(doc, "height", path, false, 0, 100000));
    img.alt = r.text(doc, "alt", path, false);
    img.color = r.str(doc, "color", path, false);
    return img;
}

template <class J>
Variant read_variant(ReaderT<J>& r, const J& doc, const std::string& path) {
    Variant v;
    v.sku = r.str(doc, "sku", path);
    v.ean = r.str(doc, "ean", path, false, 32);
    if (const J* opts = r.member(doc, "options", path, false); opts && opts->is_object())
        for (auto it = opts->begin(); it != opts->end(); ++it)
            v.options[std::string(it.key())] = r.clean(it.value(), path + ".options." + std::string(it.key()), kMaxShort);
    if (const J* labels = r.member(doc, "labels", path, false); labels && labels->is_object())
        for (auto it = labels->begin(); it != labels->end(); ++it)
            v.labels[std::string(it.key())] = r.text(*labels, it.key(), path + ".labels", false);
    if (const J* price = r.member(doc, "price", path, true)) {
        v.store_price = r.money(*price, "store", path + ".price");
        v.online_price = r.money(*price, "online", path + ".price");
    }
    if (r.member(doc, "compare_at", path, false)) v.compare_at = r.money(doc, "compare_at", path);
    v.online_only = r.boolean(doc, "online_only", path, false);
    if (r.ok() && v.sku.empty()) r.fail(path + ".sku", "empty");
    return v;
}

template <class J>
Product read_product(ReaderT<J>& r, const J& doc, const std::string& path) {
    Product p;
    p.id = r.str(doc, "id", path);
    if (r.ok() && p.id.empty()) r.fail(path + ".id", "empty");
    p.ref = r.str(doc, "ref", path, false);
    p.brand = r.str(doc, "brand", path, false);
    p.name = r.text(doc, "name", path);
    p.description = r.text(doc, "description", path, false, kMaxText);
    p.care = r.text(doc, "care", path, false, kMaxText);
    p.category_ids = r.strings(doc, "category_ids", path, false);
    p.badges = r.strings(doc, "badges", path, false);
    p.updated_at = r.str(doc, "updated_at", path, false, 64);
    if (const J* attrs = r.member(doc, "attributes", path, false); attrs && attrs->is_object()) {
        for (auto lang = attrs->begin(); lang != attrs->end(); ++lang) {
            if (lang.value().is_object()) {  // localised: {"fr": {"Matière": "coton"}}
                for (auto it = lang.value().begin(); it != lang.value().end(); ++it)
                    p.attributes[std::string(lang.key())].emplace_back(std::string(it.key()), r.clean(it.value(), path + ".attributes", kMaxShort));
            } else {  // plain: {"Matière": "coton"}, shown in every language
                p.attributes[""].emplace_back(std::string(lang.key()), r.clean(lang.value(), path + ".attributes", kMaxShort));
            }
        }
    }
    if (const J* points = r.member(doc, "selling_points", path, false); points && points->is_object())
        for (auto it = points->begin(); it != points->end(); ++it)
            p.selling_points[std::string(it.key())] = r.strings(*points, it.key(), path + ".selling_points", false, 50);
    if (const J* imgs = r.array(doc, "images", path, false, 200))
        for (std::size_t i = 0; i < imgs->size(); ++i) p.images.push_back(read_image(r, (*imgs)[i], ReaderT<J>::index(path + ".images", i)));
    if (const J* vars = r.array(doc, "variants", path, true, 500))
        for (std::size_t i = 0; i < vars->size(); ++i) p.variants.push_back(read_variant(r, (*vars)[i], ReaderT<J>::index(path + ".variants", i)));
    if (r.ok() && p.variants.empty()) r.fail(path + ".variants", "empty");
    return p;
}

QuoteLine read_line(Reader& r, const json& doc, const std::string& path) {
    QuoteLine l;
    l.sku = r.str(doc, "sku", path);
    l.product_id = r.str(doc, "product_id", path, false);
    l.name = r.text(doc, "name", path, false);
    l.quantity = r.integer(doc, "quantity", path, true, 1, 10000);
    l.unit_price = r.money(doc, "unit_price", path);
    if (r.member(doc, "line_total", path, false)) l.line_total = r.money(doc, "line_total", path);
    else l.line_total = {l.unit_price.amount * l.quantity, l.unit_price.currency};
    return l;
}

int minutes(const std::string& hhmm) {
    if (hhmm.size() != 5 || hhmm[2] != ':') return -1;
    for (int i : {0, 1, 3, 4})
        if (hhmm[static_cast<std::size_t>(i)] < '0' || hhmm[static_cast<std::size_t>(i)] > '9') return -1;
    int m = ((hhmm[0] - '0') * 10 + (hhmm[1] - '0')) * 60 + (hhmm[3] - '0') * 10 + (hhmm[4] - '0');
    return m <= 24 * 60 ? m : -1;
}

}  // namespace

const std::string& LocalizedText::text(const std::string& lang, const std::string& fallback) const {
    static const std::string empty;
    if (auto it = by_lang.find(lang); it != by_lang.end() && !it->second.empty()) return it->second;
    if (auto it = by_lang.find(fallback); it != by_lang.end() && !it->second.empty()) return it->second;
    for (const auto& [l, t] : by_lang)
        if (!t.empty()) return t;
    return empty;
}

Result<Product> parse_product(const json& doc) {
    Reader r;
    Product p = read_product(r, doc, "");
    return finish(r, std::move(p));
}

namespace {
template <class J>
Result<ChangePage> parse_changes(const J& doc, std::vector<std::size_t>* item_of);
}  // namespace

Result<ChangePage> parse_change_page(const json& doc) { return parse_changes(doc, nullptr); }

namespace {
template <class J>
Result<ChangePage> parse_changes(const J& doc, std::vector<std::size_t>* item_of) {
    ReaderT<J> r;
    ChangePage page;
    const J* changes = r.array(doc, "changes", "", true, 10000);
    page.next_cursor = r.str(doc, "next_cursor", "", true, 1000);
    page.has_more = r.boolean(doc, "has_more", "", true);
    if (!r.ok()) return r.error();
    if (page.next_cursor.empty()) return Error{ErrorKind::Parse, 0, {}, "next_cursor: empty", 0, {}};
    for (std::size_t i = 0; i < changes->size(); ++i) {
        ReaderT<J> item;
        const J& c = (*changes)[i];
        std::string path = ReaderT<J>::index("changes", i);
        std::string op = item.str(c, "op", path);
        Change change;
        if (item.ok() && op == "delete") {
            change.deleted = true;
            change.product_id = item.str(c, "product_id", path);
        } else if (item.ok() && op == "upsert") {
            if (const J* p = item.member(c, "product", path, true)) change.product = read_product(item, *p, path + ".product");
            if (change.product) change.product_id = change.product->id;
        } else if (item.ok()) {
            item.fail(path + ".op", "unknown operation");
        }
        if (item.ok() && change.product_id.empty()) item.fail(path, "no product id");
        if (item.ok()) {
            page.changes.push_back(std::move(change));
            if (item_of) item_of->push_back(i);
        } else {
            page.skipped.push_back(item.error().message);
        }
    }
    return page;
}
}  // namespace

namespace {

// A JSON document parsed in one pass over a page of the sync feed, for the replica's full sync
// (1 000 000 products): strings are views into the text (decoded into one buffer only when they
// hold escapes), containers list their children, every value knows its place in the text. It
// accepts exactly what nlohmann::json accepts (RFC 8259, UTF-8 checked) and offers the part of
// nlohmann's interface that ReaderT uses, so the same validation code reads both.
class FastValue {
public:
    enum class Kind : std::uint8_t { Null, Boolean, Integer, Unsigned, Float, String, Array, Object };

    class iterator {
    public:
        explicit iterator(const FastValue* const* at) : at_(at) {}
        std::string_view key() const { return (*at_)->key_; }
        const FastValue& value() const { return **at_; }
        const FastValue& operator*() const { return **at_; }
        const FastValue* operator->() const { return *at_; }
        iterator& operator++() {
            ++at_;
            return *this;
        }
        bool operator==(const iterator& o) const { return at_ == o.at_; }
        bool operator!=(const iterator& o) const { return at_ != o.at_; }

    private:
        const FastValue* const* at_;
    };

    bool is_null() const { return kind_ == Kind::Null; }
    bool is_boolean() const { return kind_ == Kind::Boolean; }
    bool is_number() const { return kind_ == Kind::Integer || kind_ == Kind::Unsigned || kind_ == Kind::Float; }
    bool is_number_integer() const { return kind_ == Kind::Integer || kind_ == Kind::Unsigned; }
    bool is_number_unsigned() const { return kind_ == Kind::Unsigned; }
    bool is_string() const { return kind_ == Kind::String; }
    bool is_array() const { return kind_ == Kind::Array; }
    bool is_object() const { return kind_ == Kind::Object; }

    template <class T>
    T get() const {
        if constexpr (std::is_same_v<T, bool>) return boolean_;
        else if constexpr (std::is_same_v<T, double>)
            return kind_ == Kind::Float ? real_ : kind_ == Kind::Unsigned ? static_cast<double>(unsigned_) : static_cast<double>(integer_);
        else if constexpr (std::is_same_v<T, std::uint64_t>)
            return kind_ == Kind::Unsigned ? unsigned_ : static_cast<std::uint64_t>(integer_);
        else return kind_ == Kind::Unsigned ? static_cast<std::int64_t>(unsigned_) : integer_;
    }
    std::string_view text() const { return text_; }
    std::size_t size() const { return count_; }
    const FastValue& operator[](std::size_t i) const { return *children_[i]; }
    iterator begin() const { return iterator(children_); }
    iterator end() const { return iterator(children_ + count_); }
    // The last member with this key, as nlohmann::json keeps the last of duplicate keys.
    iterator find(std::string_view key) const {
        for (std::uint32_t i = count_; i > 0; --i)
            if (children_[i - 1]->key_ == key) return iterator(children_ + i - 1);
        return end();
    }
    std::size_t from = 0, to = 0;  // where the value is in the text

private:
    friend class FastParser;
    Kind kind_ = Kind::Null;
    bool boolean_ = false;
    std::int64_t integer_ = 0;
    std::uint64_t unsigned_ = 0;
    double real_ = 0;
    std::string_view text_, key_;
    const FastValue* const* children_ = nullptr;
    std::uint32_t count_ = 0;
};

std::string_view string_of(const FastValue& v) { return v.text(); }

class FastParser {
public:
    explicit FastParser(std::string_view text) : s_(text) { decoded_.reserve(text.size()); }

    // The root value, or nullptr when the text is not valid JSON.
    const FastValue* parse() {
        ws();
        const FastValue* root = value(0);
        ws();
        return root && i_ == s_.size() ? root : nullptr;
    }

private:
    // The same limit as parse_json_bounded: a container inside 64 others is refused.
    static constexpr std::size_t kMaxDepth = kMaxJsonDepth;

    char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
    void ws() {
        while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
    }
    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        i_ += word.size();
        return true;
    }
    // Room for n child pointers that stay where they are (blocks never move).
    const FastValue** slots(std::size_t n) {
        if (n == 0) return nullptr;
        if (block_left_ < n) {
            std::size_t size = std::max<std::size_t>(n, 4096);
            blocks_.push_back(std::make_unique<const FastValue*[]>(size));
            block_next_ = blocks_.back().get();
            block_left_ = size;
        }
        const FastValue** out = block_next_;
        block_next_ += n;
        block_left_ -= n;
        return out;
    }

    // `depth`: how many containers hold this value.
    const FastValue* value(std::size_t depth) {
        FastValue& v = values_.emplace_back();
        v.from = i_;
        char c = peek();
        bool ok = true;
        if (c == '{' || c == '[') {
            if (depth + 1 > kMaxDepth) return nullptr;
            ok = container(v, depth);
        } else if (c == '"') {
            v.kind_ = FastValue::Kind::String;
            ok = string(v.text_);
        } else if (c == 't' || c == 'f') {
            v.kind_ = FastValue::Kind::Boolean;
            v.boolean_ = c == 't';
            ok = literal(c == 't' ? "true" : "false");
        } else if (c == 'n') {
            ok = literal("null");
        } else {
            ok = number(v);
        }
        v.to = i_;
        return ok ? &v : nullptr;
    }

    bool container(FastValue& v, std::size_t depth) {
        const bool object = s_[i_++] == '{';
        v.kind_ = object ? FastValue::Kind::Object : FastValue::Kind::Array;
        const char close = object ? '}' : ']';
        std::size_t mark = stack_.size();
        ws();
        if (peek() == close) {
            ++i_;
        } else {
            for (;;) {
                std::string_view key;
                if (object) {
                    if (peek() != '"' || !string(key)) return false;
                    ws();
                    if (peek() != ':') return false;
                    ++i_;
                    ws();
                }
                const FastValue* child = value(depth + 1);
                if (!child) return false;
                const_cast<FastValue*>(child)->key_ = key;
                stack_.push_back(child);
                ws();
                if (peek() == ',') {
                    ++i_;
                    ws();
                    continue;
                }
                if (peek() != close) return false;
                ++i_;
                break;
            }
        }
        std::size_t n = stack_.size() - mark;
        const FastValue** kids = slots(n);
        std::copy(stack_.begin() + static_cast<std::ptrdiff_t>(mark), stack_.end(), kids);
        stack_.resize(mark);
        v.children_ = kids;
        v.count_ = static_cast<std::uint32_t>(n);
        return true;
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }
    bool hex4(unsigned& out) {
        if (i_ + 4 > s_.size()) return false;
        out = 0;
        for (int k = 0; k < 4; ++k) {
            int h = hex(s_[i_++]);
            if (h < 0) return false;
            out = out * 16 + static_cast<unsigned>(h);
        }
        return true;
    }
    // One UTF-8 sequence starting at i_ (a byte >= 0x80): well-formed, shortest form, no
    // surrogates, at most U+10FFFF.
    bool utf8() {
        auto b = [&](std::size_t k) { return static_cast<unsigned char>(s_[k]); };
        unsigned char c = b(i_);
        std::size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            if (c == 0xE0) lo = 0xA0;
            if (c == 0xED) hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            if (c == 0xF0) lo = 0x90;
            if (c == 0xF4) hi = 0x8F;
        } else {
            return false;
        }
        if (i_ + n >= s_.size()) return false;
        if (b(i_ + 1) < lo || b(i_ + 1) > hi) return false;
        for (std::size_t k = 2; k <= n; ++k)
            if (b(i_ + k) < 0x80 || b(i_ + k) > 0xBF) return false;
        i_ += n + 1;
        return true;
    }
    void append_utf8(unsigned cp) {
        if (cp < 0x80) {
            decoded_.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            decoded_.push_back(static_cast<char>(0xC0 | (cp >> 6)));
            decoded_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else if (cp < 0x10000) {
            decoded_.push_back(static_cast<char>(0xE0 | (cp >> 12)));
            decoded_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            decoded_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
            decoded_.push_back(static_cast<char>(0xF0 | (cp >> 18)));
            decoded_.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
            decoded_.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
            decoded_.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
    }
    // A string at i_ (on its opening quote): a view into the text when it has no escapes, else
    // decoded into decoded_ (never longer than the text, reserved up front: views stay valid).
    bool string(std::string_view& out) {
        std::size_t start = ++i_;
        bool escaped = false;
        std::size_t decoded_from = 0;
        for (;;) {
            if (i_ >= s_.size()) return false;
            auto c = static_cast<unsigned char>(s_[i_]);
            if (c == '"') break;
            if (c < 0x20) return false;
            if (c >= 0x80) {
                std::size_t at = i_;
                if (!utf8()) return false;
                if (escaped) decoded_.append(s_.data() + at, i_ - at);
                continue;
            }
            if (c != '\\') {
                if (escaped) decoded_.push_back(static_cast<char>(c));
                ++i_;
                continue;
            }
            if (!escaped) {
                escaped = true;
                decoded_from = decoded_.size();
                decoded_.append(s_.data() + start, i_ - start);
            }
            ++i_;
            if (i_ >= s_.size()) return false;
            char e = s_[i_++];
            switch (e) {
                case '"': decoded_.push_back('"'); break;
                case '\\': decoded_.push_back('\\'); break;
                case '/': decoded_.push_back('/'); break;
                case 'b': decoded_.push_back('\b'); break;
                case 'f': decoded_.push_back('\f'); break;
                case 'n': decoded_.push_back('\n'); break;
                case 'r': decoded_.push_back('\r'); break;
                case 't': decoded_.push_back('\t'); break;
                case 'u': {
                    unsigned cp;
                    if (!hex4(cp)) return false;
                    if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        unsigned low;
                        if (i_ + 2 > s_.size() || s_[i_] != '\\' || s_[i_ + 1] != 'u') return false;
                        i_ += 2;
                        if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    }
                    append_utf8(cp);
                    break;
                }
                default: return false;
            }
        }
        out = escaped ? std::string_view(decoded_.data() + decoded_from, decoded_.size() - decoded_from)
                      : s_.substr(start, i_ - start);
        ++i_;
        return true;
    }

    bool number(FastValue& v) {
        std::size_t start = i_;
        bool negative = peek() == '-';
        if (negative) ++i_;
        auto digits = [&] {
            std::size_t from = i_;
            while (i_ < s_.size() && s_[i_] >= '0' && s_[i_] <= '9') ++i_;
            return i_ - from;
        };
        if (peek() == '0') ++i_;
        else if (digits() == 0) return false;
        bool integral = true;
        if (peek() == '.') {
            ++i_;
            integral = false;
            if (digits() == 0) return false;
        }
        if (peek() == 'e' || peek() == 'E') {
            ++i_;
            integral = false;
            if (peek() == '+' || peek() == '-') ++i_;
            if (digits() == 0) return false;
        }
        const char* first = s_.data() + start;
        const char* last = s_.data() + i_;
        if (integral) {
            if (negative) {
                auto r = std::from_chars(first, last, v.integer_);
                if (r.ec == std::errc() && r.ptr == last) {
                    v.kind_ = FastValue::Kind::Integer;
                    return true;
                }
            } else {
                auto r = std::from_chars(first, last, v.unsigned_);
                if (r.ec == std::errc() && r.ptr == last) {
                    v.kind_ = FastValue::Kind::Unsigned;
                    return true;
                }
            }
        }
        // A fraction, an exponent, or an integer too large for 64 bits: a double, as nlohmann.
        auto r = std::from_chars(first, last, v.real_);
        if (r.ec != std::errc() || r.ptr != last) return false;  // 1e400 is out of range, as nlohmann says
        v.kind_ = FastValue::Kind::Float;
        return true;
    }

    std::string_view s_;
    std::size_t i_ = 0;
    std::deque<FastValue> values_;  // never moves what it holds
    std::string decoded_;
    std::vector<const FastValue*> stack_;
    std::vector<std::unique_ptr<const FastValue*[]>> blocks_;
    const FastValue** block_next_ = nullptr;
    std::size_t block_left_ = 0;
};

}  // namespace

Result<ChangePage> parse_change_page_text(std::string_view body) {
    FastParser parser(body);
    const FastValue* doc = parser.parse();
    if (!doc) return Error{ErrorKind::Parse, 0, {}, "the answer is not valid JSON", 0, {}};
    std::vector<std::size_t> item_of;
    auto page = parse_changes(*doc, &item_of);
    if (!page.ok()) return page;
    const FastValue& items = *doc->find("changes");
    for (std::size_t k = 0; k < page.value().changes.size(); ++k) {
        auto& change = page.value().changes[k];
        if (change.deleted) continue;
        const FastValue& product = *items[item_of[k]].find("product");
        change.raw = std::string(body.substr(product.from, product.to - product.from));
    }
    return page;
}

Result<std::vector<Category>> parse_categories(const json& doc) {
    Reader r;
    std::vector<Category> out;
    if (!doc.is_array()) return Error{ErrorKind::Parse, 0, {}, "categories: not an array", 0, {}};
    for (std::size_t i = 0; i < doc.size() && r.ok(); ++i) {
        std::string path = Reader::index("categories", i);
        Category c;
        c.id = r.str(doc[i], "id", path);
        c.parent_id = r.str(doc[i], "parent_id", path, false);
        c.name = r.text(doc[i], "name", path);
        c.position = static_cast<int>(r.integer(doc[i], "position", path, false, -1000000, 1000000));
        out.push_back(std::move(c));
    }
    return finish(r, std::move(out));
}

Result<std::vector<Store>> parse_stores(const json& doc) {
    Reader r;
    std::vector<Store> out;
    if (!doc.is_array()) return Error{ErrorKind::Parse, 0, {}, "stores: not an array", 0, {}};
    for (std::size_t i = 0; i < doc.size() && r.ok(); ++i) {
        const json& d = doc[i];
        std::string path = Reader::index("stores", i);
        Store s;
        s.id = r.str(d, "id", path);
        s.kind = r.str(d, "kind", path);
        s.name = r.str(d, "name", path);
        if (const json* a = r.member(d, "address", path, false)) {
            s.line1 = r.str(*a, "line1", path + ".address", false);
            s.postcode = r.str(*a, "postcode", path + ".address", false);
            s.city = r.str(*a, "city", path + ".address", false);
            s.country = r.str(*a, "country", path + ".address", false);
        }
        if (const json* l = r.member(d, "location", path, true)) {
            s.lat = r.number(*l, "lat", path + ".location", true);
            s.lon = r.number(*l, "lon", path + ".location", true);
        }
        s.timezone = r.str(d, "timezone", path, false);
        s.phone = r.str(d, "phone", path, false);
        s.pickup = r.boolean(d, "pickup", path, false);
        s.closed_dates = r.strings(d, "closed_dates", path, false);
        if (const json* hours = r.array(d, "opening_hours", path, false, 100)) {
            for (std::size_t k = 0; k < hours->size(); ++k) {
                std::string hp = Reader::index(path + ".opening_hours", k);
                OpeningSlot slot;
                slot.day = static_cast<int>(r.integer((*hours)[k], "day", hp, true, 1, 7));
                slot.open_minute = minutes(r.str((*hours)[k], "open", hp, true, 8));
                slot.close_minute = minutes(r.str((*hours)[k], "close", hp, true, 8));
                if (r.ok() && (slot.open_minute < 0 || slot.close_minute < 0)) r.fail(hp, "bad time (HH:MM)");
                s.opening_hours.push_back(slot);
            }
        }
        out.push_back(std::move(s));
    }
    return finish(r, std::move(out));
}

Result<KioskIdentity> parse_identity(const json& doc) {
    Reader r;
    KioskIdentity k{r.str(doc, "kiosk_id", ""), r.str(doc, "store_id", "")};
    return finish(r, std::move(k));
}

Result<Availability> parse_availability(const json& doc) {
    Reader r;
    Availability a;
    a.as_of = r.str(doc, "as_of", "", false, 64);
    a.unknown_skus = r.strings(doc, "unknown_skus", "", false);
    if (const json* items = r.array(doc, "items", "", true, 1000)) {
        for (std::size_t i = 0; i < items->size(); ++i) {
            const json& d = (*items)[i];
            std::string path = Reader::index("items", i);
            SkuAvailability s;
            s.sku = r.str(d, "sku", path);
            if (const json* locs = r.array(d, "locations", path, false, 1000))
                for (std::size_t k = 0; k < locs->size(); ++k) {
                    std::string lp = Reader::index(path + ".locations", k);
                    StockAt at;
                    at.location_id = r.str((*locs)[k], "store_id", lp);
                    at.kind = r.str((*locs)[k], "kind", lp, false);
                    at.aisle = r.str((*locs)[k], "aisle", lp, false);
                    at.quantity = r.integer((*locs)[k], "quantity", lp, true, 0, 1'000'000'000);
                    at.distance_km = r.number((*locs)[k], "distance_km", lp, false);
                    s.locations.push_back(std::move(at));
                }
            if (const json* online = r.member(d, "online", path, false)) {
                s.online_quantity = r.integer(*online, "quantity", path + ".online", false, 0, 1'000'000'000);
                if (const json* days = r.member(*online, "delivery_days", path + ".online", false)) {
                    s.delivery_min_days = static_cast<int>(r.integer(*days, "min", path + ".online.delivery_days", false, 0, 365));
                    s.delivery_max_days = static_cast<int>(r.integer(*days, "max", path + ".online.delivery_days", false, 0, 365));
                }
            }
            if (const json* inc = r.array(d, "incoming", path, false, 1000))
                for (std::size_t k = 0; k < inc->size(); ++k) {
                    std::string ip = Reader::index(path + ".incoming", k);
                    s.incoming.push_back({r.str((*inc)[k], "store_id", ip), r.str((*inc)[k], "eta", ip, false, 64),
                                          r.integer((*inc)[k], "quantity", ip, true, 0, 1'000'000'000)});
                }
            a.items.push_back(std::move(s));
        }
    }
    return finish(r, std::move(a));
}

Result<Quote> parse_quote(const json& doc) {
    Reader r;
    Quote q;
    if (const json* lines = r.array(doc, "lines", "", true, 1000))
        for (std::size_t i = 0; i < lines->size(); ++i) q.lines.push_back(read_line(r, (*lines)[i], Reader::index("lines", i)));
    if (const json* options = r.array(doc, "options", "", true, 1000))
        for (std::size_t i = 0; i < options->size(); ++i) {
            const json& d = (*options)[i];
            std::string path = Reader::index("options", i);
            FulfilmentOption o;
            o.type = r.str(d, "type", path);
            o.store_id = r.str(d, "store_id", path, o.type == "pickup");
            o.ready_by = r.str(d, "ready_by", path, false, 64);
            o.source = r.str(d, "source", path, false);
            o.price = r.money(d, "price", path, false);
            o.distance_km = r.number(d, "distance_km", path, false);
            if (const json* eta = r.member(d, "eta", path, false)) {
                o.eta_min = r.str(*eta, "min", path + ".eta", false, 64);
                o.eta_max = r.str(*eta, "max", path + ".eta", false, 64);
            }
            q.options.push_back(std::move(o));
        }
    if (const json* totals = r.member(doc, "totals", "", true)) q.items_total = r.money(*totals, "items", "totals");
    return finish(r, std::move(q));
}

namespace {
Order read_order(Reader& r, const json& doc, const std::string& path) {
    Order o;
    o.number = r.str(doc, "number", path);
    o.status = r.str(doc, "status", path);
    o.created_at = r.str(doc, "created_at", path, false, 64);
    if (const json* lines = r.array(doc, "lines", path, true, 1000))
        for (std::size_t i = 0; i < lines->size(); ++i) o.lines.push_back(read_line(r, (*lines)[i], Reader::index(Reader::join(path, "lines"), i)));
    if (const json* totals = r.member(doc, "totals", path, true)) o.total = r.money(*totals, "total", Reader::join(path, "totals"));
    if (const json* f = r.member(doc, "fulfilment", path, true)) {
        // Where and when only: the address (a name and a street) is not kept.
        const std::string fp = Reader::join(path, "fulfilment");
        json kept = json::object();
        kept["type"] = r.str(*f, "type", fp, false, 16);
        if (auto store = r.str(*f, "store_id", fp, false); !store.empty()) kept["store_id"] = store;
        if (auto ready = r.str(*f, "ready_by", fp, false, 64); !ready.empty()) kept["ready_by"] = ready;
        if (const json* eta = r.member(*f, "eta", fp, false))
            kept["eta"] = {{"min", r.str(*eta, "min", fp + ".eta", false, 64)}, {"max", r.str(*eta, "max", fp + ".eta", false, 64)}};
        o.fulfilment = std::move(kept);
    }
    if (const json* pay = r.member(doc, "payment", path, true)) {
        std::string pp = Reader::join(path, "payment");
        o.payment_method = r.str(*pay, "method", pp);
        o.till_code = r.str(*pay, "till_code", pp, false, 64);
        o.payment_url = r.str(*pay, "payment_url", pp, false, 2048);
    }
    return o;
}
}  // namespace

Result<Order> parse_order(const json& doc) {
    Reader r;
    Order o = read_order(r, doc, "");
    return finish(r, std::move(o));
}

Result<std::vector<Order>> parse_order_list(const json& doc) {
    Reader r;
    std::vector<Order> out;
    if (const json* orders = r.array(doc, "orders", "", true, 10000))
        for (std::size_t i = 0; i < orders->size(); ++i) out.push_back(read_order(r, (*orders)[i], Reader::index("orders", i)));
    return finish(r, std::move(out));
}

Result<StaffSession> parse_staff_session(const json& doc) {
    Reader r;
    StaffSession s;
    s.token = r.str(doc, "token", "");
    s.expires_at = r.str(doc, "expires_at", "", false, 64);
    if (const json* staff = r.member(doc, "staff", "", true)) {
        s.staff_id = r.str(*staff, "id", "staff");
        s.staff_name = r.str(*staff, "name", "staff", false);
    }
    return finish(r, std::move(s));
}

Result<CustomerHistory> parse_customer_history(const json& doc) {
    Reader r;
    CustomerHistory h;
    if (const json* c = r.member(doc, "customer", "", true)) {
        h.name = r.str(*c, "name", "customer", false);
        h.card = r.str(*c, "card", "customer");
        h.tier = r.str(*c, "tier", "customer", false);
    }
    if (const json* list = r.array(doc, "purchases", "", true, 100000))
        for (std::size_t i = 0; i < list->size(); ++i) {
            const json& d = (*list)[i];
            std::string path = Reader::index("purchases", i);
            Purchase p;
            p.date = r.str(d, "date", path, true, 64);
            p.store_id = r.str(d, "store_id", path);
            p.sku = r.str(d, "sku", path);
            p.product_id = r.str(d, "product_id", path, false);
            p.name = r.text(d, "name", path, false);
            if (const json* opts = r.member(d, "options", path, false); opts && opts->is_object())
                for (auto it = opts->begin(); it != opts->end(); ++it) p.options[it.key()] = r.clean(it.value(), path + ".options", kMaxShort);
            p.quantity = r.integer(d, "quantity", path, true, 0, 100000);
            p.amount = r.money(d, "amount", path);
            h.purchases.push_back(std::move(p));
        }
    return finish(r, std::move(h));
}

namespace {
json text_json(const LocalizedText& t) {
    json o = json::object();
    for (const auto& [lang, s] : t.by_lang) o[lang] = s;
    return o;
}
json money_json(const Money& m) { return json{{"amount", m.amount}, {"currency", m.currency}}; }
std::string hhmm(int minute) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", (minute / 60) % 100, minute % 60);
    return buf;
}
}  // namespace

json to_json(const Product& p) {
    const auto& text = text_json;
    const auto& money = money_json;
    json images = json::array();
    for (const auto& i : p.images) {
        json img = {{"url", i.url}, {"width", i.width}, {"height", i.height}, {"alt", text(i.alt)}};
        if (!i.color.empty()) img["color"] = i.color;
        images.push_back(std::move(img));
    }
    json variants = json::array();
    for (const auto& v : p.variants) {
        json labels = json::object();
        for (const auto& [k, t] : v.labels) labels[k] = text(t);
        json jv = {{"sku", v.sku}, {"ean", v.ean}, {"options", v.options}, {"labels", labels},
                   {"price", {{"store", money(v.store_price)}, {"online", money(v.online_price)}}},
                   {"online_only", v.online_only}};
        if (v.compare_at) jv["compare_at"] = money(*v.compare_at);
        variants.push_back(std::move(jv));
    }
    json attributes = json::object();
    for (const auto& [lang, pairs] : p.attributes) {
        json o = json::object();
        for (const auto& [k, val] : pairs) o[k] = val;
        if (lang.empty()) attributes.update(o);
        else attributes[lang] = o;
    }
    return {{"id", p.id}, {"ref", p.ref}, {"brand", p.brand}, {"name", text(p.name)},
            {"description", text(p.description)}, {"care", text(p.care)}, {"category_ids", p.category_ids},
            {"attributes", attributes}, {"selling_points", p.selling_points}, {"badges", p.badges},
            {"images", images}, {"variants", variants}, {"updated_at", p.updated_at}};
}

json to_json(const Category& c) {
    json out = {{"id", c.id}, {"name", text_json(c.name)}, {"position", c.position}};
    if (!c.parent_id.empty()) out["parent_id"] = c.parent_id;
    return out;
}

json to_json(const Store& s) {
    json hours = json::array();
    for (const auto& slot : s.opening_hours)
        hours.push_back({{"day", slot.day}, {"open", hhmm(slot.open_minute)}, {"close", hhmm(slot.close_minute)}});
    return {{"id", s.id}, {"kind", s.kind}, {"name", s.name},
            {"address", {{"line1", s.line1}, {"postcode", s.postcode}, {"city", s.city}, {"country", s.country}}},
            {"location", {{"lat", s.lat}, {"lon", s.lon}}}, {"timezone", s.timezone}, {"phone", s.phone},
            {"opening_hours", hours}, {"closed_dates", s.closed_dates}, {"pickup", s.pickup}};
}

json to_json(const Order& o) {
    json lines = json::array();
    for (const auto& l : o.lines)
        lines.push_back({{"sku", l.sku}, {"product_id", l.product_id}, {"name", text_json(l.name)}, {"quantity", l.quantity},
                         {"unit_price", money_json(l.unit_price)}, {"line_total", money_json(l.line_total)}});
    return {{"number", o.number}, {"status", o.status}, {"created_at", o.created_at}, {"lines", lines},
            {"totals", {{"total", money_json(o.total)}}}, {"fulfilment", o.fulfilment.is_object() ? o.fulfilment : json::object()},
            {"payment", {{"method", o.payment_method}, {"till_code", o.till_code}, {"payment_url", o.payment_url}}}};
}

}  // namespace catalog_client
