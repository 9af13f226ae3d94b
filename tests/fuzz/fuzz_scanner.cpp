// Fuzz target: the barcode scanner's keystroke decoder (ScanDetector), fed a stream of timed
// keystrokes made from the input, and each code it reports handed to the reducer as a scan (on
// the home screen and on the checkout form). Input layout: byte 0 sets min_length (1..8), byte 1
// max_length (0..79), then two bytes per keystroke: a time step (0..239 ms; 0xF0.. a step back
// (the clock stays >= 0, as the platform's does), a long pause, or the same instant) and a key
// (CR/LF: Enter; 0: an empty text; >= 0x80: a two-byte UTF-8 character; else that byte as text).
// Properties: never crashes; it reports exactly the codes a plain model of the rule reports (a
// burst of printable ASCII, each key within max_gap_s of the previous one, ended by Enter within
// max_gap_s, of at least min_length characters, cut at max_length); every code is printable ASCII
// of an allowed length.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_support.hpp"
#include "kiosk/reducer.hpp"
#include "kiosk/scan.hpp"

namespace {

// The rule, written out plainly: every key since the burst began, checked at Enter.
class Model {
  public:
    Model(double max_gap, std::size_t min_length, std::size_t max_length)
        : max_gap_(max_gap), min_(min_length), max_(max_length) {}

    std::optional<std::string> key(const render::KeyStroke& k) {
        const bool close = seen_ && k.t - last_ <= max_gap_;
        if (!close) run_.clear();
        last_ = k.t;
        seen_ = true;
        if (k.enter) {
            std::string code = run_.substr(0, max_);
            run_.clear();
            seen_ = false;
            if (close && code.size() >= min_) return code;
            return std::nullopt;
        }
        const bool printable = k.text.size() == 1 && k.text[0] >= 0x20 && k.text[0] <= 0x7E;
        if (printable)
            run_ += k.text;
        else
            run_.clear();
        return std::nullopt;
    }

  private:
    double max_gap_;
    std::size_t min_, max_;
    std::string run_;
    double last_ = 0;
    bool seen_ = false;
};

void reduce_scan(const std::string& code) {
    kiosk::AppState home;
    home.screen = kiosk::Screen::Home;
    std::vector<kiosk::Effect> effects = kiosk::reduce(home, kiosk::act::Scanned{code});
    // The reducer takes codes of 1..64 characters (the detector's default max_length).
    if (code.size() <= 64)
        FUZZ_CHECK(effects.size() == 1 && std::holds_alternative<kiosk::fx::Lookup>(effects[0]) &&
                       std::get<kiosk::fx::Lookup>(effects[0]).code == code,
                   "a scanned code on the home screen is not looked up as it was read");
    kiosk::AppState checkout;
    checkout.screen = kiosk::Screen::Checkout;
    (void)kiosk::reduce(checkout, kiosk::act::Scanned{code});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    kiosk::ScanDetector detector;
    detector.min_length = 1 + data[0] % 8;
    detector.max_length = data[1] % 80;
    Model model(detector.max_gap_s, detector.min_length, detector.max_length);
    double t = 1000.0;
    for (std::size_t i = 2; i + 1 < size; i += 2) {
        const std::uint8_t step = data[i], key = data[i + 1];
        if (step < 0xF0)
            t += step * 0.001;
        else if (step < 0xF4)
            t = std::max(0.0, t - (step - 0xEF) * 0.05);  // back (never below 0)
        else if (step < 0xF8)
            t += (step - 0xF3) * 10.0;  // a long pause
        // else: the same instant
        render::KeyStroke k;
        k.t = t;
        if (key == '\r' || key == '\n') {
            k.enter = true;
        } else if (key >= 0x80) {
            k.text = {static_cast<char>(0xC2 + (key & 0x1F) % 30),
                      static_cast<char>(0x80 | (key & 0x3F))};
        } else if (key != 0) {
            k.text = std::string(1, static_cast<char>(key));
        }
        const std::optional<std::string> got = detector.feed(k);
        const std::optional<std::string> want = model.key(k);
        FUZZ_CHECK(got == want,
                   "the detector reported " + (got ? "\"" + *got + "\"" : std::string("nothing")) +
                       ", the rule says " + (want ? "\"" + *want + "\"" : std::string("nothing")));
        if (!got) continue;
        FUZZ_CHECK(k.enter, "a code reported on a key other than Enter");
        FUZZ_CHECK(got->size() >= detector.min_length && got->size() <= detector.max_length,
                   "code length");
        for (char c : *got)
            FUZZ_CHECK(c >= 0x20 && c <= 0x7E, "a code with a non-printable character");
        reduce_scan(*got);
    }
    return 0;
}
