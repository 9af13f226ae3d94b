#pragma once
// A sorted list of short strings packed end to end: the search vocabulary (a million terms at
// 1 000 000 products, most of them references of 8–10 characters) in ~13 bytes a term where a
// std::vector<std::string> takes 32 (issue 16: the kiosk's memory). Read through a random-access
// iterator of std::string_view, so std::lower_bound and std::binary_search work on it.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace catalog_client {

class PackedTerms {
public:
    class const_iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = std::string_view;
        using difference_type = std::ptrdiff_t;
        using reference = std::string_view;
        struct pointer {  // for it->compare(…): a view held by value
            std::string_view view;
            const std::string_view* operator->() const { return &view; }
        };

        const_iterator() = default;
        const_iterator(const PackedTerms* terms, std::size_t i) : terms_(terms), i_(i) {}
        std::string_view operator*() const { return (*terms_)[i_]; }
        pointer operator->() const { return {(*terms_)[i_]}; }
        std::string_view operator[](difference_type n) const { return (*terms_)[static_cast<std::size_t>(static_cast<difference_type>(i_) + n)]; }
        const_iterator& operator++() { ++i_; return *this; }
        const_iterator operator++(int) { auto old = *this; ++i_; return old; }
        const_iterator& operator--() { --i_; return *this; }
        const_iterator operator--(int) { auto old = *this; --i_; return old; }
        const_iterator& operator+=(difference_type n) { i_ = static_cast<std::size_t>(static_cast<difference_type>(i_) + n); return *this; }
        const_iterator& operator-=(difference_type n) { return *this += -n; }
        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }
        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }
        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }
        friend difference_type operator-(const const_iterator& a, const const_iterator& b) {
            return static_cast<difference_type>(a.i_) - static_cast<difference_type>(b.i_);
        }
        friend bool operator==(const const_iterator& a, const const_iterator& b) { return a.i_ == b.i_; }
        friend bool operator!=(const const_iterator& a, const const_iterator& b) { return a.i_ != b.i_; }
        friend bool operator<(const const_iterator& a, const const_iterator& b) { return a.i_ < b.i_; }
        friend bool operator>(const const_iterator& a, const const_iterator& b) { return a.i_ > b.i_; }
        friend bool operator<=(const const_iterator& a, const const_iterator& b) { return a.i_ <= b.i_; }
        friend bool operator>=(const const_iterator& a, const const_iterator& b) { return a.i_ >= b.i_; }

    private:
        const PackedTerms* terms_ = nullptr;
        std::size_t i_ = 0;
    };

    // Terms must come in sorted order for the searches to be right (the caller's promise).
    void push_back(std::string_view term) {
        if (text_.size() + term.size() > UINT32_MAX) throw std::length_error("the vocabulary is over 4 GB");
        text_.append(term);
        ends_.push_back(static_cast<std::uint32_t>(text_.size()));
    }
    void clear() {
        text_.clear();
        text_.shrink_to_fit();
        ends_.clear();
        ends_.shrink_to_fit();
    }
    // Gives back what growing left unused (after the last push_back).
    void shrink_to_fit() {
        text_.shrink_to_fit();
        ends_.shrink_to_fit();
    }
    std::size_t size() const { return ends_.size(); }
    bool empty() const { return ends_.empty(); }
    std::string_view operator[](std::size_t i) const {
        const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(text_).substr(begin, ends_[i] - begin);
    }
    const_iterator begin() const { return {this, 0}; }
    const_iterator end() const { return {this, ends_.size()}; }
    std::size_t bytes() const { return text_.capacity() + ends_.capacity() * sizeof(std::uint32_t); }

private:
    std::string text_;                 // every term, end to end (under 4 GB: ends are 32-bit)
    std::vector<std::uint32_t> ends_;  // where each term ends in text_
};

}  // namespace catalog_client
