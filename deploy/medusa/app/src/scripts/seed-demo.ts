// Seeds the kiosk's demo retailer into Medusa with Medusa's own core workflows.
// Run by deploy/medusa/setup.sh as `medusa exec ./src/scripts/seed-demo.ts`.
//
// Idempotent: every entity is looked up by a natural key (name, handle, title) first and only created
// when it is missing; stock levels are only added where none exists, never overwritten. A second run
// prints "exists" lines and changes nothing.
//
// Environment:
//   KIOSK_PUBLISHABLE_KEY_FILE  where to write the publishable API key's token (one line)
//   KIOSK_PLACEHOLDER_IMAGE_BASE  base of the product image URLs (default http://127.0.0.1/placeholder)
//
// Amounts: Medusa v2 stores and returns prices in the currency's MAJOR unit (4.9 = 4,90 EUR).
import { writeFileSync } from "fs"
import {
  ContainerRegistrationKeys,
  Modules,
  ProductStatus,
} from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createLocationFulfillmentSetWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createServiceZonesWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"

// ---------------------------------------------------------------------------------------------
// The demo retailer's data
// ---------------------------------------------------------------------------------------------

const REGION_NAME = "France"
const CURRENCY = "eur"
const COUNTRY = "fr"
const SALES_CHANNEL_NAME = "Bornes en magasin"
const API_KEY_TITLE = "Bornes kiosque (démo)"
const SHIPPING_PROFILE_NAME = "Profil d'expédition standard"
const PICKUP_OPTION_NAME = "Retrait en magasin"
const DELIVERY_OPTION_NAME = "Livraison à domicile"
const DELIVERY_PRICE = 4.9 // EUR, major unit
const FULFILLMENT_PROVIDER = "manual_manual"

type LocationSeed = {
  code: string
  name: string
  kind: "warehouse" | "store"
  address: { address_1: string; postal_code: string; city: string; phone?: string }
  lat: number
  lon: number
}

const LOCATIONS: LocationSeed[] = [
  {
    code: "WH-RUNGIS", name: "Entrepôt Rungis", kind: "warehouse",
    address: { address_1: "12 rue des Halles", postal_code: "94150", city: "Rungis", phone: "+33 1 45 12 00 00" },
    lat: 48.7471, lon: 2.3497,
  },
  {
    code: "PAR-RIVOLI", name: "Paris Rivoli", kind: "store",
    address: { address_1: "120 rue de Rivoli", postal_code: "75001", city: "Paris", phone: "+33 1 42 60 00 01" },
    lat: 48.8600, lon: 2.3440,
  },
  {
    code: "LYS-PARTDIEU", name: "Lyon Part-Dieu", kind: "store",
    address: { address_1: "17 rue du Docteur Bouchut", postal_code: "69003", city: "Lyon", phone: "+33 4 78 60 00 02" },
    lat: 45.7610, lon: 4.8560,
  },
  {
    code: "MRS-CENTREBOURSE", name: "Marseille Centre Bourse", kind: "store",
    address: { address_1: "17 cours Belsunce", postal_code: "13001", city: "Marseille", phone: "+33 4 91 00 00 03" },
    lat: 43.2980, lon: 5.3780,
  },
  {
    code: "LIL-EURALILLE", name: "Lille Euralille", kind: "store",
    address: { address_1: "100 centre commercial Euralille", postal_code: "59777", city: "Lille", phone: "+33 3 20 00 00 04" },
    lat: 50.6370, lon: 3.0750,
  },
  {
    code: "BOD-SAINTECATHERINE", name: "Bordeaux Sainte-Catherine", kind: "store",
    address: { address_1: "90 rue Sainte-Catherine", postal_code: "33000", city: "Bordeaux", phone: "+33 5 56 00 00 05" },
    lat: 44.8390, lon: -0.5740,
  },
]

type CategorySeed = { handle: string; name: string; parent?: string }

