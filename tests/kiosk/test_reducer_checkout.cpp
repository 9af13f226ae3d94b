// The reducer as a plain function: the checkout: quote, fulfilment, the form, placing the order and the outbox's news of it.
#include "reducer_fixture.hpp"
#include "catalog_client/model_json.hpp"  // the contract body the typed request becomes

using namespace reducer_fixture;

// ---- checkout ----

TEST_CASE("StartCheckout asks for a quote of the cart's lines") {
    AppState empty = fresh_state();
    reduce(empty, act::Start{});
    CHECK(reduce(empty, act::StartCheckout{}).empty());
    CHECK(empty.screen == Screen::Home);

    AppState s = with_cart();
    reduce(s, act::AddToCart{});
    reduce(s, act::Show{Screen::Cart});
    auto fx = reduce(s, act::StartCheckout{});
    CHECK(s.screen == Screen::Checkout);
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    const auto* q = find_fx<fx::RequestQuote>(fx);
    REQUIRE(q != nullptr);
    CHECK(q->request == s.checkout.quote_request);
    REQUIRE(q->lines.size() == 1);
    CHECK(q->lines[0].first == "SH-M-BLEU");
    CHECK(q->lines[0].second == 2);

    // A stale quote (another request) changes nothing.
    reduce(s, act::QuoteDone{s.checkout.quote_request + 100, quote_of(s), ""});
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    CHECK_FALSE(s.checkout.quote.has_value());

    reduce(s, act::QuoteDone{s.checkout.quote_request, quote_of(s), ""});
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK(s.checkout.quote.has_value());
    CHECK(s.checkout.price_changes.empty());
}

TEST_CASE("a failed quote makes ordering unavailable, with the reason") {
    AppState s = with_cart();
    reduce(s, act::StartCheckout{});
    reduce(s, act::QuoteDone{s.checkout.quote_request, std::nullopt, ""});
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
    CHECK(s.checkout.quote_error == "checkout.unavailable");

    reduce(s, act::StartCheckout{});
    reduce(s, act::QuoteDone{s.checkout.quote_request, std::nullopt, "checkout.quote_failed"});
    CHECK(s.checkout.quote_error == "checkout.quote_failed");

    // "Retry" asks for a fresh quote.
    auto fx = reduce(s, act::ChangeFulfilmentAfterRejection{});
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    CHECK(find_fx<fx::RequestQuote>(fx) != nullptr);
}

TEST_CASE("a quote with changed prices lists them; PlaceOrder waits until they are accepted") {
    AppState s = with_cart();
    reduce(s, act::StartCheckout{});
    cc::Quote q = quote_of(s);
    q.lines[0].unit_price = eur(3490);
    reduce(s, act::QuoteDone{s.checkout.quote_request, q, ""});
    CHECK(s.checkout.phase == OrderPhase::Editing);
    REQUIRE(s.checkout.price_changes.size() == 1);
    const PriceChange& pc = s.checkout.price_changes[0];
    CHECK(pc.sku == "SH-M-BLEU");
    CHECK(pc.before == 3990);
    CHECK(pc.after == 3490);
    CHECK(pc.name.text("fr") == "Chemise oxford");
    CHECK(s.cart[0].unit_price.amount == 3490);  // the cart shows the price that will be charged

    fill_delivery(s);
    auto fx = reduce(s, act::PlaceOrder{});
    CHECK(fx.empty());
    CHECK(s.checkout.phase == OrderPhase::Editing);

    reduce(s, act::AcceptPriceChanges{});
    CHECK(s.checkout.price_changes.empty());
    fx = reduce(s, act::PlaceOrder{});
    const auto* submit = find_fx<fx::SubmitOrder>(fx);
    REQUIRE(submit != nullptr);
    CHECK(submit->order.lines[0].unit_price.amount == 3490);
    CHECK(s.checkout.phase == OrderPhase::Placing);
}

