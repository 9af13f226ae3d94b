// Internal to catalog_client: a JSON document parsed in one pass, for the sync feed's pages.
#pragma once

#include "catalog_client/json_bounded.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace catalog_client::detail {

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

inline std::string_view string_of(const FastValue& v) { return v.text(); }

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

}  // namespace catalog_client::detail
