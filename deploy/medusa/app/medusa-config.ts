// Medusa configuration of the kiosk's demo backend (deploy/medusa/setup.sh copies it into DIR/app).
// Every secret and address comes from DIR/app/.env, which setup.sh generates; this file holds none.
import { defineConfig } from "@medusajs/framework/utils"

function required(name: string): string {
  const value = process.env[name]
  if (!value) {
    throw new Error(`${name} is not set: run deploy/medusa/setup.sh DIR to (re)generate DIR/app/.env`)
  }
  return value
}

// Browsers on the kiosk machine only: the kiosk itself calls the Store API from C++, CORS does not apply to it.
const localOrigins = "http://localhost,http://127.0.0.1,http://localhost:8000,http://127.0.0.1:8000"

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: required("DATABASE_URL"),
    // Loopback, no TLS: the cluster listens on 127.0.0.1 only.
    databaseDriverOptions: { ssl: false },
    http: {
      storeCors: process.env.STORE_CORS || localOrigins,
      adminCors: process.env.ADMIN_CORS || localOrigins,
      authCors: process.env.AUTH_CORS || localOrigins,
      jwtSecret: required("JWT_SECRET"),
      cookieSecret: required("COOKIE_SECRET"),
    },
  },
  // No admin dashboard: nothing is built, the kiosk only uses the Store API.
  admin: {
    disable: true,
  },
})
