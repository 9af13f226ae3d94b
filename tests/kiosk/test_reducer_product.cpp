// The reducer as a plain function: the product sheet and the cart.
#include "reducer_fixture.hpp"

using namespace reducer_fixture;

// ---- product sheet ----

TEST_CASE("OpenProduct / ProductLoaded preselect the scanned SKU's options and fetch the stock") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    auto fx = reduce(s, act::OpenProduct{"P-SHIRT", "SH-L-BLEU"});
    const auto* load = find_fx<fx::LoadProduct>(fx);
    REQUIRE(load != nullptr);
    CHECK(load->id == "P-SHIRT");
    CHECK(s.screen == Screen::Product);
    CHECK_FALSE(s.product.product.has_value());

    fx = reduce(s, act::ProductLoaded{load->request, shirt()});
    REQUIRE(s.product.product.has_value());
    CHECK(s.product.chosen.at("size") == "L");
    CHECK(s.product.chosen.at("color") == "Bleu");
    REQUIRE(chosen_variant(s.product) != nullptr);
    CHECK(chosen_variant(s.product)->sku == "SH-L-BLEU");
    const auto* stock = find_fx<fx::FetchStock>(fx);
    REQUIRE(stock != nullptr);
    CHECK(stock->skus == std::vector<std::string>{"SH-S-ROUGE", "SH-M-BLEU", "SH-M-ROUGE", "SH-L-BLEU"});
    CHECK(s.stock["SH-M-ROUGE"].loading);

    // No scanned SKU: the first variant.
    reduce(s, act::OpenProduct{"P-SHIRT", ""});
    reduce(s, act::ProductLoaded{s.product.request, shirt()});
    CHECK(chosen_variant(s.product)->sku == "SH-S-ROUGE");
    CHECK(s.product.chosen.at("size") == "S");

    // A SKU that is not the product's: the first variant as well.
    reduce(s, act::OpenProduct{"P-SHIRT", "NOT-THERE"});
    reduce(s, act::ProductLoaded{s.product.request, shirt()});
    CHECK(chosen_variant(s.product)->sku == "SH-S-ROUGE");

    // Missing from the replica.
    reduce(s, act::OpenProduct{"P-GONE", ""});
    fx = reduce(s, act::ProductLoaded{s.product.request, std::nullopt});
    CHECK(s.product.missing);
    CHECK(fx.empty());
}

TEST_CASE("a ProductLoaded for a product the shopper already left is dropped") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    reduce(s, act::OpenProduct{"P-SHIRT", ""});
    const std::uint64_t first = s.product.request;
    reduce(s, act::OpenProduct{"P-MUG", ""});
    REQUIRE(s.product.request != first);

    auto fx = reduce(s, act::ProductLoaded{first, shirt()});
    CHECK(fx.empty());
    CHECK_FALSE(s.product.product.has_value());
    CHECK(s.product.id == "P-MUG");

    reduce(s, act::ProductLoaded{s.product.request, mug()});
    REQUIRE(s.product.product.has_value());
    CHECK(s.product.product->id == "P-MUG");
}

TEST_CASE("chosen_variant, combination_exists and option_values on sizes and colours with holes") {
    const cc::Product p = shirt();
    CHECK(option_values(p, "size") == std::vector<std::string>{"S", "M", "L"});
    CHECK(option_values(p, "color") == std::vector<std::string>{"Rouge", "Bleu"});
    CHECK(option_values(p, "capacity").empty());
    CHECK(option_values(mug(), "size").empty());

    ProductView v;
    CHECK(chosen_variant(v) == nullptr);  // nothing loaded
    CHECK_FALSE(combination_exists(v, "size", "S"));
    v.product = cc::Product{};
    CHECK(chosen_variant(v) == nullptr);  // no variants
    v.product = p;
    REQUIRE(chosen_variant(v) != nullptr);
    CHECK(chosen_variant(v)->sku == "SH-S-ROUGE");  // nothing chosen: the first

    v.chosen = {{"size", "M"}, {"color", "Bleu"}};
    CHECK(chosen_variant(v)->sku == "SH-M-BLEU");
    v.chosen = {{"size", "M"}, {"color", "Rouge"}};
    CHECK(chosen_variant(v)->sku == "SH-M-ROUGE");

    // M Bleu chosen: which chips lead to an existing variant.
    v.chosen = {{"size", "M"}, {"color", "Bleu"}};
    CHECK_FALSE(combination_exists(v, "size", "S"));  // no S in Bleu
    CHECK(combination_exists(v, "size", "M"));
    CHECK(combination_exists(v, "size", "L"));
    CHECK(combination_exists(v, "color", "Rouge"));  // M Rouge exists
    CHECK(combination_exists(v, "color", "Bleu"));
    CHECK_FALSE(combination_exists(v, "color", "Vert"));
    CHECK_FALSE(combination_exists(v, "size", "XL"));

    v.chosen = {{"size", "L"}, {"color", "Bleu"}};
    CHECK_FALSE(combination_exists(v, "color", "Rouge"));  // no L in Rouge
    v.chosen = {{"size", "S"}, {"color", "Rouge"}};
    CHECK_FALSE(combination_exists(v, "color", "Bleu"));
    CHECK_FALSE(combination_exists(v, "size", "L"));
    CHECK(combination_exists(v, "size", "M"));

    // An impossible combination: the closest variant still has one of the chosen values.
    v.chosen = {{"size", "L"}, {"color", "Rouge"}};
    const cc::Variant* closest = chosen_variant(v);
    REQUIRE(closest != nullptr);
    CHECK((closest->options.at("size") == "L" || closest->options.at("color") == "Rouge"));
}