TEST_CASE("a pickup store the new quote no longer offers is dropped") {
    AppState s = with_cart();
    quoted_checkout(s);
    reduce(s, act::SetFulfilment{Fulfilment::Pickup});
    reduce(s, act::ChoosePickupStore{"lyon-part-dieu"});
    reduce(s, act::StartCheckout{});
    cc::Quote q = quote_of(s);
    q.options.pop_back();  // no pickup any more
    reduce(s, act::QuoteDone{s.checkout.quote_request, q, ""});
    CHECK(s.checkout.pickup_store.empty());
    CHECK(s.checkout.fulfilment == Fulfilment::Pickup);

    reduce(s, act::ChoosePickupStore{"lyon-part-dieu"});
    reduce(s, act::StartCheckout{});
    reduce(s, act::QuoteDone{s.checkout.quote_request, quote_of(s), ""});
    CHECK(s.checkout.pickup_store == "lyon-part-dieu");
}

TEST_CASE("field checks") {
    CHECK(check_postcode("75011") == "");
    CHECK(check_postcode(" 69003 ") == "");
    CHECK(check_postcode("") == "error.field.required");
    CHECK(check_postcode("   ") == "error.field.required");
    CHECK(check_postcode("7500") == "error.postcode");
    CHECK(check_postcode("750011") == "error.postcode");
    CHECK(check_postcode("7501A") == "error.postcode");
    CHECK(check_postcode("00123") == "error.postcode");

    CHECK(check_phone("0612345678") == "");
    CHECK(check_phone("06 12 34 56 78") == "");
    CHECK(check_phone("06.12.34.56.78") == "");
    CHECK(check_phone("+33 6 12 34 56 78") == "");
    CHECK(check_phone("12345") == "error.phone");
    CHECK(check_phone("0012345678") == "error.phone");
    CHECK(check_phone("+33 06 12 34 56 78") == "error.phone");
    CHECK(check_phone("06 12 34 56 7a") == "error.phone");
    CHECK(check_phone("06+12345678") == "error.phone");

    CHECK(check_email("marie@exemple.fr") == "");
    CHECK(check_email(" marie.dupont@mail.example.com ") == "");
    CHECK(check_email("a@b") == "error.email");
    CHECK(check_email("a@b.") == "error.email");
    CHECK(check_email("@b.fr") == "error.email");
    CHECK(check_email("a@@b.fr") == "error.email");
    CHECK(check_email("a@.fr") == "error.email");
    CHECK(check_email("marie dupont@exemple.fr") == "error.email");
    CHECK(check_email("marie") == "error.email");

    CHECK(check_loyalty_card("") == "");
    CHECK(check_loyalty_card("12345678") == "");
    CHECK(check_loyalty_card("12345678901234567890") == "");
    CHECK(check_loyalty_card("1234567") == "error.loyalty_card");
    CHECK(check_loyalty_card("123456789012345678901") == "error.loyalty_card");
    CHECK(check_loyalty_card("1234-5678") == "error.loyalty_card");
}