const CATEGORIES: CategorySeed[] = [
  { handle: "mode", name: "Mode" },
  { handle: "mode-femme", name: "Femme", parent: "mode" },
  { handle: "mode-homme", name: "Homme", parent: "mode" },
  { handle: "maison", name: "Maison" },
  { handle: "maison-linge", name: "Linge de maison", parent: "maison" },
  { handle: "maison-decoration", name: "Décoration", parent: "maison" },
]

type ProductSeed = {
  ref: string
  title: string
  category: string
  price: number // EUR, major unit
  sizes: string[]
  colors: string[]
  material: string
  // a size that costs more (home linen): size -> price
  sizePrices?: Record<string, number>
  // only sold from the warehouse (no store carries it)
  warehouseOnly?: boolean
}

const WOMEN_SIZES = ["XS", "S", "M", "L", "XL"]
const MEN_SIZES = ["S", "M", "L", "XL", "XXL"]

const PRODUCTS: ProductSeed[] = [
  // Mode > Femme
  { ref: "F-PULL-ROND", title: "Pull en maille col rond", category: "mode-femme", price: 39.99, sizes: WOMEN_SIZES, colors: ["Écru", "Bleu marine", "Bordeaux"], material: "50 % laine, 50 % acrylique" },
  { ref: "F-ROBE-LIN", title: "Robe chemise en lin", category: "mode-femme", price: 59.99, sizes: ["S", "M", "L"], colors: ["Blanc", "Terracotta"], material: "100 % lin" },
  { ref: "F-JEAN-DROIT", title: "Jean droit taille haute", category: "mode-femme", price: 49.99, sizes: ["36", "38", "40", "42", "44"], colors: ["Brut", "Délavé"], material: "98 % coton, 2 % élasthanne" },
  { ref: "F-TSHIRT-BIO", title: "T-shirt en coton bio", category: "mode-femme", price: 12.99, sizes: WOMEN_SIZES, colors: ["Blanc", "Noir", "Vert sauge"], material: "100 % coton biologique" },
  { ref: "F-BLOUSE-FLUIDE", title: "Blouse fluide imprimée", category: "mode-femme", price: 34.99, sizes: ["S", "M", "L"], colors: ["Fleurs bleues", "Fleurs roses"], material: "100 % viscose" },
  { ref: "F-VESTE-JEAN", title: "Veste en jean", category: "mode-femme", price: 64.99, sizes: ["S", "M", "L", "XL"], colors: ["Bleu clair", "Noir"], material: "100 % coton" },
  { ref: "F-CARDIGAN-MERINOS", title: "Cardigan en laine mérinos", category: "mode-femme", price: 79.99, sizes: ["S", "M", "L"], colors: ["Gris chiné", "Camel"], material: "100 % laine mérinos", warehouseOnly: true },
  { ref: "F-PANTALON-PINCES", title: "Pantalon large à pinces", category: "mode-femme", price: 44.99, sizes: ["36", "38", "40", "42"], colors: ["Noir", "Beige"], material: "65 % polyester, 35 % viscose" },
  { ref: "F-TRENCH", title: "Trench-coat imperméable", category: "mode-femme", price: 119.0, sizes: ["S", "M", "L"], colors: ["Beige", "Kaki"], material: "100 % coton enduit" },
  { ref: "F-ESCARPINS", title: "Escarpins en cuir", category: "mode-femme", price: 89.0, sizes: ["36", "37", "38", "39", "40"], colors: ["Noir", "Nude"], material: "Cuir de vachette" },
  // Mode > Homme
  { ref: "H-CHEMISE-OXFORD", title: "Chemise Oxford", category: "mode-homme", price: 39.99, sizes: MEN_SIZES, colors: ["Blanc", "Bleu ciel"], material: "100 % coton" },
  { ref: "H-PULL-CAMIONNEUR", title: "Pull col camionneur", category: "mode-homme", price: 54.99, sizes: ["S", "M", "L", "XL"], colors: ["Gris anthracite", "Bleu marine"], material: "70 % laine, 30 % polyamide" },
  { ref: "H-JEAN-SLIM", title: "Jean slim brut", category: "mode-homme", price: 49.99, sizes: ["38", "40", "42", "44", "46"], colors: ["Brut", "Noir"], material: "99 % coton, 1 % élasthanne" },
  { ref: "H-POLO-PIQUE", title: "Polo piqué", category: "mode-homme", price: 29.99, sizes: MEN_SIZES, colors: ["Blanc", "Rouge", "Vert bouteille"], material: "100 % coton piqué" },
  { ref: "H-SWEAT-CAPUCHE", title: "Sweat à capuche", category: "mode-homme", price: 39.99, sizes: ["S", "M", "L", "XL"], colors: ["Gris chiné", "Noir"], material: "80 % coton, 20 % polyester" },
  { ref: "H-CHINO", title: "Chino en coton stretch", category: "mode-homme", price: 44.99, sizes: ["38", "40", "42", "44"], colors: ["Beige", "Bleu marine", "Kaki"], material: "97 % coton, 3 % élasthanne" },
  { ref: "H-VESTE-MATELASSEE", title: "Veste matelassée légère", category: "mode-homme", price: 89.99, sizes: ["M", "L", "XL"], colors: ["Noir", "Bleu nuit"], material: "100 % polyamide recyclé", warehouseOnly: true },
  { ref: "H-TSHIRT-V", title: "T-shirt col V", category: "mode-homme", price: 14.99, sizes: MEN_SIZES, colors: ["Blanc", "Gris", "Noir"], material: "100 % coton" },
  { ref: "H-PARKA", title: "Parka à capuche", category: "mode-homme", price: 149.0, sizes: ["M", "L", "XL"], colors: ["Kaki", "Noir"], material: "100 % polyester, doublure ouatinée" },
  { ref: "H-BASKETS-CUIR", title: "Baskets en cuir", category: "mode-homme", price: 79.0, sizes: ["40", "41", "42", "43", "44", "45"], colors: ["Blanc", "Noir"], material: "Cuir, semelle caoutchouc" },
  // Maison > Linge de maison
  { ref: "M-HOUSSE-PERCALE", title: "Housse de couette en percale", category: "maison-linge", price: 59.0, sizes: ["140 × 200", "240 × 220", "260 × 240"], colors: ["Blanc", "Gris perle", "Bleu orage"], material: "100 % coton percale 80 fils/cm²", sizePrices: { "140 × 200": 59.0, "240 × 220": 79.0, "260 × 240": 89.0 } },
  { ref: "M-DRAP-HOUSSE", title: "Drap housse en coton", category: "maison-linge", price: 24.99, sizes: ["90 × 190", "140 × 190", "160 × 200"], colors: ["Blanc", "Lin naturel"], material: "100 % coton", sizePrices: { "90 × 190": 19.99, "140 × 190": 24.99, "160 × 200": 29.99 } },
  { ref: "M-TAIE-LIN", title: "Taie d'oreiller en lin lavé", category: "maison-linge", price: 19.99, sizes: ["50 × 70", "65 × 65"], colors: ["Blanc", "Terracotta", "Vert olive"], material: "100 % lin lavé" },
  { ref: "M-PLAID-LAINE", title: "Plaid en laine", category: "maison-linge", price: 49.0, sizes: ["130 × 170", "180 × 220"], colors: ["Moutarde", "Gris"], material: "80 % laine, 20 % polyamide", sizePrices: { "130 × 170": 49.0, "180 × 220": 69.0 } },
  { ref: "M-SERVIETTE-EPONGE", title: "Serviette de bain éponge", category: "maison-linge", price: 14.99, sizes: ["50 × 100", "70 × 140", "100 × 150"], colors: ["Blanc", "Bleu canard", "Rose poudré"], material: "100 % coton 550 g/m²", sizePrices: { "50 × 100": 9.99, "70 × 140": 14.99, "100 × 150": 24.99 } },
  { ref: "M-PEIGNOIR", title: "Peignoir en coton", category: "maison-linge", price: 44.99, sizes: ["S/M", "L/XL"], colors: ["Blanc", "Gris"], material: "100 % coton nid d'abeille" },
  { ref: "M-NAPPE-LIN", title: "Nappe en lin", category: "maison-linge", price: 39.99, sizes: ["150 × 150", "150 × 250"], colors: ["Naturel", "Blanc"], material: "100 % lin", sizePrices: { "150 × 150": 39.99, "150 × 250": 54.99 }, warehouseOnly: true },
  // Maison > Décoration
  { ref: "M-COUSSIN-VELOURS", title: "Coussin en velours", category: "maison-decoration", price: 19.99, sizes: ["40 × 40", "45 × 45", "50 × 50"], colors: ["Vert émeraude", "Rose", "Ocre"], material: "Velours de coton, garnissage polyester" },
  { ref: "M-RIDEAU-OCCULTANT", title: "Rideau occultant", category: "maison-decoration", price: 34.99, sizes: ["140 × 240", "140 × 260"], colors: ["Gris", "Beige", "Bleu nuit"], material: "100 % polyester" },
  { ref: "M-TAPIS-BERBERE", title: "Tapis style berbère", category: "maison-decoration", price: 129.0, sizes: ["120 × 170", "160 × 230"], colors: ["Écru", "Noir et blanc"], material: "100 % laine tuftée main", sizePrices: { "120 × 170": 129.0, "160 × 230": 199.0 } },
  { ref: "M-VASE-CERAMIQUE", title: "Vase en céramique", category: "maison-decoration", price: 24.99, sizes: ["S", "M", "L"], colors: ["Blanc mat", "Bleu"], material: "Céramique émaillée", sizePrices: { S: 19.99, M: 24.99, L: 34.99 } },
  { ref: "M-BOUGIE-PARFUMEE", title: "Bougie parfumée", category: "maison-decoration", price: 16.99, sizes: ["180 g", "400 g"], colors: ["Figuier", "Fleur d'oranger"], material: "Cire végétale, mèche coton", sizePrices: { "180 g": 16.99, "400 g": 29.99 } },
  { ref: "M-PANIER-OSIER", title: "Panier en osier", category: "maison-decoration", price: 29.99, sizes: ["Petit", "Grand"], colors: ["Naturel", "Noir"], material: "Osier tressé main" },
  { ref: "M-MIROIR-ROTIN", title: "Miroir rond en rotin", category: "maison-decoration", price: 59.0, sizes: ["Ø 40 cm", "Ø 60 cm"], colors: ["Naturel", "Miel"], material: "Rotin, verre" },
]

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