TEST_CASE("ChooseOption keeps an existing combination and otherwise follows the closest existing variant") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    CHECK(reduce(s, act::ChooseOption{"size", "M"}).empty());  // no product yet: nothing to choose
    CHECK(s.product.chosen.empty());

    open_product(s, shirt(), "SH-M-BLEU");

    // M Bleu -> L: L Bleu exists, colour kept.
    reduce(s, act::ChooseOption{"size", "L"});
    CHECK(s.product.chosen.at("size") == "L");
    CHECK(s.product.chosen.at("color") == "Bleu");
    CHECK(chosen_variant(s.product)->sku == "SH-L-BLEU");

    // L Bleu -> Rouge: no L in Rouge; the colour the shopper tapped wins and the size follows.
    reduce(s, act::ChooseOption{"color", "Rouge"});
    CHECK(s.product.chosen.at("color") == "Rouge");
    REQUIRE(chosen_variant(s.product) != nullptr);
    CHECK(chosen_variant(s.product)->options.at("color") == "Rouge");
    CHECK(chosen_variant(s.product)->options == s.product.chosen);  // an existing variant

    // M Rouge -> M Bleu: exists.
    reduce(s, act::ChooseOption{"size", "M"});
    reduce(s, act::ChooseOption{"color", "Bleu"});
    CHECK(chosen_variant(s.product)->sku == "SH-M-BLEU");
}

TEST_CASE("ChooseOption: a size that does not exist in the chosen colour switches to the colour that has it") {
    // The product sheet promises: "a combination that does not exist is still tappable: it
    // switches to the closest variant that has this value (the other options follow)".
    AppState s = fresh_state();
    reduce(s, act::Start{});
    open_product(s, shirt(), "SH-M-BLEU");

    reduce(s, act::ChooseOption{"size", "S"});  // S exists only in Rouge
    CHECK(s.product.chosen.at("size") == "S");
    CHECK(s.product.chosen.at("color") == "Rouge");
    REQUIRE(chosen_variant(s.product) != nullptr);
    CHECK(chosen_variant(s.product)->sku == "SH-S-ROUGE");
}

TEST_CASE("options other than size and colour (a phone's capacity) are chosen the same way") {
    cc::Product phone;
    phone.id = "P-PHONE";
    phone.name = text("Smartphone", "Smartphone");
    for (const char* colour : {"Noir", "Blanc"})
        for (const char* cap : {"128GB", "256GB"}) {
            cc::Variant v = variant(std::string("PH-") + cap + "-" + colour, "", colour, 49900, 49900);
            v.options["capacity"] = cap;
            phone.variants.push_back(v);
        }
    phone.variants.pop_back();  // no 256GB in white
    CHECK(option_values(phone, "capacity") == std::vector<std::string>{"128GB", "256GB"});

    AppState s = fresh_state();
    reduce(s, act::Start{});
    open_product(s, phone, "PH-128GB-Blanc");
    CHECK(s.product.chosen.at("capacity") == "128GB");
    CHECK_FALSE(combination_exists(s.product, "capacity", "256GB"));
    reduce(s, act::ChooseOption{"color", "Noir"});
    CHECK(combination_exists(s.product, "capacity", "256GB"));
    reduce(s, act::ChooseOption{"capacity", "256GB"});
    REQUIRE(chosen_variant(s.product) != nullptr);
    CHECK(chosen_variant(s.product)->sku == "PH-256GB-Noir");
    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 1);
    CHECK(s.cart[0].options.at("capacity") == "256GB");
}

