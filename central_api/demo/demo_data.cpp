#include "central_api/demo/demo_data.hpp"

namespace central_api {

const std::vector<LocationDef>& demo_locations() {
    static const std::vector<LocationDef> locations = {
        {"paris-rivoli", "store", "Paris Rivoli", "112 rue de Rivoli", "75001", "Paris", 48.8606, 2.3436, "+33 1 42 60 10 01"},
        {"paris-montparnasse", "store", "Paris Montparnasse", "31 rue du Départ", "75015", "Paris", 48.8421, 2.3219, "+33 1 45 38 10 02"},
        {"la-defense", "store", "La Défense", "15 parvis de la Défense", "92800", "Puteaux", 48.8919, 2.2380, "+33 1 47 73 10 03"},
        {"lyon-part-dieu", "store", "Lyon Part-Dieu", "17 rue du Docteur Bouchut", "69003", "Lyon", 45.7606, 4.8594, "+33 4 72 60 10 04"},
        {"lyon-confluence", "store", "Lyon Confluence", "112 cours Charlemagne", "69002", "Lyon", 45.7413, 4.8178, "+33 4 78 37 10 05"},
        {"marseille-terrasses", "store", "Marseille Les Terrasses", "9 quai du Lazaret", "13002", "Marseille", 43.3039, 5.3665, "+33 4 91 56 10 06"},
        {"marseille-prado", "store", "Marseille Prado", "36 boulevard du Sud", "13008", "Marseille", 43.2730, 5.3915, "+33 4 91 22 10 07"},
        {"toulouse-capitole", "store", "Toulouse Capitole", "8 rue du Taur", "31000", "Toulouse", 43.6045, 1.4440, "+33 5 61 21 10 08"},
        {"nice-massena", "store", "Nice Masséna", "20 avenue Jean Médecin", "06000", "Nice", 43.6975, 7.2700, "+33 4 93 62 10 09"},
        {"nantes-atlantis", "store", "Nantes Atlantis", "2 boulevard Salvador Allende", "44800", "Saint-Herblain", 47.2245, -1.6330, "+33 2 40 92 10 10"},
        {"strasbourg-homme-de-fer", "store", "Strasbourg Homme de Fer", "4 place de l'Homme de Fer", "67000", "Strasbourg", 48.5839, 7.7455, "+33 3 88 32 10 11"},
        {"montpellier-odysseum", "store", "Montpellier Odysseum", "2 place de Lisbonne", "34000", "Montpellier", 43.6035, 3.9200, "+33 4 67 13 10 12"},
        {"bordeaux-sainte-catherine", "store", "Bordeaux Sainte-Catherine", "60 rue Sainte-Catherine", "33000", "Bordeaux", 44.8378, -0.5736, "+33 5 56 44 10 13"},
        {"lille-euralille", "store", "Lille Euralille", "100 centre commercial Euralille", "59777", "Lille", 50.6365, 3.0711, "+33 3 20 55 10 14"},
        {"rennes-colombier", "store", "Rennes Colombier", "4 rue d'Isly", "35000", "Rennes", 48.1065, -1.6780, "+33 2 99 30 10 15"},
        {"reims-centre", "store", "Reims Centre", "33 rue de Vesle", "51100", "Reims", 49.2538, 4.0292, "+33 3 26 47 10 16"},
        {"le-havre-docks", "store", "Le Havre Docks Vauban", "70 quai Frissard", "76600", "Le Havre", 49.4884, 0.1165, "+33 2 35 24 10 17"},
        {"saint-etienne-centre-deux", "store", "Saint-Étienne Centre Deux", "2 rue des Docteurs Charcot", "42000", "Saint-Étienne", 45.4413, 4.3985, "+33 4 77 32 10 18"},
        {"toulon-mayol", "store", "Toulon Mayol", "1 rue Mayol", "83000", "Toulon", 43.1207, 5.9388, "+33 4 94 41 10 19"},
        {"grenoble-caserne", "store", "Grenoble Caserne de Bonne", "32 boulevard Gambetta", "38000", "Grenoble", 45.1843, 5.7196, "+33 4 76 46 10 20"},
        {"dijon-toison-dor", "store", "Dijon Toison d'Or", "Route de Langres", "21000", "Dijon", 47.3530, 5.0443, "+33 3 80 74 10 21"},
        {"angers-centre", "store", "Angers Centre", "12 rue Lenepveu", "49100", "Angers", 47.4720, -0.5518, "+33 2 41 87 10 22"},
        {"nimes-coupole", "store", "Nîmes La Coupole", "5 boulevard Amiral Courbet", "30000", "Nîmes", 43.8380, 4.3640, "+33 4 66 21 10 23"},
        {"clermont-jaude", "store", "Clermont-Ferrand Jaude", "2 rue Giscard de la Tour Fondue", "63000", "Clermont-Ferrand", 45.7772, 3.0826, "+33 4 73 93 10 24"},
        {"le-mans-jacobins", "store", "Le Mans Jacobins", "15 place des Jacobins", "72000", "Le Mans", 48.0077, 0.1984, "+33 2 43 28 10 25"},
        {"aix-allees", "store", "Aix-en-Provence Allées", "40 avenue Giuseppe Verdi", "13100", "Aix-en-Provence", 43.5259, 5.4453, "+33 4 42 26 10 26"},
        {"brest-siam", "store", "Brest Siam", "45 rue de Siam", "29200", "Brest", 48.3873, -4.4889, "+33 2 98 44 10 27"},
        {"tours-nationale", "store", "Tours Nationale", "60 rue Nationale", "37000", "Tours", 47.3930, 0.6860, "+33 2 47 05 10 28"},
        {"amiens-centre", "store", "Amiens Centre", "20 rue des Trois Cailloux", "80000", "Amiens", 49.8924, 2.2986, "+33 3 22 91 10 29"},
        {"limoges-saint-martial", "store", "Limoges Saint-Martial", "4 rue Jean Jaurès", "87000", "Limoges", 45.8315, 1.2578, "+33 5 55 34 10 30"},
        {"annecy-courier", "store", "Annecy Courier", "5 rue de la Poste", "74000", "Annecy", 45.9020, 6.1240, "+33 4 50 45 10 31"},
        {"perpignan-castillet", "store", "Perpignan Castillet", "3 place de la Victoire", "66000", "Perpignan", 42.7010, 2.8948, "+33 4 68 34 10 32"},
        {"metz-saint-jacques", "store", "Metz Saint-Jacques", "1 place Saint-Jacques", "57000", "Metz", 49.1190, 6.1757, "+33 3 87 75 10 33"},
        {"besancon-battant", "store", "Besançon Battant", "10 Grande Rue", "25000", "Besançon", 47.2378, 6.0241, "+33 3 81 81 10 34"},
        {"orleans-place-darc", "store", "Orléans Place d'Arc", "2 rue Henri Roy", "45000", "Orléans", 47.9075, 1.9048, "+33 2 38 53 10 35"},
        {"rouen-gros-horloge", "store", "Rouen Gros-Horloge", "90 rue du Gros-Horloge", "76000", "Rouen", 49.4410, 1.0912, "+33 2 35 70 10 36"},
        {"caen-saint-pierre", "store", "Caen Saint-Pierre", "52 rue Saint-Pierre", "14000", "Caen", 49.1829, -0.3650, "+33 2 31 86 10 37"},
        {"nancy-stanislas", "store", "Nancy Stanislas", "7 rue Saint-Jean", "54000", "Nancy", 48.6906, 6.1802, "+33 3 83 35 10 38"},
        {"avignon-republique", "store", "Avignon République", "25 rue de la République", "84000", "Avignon", 43.9467, 4.8058, "+33 4 90 82 10 39"},
        {"la-rochelle-vieux-port", "store", "La Rochelle Vieux-Port", "18 quai Duperré", "17000", "La Rochelle", 46.1577, -1.1523, "+33 5 46 41 10 40"},
        {"wh-saint-quentin-fallavier", "warehouse", "Entrepôt Saint-Quentin-Fallavier", "ZAC de Chesnes, rue du Rhône", "38070", "Saint-Quentin-Fallavier", 45.6433, 5.1105, "+33 4 74 94 10 90"},
        {"wh-moissy-cramayel", "warehouse", "Entrepôt Moissy-Cramayel", "Parc d'activités de Chanteloup", "77550", "Moissy-Cramayel", 48.6262, 2.5930, "+33 1 64 13 10 91"},
    };
    return locations;
}

namespace {
CategoryDef top(std::string id, Text name) {
    CategoryDef c;
    c.id = std::move(id);
    c.name = std::move(name);
    return c;
}
CategoryDef sub(std::string id, std::string parent, Text name) {
    CategoryDef c = top(std::move(id), std::move(name));
    c.parent = std::move(parent);
    return c;
}
CategoryDef leaf(std::string id, std::string parent, Text name, Family family, Archetype archetype,
                 SizeScheme sizes, Text noun, std::string prefix, int pmin, int pmax, int weight,
                 std::vector<std::string> brands) {
    CategoryDef c;
    c.id = std::move(id);
    c.parent = std::move(parent);
    c.name = std::move(name);
    c.family = family;
    c.archetype = archetype;
    c.sizes = sizes;
    c.noun = std::move(noun);
    c.ref_prefix = std::move(prefix);
    c.price_min = pmin;
    c.price_max = pmax;
    c.weight = weight;
    c.brands = std::move(brands);
    return c;
}
}  // namespace

const std::vector<CategoryDef>& demo_categories() {
    using A = Archetype;
    using F = Family;
    using S = SizeScheme;
    const std::vector<std::string> fashion = {"Maison Lumière", "Atelier Brume", "Côté Rivage", "Nord & Sud", "Élan Paris", "Les Tisseurs"};
    const std::vector<std::string> shoes = {"Pas de Loup", "Semelle d'Or", "Marcheurs", "Élan Paris", "Tempo"};
    const std::vector<std::string> sport = {"Altitude", "Kinéo", "Vague Sport", "Trail & Co", "Olympe"};
    const std::vector<std::string> home = {"Maison Lumière", "Bois & Lin", "Atelier Céramique", "Nid Douillet", "Forme Utile"};
    const std::vector<std::string> baby = {"Petit Nuage", "Bébé Lune", "Doudou & Cie", "Premiers Pas"};
    const std::vector<std::string> tech = {"Nova", "Quartz", "Ondes", "Pixelle", "Arcane"};
    const std::vector<std::string> tyres = {"Roulétoile", "Gomme Pro", "Asphalte", "Vialis"};
    static const std::vector<CategoryDef> categories = {
        top("mode", {"Mode", "Fashion"}),
        sub("mode-femme", "mode", {"Femme", "Women"}),
        sub("mode-homme", "mode", {"Homme", "Men"}),
        leaf("femme-tshirts", "mode-femme", {"T-shirts et tops", "T-shirts and tops"}, F::Clothing, A::TShirt, S::Clothing, {"T-shirt", "T-shirt"}, "TF", 9, 35, 60, fashion),
        leaf("femme-chemises", "mode-femme", {"Chemises et blouses", "Shirts and blouses"}, F::Clothing, A::Shirt, S::Clothing, {"Blouse", "Blouse"}, "CF", 25, 79, 35, fashion),
        leaf("femme-pulls", "mode-femme", {"Pulls et gilets", "Jumpers and cardigans"}, F::Clothing, A::Jumper, S::Clothing, {"Pull", "Jumper"}, "PF", 29, 129, 45, fashion),
        leaf("femme-robes", "mode-femme", {"Robes", "Dresses"}, F::Clothing, A::Dress, S::Clothing, {"Robe", "Dress"}, "RF", 29, 149, 50, fashion),
        leaf("femme-jupes", "mode-femme", {"Jupes", "Skirts"}, F::Clothing, A::Skirt, S::Clothing, {"Jupe", "Skirt"}, "JF", 25, 89, 25, fashion),
        leaf("femme-jeans", "mode-femme", {"Jeans", "Jeans"}, F::Clothing, A::Jeans, S::Clothing, {"Jean", "Jeans"}, "DF", 35, 109, 35, fashion),
        leaf("femme-vestes", "mode-femme", {"Vestes et manteaux", "Jackets and coats"}, F::Clothing, A::Jacket, S::Clothing, {"Veste", "Jacket"}, "VF", 49, 249, 30, fashion),
        leaf("homme-tshirts", "mode-homme", {"T-shirts et polos", "T-shirts and polos"}, F::Clothing, A::TShirt, S::Clothing, {"T-shirt", "T-shirt"}, "TH", 9, 39, 55, fashion),
        leaf("homme-chemises", "mode-homme", {"Chemises", "Shirts"}, F::Clothing, A::Shirt, S::Clothing, {"Chemise", "Shirt"}, "CH", 29, 89, 40, fashion),
        leaf("homme-pulls", "mode-homme", {"Pulls et sweats", "Jumpers and sweatshirts"}, F::Clothing, A::Jumper, S::Clothing, {"Pull", "Jumper"}, "PH", 29, 139, 40, fashion),
        leaf("homme-pantalons", "mode-homme", {"Pantalons et chinos", "Trousers and chinos"}, F::Clothing, A::Trousers, S::Clothing, {"Pantalon", "Trousers"}, "AH", 35, 119, 35, fashion),
        leaf("homme-jeans", "mode-homme", {"Jeans", "Jeans"}, F::Clothing, A::Jeans, S::Clothing, {"Jean", "Jeans"}, "DH", 39, 119, 35, fashion),
        leaf("homme-shorts", "mode-homme", {"Shorts et bermudas", "Shorts"}, F::Clothing, A::Shorts, S::Clothing, {"Short", "Shorts"}, "SH", 19, 59, 20, fashion),
        leaf("homme-vestes", "mode-homme", {"Vestes et blousons", "Jackets"}, F::Clothing, A::Jacket, S::Clothing, {"Blouson", "Jacket"}, "VH", 59, 299, 30, fashion),
        top("chaussures", {"Chaussures", "Shoes"}),
        leaf("chaussures-baskets", "chaussures", {"Baskets", "Trainers"}, F::Shoes, A::Sneaker, S::Shoes, {"Baskets", "Trainers"}, "BK", 39, 159, 55, shoes),
        leaf("chaussures-bottes", "chaussures", {"Bottes et bottines", "Boots"}, F::Shoes, A::Boot, S::Shoes, {"Bottines", "Ankle boots"}, "BT", 59, 229, 35, shoes),
        leaf("chaussures-sandales", "chaussures", {"Sandales", "Sandals"}, F::Shoes, A::Sandal, S::Shoes, {"Sandales", "Sandals"}, "SD", 25, 99, 25, shoes),
        leaf("chaussures-escarpins", "chaussures", {"Escarpins", "Heels"}, F::Shoes, A::HighHeel, S::Shoes, {"Escarpins", "Court shoes"}, "ES", 49, 189, 20, shoes),
        top("sport", {"Sport", "Sport"}),
        leaf("sport-ballons", "sport", {"Ballons", "Balls"}, F::Sport, A::Ball, S::None, {"Ballon", "Ball"}, "BL", 9, 49, 20, sport),
        leaf("sport-raquettes", "sport", {"Raquettes", "Rackets"}, F::Sport, A::Racket, S::None, {"Raquette", "Racket"}, "RQ", 19, 229, 20, sport),
        leaf("sport-velos", "sport", {"Vélos", "Bikes"}, F::Sport, A::Bike, S::Clothing, {"Vélo", "Bike"}, "VL", 199, 1499, 20, sport),
        leaf("sport-camping", "sport", {"Tentes et camping", "Tents and camping"}, F::Sport, A::Tent, S::None, {"Tente", "Tent"}, "TN", 39, 599, 15, sport),
        leaf("sport-musculation", "sport", {"Musculation", "Strength training"}, F::Sport, A::Dumbbell, S::None, {"Haltère", "Dumbbell"}, "HL", 15, 199, 15, sport),
        leaf("sport-sacs", "sport", {"Sacs à dos", "Backpacks"}, F::Sport, A::Backpack, S::None, {"Sac à dos", "Backpack"}, "SC", 19, 179, 20, sport),
        top("maison", {"Maison", "Home"}),
        leaf("maison-canapes", "maison", {"Canapés", "Sofas"}, F::Home, A::Sofa, S::None, {"Canapé", "Sofa"}, "CN", 399, 2499, 15, home),
        leaf("maison-chaises", "maison", {"Chaises", "Chairs"}, F::Home, A::Chair, S::None, {"Chaise", "Chair"}, "CS", 49, 349, 20, home),
        leaf("maison-luminaires", "maison", {"Luminaires", "Lighting"}, F::Home, A::Lamp, S::None, {"Lampe", "Lamp"}, "LM", 29, 299, 25, home),
        leaf("maison-tables", "maison", {"Tables", "Tables"}, F::Home, A::Table, S::None, {"Table", "Table"}, "TB", 149, 1299, 15, home),
        leaf("maison-literie", "maison", {"Lits et literie", "Beds and bedding"}, F::Home, A::Bed, S::Bed, {"Lit", "Bed"}, "LT", 249, 1999, 15, home),
        leaf("maison-cuisine", "maison", {"Cuisine", "Kitchen"}, F::Home, A::Cookware, S::None, {"Cocotte", "Casserole dish"}, "CU", 19, 249, 25, home),
        leaf("maison-linge", "maison", {"Linge de maison", "Bath and linen"}, F::Home, A::Towel, S::None, {"Serviette", "Towel"}, "LG", 9, 69, 20, home),
        top("bebe", {"Bébé", "Baby"}),
        leaf("bebe-poussettes", "bebe", {"Poussettes", "Pushchairs"}, F::Baby, A::Stroller, S::None, {"Poussette", "Pushchair"}, "PS", 149, 899, 15, baby),
        leaf("bebe-vetements", "bebe", {"Vêtements bébé", "Baby clothes"}, F::Baby, A::Bodysuit, S::Baby, {"Body", "Bodysuit"}, "BB", 7, 35, 30, baby),
        leaf("bebe-jouets", "bebe", {"Jouets d'éveil", "Baby toys"}, F::Baby, A::Toy, S::None, {"Jouet d'éveil", "Activity toy"}, "JE", 9, 79, 20, baby),
        top("high-tech", {"High-tech", "Tech"}),
        leaf("tech-smartphones", "high-tech", {"Smartphones", "Smartphones"}, F::Tech, A::Phone, S::Capacity, {"Smartphone", "Smartphone"}, "SM", 149, 1299, 25, tech),
        leaf("tech-ordinateurs", "high-tech", {"Ordinateurs portables", "Laptops"}, F::Tech, A::Laptop, S::Capacity, {"Ordinateur portable", "Laptop"}, "OP", 399, 2499, 20, tech),
        leaf("tech-casques", "high-tech", {"Casques et écouteurs", "Headphones"}, F::Tech, A::Headphones, S::None, {"Casque audio", "Headphones"}, "CA", 29, 449, 20, tech),
        leaf("tech-televiseurs", "high-tech", {"Téléviseurs", "Televisions"}, F::Tech, A::Television, S::Screen, {"Téléviseur", "Television"}, "TV", 299, 2999, 15, tech),
        leaf("tech-montres", "high-tech", {"Montres connectées", "Smartwatches"}, F::Tech, A::Watch, S::None, {"Montre connectée", "Smartwatch"}, "MC", 79, 599, 15, tech),
        leaf("tech-enceintes", "high-tech", {"Enceintes", "Speakers"}, F::Tech, A::Speaker, S::None, {"Enceinte", "Speaker"}, "EC", 39, 499, 15, tech),
        top("pneus", {"Pneus", "Tyres"}),
        leaf("pneus-ete", "pneus", {"Pneus été", "Summer tyres"}, F::Tyres, A::Tyre, S::Tyre, {"Pneu été", "Summer tyre"}, "PE", 59, 249, 15, tyres),
        leaf("pneus-hiver", "pneus", {"Pneus hiver", "Winter tyres"}, F::Tyres, A::Tyre, S::Tyre, {"Pneu hiver", "Winter tyre"}, "PV", 69, 269, 10, tyres),
        leaf("pneus-4-saisons", "pneus", {"Pneus 4 saisons", "All-season tyres"}, F::Tyres, A::Tyre, S::Tyre, {"Pneu 4 saisons", "All-season tyre"}, "PQ", 69, 259, 10, tyres),
    };
    return categories;
}

const std::vector<ColourDef>& demo_colours() {
    static const std::vector<ColourDef> colours = {
        {{"Noir", "Black"}, {28, 28, 30}},
        {{"Blanc", "White"}, {236, 236, 232}},
        {{"Bleu marine", "Navy blue"}, {30, 42, 84}},
        {{"Bleu ciel", "Sky blue"}, {135, 182, 226}},
        {{"Rouge", "Red"}, {196, 32, 38}},
        {{"Bordeaux", "Burgundy"}, {110, 22, 40}},
        {{"Vert sapin", "Forest green"}, {30, 84, 52}},
        {{"Vert sauge", "Sage green"}, {150, 170, 140}},
        {{"Kaki", "Khaki"}, {120, 114, 72}},
        {{"Gris chiné", "Heather grey"}, {150, 150, 152}},
        {{"Gris anthracite", "Charcoal grey"}, {62, 64, 68}},
        {{"Beige", "Beige"}, {214, 196, 164}},
        {{"Crème", "Cream"}, {242, 234, 212}},
        {{"Écru", "Ecru"}, {228, 218, 196}},
        {{"Rose poudré", "Powder pink"}, {230, 186, 190}},
        {{"Jaune moutarde", "Mustard yellow"}, {212, 164, 40}},
        {{"Orange brûlé", "Burnt orange"}, {204, 94, 36}},
        {{"Camel", "Camel"}, {190, 140, 80}},
        {{"Marron", "Brown"}, {100, 66, 40}},
        {{"Terracotta", "Terracotta"}, {190, 96, 66}},
        {{"Bleu canard", "Teal"}, {20, 100, 110}},
        {{"Violet", "Purple"}, {100, 60, 140}},
        {{"Argent", "Silver"}, {192, 194, 198}},
        {{"Bleu nuit", "Midnight blue"}, {24, 30, 60}},
        {{"Chêne naturel", "Natural oak"}, {196, 160, 110}},
    };
    return colours;
}

const std::vector<int>& family_palette(Family family) {
    static const std::vector<int> clothing = {0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 20, 21};
    static const std::vector<int> shoes = {0, 1, 2, 9, 11, 17, 18, 5};
    static const std::vector<int> sport = {0, 1, 2, 4, 6, 10, 15, 16, 20};
    static const std::vector<int> home = {7, 9, 10, 11, 12, 19, 20, 24, 0, 1, 15};
    static const std::vector<int> baby = {1, 3, 7, 9, 12, 14, 15};
    static const std::vector<int> tech = {0, 1, 22, 23, 14, 7};
    static const std::vector<int> tyres = {0};
    switch (family) {
        case Family::Clothing: return clothing;
        case Family::Shoes: return shoes;
        case Family::Sport: return sport;
        case Family::Home: return home;
        case Family::Baby: return baby;
        case Family::Tech: return tech;
        case Family::Tyres: return tyres;
    }
    return clothing;
}

const FamilyWords& family_words(Family family) {
    static const FamilyWords clothing = {
        {{"col rond", "crew-neck"}, {"col V", "V-neck"}, {"coupe droite", "straight-fit"}, {"oversize", "oversized"}, {"ajusté", "slim-fit"}, {"à rayures", "striped"}, {"côtelé", "ribbed"}, {"à manches longues", "long-sleeved"}},
        {{"en coton bio", "organic cotton"}, {"en lin", "linen"}, {"en laine mérinos", "merino wool"}, {"en denim", "denim"}, {"en viscose", "viscose"}, {"en cachemire", "cashmere"}, {"en polyester recyclé", "recycled polyester"}, {"en flanelle", "flannel"}},
        {{"100 % coton biologique", "100% organic cotton"}, {"100 % lin lavé", "100% washed linen"}, {"100 % laine mérinos", "100% merino wool"}, {"98 % coton, 2 % élasthanne", "98% cotton, 2% elastane"}, {"100 % viscose", "100% viscose"}, {"100 % cachemire", "100% cashmere"}, {"100 % polyester recyclé", "100% recycled polyester"}, {"100 % coton flanelle", "100% cotton flannel"}},
        {{"Coupe pensée pour bouger", "Cut to move with you"}, {"Matière douce et respirante", "Soft, breathable fabric"}, {"Fabriqué en Europe", "Made in Europe"}, {"Se garde des années", "Built to last for years"}, {"Couleur qui ne ternit pas au lavage", "Colour that stays bright wash after wash"}},
        {{"Lavage en machine à 30 °C, ne pas utiliser de sèche-linge.", "Machine wash at 30 °C, do not tumble dry."}, {"Lavage à la main à l'eau froide, séchage à plat.", "Hand wash cold, dry flat."}, {"Nettoyage à sec recommandé.", "Dry clean recommended."}},
        {{"Une pièce facile à porter au quotidien, qui s'accorde avec tout.", "An easy everyday piece that goes with everything."}, {"Sa coupe étudiée flatte la silhouette sans la contraindre.", "Its careful cut flatters without constraining."}, {"Les finitions soignées font la différence : coutures renforcées, tissu dense.", "Careful finishing makes the difference: reinforced seams, dense fabric."}},
    };
    static const FamilyWords shoes = {
        {{"à lacets", "lace-up"}, {"montantes", "high-top"}, {"à scratch", "hook-and-loop"}, {"à talon carré", "block-heel"}, {"légères", "lightweight"}},
        {{"en cuir", "leather"}, {"en daim", "suede"}, {"en toile", "canvas"}, {"en cuir vegan", "vegan leather"}, {"en maille recyclée", "recycled knit"}},
        {{"Tige cuir, semelle caoutchouc", "Leather upper, rubber sole"}, {"Tige daim, doublure textile", "Suede upper, textile lining"}, {"Tige toile de coton, semelle vulcanisée", "Cotton canvas upper, vulcanised sole"}, {"Tige synthétique, semelle EVA", "Synthetic upper, EVA sole"}, {"Tige maille recyclée, semelle amortissante", "Recycled knit upper, cushioned sole"}},
        {{"Semelle amortissante toute la journée", "All-day cushioning"}, {"Bonne accroche sur sol mouillé", "Good grip on wet ground"}, {"Première de propreté amovible", "Removable insole"}, {"Chausse normalement : prenez votre taille habituelle", "True to size: take your usual size"}},
        {{"Brosser à sec, imperméabiliser régulièrement.", "Brush dry, waterproof regularly."}, {"Nettoyer avec un chiffon humide.", "Wipe with a damp cloth."}},
        {{"Une paire confortable dès le premier jour.", "A pair that is comfortable from day one."}, {"Un classique revisité qui se porte en ville comme le week-end.", "A revisited classic for town and weekends alike."}},
    };
    static const FamilyWords sport = {
        {{"pour débutant", "beginner"}, {"compétition", "competition"}, {"tout terrain", "all-terrain"}, {"compact", "compact"}, {"ultra-léger", "ultralight"}},
        {{"renforcé", "reinforced"}, {"en aluminium", "aluminium"}, {"en carbone", "carbon"}, {"imperméable", "waterproof"}, {"en fonte", "cast-iron"}},
        {{"Aluminium 6061", "6061 aluminium"}, {"Composite carbone", "Carbon composite"}, {"Polyester enduit", "Coated polyester"}, {"Caoutchouc naturel", "Natural rubber"}, {"Fonte revêtue", "Coated cast iron"}},
        {{"Testé en conditions réelles", "Tested in real conditions"}, {"Garantie 2 ans", "2-year warranty"}, {"Pièces détachées disponibles", "Spare parts available"}, {"Idéal pour progresser", "Ideal for making progress"}},
        {{"Rincer à l'eau claire après usage.", "Rinse with clear water after use."}, {"Stocker au sec, à l'abri du soleil.", "Store dry, out of direct sunlight."}},
        {{"Conçu avec des sportifs pour des séances sans compromis.", "Designed with athletes for sessions without compromise."}, {"Robuste, simple à régler, prêt pour l'aventure.", "Sturdy, easy to adjust, ready for adventure."}},
    };
    static const FamilyWords home = {
        {{"scandinave", "Scandinavian"}, {"industriel", "industrial"}, {"bohème", "boho"}, {"contemporain", "contemporary"}, {"rétro", "retro"}},
        {{"en chêne massif", "solid oak"}, {"en velours", "velvet"}, {"en métal", "metal"}, {"en céramique", "ceramic"}, {"en coton lavé", "washed cotton"}, {"en fonte émaillée", "enamelled cast-iron"}},
        {{"Chêne massif huilé", "Oiled solid oak"}, {"Velours de polyester", "Polyester velvet"}, {"Acier thermolaqué", "Powder-coated steel"}, {"Grès émaillé", "Glazed stoneware"}, {"100 % coton, 550 g/m²", "100% cotton, 550 g/m²"}, {"Fonte émaillée", "Enamelled cast iron"}},
        {{"Livré monté", "Delivered assembled"}, {"Matériaux certifiés", "Certified materials"}, {"Garantie 5 ans", "5-year warranty"}, {"Conçu dans notre atelier de Lyon", "Designed in our Lyon studio"}},
        {{"Dépoussiérer avec un chiffon sec.", "Dust with a dry cloth."}, {"Lavage en machine à 40 °C.", "Machine wash at 40 °C."}, {"Compatible lave-vaisselle et tous feux, induction comprise.", "Dishwasher safe, suitable for all hobs including induction."}},
        {{"Une pièce qui réchauffe l'intérieur et traverse les modes.", "A piece that warms up a room and outlasts trends."}, {"Des lignes simples, des matériaux honnêtes.", "Simple lines, honest materials."}},
    };
    static const FamilyWords baby = {
        {{"naissance", "newborn"}, {"évolutif", "convertible"}, {"doux", "soft"}, {"compact", "compact"}},
        {{"en coton bio", "organic cotton"}, {"en bois", "wooden"}, {"en éponge", "terry"}, {"en aluminium", "aluminium"}},
        {{"100 % coton biologique certifié GOTS", "100% GOTS-certified organic cotton"}, {"Hêtre massif, peinture à l'eau", "Solid beech, water-based paint"}, {"Châssis aluminium, tissu déperlant", "Aluminium frame, water-repellent fabric"}},
        {{"Testé dermatologiquement", "Dermatologically tested"}, {"Conforme à la norme EN 71", "Complies with EN 71"}, {"Pliage d'une seule main", "One-hand fold"}},
        {{"Lavage en machine à 30 °C.", "Machine wash at 30 °C."}, {"Nettoyer avec un chiffon humide.", "Wipe with a damp cloth."}},
        {{"Pensé pour les tout-petits et leurs parents.", "Made for little ones and their parents."}, {"Doux, sûr et pratique au quotidien.", "Soft, safe and practical every day."}},
    };
    static const FamilyWords tech = {
        {{"5G", "5G"}, {"sans fil", "wireless"}, {"à réduction de bruit", "noise-cancelling"}, {"4K", "4K"}, {"étanche", "waterproof"}, {"OLED", "OLED"}},
        {{"nouvelle génération", "new generation"}, {"édition 2026", "2026 edition"}, {"Pro", "Pro"}, {"Lite", "Lite"}},
        {{"Écran OLED 6,1 pouces", "6.1-inch OLED display"}, {"Autonomie 30 heures", "30-hour battery life"}, {"Processeur 8 cœurs", "8-core processor"}, {"Bluetooth 5.3", "Bluetooth 5.3"}, {"Étanchéité IP68", "IP68 water resistance"}},
        {{"Mises à jour garanties 6 ans", "6 years of guaranteed updates"}, {"Réparable : pièces disponibles 7 ans", "Repairable: parts available for 7 years"}, {"Indice de réparabilité 8,2/10", "Repairability index 8.2/10"}, {"Charge rapide", "Fast charging"}},
        {{"Nettoyer avec un chiffon microfibre sec.", "Clean with a dry microfibre cloth."}},
        {{"Performant, sobre et conçu pour durer.", "Powerful, efficient and built to last."}, {"Tout ce qu'il faut, rien de superflu.", "Everything you need, nothing you don't."}},
    };
    static const FamilyWords tyres = {
        {{"touring", "touring"}, {"sport", "sport"}, {"éco", "eco"}, {"renforcé", "reinforced"}},
        {{"Contact", "Contact"}, {"Grip", "Grip"}, {"Eco", "Eco"}, {"Sport", "Sport"}},
        {{"Étiquette UE : A / B / 70 dB", "EU label: A / B / 70 dB"}, {"Étiquette UE : B / A / 69 dB", "EU label: B / A / 69 dB"}, {"Étiquette UE : C / B / 71 dB", "EU label: C / B / 71 dB"}},
        {{"Freinage court sur sol mouillé", "Short braking on wet roads"}, {"Faible résistance au roulement", "Low rolling resistance"}, {"Montage en magasin sur rendez-vous", "Fitting in store by appointment"}},
        {{"Vérifier la pression une fois par mois.", "Check the pressure once a month."}},
        {{"Un pneu sûr et endurant pour tous vos trajets.", "A safe, long-lasting tyre for every journey."}},
    };
    switch (family) {
        case Family::Clothing: return clothing;
        case Family::Shoes: return shoes;
        case Family::Sport: return sport;
        case Family::Home: return home;
        case Family::Baby: return baby;
        case Family::Tech: return tech;
        case Family::Tyres: return tyres;
    }
    return clothing;
}

const std::vector<std::string>& range_names() {
    static const std::vector<std::string> names = {
        "Brume", "Océane", "Léa", "Côme", "Hélios", "Étoile", "Forêt", "Rivage", "Mistral", "Ardèche",
        "Camargue", "Lumière", "Noé", "Élise", "Zéphyr", "Azur", "Galet", "Sirocco", "Cévennes",
        "Vercors", "Iroise", "Bréhat", "Aubrac", "Périgord", "Chloé", "Anaïs", "Gaël", "Maëlle",
        "Sève", "Clémence", "Sérac", "Orée", "Bocage", "Calanque", "Garrigue", "Ondée"};
    return names;
}

const std::vector<std::string>& first_names() {
    static const std::vector<std::string> names = {
        "Camille", "Léa", "Manon", "Chloé", "Inès", "Zoé", "Louise", "Jade", "Émilie", "Hélène",
        "Lucas", "Hugo", "Louis", "Théo", "Nathan", "Raphaël", "Gabriel", "Jules", "Mathéo", "Noël",
        "Amélie", "Céline", "François", "Jérôme", "Anaïs", "Gaëlle", "Loïc", "Maëlys", "Benoît", "Sébastien"};
    return names;
}

const std::vector<std::string>& last_names() {
    static const std::vector<std::string> names = {
        "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy",
        "Moreau", "Simon", "Laurent", "Lefèvre", "Michel", "Garcia", "David", "Bertrand", "Roux",
        "Vincent", "Fournier", "Morel", "Girard", "André", "Lefebvre", "Mercier", "Dupont", "Lambert",
        "Bonnet", "François", "Martinez", "Gauthier", "Chevalier", "Crépin", "Besnard", "Hébert"};
    return names;
}

}  // namespace central_api