function slugify(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
}

// EAN-13 from 12 digits: the check digit weighs odd positions 1 and even positions 3.
export function ean13(first12: string): string {
  if (!/^[0-9]{12}$/.test(first12)) throw new Error(`bad EAN body ${first12}`)
  let sum = 0
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3)
  return first12 + String((10 - (sum % 10)) % 10)
}

// Deterministic pseudo-random numbers (FNV-1a hash into mulberry32), so every install seeds the same stock.
function hash32(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}
function random01(key: string): number {
  let t = (hash32(key) + 0x6d2b79f5) >>> 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

function sizeCode(size: string): string {
  const s = slugify(size).toUpperCase().replace(/-/g, "")
  return s || "U"
}
function colorCode(color: string): string {
  return slugify(color).toUpperCase().split("-").map((w) => w.slice(0, 3)).join("")
}

type VariantPlan = {
  title: string
  sku: string
  ean: string
  size: string
  color: string
  price: number
}

// Variants of every product, in catalogue order; the EAN counter runs over the whole catalogue so codes are unique.
function planVariants(): Map<string, VariantPlan[]> {
  const plans = new Map<string, VariantPlan[]>()
  let counter = 1
  for (const p of PRODUCTS) {
    const list: VariantPlan[] = []
    for (const color of p.colors) {
      for (const size of p.sizes) {
        // 376 (GS1 France) + 4-digit demo company prefix + 5-digit item number
        const body = "3760042" + String(counter).padStart(5, "0")
        counter++
        list.push({
          title: `${size} / ${color}`,
          sku: `${p.ref}-${sizeCode(size)}-${colorCode(color)}`,
          ean: ean13(body),
          size,
          color,
          price: p.sizePrices?.[size] ?? p.price,
        })
      }
    }
    plans.set(p.ref, list)
  }
  return plans
}

// How many units of a variant a location holds; null = the location does not carry it (no stock level).
// Warehouse: almost everything, in depth. Stores: a sparse selection, a few units each, some at zero.
// A few variants are out of stock everywhere, and warehouseOnly products are in no store.
function plannedQuantity(product: ProductSeed, v: VariantPlan, loc: LocationSeed): number | null {
  const r = random01(`${v.sku}@${loc.code}`)
  const everywhereOut = random01(`${v.sku}#out`) < 0.04
  if (loc.kind === "warehouse") {
    if (everywhereOut) return 0
    if (r < 0.08) return 0
    return 5 + Math.floor(r * 60)
  }
  if (product.warehouseOnly) return null
  if (r < 0.35) return null // not carried in this store
  if (everywhereOut || r < 0.5) return 0 // carried, sold out
  return 1 + Math.floor(((r - 0.5) / 0.5) * 8)
}

// ---------------------------------------------------------------------------------------------
// The seed
// ---------------------------------------------------------------------------------------------

export default async function seedDemo({ container }: { container: any }) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const counts = { created: 0, existing: 0 }
  const say = (what: string, created: boolean) => {
    if (created) counts.created++
    else counts.existing++
    logger.info(`seed-demo: ${created ? "created" : "exists "} ${what}`)
  }
  const one = async (entity: string, fields: string[], filters: Record<string, unknown>) => {
    const { data } = await query.graph({ entity, fields, filters })
    return data[0]
  }

  // -- store, sales channel -------------------------------------------------------------------
  const store = await one("store", ["id", "name", "default_sales_channel_id", "default_region_id", "default_location_id", "supported_currencies.*"], {})
  if (!store) throw new Error("no store: run `medusa db:migrate` first")

  let salesChannel = await one("sales_channel", ["id", "name"], { name: SALES_CHANNEL_NAME })
  if (!salesChannel) {
    const { result } = await createSalesChannelsWorkflow(container).run({
      input: { salesChannelsData: [{ name: SALES_CHANNEL_NAME, description: "Commandes passées sur les bornes des magasins" }] },
    })
    salesChannel = result[0]
    say(`sales channel "${SALES_CHANNEL_NAME}" ${salesChannel.id}`, true)
  } else say(`sales channel "${SALES_CHANNEL_NAME}" ${salesChannel.id}`, false)

  // -- region, taxes ----------------------------------------------------------------------------
  let region = await one("region", ["id", "name", "currency_code"], { name: REGION_NAME })
  if (!region) {
    const { result } = await createRegionsWorkflow(container).run({
      input: {
        regions: [{
          name: REGION_NAME,
          currency_code: CURRENCY,
          countries: [COUNTRY],
          payment_providers: ["pp_system_default"],
          automatic_taxes: true,
          is_tax_inclusive: true, // French shelf prices include VAT
        }],
      },
    })
    region = result[0]
    say(`region "${REGION_NAME}" (${CURRENCY}, ${COUNTRY}) ${region.id}`, true)
  } else say(`region "${REGION_NAME}" ${region.id}`, false)

  const taxRegion = await one("tax_region", ["id"], { country_code: COUNTRY })
  if (!taxRegion) {
    await createTaxRegionsWorkflow(container).run({
      input: [{ country_code: COUNTRY, provider_id: "tp_system", default_tax_rate: { name: "TVA 20 %", code: "TVA20", rate: 20 } }],
    })
    say(`tax region ${COUNTRY} (TVA 20 %)`, true)
  } else say(`tax region ${COUNTRY}`, false)

  // -- publishable API key --------------------------------------------------------------------
  let apiKey = await one("api_key", ["id", "token", "title", "sales_channels.id"], { title: API_KEY_TITLE, type: "publishable" })
  if (!apiKey) {
    const { result } = await createApiKeysWorkflow(container).run({
      input: { api_keys: [{ title: API_KEY_TITLE, type: "publishable", created_by: "" }] },
    })
    apiKey = { ...result[0], sales_channels: [] }
    say(`publishable API key "${API_KEY_TITLE}"`, true)
  } else say(`publishable API key "${API_KEY_TITLE}"`, false)
  if (!(apiKey.sales_channels ?? []).some((sc: any) => sc?.id === salesChannel.id)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: apiKey.id, add: [salesChannel.id] } })
    say(`link API key → sales channel`, true)
  }

  // -- shipping profile -------------------------------------------------------------------------
  let profile = await one("shipping_profile", ["id", "name"], { type: "default" })
  if (!profile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: SHIPPING_PROFILE_NAME, type: "default" }] },
    })
    profile = result[0]
    say(`shipping profile "${profile.name}"`, true)
  } else say(`shipping profile "${profile.name}"`, false)

  // -- stock locations, fulfilment sets, shipping options ------------------------------------
  const locationIds = new Map<string, string>()
  for (const loc of LOCATIONS) {
    const fields = [
      "id", "name", "sales_channels.id", "fulfillment_providers.id",
      "fulfillment_sets.id", "fulfillment_sets.type",
      "fulfillment_sets.service_zones.id", "fulfillment_sets.service_zones.shipping_options.id",
    ]
    let sl = await one("stock_location", fields, { name: loc.name })
    if (!sl) {
      await createStockLocationsWorkflow(container).run({
        input: {
          locations: [{
            name: loc.name,
            // company carries the location's name: the Store API's shipping options return
            // service_zone.fulfillment_set.location.{id,address} but not the location's name.
            address: { ...loc.address, company: loc.name, country_code: COUNTRY },
            metadata: { code: loc.code, kind: loc.kind, lat: loc.lat, lon: loc.lon, pickup: loc.kind === "store" },
          }],
        },
      })
      sl = await one("stock_location", fields, { name: loc.name })
      say(`stock location "${loc.name}" (${loc.kind}) ${sl.id}`, true)
    } else say(`stock location "${loc.name}" ${sl.id}`, false)
    locationIds.set(loc.code, sl.id)

    if (!(sl.sales_channels ?? []).some((sc: any) => sc?.id === salesChannel.id)) {
      await linkSalesChannelsToStockLocationWorkflow(container).run({ input: { id: sl.id, add: [salesChannel.id] } })
      say(`link "${loc.name}" → sales channel`, true)
    }
    if (!(sl.fulfillment_providers ?? []).some((fp: any) => fp?.id === FULFILLMENT_PROVIDER)) {
      await link.create({
        [Modules.STOCK_LOCATION]: { stock_location_id: sl.id },
        [Modules.FULFILLMENT]: { fulfillment_provider_id: FULFILLMENT_PROVIDER },
      })
      say(`link "${loc.name}" → fulfilment provider ${FULFILLMENT_PROVIDER}`, true)
    }

    const setType = loc.kind === "store" ? "pickup" : "shipping"
    let fset = (sl.fulfillment_sets ?? []).find((fs: any) => fs?.type === setType)
    if (!fset) {
      await createLocationFulfillmentSetWorkflow(container).run({
        input: {
          location_id: sl.id,
          fulfillment_set_data: { name: `${loc.name} — ${setType === "pickup" ? "retrait" : "expédition"}`, type: setType },
        },
      })
      sl = await one("stock_location", fields, { name: loc.name })
      fset = (sl.fulfillment_sets ?? []).find((fs: any) => fs?.type === setType)
      say(`fulfilment set ${setType} for "${loc.name}"`, true)
    } else say(`fulfilment set ${setType} for "${loc.name}"`, false)

    let zone = (fset.service_zones ?? [])[0]
    if (!zone) {
      const { result } = await createServiceZonesWorkflow(container).run({
        input: {
          data: [{
            fulfillment_set_id: fset.id,
            name: `${loc.name} — France`,
            geo_zones: [{ type: "country", country_code: COUNTRY }],
          }],
        },
      })
      zone = { ...result[0], shipping_options: [] }
      say(`service zone France for "${loc.name}"`, true)
    }

    if (!(zone.shipping_options ?? []).length) {
      const pickup = setType === "pickup"
      await createShippingOptionsWorkflow(container).run({
        input: [{
          name: pickup ? PICKUP_OPTION_NAME : DELIVERY_OPTION_NAME,
          price_type: "flat",
          provider_id: FULFILLMENT_PROVIDER,
          service_zone_id: zone.id,
          shipping_profile_id: profile.id,
          type: pickup
            ? { label: PICKUP_OPTION_NAME, description: `Retrait gratuit au magasin ${loc.name}`, code: "pickup" }
            : { label: DELIVERY_OPTION_NAME, description: "Livraison en 3 à 5 jours ouvrés", code: "delivery" },
          prices: [
            { currency_code: CURRENCY, amount: pickup ? 0 : DELIVERY_PRICE },
            { region_id: region.id, amount: pickup ? 0 : DELIVERY_PRICE },
          ],
          data: { location_code: loc.code, location_name: loc.name },
          rules: [
            { attribute: "enabled_in_store", value: "true", operator: "eq" },
            { attribute: "is_return", value: "false", operator: "eq" },
          ],
        }],
      })
      say(`shipping option "${pickup ? PICKUP_OPTION_NAME : DELIVERY_OPTION_NAME}" at "${loc.name}" (${pickup ? "0" : DELIVERY_PRICE} EUR)`, true)
    } else say(`shipping option at "${loc.name}"`, false)
  }

  // -- store defaults ---------------------------------------------------------------------------
  const warehouseId = locationIds.get(LOCATIONS.find((l) => l.kind === "warehouse")!.code)!
  const hasEur = (store.supported_currencies ?? []).some((c: any) => c?.currency_code === CURRENCY && c?.is_default)
  // French shelf prices include VAT: the EUR price preference must say so, or carts add 20 % on top.
  const eurPreference = await one("price_preference", ["id", "is_tax_inclusive"], { attribute: "currency_code", value: CURRENCY })
  if (!hasEur || !eurPreference?.is_tax_inclusive || store.default_sales_channel_id !== salesChannel.id || store.default_region_id !== region.id || store.default_location_id !== warehouseId) {
    await updateStoresWorkflow(container).run({
      input: {
        selector: { id: store.id },
        update: {
          name: "Maison Demo",
          supported_currencies: [{ currency_code: CURRENCY, is_default: true, is_tax_inclusive: true } as any],
          default_sales_channel_id: salesChannel.id,
          default_region_id: region.id,
          default_location_id: warehouseId,
        },
      },
    })
    say(`store defaults (EUR prices VAT included, sales channel, region, warehouse)`, true)
  } else say(`store defaults`, false)

  // -- categories --------------------------------------------------------------------------------
  const categoryIds = new Map<string, string>()
  for (const cat of CATEGORIES) {
    let c = await one("product_category", ["id"], { handle: cat.handle })
    if (!c) {
      const { result } = await createProductCategoriesWorkflow(container).run({
        input: {
          product_categories: [{
            name: cat.name,
            handle: cat.handle,
            is_active: true,
            is_internal: false,
            parent_category_id: cat.parent ? categoryIds.get(cat.parent)! : null,
          }],
        },
      })
      c = result[0]
      say(`category "${cat.name}" (${cat.handle})`, true)
    } else say(`category "${cat.name}"`, false)
    categoryIds.set(cat.handle, c.id)
  }

  // -- products ------------------------------------------------------------------------------------
  const imageBase = (process.env.KIOSK_PLACEHOLDER_IMAGE_BASE || "http://127.0.0.1/placeholder").replace(/\/+$/, "")
  const plans = planVariants()
  const toCreate: any[] = []
  for (const p of PRODUCTS) {
    const handle = slugify(p.title)
    const existing = await one("product", ["id"], { handle })
    if (existing) {
      say(`product "${p.title}"`, false)
      continue
    }
    const variants = plans.get(p.ref)!
    toCreate.push({
      title: p.title,
      handle,
      subtitle: p.material,
      description: `${p.title} — ${p.material}. Article de démonstration de la borne.`,
      status: ProductStatus.PUBLISHED,
      thumbnail: `${imageBase}/${handle}.jpg`,
      images: [{ url: `${imageBase}/${handle}.jpg` }],
      category_ids: [categoryIds.get(p.category)!],
      shipping_profile_id: profile.id,
      material: p.material,
      external_id: p.ref,
      metadata: { ref: p.ref, brand: "Maison Demo", warehouse_only: !!p.warehouseOnly },
      options: [
        { title: "Taille", values: p.sizes },
        { title: "Couleur", values: p.colors },
      ],
      variants: variants.map((v) => ({
        title: v.title,
        sku: v.sku,
        barcode: v.ean,
        ean: v.ean,
        manage_inventory: true,
        allow_backorder: false,
        options: { Taille: v.size, Couleur: v.color },
        prices: [{ amount: v.price, currency_code: CURRENCY }],
      })),
      sales_channels: [{ id: salesChannel.id }],
    })
  }
  // In batches: one workflow run per batch keeps memory and transaction sizes moderate.
  for (let i = 0; i < toCreate.length; i += 10) {
    const batch = toCreate.slice(i, i + 10)
    await createProductsWorkflow(container).run({ input: { products: batch } })
    for (const p of batch) say(`product "${p.title}" (${p.variants.length} variants)`, true)
  }

  // -- stock levels ---------------------------------------------------------------------------
  // Every variant's inventory item (created by createProductsWorkflow, SKU = variant SKU) gets the
  // levels planned above, only where the item has no level at that location yet.
  const skus: string[] = []
  for (const list of plans.values()) for (const v of list) skus.push(v.sku)
  const { data: items } = await query.graph({
    entity: "inventory_item",
    fields: ["id", "sku", "location_levels.location_id"],
    filters: { sku: skus },
  })
  const itemBySku = new Map<string, any>(items.map((it: any) => [it.sku, it]))
  const levels: { inventory_item_id: string; location_id: string; stocked_quantity: number }[] = []
  let totalUnits = 0
  for (const p of PRODUCTS) {
    for (const v of plans.get(p.ref)!) {
      const item = itemBySku.get(v.sku)
      if (!item) throw new Error(`no inventory item for SKU ${v.sku}`)
      const have = new Set((item.location_levels ?? []).map((l: any) => l?.location_id))
      for (const loc of LOCATIONS) {
        const qty = plannedQuantity(p, v, loc)
        const locationId = locationIds.get(loc.code)!
        if (qty === null || have.has(locationId)) continue
        levels.push({ inventory_item_id: item.id, location_id: locationId, stocked_quantity: qty })
        totalUnits += qty
      }
    }
  }
  for (let i = 0; i < levels.length; i += 200) {
    await createInventoryLevelsWorkflow(container).run({ input: { inventory_levels: levels.slice(i, i + 200) } })
  }
  if (levels.length) say(`${levels.length} stock levels (${totalUnits} units)`, true)
  else say(`stock levels`, false)

  // -- the key the kiosk uses --------------------------------------------------------------------
  const keyFile = process.env.KIOSK_PUBLISHABLE_KEY_FILE
  if (keyFile) {
    writeFileSync(keyFile, apiKey.token + "\n", { mode: 0o644 })
    logger.info(`seed-demo: publishable key written to ${keyFile}`)
  }
  const variantCount = [...plans.values()].reduce((n, l) => n + l.length, 0)
  logger.info(
    `seed-demo: done — ${counts.created} created, ${counts.existing} already there; catalogue ${PRODUCTS.length} products, ` +
      `${variantCount} variants, ${LOCATIONS.length} locations; region ${region.id}, sales channel ${salesChannel.id}`
  )
}