TEST_CASE("StockUpdate and SelectStore") {
    AppState s = fresh_state();
    Stock st;
    st.known = true;
    st.data.sku = "SH-M-BLEU";
    cc::StockAt here;
    here.location_id = "lyon-part-dieu";
    here.quantity = 2;
    st.data.locations.push_back(here);
    reduce(s, act::StockUpdate{{{"SH-M-BLEU", st}}});
    REQUIRE(s.stock.count("SH-M-BLEU") == 1);
    CHECK(s.stock["SH-M-BLEU"].known);
    CHECK(quantity_at(s.stock["SH-M-BLEU"], "lyon-part-dieu") == 2);
    CHECK(quantity_at(s.stock["SH-M-BLEU"], "paris-opera") == 0);
    CHECK(band_of(0) == StockBand::Out);
    CHECK(band_of(-1) == StockBand::Out);
    CHECK(band_of(1) == StockBand::Low);
    CHECK(band_of(2) == StockBand::Low);
    CHECK(band_of(3) == StockBand::InStock);

    reduce(s, act::SelectStore{"paris-opera"});
    CHECK(s.selected_store == "paris-opera");
    reduce(s, act::SelectStore{"paris-opera"});  // the same again folds it
    CHECK(s.selected_store.empty());
}

// ---- cart ----

TEST_CASE("AddToCart adds the chosen variant at its online price and merges the same SKU") {
    AppState s = fresh_state();
    reduce(s, act::Start{});
    CHECK(reduce(s, act::AddToCart{}).empty());  // no product: nothing to add
    CHECK(s.cart.empty());

    open_product(s, shirt(), "SH-M-BLEU");
    s.last_input = 3.0;
    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 1);
    const CartLine& l = s.cart[0];
    CHECK(l.sku == "SH-M-BLEU");
    CHECK(l.product_id == "P-SHIRT");
    CHECK(l.brand == "Atelier");
    CHECK(l.name.text("en") == "Oxford shirt");
    CHECK(l.unit_price.amount == 3990);   // online price...
    CHECK(l.store_price.amount == 4490);  // ...not the shelf price
    CHECK(l.quantity == 1);
    CHECK(l.options.at("color") == "Bleu");
    CHECK(l.image == "http://img/bleu.jpg");  // the image of the chosen colour
    CHECK(s.notice == "cart.added");
    CHECK(s.notice_at == doctest::Approx(3.0));

    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 1);
    CHECK(s.cart[0].quantity == 2);

    reduce(s, act::ChooseOption{"color", "Rouge"});
    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 2);
    CHECK(s.cart[1].sku == "SH-M-ROUGE");
    CHECK(s.cart[1].image == "http://img/rouge.jpg");
    CHECK(cart_count(s.cart) == 3);
    CHECK(cart_total(s.cart) == 3 * 3990);

    for (int i = 0; i < 200; ++i) reduce(s, act::AddToCart{});
    CHECK(s.cart[1].quantity == 99);
}

TEST_CASE("SetQuantity changes a line, 0 removes it; RemoveLine; out-of-range lines are ignored") {
    AppState s = with_cart();
    open_product(s, mug());
    reduce(s, act::AddToCart{});
    REQUIRE(s.cart.size() == 2);

    reduce(s, act::SetQuantity{1, 4});
    CHECK(s.cart[1].quantity == 4);
    CHECK(cart_total(s.cart) == 3990 + 4 * 1200);
    reduce(s, act::SetQuantity{1, 1000});
    CHECK(s.cart[1].quantity == 99);
    reduce(s, act::SetQuantity{5, 3});
    reduce(s, act::SetQuantity{-1, 3});
    CHECK(s.cart.size() == 2);

    reduce(s, act::SetQuantity{0, 0});
    REQUIRE(s.cart.size() == 1);
    CHECK(s.cart[0].sku == "MUG-1");
    reduce(s, act::SetQuantity{0, -2});
    CHECK(s.cart.empty());

    open_product(s, mug());
    reduce(s, act::AddToCart{});
    reduce(s, act::RemoveLine{3});
    CHECK(s.cart.size() == 1);
    reduce(s, act::RemoveLine{0});
    CHECK(s.cart.empty());
}

TEST_CASE("tile_of shows the lowest online price and the first image") {
    const cc::Product p = shirt();
    Tile t = tile_of(p);
    CHECK(t.product_id == "P-SHIRT");
    CHECK(t.price == 3990);
    CHECK(t.image == "http://img/rouge.jpg");
    t = tile_of(p, "SH-L-BLEU");
    CHECK(t.sku == "SH-L-BLEU");
    CHECK(t.price == 4290);
}