TEST_CASE("validate_checkout names each problem, and each correction clears it") {
    Checkout c;
    auto e = validate_checkout(c);
    CHECK(e.at("fulfilment") == "error.choose_fulfilment");
    CHECK(e.at("email") == "error.contact_required");  // no contact at all
    CHECK(e.at("payment") == "error.choose_payment");
    CHECK(e.count("pickup_store") == 0);
    CHECK(e.count("postcode") == 0);

    c.fulfilment = Fulfilment::Pickup;
    e = validate_checkout(c);
    CHECK(e.count("fulfilment") == 0);
    CHECK(e.at("pickup_store") == "error.choose_store");
    c.pickup_store = "lyon-part-dieu";
    c.payment = Payment::PayOnPhone;
    c.form.fields["phone"] = "12345";
    e = validate_checkout(c);
    CHECK(e.at("phone") == "error.phone");
    CHECK(e.count("email") == 0);  // a phone was given: contact is there, only malformed
    c.form.fields["phone"] = "06 12 34 56 78";
    CHECK(validate_checkout(c).empty());

    c.form.fields["email"] = "a@b";
    CHECK(validate_checkout(c).at("email") == "error.email");
    c.form.fields["email"] = "a@b.fr";
    CHECK(validate_checkout(c).empty());

    c.form.fields["loyalty_card"] = "123";
    CHECK(validate_checkout(c).at("loyalty_card") == "error.loyalty_card");
    c.form.fields["loyalty_card"] = "123456789";
    CHECK(validate_checkout(c).empty());

    // Delivery needs the address.
    c.fulfilment = Fulfilment::Delivery;
    e = validate_checkout(c);
    CHECK(e.at("name") == "error.field.required");
    CHECK(e.at("line1") == "error.field.required");
    CHECK(e.at("city") == "error.field.required");
    CHECK(e.at("postcode") == "error.field.required");
    CHECK(e.count("line2") == 0);  // optional
    CHECK(e.count("pickup_store") == 0);
    c.form.fields["name"] = "Marie Dupont";
    c.form.fields["line1"] = "12 rue des Lilas";
    c.form.fields["city"] = "Paris";
    c.form.fields["postcode"] = "7500";
    e = validate_checkout(c);
    REQUIRE(e.size() == 1);
    CHECK(e.at("postcode") == "error.postcode");
    c.form.fields["postcode"] = "75001";
    CHECK(validate_checkout(c).empty());

    // Blanks are not a value.
    c.form.fields["name"] = "   ";
    CHECK(validate_checkout(c).at("name") == "error.field.required");
    c.form.fields["name"] = "Marie Dupont";

    c.form.fields["email"] = "";
    c.form.fields["phone"] = " ";
    CHECK(validate_checkout(c).at("email") == "error.contact_required");
}

TEST_CASE("PlaceOrder shows the form's errors; typing a field clears its error") {
    AppState s = with_cart();
    quoted_checkout(s);
    auto fx = reduce(s, act::PlaceOrder{});
    CHECK(fx.empty());
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK(s.checkout.form.errors.count("fulfilment") == 1);
    CHECK(s.checkout.form.errors.count("payment") == 1);
    CHECK(s.checkout.form.errors.at("email") == "error.contact_required");

    reduce(s, act::SetFulfilment{Fulfilment::Delivery});
    CHECK(s.checkout.form.errors.count("fulfilment") == 0);
    reduce(s, act::SetPayment{Payment::PayAtTill});
    CHECK(s.checkout.form.errors.count("payment") == 0);
    reduce(s, act::SetField{"phone", "06 12 34 56 78"});
    CHECK(s.checkout.form.errors.count("email") == 0);  // contact given by phone

    reduce(s, act::SetField{"postcode", "7500"});
    reduce(s, act::PlaceOrder{});
    CHECK(s.checkout.form.errors.at("postcode") == "error.postcode");
    reduce(s, act::SetField{"postcode", "75011"});
    CHECK(s.checkout.form.errors.count("postcode") == 0);

    reduce(s, act::SetField{"password", "hunter2"});  // not a form field
    CHECK(s.checkout.form.fields.count("password") == 0);
    reduce(s, act::SetField{"city", std::string(300, 'x')});
    CHECK(s.checkout.form.fields.at("city").size() == 120);
}

TEST_CASE("PlaceOrder while offline makes ordering unavailable; back online the checkout re-quotes") {
    AppState s = with_cart();
    quoted_checkout(s);
    fill_delivery(s);
    reduce(s, act::Online{false});
    auto fx = reduce(s, act::PlaceOrder{});
    CHECK(fx.empty());
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
    CHECK(s.cart.size() == 1);  // the cart is kept

    const std::uint64_t old_quote = s.checkout.quote_request;
    fx = reduce(s, act::Online{true});
    CHECK(s.online);
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    const auto* q = find_fx<fx::RequestQuote>(fx);
    REQUIRE(q != nullptr);
    CHECK(q->request != old_quote);
    CHECK(q->request == s.checkout.quote_request);

    reduce(s, act::QuoteDone{s.checkout.quote_request, quote_of(s), ""});
    fx = reduce(s, act::PlaceOrder{});
    CHECK(find_fx<fx::SubmitOrder>(fx) != nullptr);
}

