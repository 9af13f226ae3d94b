// Internal to catalog_client: the field reader shared by every typed parser (over nlohmann::json
// and over the sync feed's one-pass document). Not part of the layer's interface.
#pragma once

#include "catalog_client/model_json.hpp"

#include <string>
#include <string_view>

namespace catalog_client::detail {

constexpr std::size_t kMaxText = 20000;   // descriptions
constexpr std::size_t kMaxShort = 500;    // names, ids, codes

inline std::string_view string_of(const json& v) { return v.get_ref<const std::string&>(); }

// Reads fields and remembers the first problem with its JSON path.
template <class J>
class ReaderT {
public:
    bool ok() const { return error_.empty(); }
    Error error() const { return Error::of(ErrorKind::Parse, error_); }
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

}  // namespace catalog_client::detail
