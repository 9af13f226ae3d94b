#pragma once
// What speech output says, from what is on the screen (the element registry) so that speech
// and the screen never disagree: a screen's name and its first lines when it opens, an element
// with its role and state when the keypad focus lands on it, prices as a person reads them.
// Pure functions of their arguments. UI thread (they read the registry). No errors.

#include <string>
#include <string_view>

#include "kiosk/i18n.hpp"
#include "kiosk/state.hpp"
#include "render/registry.hpp"

namespace kiosk {

// Prices as a person reads them: "1 299,99 €" and "€1,299.99" become "1299 euros 99",
// "12,00 €" becomes "12 euros". Other text is unchanged.
std::string speakable(std::string_view text);

// Appends `part` as a new sentence ("Merci !" then "K-1234": "Merci ! K-1234"; "Accueil" then
// "Rayons": "Accueil. Rayons").
void append_sentence(std::string& out, const std::string& part);

// An on-screen keyboard key as said: the special ones by name ("espace", "effacer"), the others
// by their letter.
std::string key_name(const render::Element& e, const I18n& i18n, const std::string& lang);

// "M, option, sélectionné", "Ajouter au panier, bouton", "Nom, champ de saisie, vide",
// "Pull marin, Armor, 29 euros 99, lien", "espace, touche".
std::string describe_element(const render::Element& e, const I18n& i18n, const std::string& lang);

// A screen (layer 0) or a panel over it (a higher layer) as it opens: the screen's name, then
// the first `lines` texts of the layer, the navigation bar left out ("Fiche produit. Pull marin.
// 29 euros 99. 12 en stock ici"). With `said_before` (a screen announced before its content had
// come), only the texts that announcement did not say, without the screen's name.
std::string describe_screen(Screen screen, const render::ElementRegistry& reg, int layer, const I18n& i18n,
                            const std::string& lang, int lines = 6, const std::string& said_before = {});

}  // namespace kiosk