TEST_CASE("coming back online elsewhere than the checkout does not quote") {
    AppState s = with_cart();
    quoted_checkout(s);
    fill_delivery(s);
    reduce(s, act::Online{false});
    reduce(s, act::PlaceOrder{});
    REQUIRE(s.checkout.phase == OrderPhase::Unavailable);
    reduce(s, act::Show{Screen::Cart});
    CHECK(reduce(s, act::Online{true}).empty());
    CHECK(reduce(s, act::Online{true}).empty());  // already online
}

TEST_CASE("PlaceOrder submits the contract's order body") {
    SUBCASE("delivery, email and phone, loyalty card, pay at the till") {
        AppState s = with_cart();
        reduce(s, act::AddToCart{});
        open_product(s, mug());
        reduce(s, act::AddToCart{});
        quoted_checkout(s);
        fill_delivery(s);
        reduce(s, act::SetField{"line2", "  Bâtiment B  "});
        reduce(s, act::SetField{"phone", "06 12 34 56 78"});
        reduce(s, act::SetField{"loyalty_card", " 12345678 "});
        reduce(s, act::SetField{"email", " marie@exemple.fr "});
        auto fx = reduce(s, act::PlaceOrder{});
        const auto* submit = find_fx<fx::SubmitOrder>(fx);
        REQUIRE(submit != nullptr);
        CHECK(submit->request == in_flight(s));
        CHECK(s.checkout.phase == OrderPhase::Placing);
        cc::json b = cc::to_json(submit->order);  // the contract's body, as the outbox sends it

        REQUIRE(b["lines"].is_array());
        REQUIRE(b["lines"].size() == 2);
        CHECK(b["lines"][0]["sku"] == "SH-M-BLEU");
        CHECK(b["lines"][0]["quantity"] == 2);
        CHECK(b["lines"][0]["unit_price"]["amount"] == 3990);
        CHECK(b["lines"][0]["unit_price"]["currency"] == "EUR");
        CHECK(b["lines"][1]["sku"] == "MUG-1");
        CHECK(b["lines"][1]["quantity"] == 1);
        CHECK(b["lines"][1]["unit_price"]["amount"] == 1200);

        CHECK(b["fulfilment"]["type"] == "delivery");
        cc::json addr = b["fulfilment"]["address"];
        CHECK(addr["name"] == "Marie Dupont");
        CHECK(addr["line1"] == "12 rue des Lilas");
        CHECK(addr["line2"] == "Bâtiment B");
        CHECK(addr["postcode"] == "75011");
        CHECK(addr["city"] == "Paris");
        CHECK(addr["country"] == "FR");
        CHECK_FALSE(b["fulfilment"].contains("store_id"));

        CHECK(b["contact"]["email"] == "marie@exemple.fr");
        CHECK(b["contact"]["phone"] == "06 12 34 56 78");
        CHECK(b["loyalty_card"] == "12345678");
        CHECK(b["payment"]["method"] == "pay_at_till");
        CHECK(b["channel"]["store_id"] == "lyon-part-dieu");
        CHECK(b["channel"]["kiosk_id"] == "kiosk-7");

        // A second tap while the order is on its way sends nothing more.
        CHECK(reduce(s, act::PlaceOrder{}).empty());
    }
    SUBCASE("pickup, phone only, no loyalty card, pay on the phone") {
        AppState s = with_cart();
        quoted_checkout(s);
        reduce(s, act::SetFulfilment{Fulfilment::Pickup});
        reduce(s, act::ChoosePickupStore{"lyon-part-dieu"});
        reduce(s, act::SetField{"phone", "0612345678"});
        reduce(s, act::SetPayment{Payment::PayOnPhone});
        auto fx = reduce(s, act::PlaceOrder{});
        const auto* submit = find_fx<fx::SubmitOrder>(fx);
        REQUIRE(submit != nullptr);
        cc::json b = cc::to_json(submit->order);  // the contract's body, as the outbox sends it
        CHECK(b["fulfilment"]["type"] == "pickup");
        CHECK(b["fulfilment"]["store_id"] == "lyon-part-dieu");
        CHECK_FALSE(b["fulfilment"].contains("address"));
        CHECK(b["contact"]["phone"] == "0612345678");
        CHECK_FALSE(b["contact"].contains("email"));
        CHECK_FALSE(b.contains("loyalty_card"));
        CHECK(b["payment"]["method"] == "pay_on_phone");
        REQUIRE(b["lines"].size() == 1);
        CHECK(b["lines"][0]["quantity"] == 1);
    }
    SUBCASE("delivery without a second address line leaves it out") {
        AppState s = with_cart();
        quoted_checkout(s);
        fill_delivery(s);
        cc::json b = cc::to_json(order_request(s));
        CHECK_FALSE(b["fulfilment"]["address"].contains("line2"));
        CHECK_FALSE(b["contact"].contains("phone"));
        CHECK_FALSE(b.contains("loyalty_card"));
    }
}

