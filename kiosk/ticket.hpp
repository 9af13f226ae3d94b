#pragma once
// The printed ticket of an order (S8): what a thermal receipt printer prints, as ESC/POS bytes,
// and how they reach the printer (a character device such as /dev/usb/lp0).
//
// `Ticket` is plain data, built by the confirmation screen from already translated and formatted
// text (UTF-8). `escpos` is pure: text is converted to code page PC858 (Latin-1 letters and €;
// typographic characters the printer lacks become their plain equivalents) and wrapped to the
// paper's width in columns. `write_ticket` blocks (at most `timeout_s`): call it on a worker.
// Errors: `write_ticket` returns a message for the log (the device cannot be opened, the printer
// stays busy); nothing throws.

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

struct TicketLine {
    enum class Kind { Title, Text, Row, Rule, Barcode, Qr, Gap } kind = Kind::Text;
    std::string text;   // Title, Text, Row (left part), Barcode/Qr (the data), caption for none
    std::string right;  // Row: the right-aligned part (an amount)
};

struct Ticket {
    std::string order_number;  // which order it is (answers are matched on it)
    std::vector<TicketLine> lines;
};

// UTF-8 -> PC858 bytes: ASCII as is, Latin-1 letters and € mapped, ’ ‘ “ ” — – … Œ œ and the
// no-break spaces replaced by plain equivalents, anything else '?'. Invalid UTF-8 becomes '?'.
std::string to_pc858(const std::string& utf8);

// The ESC/POS byte stream for `t` on paper `columns` characters wide (font A): initialise,
// select PC858, centred bold title, wrapped text, rows with right-aligned amounts, Code 128
// barcodes with their text below, QR codes, then feed and cut.
std::string escpos(const Ticket& t, int columns);

// Writes `bytes` to the printer device (opened write-only, never created). nullopt when sent.
std::optional<std::string> write_ticket(const std::string& device, const std::string& bytes, double timeout_s = 10.0);

}  // namespace kiosk