TEST_CASE("PlaceOrder is refused with an empty cart or while a quote is on its way") {
    AppState s = with_cart();
    reduce(s, act::StartCheckout{});
    fill_delivery(s);
    CHECK(reduce(s, act::PlaceOrder{}).empty());  // quoting
    CHECK(s.checkout.phase == OrderPhase::Quoting);

    AppState e = fresh_state();
    fill_delivery(e);
    CHECK(reduce(e, act::PlaceOrder{}).empty());
}

TEST_CASE("OrderUpdate: pending, then acknowledged") {
    AppState s = placing();
    const std::uint64_t req = in_flight(s);

    act::OrderUpdate pending;
    pending.request = req;
    pending.outbox_id = 7;
    pending.kind = act::OrderUpdate::Kind::Pending;
    pending.error = "timeout";
    reduce(s, pending);
    CHECK(s.checkout.phase == OrderPhase::Confirming);
    REQUIRE(s.order_in_flight.has_value());
    CHECK(s.order_in_flight->outbox_id == 7);

    act::OrderUpdate ack;
    ack.request = req;
    ack.outbox_id = 7;
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("ML-2026-000123");
    reduce(s, ack);
    CHECK(s.screen == Screen::Confirmation);
    REQUIRE(s.confirmation.has_value());
    CHECK(s.confirmation->order.number == "ML-2026-000123");
    CHECK(s.confirmation->fulfilment == Fulfilment::Delivery);
    CHECK(s.confirmation->payment == Payment::PayAtTill);
    CHECK(s.cart.empty());
    CHECK(s.history.empty());
    CHECK(s.checkout.form.fields.empty());
    CHECK(s.checkout.fulfilment == Fulfilment::None);
    CHECK(s.checkout.payment == Payment::None);
    CHECK(s.checkout.phase == OrderPhase::Editing);

    // Back from the confirmation goes home, not to the emptied checkout.
    reduce(s, act::Back{});
    CHECK(s.screen == Screen::Home);
}

TEST_CASE("OrderUpdate: a failure to record the order makes ordering unavailable") {
    AppState s = placing();
    act::OrderUpdate failed;
    failed.request = in_flight(s);
    failed.kind = act::OrderUpdate::Kind::Failed;
    failed.error = "disk full";
    reduce(s, failed);
    CHECK(s.checkout.phase == OrderPhase::Unavailable);
    CHECK(s.checkout.last_error == "disk full");
    CHECK(s.cart.size() == 1);
}

TEST_CASE("OrderUpdate: rejected out of stock, then another fulfilment") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("out_of_stock", "SH-M-BLEU", 0);
    reduce(s, r);
    CHECK(s.checkout.phase == OrderPhase::Rejected);
    REQUIRE(s.checkout.rejection.has_value());
    CHECK(s.checkout.rejection->reason == cc::RejectReason::OutOfStock);
    CHECK(s.checkout.rejection->sku == "SH-M-BLEU");
    CHECK(s.checkout.rejection->available == 0);
    CHECK(s.cart.size() == 1);
    CHECK(s.screen == Screen::Checkout);

    reduce(s, act::SetFulfilment{Fulfilment::Pickup});
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK_FALSE(s.checkout.rejection.has_value());
}

TEST_CASE("OrderUpdate: rejected out of stock, retry with a fresh quote") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("out_of_stock", "SH-M-BLEU", 1);
    reduce(s, r);
    auto fx = reduce(s, act::ChangeFulfilmentAfterRejection{});
    CHECK(s.checkout.phase == OrderPhase::Quoting);
    CHECK_FALSE(s.checkout.rejection.has_value());
    CHECK(find_fx<fx::RequestQuote>(fx) != nullptr);
    // Only after a rejection or while unavailable.
    CHECK(reduce(s, act::ChangeFulfilmentAfterRejection{}).empty());
}

TEST_CASE("OrderUpdate: rejected for a changed price applies the new price and shows it") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("price_changed", "SH-M-BLEU", 0, 4590);
    reduce(s, r);
    CHECK(s.checkout.phase == OrderPhase::Rejected);
    REQUIRE(s.checkout.rejection.has_value());
    CHECK(s.checkout.rejection->new_price.amount == 4590);
    REQUIRE(s.cart.size() == 1);
    CHECK(s.cart[0].unit_price.amount == 4590);
    REQUIRE(s.checkout.price_changes.size() == 1);
    CHECK(s.checkout.price_changes[0].sku == "SH-M-BLEU");
    CHECK(s.checkout.price_changes[0].before == 3990);
    CHECK(s.checkout.price_changes[0].after == 4590);

    CHECK(reduce(s, act::PlaceOrder{}).empty());  // not before the shopper accepts
    reduce(s, act::AcceptPriceChanges{});
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK_FALSE(s.checkout.rejection.has_value());
    auto fx = reduce(s, act::PlaceOrder{});
    const auto* submit = find_fx<fx::SubmitOrder>(fx);
    REQUIRE(submit != nullptr);
    CHECK(submit->order.lines[0].unit_price.amount == 4590);
}

TEST_CASE("OrderUpdate: validation_failed maps the field errors onto the form") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("validation_failed", "");
    r.rejection->field_errors = {{"fulfilment.address.postcode", "invalid"}};
    reduce(s, r);
    CHECK(s.checkout.phase == OrderPhase::Editing);
    CHECK(s.checkout.form.errors.at("postcode") == "error.field.invalid");
    CHECK(s.checkout.form.errors.size() == 1);

    // Correcting it clears the error and the order can go again.
    reduce(s, act::SetField{"postcode", "75012"});
    CHECK(s.checkout.form.errors.count("postcode") == 0);
    CHECK(find_fx<fx::SubmitOrder>(reduce(s, act::PlaceOrder{})) != nullptr);
}

TEST_CASE("OrderUpdate: validation_failed with several fields and an unknown loyalty card") {
    AppState s = placing();
    act::OrderUpdate r;
    r.request = in_flight(s);
    r.kind = act::OrderUpdate::Kind::Rejected;
    r.rejection = rejection("validation_failed", "");
    r.rejection->field_errors = {{"contact.email", "invalid"}, {"loyalty_card", "unknown"}};
    reduce(s, r);
    CHECK(s.checkout.form.errors.at("email") == "error.field.invalid");
    CHECK(s.checkout.form.errors.at("loyalty_card") == "error.field.unknown");
    CHECK(s.checkout.form.errors.size() == 2);
}

TEST_CASE("an OrderUpdate for another request is ignored") {
    AppState s = placing();
    act::OrderUpdate ack;
    ack.request = in_flight(s) + 1;
    ack.kind = act::OrderUpdate::Kind::Acknowledged;
    ack.order = order_number("ML-OTHER");
    reduce(s, ack);
    CHECK(s.screen == Screen::Checkout);
    CHECK_FALSE(s.confirmation.has_value());
    CHECK(s.cart.size() == 1);
    CHECK(s.checkout.phase == OrderPhase::Placing);

    act::OrderUpdate rej;
    rej.request = 0;
    rej.kind = act::OrderUpdate::Kind::Rejected;
    rej.rejection = rejection("price_changed", "SH-M-BLEU", 0, 1);
    reduce(s, rej);
    CHECK(s.checkout.phase == OrderPhase::Placing);
    CHECK(s.cart[0].unit_price.amount == 3990);
}
